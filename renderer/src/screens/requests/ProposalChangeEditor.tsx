// The field changes of a correction (APPI Art. 34): which fields, the record's value now (masked for staff, as the core
// sends it) and the new value; phone numbers and e-mail addresses are proposed as whole lists.
import { Checkbox, Select, Table, TagsInput, Text, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { prefectures, type CustomerRecord } from '../../../../src-shared/customers';
import { correctableFields, type CorrectableField, type FieldValue } from '../../../../src-shared/requests';

export type ChangeDraft = Partial<Record<CorrectableField, string | string[]>>;

export const isListField = (field: CorrectableField) => field === 'phones' || field === 'emails';

/** What the record holds now, as this person may see it; null when the core sent it masked away. */
export function recordValue(record: CustomerRecord, field: CorrectableField): FieldValue {
  switch (field) {
    case 'phones':
      return record.phones.map((p) => p.number);
    case 'emails':
      return record.emails.map((e) => e.address);
    default:
      return record[field];
  }
}

/** A value as a line of text: lists joined, nothing as a dash. */
export function FieldValueText({ value, dimmedWhenEmpty = true }: { value: FieldValue | undefined; dimmedWhenEmpty?: boolean }) {
  const { t, i18n } = useTranslation();
  const empty = value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
  if (empty) {
    return (
      <Text span size="sm" c={dimmedWhenEmpty ? 'dimmed' : undefined}>
        {t('proposals.values.empty')}
      </Text>
    );
  }
  return (
    <Text span size="sm" style={{ overflowWrap: 'anywhere' }}>
      {Array.isArray(value) ? value.join(i18n.language === 'ja' ? '、' : ', ') : value}
    </Text>
  );
}

export function ProposalChangeEditor({
  record,
  draft,
  onChange,
  errors,
}: {
  record: CustomerRecord;
  draft: ChangeDraft;
  onChange: (draft: ChangeDraft) => void;
  /** A refusal of the core, put next to the field it is about. */
  errors: Partial<Record<CorrectableField, ReactNode>>;
}) {
  const { t } = useTranslation();
  const toggle = (field: CorrectableField, on: boolean) => {
    const next = { ...draft };
    if (on) next[field] = isListField(field) ? [] : (valueAsText(field, recordValue(record, field)) ?? '');
    else delete next[field];
    onChange(next);
  };
  const set = (field: CorrectableField, value: string | string[]) => onChange({ ...draft, [field]: value });

  return (
    <Table verticalSpacing={3} fz="sm" data-testid="change-editor" layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="24%">{t('proposals.change.field')}</Table.Th>
          <Table.Th w="30%">{t('proposals.change.current')}</Table.Th>
          <Table.Th>{t('proposals.change.new')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {correctableFields.map((field) => {
          const chosen = field in draft;
          const label = t(`proposals.fields.${field}`);
          return (
            <Table.Tr key={field} data-field={field} data-chosen={String(chosen)}>
              <Table.Td>
                <Checkbox label={label} checked={chosen} onChange={(e) => toggle(field, e.currentTarget.checked)} aria-label={t('proposals.change.choose', { field: label })} />
              </Table.Td>
              <Table.Td>
                <CurrentValue record={record} field={field} />
              </Table.Td>
              <Table.Td>{chosen ? <NewValueInput field={field} label={label} value={draft[field]!} onChange={(v) => set(field, v)} error={errors[field]} /> : null}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

/** The record's value now, as the core sent it: a masked date of birth is only its year, a masked street is absent. */
function CurrentValue({ record, field }: { record: CustomerRecord; field: CorrectableField }) {
  const { t } = useTranslation();
  const value = recordValue(record, field);
  if (record.masked && value === null) {
    return (
      <Text span size="sm" c="dimmed">
        {t('proposals.values.masked')}
      </Text>
    );
  }
  if (record.masked && field === 'birthDate' && typeof value === 'string' && /^\d{4}$/.test(value)) {
    return <Text span size="sm">{t('idCopies.check.birthYear', { year: value })}</Text>;
  }
  return <FieldValueText value={value} />;
}

/** A single value as the input starts with it; a masked value ("1985", "150-****") is not a starting point. */
function valueAsText(field: CorrectableField, value: FieldValue): string | null {
  if (value === null || Array.isArray(value) || value.includes('*')) return null;
  if (field === 'birthDate' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  return value;
}

function NewValueInput({ field, label, value, onChange, error }: { field: CorrectableField; label: string; value: string | string[]; onChange: (v: string | string[]) => void; error: ReactNode }) {
  const { t } = useTranslation();
  const name = t('proposals.change.newOf', { field: label });
  if (isListField(field)) {
    return (
      <TagsInput
        aria-label={name}
        value={value as string[]}
        onChange={onChange}
        placeholder={t(field === 'phones' ? 'proposals.change.phonesPlaceholder' : 'proposals.change.emailsPlaceholder')}
        description={t('proposals.change.listHint')}
        splitChars={[',', '、', ' ']}
        maxTags={10}
        clearable
        error={error}
      />
    );
  }
  if (field === 'prefecture') {
    return <Select aria-label={name} data={[...prefectures]} value={(value as string) || null} onChange={(v) => onChange(v ?? '')} searchable error={error} comboboxProps={{ withinPortal: true }} />;
  }
  return (
    <TextInput
      aria-label={name}
      type={field === 'birthDate' ? 'date' : 'text'}
      value={value as string}
      onChange={(e) => onChange(e.currentTarget.value)}
      autoComplete="off"
      error={error}
      description={field === 'addressLine2' || field === 'nameRomaji' || field === 'birthDate' ? t('proposals.change.emptyClears') : undefined}
    />
  );
}

/** The contract's changes from the draft: an emptied optional field is proposed as cleared. */
export function changesOf(draft: ChangeDraft): { field: CorrectableField; to: FieldValue }[] {
  return correctableFields
    .filter((f) => f in draft)
    .map((field) => {
      const v = draft[field]!;
      if (Array.isArray(v)) return { field, to: v.map((s) => s.trim()).filter(Boolean) };
      return { field, to: v.trim() === '' ? null : v.trim() };
    });
}
