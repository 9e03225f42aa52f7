// Adding a partner or changing one: every field of the register (policy §2.1, APPI Art. 25 outsourcees, Art. 28 abroad).
import { Alert, Button, Checkbox, Group, Modal, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconWorld } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { partnerInput } from '../../../../src-shared/api/partners';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { homeCountry, partnerRoles, type Partner, type PartnerRole } from '../../../../src-shared/registers';
import { useClient } from '../../app/client-context';
import { FieldMessage } from '../../app/errors';
import { fromSchema } from '../../app/validate';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Translated } from '../../components/Translated';
import { showCustomerError } from '../customers/form-errors';
import { countryName, isAbroad } from './countries';
import { CountrySelect } from './CountrySelect';
import { usePartnersChanged } from './queries';

export type PartnerDialog = { kind: 'create' } | { kind: 'edit'; partner: Partner };

interface Values {
  name: string;
  address: string;
  representative: string;
  roles: PartnerRole[];
  country: string;
  contractFrom: string;
  contractTo: string;
  securityMeasures: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
}

function valuesOf(p: Partner | null): Values {
  return {
    name: p?.name ?? '',
    address: p?.address ?? '',
    representative: p?.representative ?? '',
    roles: p?.roles ?? [],
    country: p?.country ?? homeCountry,
    contractFrom: p?.contractFrom ?? '',
    contractTo: p?.contractTo ?? '',
    securityMeasures: p?.securityMeasures ?? '',
    contactName: p?.contactName ?? '',
    contactEmail: p?.contactEmail ?? '',
    contactPhone: p?.contactPhone ?? '',
  };
}

/** The contract's input from the form: empty optional fields are left out rather than sent empty. */
export function partnerInputOf(v: Values) {
  return {
    name: v.name,
    address: v.address,
    representative: v.representative,
    roles: v.roles,
    country: v.country,
    contractFrom: v.contractFrom || undefined,
    contractTo: v.contractTo || undefined,
    securityMeasures: v.securityMeasures,
    contactName: v.contactName,
    contactEmail: v.contactEmail.trim(),
    contactPhone: v.contactPhone.trim() || undefined,
  };
}

export function PartnerFormDialog({ dialog, onClose }: { dialog: PartnerDialog | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={dialog !== null} onClose={onClose} size="xl" closeOnClickOutside={false} title={dialog?.kind === 'edit' ? t('partners.form.editTitle', { name: dialog.partner.name }) : t('partners.form.createTitle')}>
      {dialog && <PartnerForm key={dialog.kind === 'edit' ? dialog.partner.id : 'new'} partner={dialog.kind === 'edit' ? dialog.partner : null} onClose={onClose} />}
    </Modal>
  );
}

const shape = partnerInput.shape;
/** Fields side by side line up on their inputs, whether or not one of them has a hint above it. */
const alignInputs = { alignItems: 'end' } as const;

function PartnerForm({ partner, onClose }: { partner: Partner | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const changed = usePartnersChanged();
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm<Values>({
    initialValues: valuesOf(partner),
    validate: {
      name: fromSchema(shape.name),
      address: fromSchema(shape.address),
      representative: fromSchema(shape.representative),
      roles: (v) => (v.length === 0 ? <FieldMessage message="partner.rolesRequired" /> : null),
      country: fromSchema(shape.country),
      contractTo: (v, values) => (v && values.contractFrom && v < values.contractFrom ? <FieldMessage message="partner.contractDates" /> : null),
      securityMeasures: fromSchema(shape.securityMeasures),
      contactName: fromSchema(shape.contactName),
      contactEmail: (v) => fromSchema(shape.contactEmail)(v.trim()),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    setBusy(true);
    const input = partnerInputOf(values);
    const result = partner ? await client.call('partners.update', { id: partner.id, partner: input }) : await client.call('partners.create', input);
    setBusy(false);
    // The update's fields sit under `partner.` in the contract; the form's do not.
    if (!result.ok) return setFailure(showCustomerError(form, result.error, (p) => p.replace(/^partner\./, '')));
    changed();
    notifications.show({ color: 'teal', message: <Translated k={partner ? 'partners.form.updated' : 'partners.form.created'} values={{ name: result.value.name }} /> });
    onClose();
  });

  const abroad = isAbroad(form.values.country);
  return (
    <form onSubmit={submit} noValidate aria-label={partner ? t('partners.form.editTitle', { name: partner.name }) : t('partners.form.createTitle')}>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" style={alignInputs}>
          <TextInput required data-autofocus label={t('partners.fields.name')} maxLength={200} {...form.getInputProps('name')} />
          <TextInput required label={t('partners.fields.representative')} description={t('partners.fields.representativeHint')} maxLength={100} {...form.getInputProps('representative')} />
        </SimpleGrid>
        <TextInput required label={t('partners.fields.address')} maxLength={300} {...form.getInputProps('address')} />
        <Checkbox.Group required label={t('partners.fields.roles')} description={t('partners.fields.rolesHint')} {...form.getInputProps('roles')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing={6} mt={6}>
            {partnerRoles.map((r) => (
              <Checkbox key={r} value={r} label={t(`partners.roles.${r}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" style={alignInputs}>
          <CountrySelect
            required
            label={t('partners.fields.country')}
            description={t('partners.fields.countryHint')}
            value={form.values.country}
            onChange={(c) => form.setFieldValue('country', c)}
            error={form.errors.country}
            data-testid="partner-country"
          />
          <TextInput type="date" label={t('partners.fields.contractFrom')} {...form.getInputProps('contractFrom')} />
          <TextInput type="date" label={t('partners.fields.contractTo')} {...form.getInputProps('contractTo')} />
        </SimpleGrid>
        {abroad && (
          <Alert color="orange" variant="light" icon={<IconWorld aria-hidden />} data-testid="abroad-note">
            {t('partners.form.abroadNote', { country: countryName(form.values.country, i18n.language) })}
          </Alert>
        )}
        <Textarea required autosize minRows={3} maxLength={4000} label={t('partners.fields.securityMeasures')} description={t(abroad ? 'partners.fields.securityMeasuresAbroadHint' : 'partners.fields.securityMeasuresHint')} {...form.getInputProps('securityMeasures')} />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" style={alignInputs}>
          <TextInput required label={t('partners.fields.contactName')} maxLength={100} {...form.getInputProps('contactName')} />
          <TextInput required type="email" label={t('partners.fields.contactEmail')} maxLength={254} {...form.getInputProps('contactEmail')} />
          <TextInput type="tel" label={t('partners.fields.contactPhone')} maxLength={30} {...form.getInputProps('contactPhone')} />
        </SimpleGrid>
        <ErrorAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {partner ? t('partners.form.saveChanges') : t('partners.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
