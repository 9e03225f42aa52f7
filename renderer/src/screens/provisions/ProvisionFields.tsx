// The fields of a provision record (APPI Art. 29, rules Art. 20): recipient, date or period, items, and the basis:
// the customer's consent or one of the policy's four exceptions (§5.1), which needs a written justification.
import { Alert, Checkbox, Group, Radio, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconWorld } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { provisionBases, type Partner, type ProvisionBasis } from '../../../../src-shared/registers';
import { countryLabel, countryName, isAbroad } from '../partners/countries';
import { FormCard } from '../requests/IntakeFields';
import { isException } from './labels';

export interface ProvisionValues {
  partnerId: string | null;
  providedOn: string;
  combined: boolean;
  lastProvidedOn: string;
  items: string;
  basis: ProvisionBasis | null;
  justification: string;
  pasted: string;
}

type Form = UseFormReturnType<ProvisionValues>;

export function RecipientFields({ form, partners }: { form: Form; partners: Partner[] }) {
  const { t, i18n } = useTranslation();
  const partner = partners.find((p) => p.id === form.values.partnerId) ?? null;
  return (
    <FormCard title={t('recordProvision.sections.recipient')} testId="provision-recipient">
      <Stack gap="md">
        <Select
          required
          searchable
          label={t('recordProvision.partner')}
          description={t('recordProvision.partnerHint')}
          data={partners.map((p) => ({ value: p.id, label: `${p.name}（${countryLabel(p.country, i18n.language)}）` }))}
          maw={560}
          nothingFoundMessage={t('recordProvision.noPartner')}
          {...form.getInputProps('partnerId')}
          data-testid="provision-partner"
        />
        {partner && (
          <Text size="sm" c="dimmed" data-testid="partner-roles">
            {partner.roles.map((r) => t(`partners.roles.${r}`)).join(t('recordProvision.listSeparator'))}
          </Text>
        )}
        {partner && isAbroad(partner.country) && (
          <Alert color="orange" variant="light" icon={<IconWorld aria-hidden />} data-testid="abroad-recipient">
            {t('recordProvision.abroad', { country: countryName(partner.country, i18n.language) })}
          </Alert>
        )}
        <Group align="flex-start" gap="md">
          <TextInput required type="date" label={form.values.combined ? t('recordProvision.firstProvidedOn') : t('recordProvision.providedOn')} w={200} {...form.getInputProps('providedOn')} />
          {form.values.combined && <TextInput required type="date" label={t('recordProvision.lastProvidedOn')} w={200} {...form.getInputProps('lastProvidedOn')} />}
        </Group>
        <Checkbox label={t('recordProvision.combined')} description={t('recordProvision.combinedHint')} {...form.getInputProps('combined', { type: 'checkbox' })} />
        <Textarea required autosize minRows={2} maxLength={1000} label={t('recordProvision.items')} description={t('recordProvision.itemsHint')} {...form.getInputProps('items')} />
      </Stack>
    </FormCard>
  );
}

export function BasisFields({ form }: { form: Form }) {
  const { t } = useTranslation();
  const exception = form.values.basis !== null && isException(form.values.basis);
  return (
    <FormCard title={t('recordProvision.sections.basis')} testId="provision-basis">
      <Stack gap="md">
        <Radio.Group required label={t('recordProvision.basis')} description={t('recordProvision.basisHint')} {...form.getInputProps('basis')}>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" mt={6}>
            {provisionBases.map((b) => (
              <Radio.Card key={b} value={b} radius="md" p="sm" data-basis={b} aria-label={t(`provisions.bases.${b}`)}>
                <Group gap="sm" wrap="nowrap" align="flex-start">
                  <Radio.Indicator mt={2} />
                  <Stack gap={2}>
                    <Text size="sm" fw={700}>
                      {t(`provisions.bases.${b}`)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t(`provisions.basesPolicy.${b}`)}
                    </Text>
                  </Stack>
                </Group>
              </Radio.Card>
            ))}
          </SimpleGrid>
        </Radio.Group>
        {exception && (
          <>
            <Alert color="grape" variant="light" data-testid="exception-note">
              {t('recordProvision.exceptionNote')}
            </Alert>
            <Textarea required autosize minRows={3} maxLength={4000} label={t('recordProvision.justification')} description={t('recordProvision.justificationHint')} {...form.getInputProps('justification')} />
          </>
        )}
      </Stack>
    </FormCard>
  );
}
