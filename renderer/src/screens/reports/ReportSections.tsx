// The report on screen: summary figures, then each section with its chart beside its table, as on the PDF.
import { Card, Paper, SimpleGrid, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportFigures } from '../../../../src-shared/api/reports';
import { chartHasData, onTimeChart, provisionsChart, refusalsChart, requestsChart, statementsChart, type ChartOption, type ChartWords } from '../../../../src-shared/report-charts';
import { Chart } from '../../components/Chart';
import { formatDay } from '../../components/dates';

type Cell = string | number | null;

function percent(rate: number | null, language: string): string {
  return rate === null ? '—' : new Intl.NumberFormat(language, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(rate);
}

function FiguresTable({ caption, headers, rows, testId }: { caption: string; headers: string[]; rows: Cell[][]; testId: string }) {
  const { i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <Table withTableBorder withColumnBorders striped fz="sm" data-testid={testId}>
      <caption>
        <VisuallyHidden>{caption}</VisuallyHidden>
      </caption>
      <Table.Thead>
        <Table.Tr>
          {headers.map((h, i) => (
            <Table.Th key={h} ta={i === 0 ? 'left' : 'right'}>
              {h}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={String(row[0])}>
            {row.map((cell, i) =>
              i === 0 ? (
                <Table.Th key={i} scope="row" fw={400}>
                  {cell}
                </Table.Th>
              ) : (
                <Table.Td key={i} ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {cell === null ? '—' : typeof cell === 'number' ? number.format(cell) : cell}
                </Table.Td>
              ),
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** `stacked`: the chart above its table, for a wide table (six kinds by four outcomes) that a half-width column would crush. */
function Section({ id, title, chart, stacked = false, children }: { id: string; title: string; chart?: ReactNode; stacked?: boolean; children: ReactNode }) {
  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby={`report-${id}-title`} data-testid={`report-section-${id}`}>
      <Title order={2} size="h4" mb="sm" id={`report-${id}-title`}>
        {title}
      </Title>
      <SimpleGrid cols={{ base: 1, lg: chart && !stacked ? 2 : 1 }} spacing="lg">
        {chart}
        <div>{children}</div>
      </SimpleGrid>
    </Card>
  );
}

function ChartOrNote({ has, option, label, height }: { has: boolean; option: ChartOption; label: string; height?: number }) {
  const { t } = useTranslation();
  if (!has)
    return (
      <Text c="dimmed" size="sm">
        {t('reports.noChart')}
      </Text>
    );
  return <Chart option={option} label={label} height={height} />;
}

export function ReportSections({ figures: f }: { figures: ReportFigures }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const words = t('reports.chart', { returnObjects: true }) as ChartWords;
  const has = chartHasData(f);
  const charts = useMemo(
    () => ({ requests: requestsChart(f, words), onTime: onTimeChart(f, words), refusals: refusalsChart(f, words), provisions: provisionsChart(f, words), statements: statementsChart(f, words) }),
    // The words change with the language (i18next hands back the same object until then), the figures with the period.
    [f, words],
  );
  const c = (key: string) => t(`reports.columns.${key}`);
  const g = (key: string) => t(`reports.figures.${key}`);
  const days = (n: number | null) => (n === null ? null : t('reports.units.days', { count: n }));
  const tiles: [string, string, string][] = [
    ['received', g('received'), String(f.requests.received)],
    ['completed', g('completedCount'), String(f.completion.count)],
    ['onTimeRate', g('onTimeRate'), percent(f.onTime.rate, lang)],
    ['medianDays', g('medianDays'), days(f.completion.medianDays) ?? '—'],
    ['extensions', g('extensions'), String(f.extensions)],
    ['discovered', g('discovered'), String(f.incidents.discovered)],
    ['coverage', g('coverage'), percent(f.statements.rate, lang)],
  ];
  const r = f.requests;

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 4, xl: 7 }} spacing="sm" role="list" aria-label={t('reports.sections.summary')}>
        {tiles.map(([key, name, value]) => (
          <Paper key={key} withBorder p="sm" radius="md" role="listitem" data-testid={`report-tile-${key}`}>
            <Text size="xs" c="dimmed" lh={1.3}>
              {name}
            </Text>
            <Text size="xl" fw={700} data-value>
              {value}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>

      <Section id="requests" stacked title={t('reports.sections.requests')} chart={<ChartOrNote has={has.requests} option={charts.requests} label={t('reports.charts.requests')} height={300} />}>
        <FiguresTable
          caption={t('reports.sections.requests')}
          testId="report-table-requests"
          headers={[c('kind'), c('received'), c('completed'), c('refused'), c('withdrawn')]}
          rows={[...r.byKind.map((k) => [words.kinds[k.kind], k.received, k.completed, k.refused, k.withdrawn]), [c('total'), r.received, r.completed, r.refused, r.withdrawn]]}
        />
      </Section>

      <Section
        id="timeliness"
        title={t('reports.sections.timeliness')}
        chart={<ChartOrNote has={has.onTime} option={charts.onTime} label={t('reports.charts.onTime', { onTime: f.onTime.onTime, late: f.onTime.late })} />}
      >
        <FiguresTable
          caption={t('reports.sections.timeliness')}
          testId="report-table-timeliness"
          headers={[c('figure'), c('value')]}
          rows={[
            [g('completedCount'), f.completion.count],
            [g('medianDays'), days(f.completion.medianDays)],
            [g('longestDays'), f.completion.longestDays === null ? null : t('reports.units.longest', { count: f.completion.longestDays, number: f.completion.longestNumber })],
            [g('answered'), f.onTime.answered],
            [g('onTime'), f.onTime.onTime],
            [g('late'), f.onTime.late],
            [g('onTimeRate'), percent(f.onTime.rate, lang)],
            [g('extensions'), f.extensions],
            [g('openAtEnd'), r.openAtEnd],
          ]}
        />
      </Section>

      <Section id="refusals" title={t('reports.sections.refusals')} chart={<ChartOrNote has={has.refusals} option={charts.refusals} label={t('reports.charts.refusals')} />}>
        <FiguresTable caption={t('reports.sections.refusals')} testId="report-table-refusals" headers={[c('ground'), c('count')]} rows={f.refusals.map((x) => [words.grounds[x.ground], x.count])} />
      </Section>

      <Section id="provisions" title={t('reports.sections.provisions')} chart={<ChartOrNote has={has.provisions} option={charts.provisions} label={t('reports.charts.provisions')} />}>
        <FiguresTable
          caption={t('reports.sections.provisions')}
          testId="report-table-provisions"
          headers={[c('basis'), c('provisions'), c('people')]}
          rows={f.provisions.map((x) => [words.bases[x.basis], x.count, x.people])}
        />
      </Section>

      <Section id="incidents" title={t('reports.sections.incidents')}>
        <FiguresTable
          caption={t('reports.sections.incidents')}
          testId="report-table-incidents"
          headers={[c('figure'), c('value')]}
          rows={[
            [g('discovered'), f.incidents.discovered],
            [g('incidentPeople'), f.incidents.people],
            [g('preliminary'), f.incidents.preliminaryReported],
            [g('final'), f.incidents.finalReported],
            [g('incidentClosed'), f.incidents.closed],
          ]}
        />
      </Section>

      <Section
        id="statements"
        title={t('reports.sections.statements', { day: formatDay(f.statements.asOf, lang) })}
        chart={<ChartOrNote has={has.statements} option={charts.statements} label={t('reports.charts.statements', { current: f.statements.current, staff: f.statements.staff })} />}
      >
        <FiguresTable
          caption={t('reports.sections.statements', { day: formatDay(f.statements.asOf, lang) })}
          testId="report-table-statements"
          headers={[c('figure'), c('value')]}
          rows={[
            [g('staff'), f.statements.staff],
            [g('covered'), f.statements.current],
            [g('coverage'), percent(f.statements.rate, lang)],
          ]}
        />
      </Section>

      <Text size="xs" c="dimmed" maw={900}>
        {t('reports.definitions')}
      </Text>
    </Stack>
  );
}
