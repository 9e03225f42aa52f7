// The fields of an incident's facts, for recording one and for editing it: when, what, how many, why, what was done, who.
import { Checkbox, Group, NumberInput, SimpleGrid, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { incidentDataCategories } from '../../../../src-shared/registers';
import { FieldMessage } from '../../app/errors';
import { requiredError } from '../../app/validate';
import { FormCard } from '../requests/IntakeFields';
import { customerNosOf, type FactsValues } from './facts-values';

type Form = UseFormReturnType<FactsValues>;

export const factsValidation = {
  discoveredAt: (v: string) => (v === '' ? <FieldMessage message="required" /> : new Date(v) > new Date() ? <FieldMessage message="incident.inFuture" /> : null),
  occurredAt: (v: string, values: FactsValues) =>
    v === '' ? null : new Date(v) > new Date() ? <FieldMessage message="incident.inFuture" /> : values.discoveredAt !== '' && v > values.discoveredAt ? <FieldMessage message="incident.occurredAfterDiscovered" /> : null,
  summary: requiredError,
  categories: (v: string[]) => (v.length === 0 ? <FieldMessage message="incident.categoriesRequired" /> : null),
  peopleCount: (v: number | string) => (v === '' ? <FieldMessage message="required" /> : Number.isInteger(Number(v)) && Number(v) >= 0 ? null : <FieldMessage message="incident.peopleCount" />),
};

export function FactsFields({ form }: { form: Form }) {
  const { t } = useTranslation();
  const known = customerNosOf(form.values.customerNos).length;
  return (
    <Stack gap="md">
      <FormCard title={t('incidentForm.sections.when')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" maw={640}>
          <TextInput type="datetime-local" required label={t('incidentForm.discoveredAt')} description={t('incidentForm.discoveredAtHint')} {...form.getInputProps('discoveredAt')} />
          <TextInput type="datetime-local" label={t('incidentForm.occurredAt')} description={t('incidentForm.occurredAtHint')} {...form.getInputProps('occurredAt')} />
        </SimpleGrid>
      </FormCard>
      <FormCard title={t('incidentForm.sections.what')}>
        <Stack gap="md">
          <Textarea required label={t('incidentForm.summary')} description={t('incidentForm.summaryHint')} autosize minRows={3} maxLength={4000} {...form.getInputProps('summary')} />
          <Checkbox.Group label={t('incidentForm.categories')} description={t('incidentForm.categoriesHint')} required {...form.getInputProps('categories')}>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs" mt={8}>
              {incidentDataCategories.map((c) => (
                <Checkbox.Card key={c} value={c} radius="md" p="xs" data-category={c} aria-label={t(`incidents.categories.${c}`)}>
                  <Group gap="sm" wrap="nowrap" align="flex-start">
                    <Checkbox.Indicator mt={2} />
                    <Stack gap={0}>
                      <Text size="sm" fw={600}>
                        {t(`incidents.categories.${c}`)}
                      </Text>
                      <Text size="xs" c={c === 'specialCare' || c === 'financial' ? 'red.8' : 'dimmed'}>
                        {t(`incidentForm.categoryHelp.${c}`)}
                      </Text>
                    </Stack>
                  </Group>
                </Checkbox.Card>
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NumberInput
              required
              label={t('incidentForm.peopleCount')}
              description={t('incidentForm.peopleCountHint')}
              min={0}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator=","
              maw={260}
              {...form.getInputProps('peopleCount')}
            />
            <Switch
              mt="md"
              color="red"
              label={t('incidentForm.unlawfulSuspected')}
              description={t('incidentForm.unlawfulSuspectedHint')}
              {...form.getInputProps('unlawfulSuspected', { type: 'checkbox' })}
            />
          </SimpleGrid>
        </Stack>
      </FormCard>
      <FormCard title={t('incidentForm.sections.causeAndMeasures')}>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Textarea label={t('incidentForm.cause')} description={t('incidentForm.causeHint')} autosize minRows={3} maxLength={4000} {...form.getInputProps('cause')} />
          <Textarea label={t('incidentForm.measures')} description={t('incidentForm.measuresHint')} autosize minRows={3} maxLength={4000} {...form.getInputProps('measures')} />
        </SimpleGrid>
      </FormCard>
      <FormCard title={t('incidentForm.sections.people')}>
        <Stack gap={4} maw={480}>
          <Textarea
            label={t('incidentForm.customerNos')}
            description={t('incidentForm.customerNosHint')}
            autosize
            minRows={3}
            maxRows={12}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            {...form.getInputProps('customerNos')}
          />
          <Text size="xs" c="dimmed" data-testid="customer-nos-count">
            {t('incidentForm.customerNosCount', { count: known })}
          </Text>
        </Stack>
      </FormCard>
    </Stack>
  );
}
