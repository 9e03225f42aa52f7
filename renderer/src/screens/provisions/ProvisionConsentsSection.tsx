// On the customer record: the customer's consents to the provision of their data to third parties (APPI Art. 27(1)),
// to one partner or every partner of a role, abroad only to the countries named (Art. 28(1)); record and withdraw.
import { Badge, Button, Group, Modal, NativeSelect, SegmentedControl, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { consentChannels, type ConsentChannel } from '../../../../src-shared/customers';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { partnerRoles, type Partner, type PartnerRole, type ProvisionConsent } from '../../../../src-shared/registers';
import { useClient } from '../../app/client-context';
import { FieldMessage } from '../../app/errors';
import { useSession } from '../../app/session';
import { cellBadge } from '../../components/badge';
import { formatDay, today } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { QueryError } from '../../components/QueryError';
import { Translated } from '../../components/Translated';
import { Section } from '../customers/RecordSections';
import { countryLabel, isAbroad } from '../partners/countries';
import { CountriesSelect } from '../partners/CountrySelect';
import { usePartners } from '../partners/queries';
import { useProvisionConsents, useProvisionConsentsChanged } from './queries';

const handChannels = consentChannels.filter((c) => c !== 'import');

export function ProvisionConsentsSection({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const consents = useProvisionConsents(customerId);
  const partners = usePartners(true);
  const [recording, setRecording] = useState(false);
  const [withdrawing, setWithdrawing] = useState<ProvisionConsent | null>(null);
  const canWrite = session.permissions.includes('consents.write');
  const lang = i18n.language;
  const byId = new Map((partners.data?.rows ?? []).map((p) => [p.id, p]));
  const target = (c: ProvisionConsent) => (c.partnerId ? (byId.get(c.partnerId)?.name ?? '—') : t('provisionConsents.everyOfRole', { role: t(`partners.roles.${c.partnerRole}`) }));
  const rows = consents.data?.consents ?? [];

  return (
    <Section
      id="provision-consents"
      title={t('provisionConsents.title')}
      action={
        canWrite && (
          <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setRecording(true)}>
            {t('provisionConsents.record')}
          </Button>
        )
      }
    >
      <QueryError error={consents.error} />
      {consents.data && rows.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="provision-consents-empty">
          {t('provisionConsents.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing={6} fz="sm" data-testid="provision-consents-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('provisionConsents.target')}</Table.Th>
                <Table.Th>{t('provisionConsents.countries')}</Table.Th>
                <Table.Th>{t('consents.state')}</Table.Th>
                <Table.Th>{t('provisionConsents.givenOn')}</Table.Th>
                <Table.Th>{t('consents.policyVersion')}</Table.Th>
                {canWrite && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((c) => (
                <Table.Tr key={c.id} data-state={c.state} data-target={c.partnerId ?? c.partnerRole ?? ''}>
                  <Table.Td>{target(c)}</Table.Td>
                  <Table.Td>
                    {c.countries.length === 0 ? (
                      <Text size="sm" c="dimmed">
                        {t('provisionConsents.homeOnly')}
                      </Text>
                    ) : (
                      <Group gap={4}>
                        {c.countries.map((code) => (
                          <Badge key={code} {...cellBadge} size="sm" variant="outline" color="orange">
                            {countryLabel(code, lang)}
                          </Badge>
                        ))}
                      </Group>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge {...cellBadge} color={c.state === 'given' ? 'teal' : 'red'} variant="light">
                      {t(`consents.${c.state}`)}
                    </Badge>
                    {c.withdrawnOn && (
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        {t('provisionConsents.withdrawnOn', { on: formatDay(c.withdrawnOn, lang) })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(c.givenOn, lang)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{t('consents.version', { version: c.policyVersion })}</Table.Td>
                  {canWrite && (
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {c.state === 'given' && (
                        <Button size="compact-sm" variant="default" color="red" onClick={() => setWithdrawing(c)} aria-label={`${t('consents.withdraw')}: ${target(c)}`}>
                          {t('consents.withdraw')}
                        </Button>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={recording} onClose={() => setRecording(false)} title={t('provisionConsents.recordTitle')} size="lg">
        {recording && <RecordForm customerId={customerId} partners={(partners.data?.rows ?? []).filter((p) => !p.endedOn)} onClose={() => setRecording(false)} />}
      </Modal>
      <Modal opened={withdrawing !== null} onClose={() => setWithdrawing(null)} title={withdrawing ? t('provisionConsents.withdrawTitle', { target: target(withdrawing) }) : ''}>
        {withdrawing && <WithdrawForm customerId={customerId} consent={withdrawing} onClose={() => setWithdrawing(null)} />}
      </Modal>
    </Section>
  );
}

function RecordForm({ customerId, partners, onClose }: { customerId: string; partners: Partner[]; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const changed = useProvisionConsentsChanged(customerId);
  const [kind, setKind] = useState<'partner' | 'role'>('partner');
  const [partnerId, setPartnerId] = useState<string | null>(null);
  const [role, setRole] = useState<PartnerRole | null>(null);
  const [countries, setCountries] = useState<string[]>([]);
  const [givenOn, setGivenOn] = useState(today());
  const [channel, setChannel] = useState<ConsentChannel>('counter');
  const [tried, setTried] = useState(false);
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const targetMissing = kind === 'partner' ? !partnerId : !role;

  const choosePartner = (id: string | null) => {
    setPartnerId(id);
    // A partner abroad: the consent must name its country to cover it (APPI Art. 28(1)); offered, not forced.
    const p = partners.find((x) => x.id === id);
    if (p && isAbroad(p.country) && !countries.includes(p.country)) setCountries([...countries, p.country]);
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (targetMissing || !givenOn) return;
    setFailure(null);
    setBusy(true);
    const target = kind === 'partner' ? { partnerId: partnerId! } : { partnerRole: role! };
    const result = await client.call('provisionConsents.record', { customerId, ...target, countries, givenOn, channel });
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    changed(result.value.consents);
    notifications.show({ color: 'teal', message: <Translated k="provisionConsents.recorded" /> });
    onClose();
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('provisionConsents.recordTitle')}>
      <Stack gap="md">
        <Text size="sm">{t('provisionConsents.recordExplain')}</Text>
        <SegmentedControl
          value={kind}
          onChange={(v) => setKind(v as 'partner' | 'role')}
          data={[
            { value: 'partner', label: t('provisionConsents.toPartner') },
            { value: 'role', label: t('provisionConsents.toRole') },
          ]}
        />
        {kind === 'partner' ? (
          <Select
            required
            searchable
            label={t('provisionConsents.partner')}
            data={partners.map((p) => ({ value: p.id, label: `${p.name}（${countryLabel(p.country, i18n.language)}）` }))}
            value={partnerId}
            onChange={choosePartner}
            error={tried && !partnerId ? <FieldMessage message="required" /> : undefined}
            comboboxProps={{ withinPortal: true }}
          />
        ) : (
          <Select
            required
            label={t('provisionConsents.role')}
            description={t('provisionConsents.roleHint')}
            data={partnerRoles.map((r) => ({ value: r, label: t(`partners.roles.${r}`) }))}
            value={role}
            onChange={(v) => setRole(v as PartnerRole | null)}
            error={tried && !role ? <FieldMessage message="required" /> : undefined}
            comboboxProps={{ withinPortal: true }}
          />
        )}
        <CountriesSelect label={t('provisionConsents.countries')} description={t('provisionConsents.countriesHint')} value={countries} onChange={setCountries} comboboxProps={{ withinPortal: true }} data-testid="consent-countries" />
        <Group grow align="flex-start">
          <TextInput type="date" required max={today()} label={t('provisionConsents.givenOn')} value={givenOn} onChange={(e) => setGivenOn(e.currentTarget.value)} error={givenOn ? null : <FieldMessage message="date.format" />} />
          <NativeSelect label={t('consents.channel')} value={channel} onChange={(e) => setChannel(e.currentTarget.value as ConsentChannel)} data={handChannels.map((c) => ({ value: c, label: t(`consents.channels.${c}`) }))} />
        </Group>
        <ErrorAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('consents.submitRecord')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function WithdrawForm({ customerId, consent, onClose }: { customerId: string; consent: ProvisionConsent; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const changed = useProvisionConsentsChanged(customerId);
  const [withdrawnOn, setWithdrawnOn] = useState(today());
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!withdrawnOn) return;
    setFailure(null);
    setBusy(true);
    const result = await client.call('provisionConsents.withdraw', { customerId, consentId: consent.id, withdrawnOn });
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    changed(result.value.consents);
    notifications.show({ color: 'teal', message: <Translated k="provisionConsents.withdrawn" /> });
    onClose();
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('provisionConsents.withdrawExplain')}</Text>
        <TextInput type="date" required data-autofocus max={today()} label={t('provisionConsents.withdrawnOnLabel')} value={withdrawnOn} onChange={(e) => setWithdrawnOn(e.currentTarget.value)} error={withdrawnOn ? null : <FieldMessage message="date.format" />} />
        <ErrorAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red" loading={busy}>
            {t('consents.submitWithdraw')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
