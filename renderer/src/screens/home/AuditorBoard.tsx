// The auditor's checks at a glance: whether the audit chain verifies, the last signed export, and events per day.
import { Alert, Badge, Code, Grid, Group, Stack, Text } from '@mantine/core';
import { IconChartBar, IconFileExport, IconLink } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditorDashboard } from '../../../../src-shared/api/dashboard';
import type { ChartOption } from '../../../../src-shared/report-charts';
import { Chart } from '../../components/Chart';
import { formatDateTime, formatDay } from '../../components/dates';
import { DashCard, FigureLink } from './Figure';
import { links } from './links';

export function AuditorBoard({ board }: { board: AuditorDashboard }) {
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 6, xl: 4 }}>
        <ChainCard board={board} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6, xl: 4 }}>
        <ExportCard board={board} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, xl: 4 }}>
        <EventsCard board={board} />
      </Grid.Col>
    </Grid>
  );
}

/** Long hashes and fingerprints shown by their start, the whole in the title: enough to compare with a printout. */
const short = (s: string) => (s.length > 20 ? `${s.slice(0, 16)}…` : s);

function ChainCard({ board }: { board: AuditorDashboard }) {
  const { t } = useTranslation();
  const c = board.chain;
  return (
    <DashCard id="dash-chain" title={t('dashboard.auditor.chain')} icon={IconLink} colour={c.valid ? 'teal' : 'red'} testId="dash-chain">
      {c.valid ? (
        <Badge color="teal" variant="light" size="lg" data-testid="dash-chain-valid">
          {t('dashboard.auditor.valid')}
        </Badge>
      ) : (
        <Alert color="red" data-testid="dash-chain-broken" title={t('dashboard.auditor.broken', { seq: c.brokenAt })}>
          {t('dashboard.auditor.brokenHint')}
        </Alert>
      )}
      <Text size="sm">{t('dashboard.auditor.events', { count: c.events })}</Text>
      {c.valid && (
        <Group gap="xs" wrap="nowrap">
          <Text size="xs" c="dimmed">
            {t('dashboard.auditor.head')}
          </Text>
          <Code title={c.head}>{short(c.head)}</Code>
        </Group>
      )}
      <Group gap="xs" wrap="nowrap">
        <Text size="xs" c="dimmed">
          {t('dashboard.auditor.fingerprint')}
        </Text>
        <Code title={c.fingerprint}>{short(c.fingerprint)}</Code>
      </Group>
      <FigureLink to="audit" testId="dash-open-audit">
        {t('dashboard.auditor.openAudit')}
      </FigureLink>
    </DashCard>
  );
}

function ExportCard({ board }: { board: AuditorDashboard }) {
  const { t, i18n } = useTranslation();
  const e = board.lastExport;
  return (
    <DashCard id="dash-export" title={t('dashboard.auditor.lastExport')} icon={IconFileExport} colour="indigo" testId="dash-export">
      {e === null ? (
        <Text size="sm" data-testid="dash-export-none">
          {t('dashboard.auditor.noExport')}
        </Text>
      ) : (
        <Stack gap={2}>
          <Text size="sm" fw={600} data-testid="dash-export-at">
            {formatDateTime(e.at, i18n.language)}
          </Text>
          {e.byRole && <Text size="sm">{t('dashboard.auditor.exportedBy', { role: t(`roles.${e.byRole}`), id: e.byId ? short(e.byId) : '—' })}</Text>}
          {e.events !== null && <Text size="sm">{t('dashboard.auditor.exportedEvents', { count: e.events })}</Text>}
        </Stack>
      )}
      <FigureLink to={links.auditExports()} testId="dash-open-exports">
        {t('dashboard.auditor.openExports')}
      </FigureLink>
    </DashCard>
  );
}

function EventsCard({ board }: { board: AuditorDashboard }) {
  const { t, i18n } = useTranslation();
  const days = board.eventsPerDay;
  const total = days.reduce((n, d) => n + d.events, 0);
  const busiest = days.reduce((a, b) => (b.events > a.events ? b : a), days[0]!);
  const option = useMemo<ChartOption>(
    () => ({
      animation: false,
      textStyle: { fontFamily: "'Noto Sans CJK JP', 'Noto Sans JP', 'Yu Gothic', 'Hiragino Sans', 'Meiryo', sans-serif", fontSize: 11 },
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 8, top: 12, bottom: 8, containLabel: true },
      // Month/day on the axis: short in both languages; the full dates are in the spoken description.
      xAxis: { type: 'category', data: days.map((d) => `${Number(d.day.slice(5, 7))}/${Number(d.day.slice(8))}`), axisLabel: { interval: 6 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: t('dashboard.auditor.series'), type: 'bar', data: days.map((d) => d.events), itemStyle: { color: '#1c7ed6' }, barMaxWidth: 12 }],
    }),
    [days, t],
  );
  return (
    <DashCard id="dash-events" title={t('dashboard.auditor.perDay')} icon={IconChartBar} colour="blue" testId="dash-events">
      {total === 0 ? (
        <Text size="sm">{t('dashboard.auditor.perDayEmpty')}</Text>
      ) : (
        <>
          <Text size="sm" data-testid="dash-events-total">
            {t('dashboard.auditor.perDayTotal', { count: total })}
          </Text>
          <Chart option={option} height={180} label={t('dashboard.auditor.perDayLabel', { total, max: busiest.events, maxDay: formatDay(busiest.day, i18n.language) })} />
        </>
      )}
    </DashCard>
  );
}
