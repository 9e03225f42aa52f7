// Registering a kind of personal information in the ledger, or changing an entry: what is held and why, where and by
// whom, the partners it goes to, and its count: live from the desk, or typed with the day it was counted.
import { Button, Card, Checkbox, Group, MultiSelect, NumberInput, Radio, SegmentedControl, Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput, Title, Input } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ledgerEntryInput, ledgerSources, ledgerStorageKinds, type LedgerEntry, type LedgerStorageKind } from '../../../../src-shared/api/ledger';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { useClient } from '../../app/client-context';
import { FieldMessage } from '../../app/errors';
import { fromSchema, requiredError } from '../../app/validate';
import { today } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { QueryError } from '../../components/QueryError';
import { showCustomerError } from '../customers/form-errors';
import { usePurposes } from '../customers/queries';
import { usePartners } from '../partners/queries';
import { entryInputOf, fieldOf, isSource, valuesOf, type EntryValues } from './entry-values';
import { peopleText } from './labels';
import { useLedgerChanged, useLedgerSources } from './queries';

const shape = ledgerEntryInput.shape;
/** Fields side by side line up on their inputs, whether or not one of them has a hint above it. */
const alignInputs = { alignItems: 'end' } as const;

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-label={title}>
      <Stack gap="md">
        <Title order={2} size="h5">
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

