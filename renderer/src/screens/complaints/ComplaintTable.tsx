// The register's table: number, kind, subject, channel, received, due date with its countdown, handler, what followed;
// a row opens with a click or Enter.
import { Badge, Group, Stack, Text } from '@mantine/core';
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { useMemo, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintRow } from '../../../../src-shared/api/complaints';
import { cellBadge } from '../../components/badge';
import { DataTable } from '../../components/DataTable';
import { formatDay } from '../../components/dates';
import classes from '../requests/RequestTable.module.css';
import { DaysLeft, KindBadge, OverdueBadge, StateBadge } from './labels';

const features = tableFeatures({});
const helper = createColumnHelper<typeof features, ComplaintRow>();

export function ComplaintTable({ rows, onOpen, empty }: { rows: ComplaintRow[]; onOpen: (id: string) => void; empty: ReactNode }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor('number', {
          header: () => t('complaints.columns.number'),
          cell: ({ getValue }) => (
            <Text size="sm" ff="monospace" fw={700} style={{ whiteSpace: 'nowrap' }}>
              {getValue()}
            </Text>
          ),
        }),
        helper.accessor('kind', { header: () => t('complaints.columns.kind'), cell: ({ getValue }) => <KindBadge kind={getValue()} /> }),
        helper.accessor('subject', {
          header: () => t('complaints.columns.subject'),
          cell: ({ row }) => (
            <Stack gap={2} miw={200} maw={340}>
              <Text size="sm" fw={600} lineClamp={2} style={{ overflowWrap: 'anywhere' }} c={row.original.personalDataErased ? 'dimmed' : undefined}>
                {row.original.subject}
              </Text>
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {t(`complaints.channels.${row.original.channel}`)}
                {row.original.customerNo ? ` · ${row.original.customerNo}` : ''}
              </Text>
            </Stack>
          ),
        }),
        helper.accessor('receivedOn', {
          header: () => t('complaints.columns.receivedOn'),
          cell: ({ getValue }) => (
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {formatDay(getValue(), lang)}
            </Text>
          ),
        }),
        helper.accessor('dueOn', {
          header: () => t('complaints.columns.dueOn'),
          cell: ({ row }) =>
            row.original.state === 'closed' ? (
              <Stack gap={2}>
                <StateBadge state="closed" />
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {t('complaints.closedOnShort', { day: formatDay(row.original.closedOn, lang) })}
                </Text>
              </Stack>
            ) : (
              <Stack gap={2} align="flex-start">
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }} c={row.original.overdue ? 'red.8' : undefined} fw={row.original.overdue ? 700 : undefined}>
                    {formatDay(row.original.dueOn, lang)}
                  </Text>
                  {row.original.overdue && <OverdueBadge />}
                </Group>
                <DaysLeft row={row.original} size="xs" />
              </Stack>
            ),
        }),
        helper.accessor('handlerName', {
          header: () => t('complaints.columns.handler'),
          cell: ({ getValue }) => (
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {getValue() ?? '—'}
            </Text>
          ),
        }),
        helper.display({
          id: 'followed',
          header: () => t('complaints.columns.followed'),
          cell: ({ row }) => {
            const r = row.original;
            const numbers = [...r.requestNumbers, ...r.incidentNumbers];
            return (
              <Group gap={4} wrap="wrap" maw={220}>
                {numbers.map((n) => (
                  <Badge key={n} {...cellBadge} size="sm" variant="outline" color={n.startsWith('I-') ? 'red' : 'indigo'} ff="monospace">
                    {n}
                  </Badge>
                ))}
                {r.problemFound && (
                  <Badge {...cellBadge} size="sm" color="orange" variant="light" data-testid="problem-badge">
                    {t('complaints.problemBadge')}
                  </Badge>
                )}
                {numbers.length === 0 && !r.problemFound && (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                )}
              </Group>
            );
          },
        }),
      ]),
    [t, lang],
  );
  const table = useTable({ features, columns, data: rows, getRowId: (row) => row.id });
  return (
    <DataTable
      table={table}
      caption={t('complaints.title')}
      testId="complaints-table"
      empty={empty}
      rowProps={(r) => ({
        'data-number': r.number,
        'data-overdue': String(r.overdue),
        'data-state': r.state,
        tabIndex: 0,
        className: classes.row,
        'aria-label': t('complaints.openRow', { number: r.number, kind: t(`complaints.kinds.${r.kind}`) }),
        onClick: () => onOpen(r.id),
        onKeyDown: (e: KeyboardEvent<HTMLTableRowElement>) => {
          if (e.key === 'Enter' && e.target === e.currentTarget) onOpen(r.id);
        },
        style: {
          cursor: 'pointer',
          // Overdue rows stand out by more than colour: a thick red edge.
          ...(r.overdue ? { backgroundColor: 'var(--mantine-color-red-light)', boxShadow: 'inset 4px 0 0 var(--mantine-color-red-filled)' } : {}),
        },
      })}
    />
  );
}
