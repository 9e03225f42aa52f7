// The filters both registers share (partner, customer, period), as an auditor or the PPC asks: "what went to X between
// these dates", "what do you hold about this person".
import { Button, Group, Modal, Select, Text, TextInput } from '@mantine/core';
import { IconUserSearch, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { CustomerPicker } from '../requests/CustomerPicker';
import type { ChosenCustomer } from '../requests/intake-handoff';
import { countryLabel } from '../partners/countries';
import { usePartners } from '../partners/queries';

export interface PeriodFilters {
  partnerId: string | null;
  customer: ChosenCustomer | null;
  from: string;
  to: string;
}

export const noFilters: PeriodFilters = { partnerId: null, customer: null, from: '', to: '' };

/** The contract's filter fields: empty ones are left out. */
export function filterInput(f: PeriodFilters) {
  return {
    ...(f.partnerId ? { partnerId: f.partnerId } : {}),
    ...(f.customer ? { customerId: f.customer.id } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
  };
}

export function isFiltered(f: PeriodFilters): boolean {
  return f.partnerId !== null || f.customer !== null || f.from !== '' || f.to !== '';
}

export function PartnerFilter({ value, onChange, label }: { value: string | null; onChange: (id: string | null) => void; label: string }) {
  const { t, i18n } = useTranslation();
  // Ended partners stay in the registers' history, so they can still be chosen here.
  const partners = usePartners(true);
  return (
    <Select
      label={label}
      value={value ?? 'all'}
      onChange={(v) => onChange(v && v !== 'all' ? v : null)}
      allowDeselect={false}
      searchable
      data={[{ value: 'all', label: t('registerFilters.allPartners') }, ...(partners.data?.rows ?? []).map((p) => ({ value: p.id, label: `${p.name}（${countryLabel(p.country, i18n.language)}）` }))]}
      w={240}
      data-testid="filter-partner"
    />
  );
}

export function RegisterFilterFields({ filters, onChange, partnerLabel }: { filters: PeriodFilters; onChange: (change: Partial<PeriodFilters>) => void; partnerLabel: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PartnerFilter label={partnerLabel} value={filters.partnerId} onChange={(partnerId) => onChange({ partnerId })} />
      <TextInput type="date" label={t('registerFilters.from')} value={filters.from} onChange={(e) => onChange({ from: e.currentTarget.value })} w={160} data-testid="filter-from" />
      <TextInput type="date" label={t('registerFilters.to')} value={filters.to} onChange={(e) => onChange({ to: e.currentTarget.value })} w={160} data-testid="filter-to" />
      <CustomerFilter value={filters.customer} onChange={(customer) => onChange({ customer })} />
    </>
  );
}

/** Finding the person asked about takes the customer search (an audited read), so only those who may search see it. */
function CustomerFilter({ value, onChange }: { value: ChosenCustomer | null; onChange: (c: ChosenCustomer | null) => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const [asking, setAsking] = useState(false);
  if (!session.permissions.includes('customers.read')) return null;
  return (
    <>
      {value ? (
        <Group gap={6} wrap="nowrap" mb={6} data-testid="filter-customer">
          <Text size="sm" ff="monospace" fw={600}>
            {value.customerNo}
          </Text>
          <Button size="compact-sm" variant="default" leftSection={<IconX size={14} aria-hidden />} onClick={() => onChange(null)} aria-label={t('registerFilters.clearCustomer')}>
            {t('registerFilters.clear')}
          </Button>
        </Group>
      ) : (
        <Button variant="default" leftSection={<IconUserSearch size={16} aria-hidden />} onClick={() => setAsking(true)} mb={1}>
          {t('registerFilters.customer')}
        </Button>
      )}
      <Modal opened={asking} onClose={() => setAsking(false)} title={t('registerFilters.customerTitle')} size="xl">
        {asking && (
          <CustomerPicker
            value={null}
            onChange={(c) => {
              onChange(c);
              setAsking(false);
            }}
          />
        )}
      </Modal>
    </>
  );
}
