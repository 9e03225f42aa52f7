// The per-row list of a bulk action: in the preview what will happen to each row, after the run what happened, and why.
import { Badge, Group, ScrollArea, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BulkOutcome, BulkResult, BulkRow } from '../../../../src-shared/api/bulk';
import { cellBadge } from '../../components/badge';
import { formatDay } from '../../components/dates';

const colours: Record<BulkOutcome, string> = { will: 'blue', skip: 'gray', done: 'teal', skipped: 'gray', failed: 'red' };
const isDay = (v: string | null) => v !== null && /^\d{4}-\d{2}-\d{2}$/.test(v);

function Reason({ row }: { row: BulkRow }) {
  const { t } = useTranslation();
  if (row.reason === null) {
    if (!row.notice) return null;
    const how = row.notice.byEmail ? 'byEmail' : 'byPost';
    return <Text size="xs">{t(`bulk.notice.${row.outcome === 'done' ? 'written' : 'will'}.${how}`, { kind: t(`bulk.noticeKinds.${row.notice.kind}`) })}</Text>;
  }
  const values = Object.fromEntries(Object.entries(row.reasonDetails ?? {}).map(([k, v]) => [k, v ?? '']));
  return <Text size="xs">{t(`errors.${row.reason}`, { ...values, defaultValue: t('errors.unknown', { code: row.reason }) })}</Text>;
}

export function OutcomeCounts({ result }: { result: BulkResult }) {
  const { t } = useTranslation();
  const shown = (result.step === 'preview' ? ['will', 'skip'] : ['done', 'skipped', 'failed']) as BulkOutcome[];
  return (
    <Group gap="xs" data-testid="bulk-counts" aria-live="polite">
      {shown.map((o) => (
        <Badge key={o} {...cellBadge} color={colours[o]} variant={o === 'failed' && result.counts[o] > 0 ? 'filled' : 'light'} data-outcome={o} data-count={result.counts[o]}>
          {t(`bulk.counts.${o}`, { count: result.counts[o] })}
        </Badge>
      ))}
    </Group>
  );
}

/** `changeLabel`: what the from → to column is about (the due date, the assignee); omitted for notices and exports. */
export function BulkRows({ result, changeLabel }: { result: BulkResult; changeLabel?: string }) {
  const { t, i18n } = useTranslation();
  const show = (v: string | null) => (v === null ? '—' : isDay(v) ? formatDay(v, i18n.language) : v);
  return (
    // Its own scroll area: up to 200 rows, and the confirm button stays in sight below them. Focusable, so the keyboard scrolls it.
    <ScrollArea.Autosize mah={380} type="auto" offsetScrollbars viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': t(`bulk.rowsCaption.${result.step}`) }}>
      <Table striped verticalSpacing={6} miw={560} data-testid={`bulk-${result.step}-rows`} aria-label={t(`bulk.rowsCaption.${result.step}`)}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('bulk.columns.number')}</Table.Th>
            <Table.Th>{t('bulk.columns.outcome')}</Table.Th>
            {changeLabel && <Table.Th>{changeLabel}</Table.Th>}
            <Table.Th>{t('bulk.columns.note')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.rows.map((row) => (
            <Table.Tr key={row.id} data-number={row.number} data-outcome={row.outcome}>
              <Table.Td>
                <Text size="sm" ff="monospace" fw={700} style={{ whiteSpace: 'nowrap' }}>
                  {row.number || '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge {...cellBadge} color={colours[row.outcome]} variant={row.outcome === 'failed' ? 'filled' : 'light'}>
                  {t(`bulk.outcomes.${row.outcome}`)}
                </Badge>
              </Table.Td>
              {changeLabel && (
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {row.from === row.to ? show(row.to) : `${show(row.from)} → ${show(row.to)}`}
                  </Text>
                </Table.Td>
              )}
              <Table.Td>
                <Reason row={row} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}
