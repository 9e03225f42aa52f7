// 報告書 (management reports): a month or any date range, with charts; exported as a Japanese PDF and CSVs.
import { Alert, Group, Loader, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouteParams } from '../../app/navigate';
import { QueryError } from '../../components/QueryError';
import { ScreenTitle } from '../../components/ScreenTitle';
import { lastMonth, monthRange, wholeMonthOf } from './period';
import { PeriodPicker, rangeProblem, type PeriodValue } from './PeriodPicker';
import { useReportSummary } from './queries';
import { ReportExport } from './ReportExport';
import { ReportSections } from './ReportSections';

/** `reports?month=2026-10` or `reports?from=…&to=…` opens that period (a link from the dashboard); else last month. */
function initialPeriod(params: URLSearchParams): PeriodValue {
  const month = params.get('month');
  const from = params.get('from');
  const to = params.get('to');
  if (from && to && rangeProblem(from, to) === null) {
    const whole = wholeMonthOf({ from, to });
    return whole ? { mode: 'month', month: whole, from, to } : { mode: 'range', month: lastMonth(), from, to };
  }
  const chosen = month && /^\d{4}-\d{2}$/.test(month) ? month : lastMonth();
  return { mode: 'month', month: chosen, ...monthRange(chosen) };
}

export function ReportsScreen() {
  const { t } = useTranslation();
  const params = useRouteParams();
  const [period, setPeriod] = useState<PeriodValue>(() => initialPeriod(params));
  const range = period.mode === 'month' ? monthRange(period.month) : rangeProblem(period.from, period.to) === null ? { from: period.from, to: period.to } : null;
  const summary = useReportSummary(range);
  const f = summary.data;
  const nothingRecorded =
    f !== undefined && f.requests.received + f.requests.completed + f.requests.refused + f.requests.withdrawn + f.requests.openAtEnd === 0 && f.provisions.every((p) => p.count === 0) && f.incidents.discovered === 0;

  const choose = (next: PeriodValue) => {
    // Switching to a range starts from the month on screen, so the officer only moves the ends.
    if (next.mode === 'range' && period.mode === 'month') setPeriod({ ...next, ...monthRange(period.month) });
    else setPeriod(next);
  };

  return (
    <Stack gap="lg" data-testid="reports-screen">
      <ScreenTitle title={t('nav.reports')} intro={t('reports.intro')} maw={900} />
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="md">
        <PeriodPicker value={period} onChange={choose} />
        <ReportExport range={range} />
      </Group>
      <QueryError error={summary.error} />
      {summary.isPending && range !== null ? (
        <Group gap="sm" role="status">
          <Loader size="sm" />
          <Text size="sm">{t('reports.loading')}</Text>
        </Group>
      ) : null}
      {nothingRecorded && (
        <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} title={t('reports.empty')} data-testid="report-empty">
          {t('reports.emptyHint')}
        </Alert>
      )}
      {f && <ReportSections figures={f} />}
    </Stack>
  );
}
