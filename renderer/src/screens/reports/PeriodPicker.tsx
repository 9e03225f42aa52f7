// Choosing the report's period: a month from a list (last month first), or any range of days typed as dates.
import { Group, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FieldMessage } from '../../app/errors';
import { monthLabel, recentMonths } from './period';

export type PeriodMode = 'month' | 'range';

export interface PeriodValue {
  mode: PeriodMode;
  month: string;
  from: string;
  to: string;
}

/** What is wrong with a typed range, as the core would say it (checked here too, so nothing is asked in vain). */
export function rangeProblem(from: string, to: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to)) return 'date.format';
  if (to < from) return 'report.rangeReversed';
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 >= 400) return 'report.rangeTooLong';
  return null;
}

export function PeriodPicker({ value, onChange }: { value: PeriodValue; onChange: (next: PeriodValue) => void }) {
  const { t, i18n } = useTranslation();
  const problem = value.mode === 'range' ? rangeProblem(value.from, value.to) : null;
  return (
    <Stack gap="xs">
      <Group gap="xs" align="center">
        <Text size="sm" fw={500} id="report-mode-label">
          {t('reports.modeLabel')}
        </Text>
        <SegmentedControl
          aria-labelledby="report-mode-label"
          value={value.mode}
          onChange={(mode) => onChange({ ...value, mode: mode as PeriodMode })}
          data={[
            { value: 'month', label: t('reports.mode.month') },
            { value: 'range', label: t('reports.mode.range') },
          ]}
          data-testid="report-mode"
        />
      </Group>
      {value.mode === 'month' ? (
        <Select
          label={t('reports.month')}
          w={220}
          allowDeselect={false}
          value={value.month}
          onChange={(month) => month && onChange({ ...value, month })}
          data={recentMonths().map((m) => ({ value: m, label: monthLabel(m, i18n.language) }))}
          data-testid="report-month"
        />
      ) : (
        <Group gap="sm" align="flex-start">
          <TextInput type="date" label={t('reports.from')} w={180} value={value.from} onChange={(e) => onChange({ ...value, from: e.currentTarget.value })} data-testid="report-from" />
          <TextInput
            type="date"
            label={t('reports.to')}
            w={180}
            value={value.to}
            onChange={(e) => onChange({ ...value, to: e.currentTarget.value })}
            error={problem && problem !== 'date.format' ? <FieldMessage message={problem} /> : undefined}
            data-testid="report-to"
          />
        </Group>
      )}
    </Stack>
  );
}