export function EntryForm({ existing, onSaved, onCancel }: { existing: LedgerEntry | null; onSaved: (id: string) => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const client = useClient();
  const changed = useLedgerChanged();
  const purposes = usePurposes();
  const partners = usePartners(true);
  const sources = useLedgerSources();
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm<EntryValues>({
    initialValues: valuesOf(existing),
    validate: {
      name: fromSchema(shape.name),
      items: (v) => (v.length === 0 ? <FieldMessage message="ledger.itemsRequired" /> : null),
      purposeIds: (v, values) => (v.length === 0 && values.otherPurposes.trim() === '' ? <FieldMessage message="ledger.purposesRequired" /> : null),
      obtainedHow: fromSchema(shape.obtainedHow),
      department: fromSchema(shape.department),
      responsible: fromSchema(shape.responsible),
      storagePlace: fromSchema(shape.storagePlace),
      access: fromSchema(shape.access),
      retention: fromSchema(shape.retention),
      disposal: fromSchema(shape.disposal),
      source: (v, values) => (values.countKind === 'desk' && !isSource(v) ? <FieldMessage message="ledger.source" /> : null),
      people: (v, values) => (values.countKind === 'typed' && (typeof v !== 'number' || !Number.isInteger(v) || v < 0) ? <FieldMessage message="ledger.people" /> : null),
      asOf: (v, values) => (values.countKind === 'typed' ? requiredError(v) : null),
      paperReviewOn: (v, values) => (values.paperReview && !existing ? requiredError(v) : null),
      paperReviewBy: (v, values) => (values.paperReview && !existing ? requiredError(v) : null),
    },
  });
  const v = form.values;

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    setBusy(true);
    const entry = entryInputOf(values);
    const paperReview = !existing && values.paperReview ? { on: values.paperReviewOn, by: values.paperReviewBy } : undefined;
    const result = await client.call('ledger.save', { ...(existing ? { id: existing.id } : {}), entry, ...(paperReview ? { paperReview } : {}) });
    setBusy(false);
    if (!result.ok) return setFailure(showCustomerError(form, result.error, fieldOf));
    changed(result.value);
    notifications.show({ color: 'teal', message: t(existing ? 'ledgerForm.updated' : 'ledgerForm.created', { name: result.value.name }) });
    onSaved(result.value.id);
  });

  const partnerRows = partners.data?.rows ?? [];
  const linked = new Set([...v.outsourceeIds, ...v.recipientIds]);
  // An ended partner is offered only where the entry already names it: it is not named anew.
  const partnerOption = (p: (typeof partnerRows)[number]) => ({ value: p.id, label: p.name, disabled: p.endedOn !== null && p.endedOn <= today() && !linked.has(p.id) });
  const outsourceeOptions = partnerRows.filter((p) => p.roles.includes('outsourcee')).map(partnerOption);
  const recipientOptions = partnerRows.map(partnerOption);
  const purposeOptions = (purposes.data?.purposes ?? []).map((p) => ({ value: p.id, label: `${p.id} ${en ? p.titleEn : p.titleJa}` }));
  const sourceOptions = ledgerSources.map((s) => ({
    value: s,
    label: sources.data ? `${t(`ledger.sources.${s}`)} — ${t('ledgerForm.sourceCount', { people: peopleText(t, sources.data.counts[s], i18n.language) })}` : t(`ledger.sources.${s}`),
  }));
  const title = existing ? t('ledgerForm.editTitle', { name: existing.name }) : t('ledgerForm.createTitle');

  return (
    <form onSubmit={submit} noValidate aria-label={title} data-testid="ledger-form">
      <Stack gap="md">
        <Title order={1} size="h2">
          {title}
        </Title>
        <QueryError error={purposes.error ?? partners.error ?? sources.error} />
        <Section title={t('ledgerForm.sections.what')}>
          <TextInput required data-autofocus label={t('ledgerForm.name')} description={t('ledgerForm.nameHint')} maxLength={100} {...form.getInputProps('name')} />
          <TagsInput required label={t('ledgerForm.items')} description={t('ledgerForm.itemsHint')} maxTags={60} splitChars={[',', '、']} clearable {...form.getInputProps('items')} />
          <Group gap="xl">
            <Checkbox label={t('ledgerForm.disclosable')} {...form.getInputProps('disclosable', { type: 'checkbox' })} />
            <Checkbox label={t('ledgerForm.specialCare')} {...form.getInputProps('specialCare', { type: 'checkbox' })} />
          </Group>
        </Section>
        <Section title={t('ledgerForm.sections.why')}>
          <MultiSelect label={t('ledgerForm.purposes')} description={t('ledgerForm.purposesHint')} data={purposeOptions} searchable clearable {...form.getInputProps('purposeIds')} />
          <Textarea autosize minRows={2} maxLength={1000} label={t('ledgerForm.otherPurposes')} description={t('ledgerForm.otherPurposesHint')} {...form.getInputProps('otherPurposes')} />
          <Textarea required autosize minRows={2} maxLength={1000} label={t('ledgerForm.obtainedHow')} {...form.getInputProps('obtainedHow')} />
        </Section>
        <Section title={t('ledgerForm.sections.where')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" style={alignInputs}>
            <TextInput required label={t('ledgerForm.department')} maxLength={100} {...form.getInputProps('department')} />
            <TextInput required label={t('ledgerForm.responsible')} maxLength={100} {...form.getInputProps('responsible')} />
          </SimpleGrid>
          <Input.Wrapper required label={t('ledgerForm.storageKind')}>
            <div>
              <SegmentedControl mt={4} data={ledgerStorageKinds.map((k) => ({ value: k, label: t(`ledger.storage.${k}`) }))} value={v.storageKind} onChange={(k) => form.setFieldValue('storageKind', k as LedgerStorageKind)} aria-label={t('ledgerForm.storageKind')} />
            </div>
          </Input.Wrapper>
          <TextInput required label={t('ledgerForm.storagePlace')} description={t('ledgerForm.storagePlaceHint')} maxLength={300} {...form.getInputProps('storagePlace')} />
          <TextInput required label={t('ledgerForm.access')} maxLength={500} {...form.getInputProps('access')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" style={alignInputs}>
            <TextInput required label={t('ledgerForm.retention')} maxLength={300} {...form.getInputProps('retention')} />
            <TextInput required label={t('ledgerForm.disposal')} maxLength={300} {...form.getInputProps('disposal')} />
          </SimpleGrid>
        </Section>
        <Section title={t('ledgerForm.sections.partners')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" style={alignInputs}>
            <MultiSelect label={t('ledgerForm.outsourcees')} description={t('ledgerForm.outsourceesHint')} data={outsourceeOptions} searchable clearable {...form.getInputProps('outsourceeIds')} />
            <MultiSelect label={t('ledgerForm.recipients')} description={t('ledgerForm.recipientsHint')} data={recipientOptions} searchable clearable {...form.getInputProps('recipientIds')} />
          </SimpleGrid>
        </Section>
        <Section title={t('ledgerForm.sections.count')}>
          <Radio.Group label={t('ledgerForm.countKind')} value={v.countKind} onChange={(k) => form.setFieldValue('countKind', k as 'desk' | 'typed')}>
            <Group gap="xl" mt={6}>
              <Radio value="desk" label={t('ledgerForm.countDesk')} />
              <Radio value="typed" label={t('ledgerForm.countTyped')} />
            </Group>
          </Radio.Group>
          {v.countKind === 'desk' ? (
            <Select required label={t('ledgerForm.source')} data={sourceOptions} allowDeselect={false} {...form.getInputProps('source')} data-testid="ledger-source" />
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" style={alignInputs}>
              <NumberInput required label={t('ledgerForm.people')} min={0} allowDecimal={false} allowNegative={false} thousandSeparator="," {...form.getInputProps('people')} />
              <TextInput required type="date" label={t('ledgerForm.asOf')} max={today()} {...form.getInputProps('asOf')} />
            </SimpleGrid>
          )}
        </Section>
        {!existing && (
          <Section title={t('ledgerForm.sections.review')}>
            <Checkbox label={t('ledgerForm.paperReview')} description={t('ledgerForm.paperReviewHint')} {...form.getInputProps('paperReview', { type: 'checkbox' })} />
            {v.paperReview && (
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" style={alignInputs}>
                <TextInput required type="date" label={t('ledgerForm.paperReviewOn')} max={today()} {...form.getInputProps('paperReviewOn')} />
                <TextInput required label={t('ledgerForm.paperReviewBy')} maxLength={100} {...form.getInputProps('paperReviewBy')} />
              </SimpleGrid>
            )}
          </Section>
        )}
        <ErrorAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {existing ? t('ledgerForm.save') : t('ledgerForm.create')}
          </Button>
        </Group>
        {existing && (
          <Text size="xs" c="dimmed" ta="right">
            {existing.number}
          </Text>
        )}
      </Stack>
    </form>
  );
}
