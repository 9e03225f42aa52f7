// The audit trail's filters: a date range, who, which action (a method or a prefix), which record, which outcome.
import { Autocomplete, Button, Card, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconFilter, IconX } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldMessage } from '../../app/errors';
import { actionOptions } from './actions';

export interface AuditFilterValues {
  from: string;
  to: string;
  actorId: string;
  action: string;
  targetId: string;
  outcome: '' | 'ok' | 'denied' | 'failed';
}

export const noFilters: AuditFilterValues = { from: '', to: '', actorId: '', action: '', targetId: '', outcome: '' };

export function AuditFilters({ onApply, initial = noFilters }: { onApply: (values: AuditFilterValues) => void; initial?: AuditFilterValues }) {
  const { t } = useTranslation();
  const actions = useMemo(() => actionOptions(), []);
  const form = useForm<AuditFilterValues>({
    initialValues: initial,
    validate: {
      to: (to, values) => (to && values.from && to < values.from ? <FieldMessage message="auditRangeEmpty" /> : null),
    },
  });
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label={t('audit.filters.title')}>
      <form
        onSubmit={form.onSubmit((values) => onApply({ ...values, actorId: values.actorId.trim(), action: values.action.trim(), targetId: values.targetId.trim() }))}
        noValidate
        aria-label={t('audit.filters.title')}
      >
        <SimpleGrid cols={{ base: 1, sm: 3, lg: 6 }} spacing="sm">
          <TextInput type="date" label={t('audit.filters.from')} {...form.getInputProps('from')} />
          <TextInput type="date" label={t('audit.filters.to')} {...form.getInputProps('to')} />
          <Autocomplete
            label={t('audit.filters.action')}
            placeholder={t('audit.filters.actionPlaceholder')}
            data={actions}
            limit={40}
            maxDropdownHeight={280}
            spellCheck={false}
            data-search-box
            {...form.getInputProps('action')}
          />
          <TextInput label={t('audit.filters.actorId')} spellCheck={false} autoComplete="off" {...form.getInputProps('actorId')} />
          <TextInput label={t('audit.filters.targetId')} spellCheck={false} autoComplete="off" {...form.getInputProps('targetId')} />
          <Select
            label={t('audit.filters.outcome')}
            allowDeselect={false}
            data={[
              { value: '', label: t('audit.filters.anyOutcome') },
              { value: 'ok', label: t('audit.outcome.ok') },
              { value: 'denied', label: t('audit.outcome.denied') },
              { value: 'failed', label: t('audit.outcome.failed') },
            ]}
            {...form.getInputProps('outcome')}
          />
        </SimpleGrid>
        <Group mt="sm" gap="sm">
          <Button type="submit" leftSection={<IconFilter size={16} aria-hidden />}>
            {t('audit.filters.apply')}
          </Button>
          <Button
            variant="subtle"
            color="gray"
            leftSection={<IconX size={16} aria-hidden />}
            onClick={() => {
              form.setValues(noFilters);
              onApply(noFilters);
            }}
          >
            {t('audit.filters.clear')}
          </Button>
        </Group>
      </form>
    </Card>
  );
}
