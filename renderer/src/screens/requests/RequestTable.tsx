// The register's table: number, kind, state, received, due date, business days left and flags; a row opens with a click or Enter, Space ticks it.
import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { useMemo, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestRow } from '../../../../src-shared/requests';
import { cellBadge } from '../../components/badge';
import { DataTable } from '../../components/DataTable';
import { SelectBox, SelectPageBox, type Selection } from '../bulk/selection';
import { formatDay } from '../../components/dates';
import classes from './RequestTable.module.css';
import { DaysLeft, DuplicateBadge, OverdueBadge, StateBadge, VerifiedBadge } from './labels';

const features = tableFeatures({});
const helper = createColumnHelper<typeof features, RequestRow>();

export function RequestTable({ rows, revealed, onOpen, empty, selection }: { rows: RequestRow[]; revealed: boolean; onOpen: (id: string) => void; empty: ReactNode; selection?: Selection }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const columns = useMemo(
    () =>
      helper.columns([
        // Ticking rows for bulk work: the box per row and "this page" in the header (bulk/selection.tsx).
        ...(selection
          ? [
              helper.display({
                id: 'select',
                header: () => <SelectPageBox selection={selection} />,
                cell: ({ row }) => <SelectBox selection={selection} id={row.original.id} label={t('bulk.selectRow', { number: row.original.number })} />,
              }),
            ]
          : []),
        helper.accessor('number', {
          header: () => t('requests.columns.number'),
          cell: ({ row }) => (
            <Text size="sm" ff="monospace" fw={700} style={{ whiteSpace: 'nowrap' }}>
              {row.original.number}
            </Text>
          ),
        }),
        ...(revealed
          ? [
              helper.accessor('requesterName', {
                header: () => t('requests.columns.requester'),
                cell: ({ getValue }) => (
                  <Text size="sm" fw={600} data-testid="requester-name">
                    {getValue() ?? '—'}
                  </Text>
                ),
              }),
            ]
          : []),
        helper.accessor('kind', {
          header: () => t('requests.columns.kind'),
          cell: ({ getValue }) => <Text size="sm">{t(`requests.kinds.${getValue()}`)}</Text>,
        }),
        helper.accessor('state', { header: () => t('requests.columns.state'), cell: ({ getValue }) => <StateBadge state={getValue()} /> }),
        helper.accessor('receivedOn', {
          header: () => t('requests.columns.receivedOn'),
          cell: ({ getValue }) => (
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {formatDay(getValue(), lang)}
            </Text>
          ),
        }),
        helper.accessor('dueOn', {
          header: () => t('requests.columns.dueOn'),
          cell: ({ row }) => (
            <Stack gap={2} align="flex-start">
              <Group gap={6} wrap="nowrap">
                <Text size="sm" style={{ whiteSpace: 'nowrap' }} c={row.original.overdue ? 'red.8' : undefined} fw={row.original.overdue ? 700 : undefined}>
                  {formatDay(row.original.dueOn, lang)}
                </Text>
                {row.original.extended && (
                  <Badge {...cellBadge} size="xs" color="grape" variant="light" data-testid="extended-badge">
                    {t('requests.flags.extended')}
                  </Badge>
                )}
              </Group>
              <DaysLeft row={row.original} size="xs" />
            </Stack>
          ),
        }),
        helper.display({
          id: 'flags',
          header: () => t('requests.columns.flags'),
          cell: ({ row }) => {
            const r = row.original;
            const dup = r.duplicateOf;
            return (
              <Stack gap={4} align="flex-start">
                <Group gap={4}>
                  {r.overdue && <OverdueBadge />}
                  {r.identityVerified && <VerifiedBadge />}
                  {dup && <DuplicateBadge />}
                </Group>
                {dup && (
                  <Anchor
                    component="button"
                    type="button"
                    size="xs"
                    onClick={(e) => {
                      e.stopPropagation();
                      onOpen(dup.id);
                    }}
                    onKeyDown={(e) => e.stopPropagation()}
                    style={{ whiteSpace: 'nowrap', textAlign: 'left' }}
                    data-testid="duplicate-link"
                  >
                    {t('requests.duplicateOf', { number: dup.number })}
                  </Anchor>
                )}
              </Stack>
            );
          },
        }),
        helper.accessor('customerNo', {
          header: () => t('requests.columns.customerNo'),
          cell: ({ getValue }) => (
            <Text size="sm" ff={getValue() ? 'monospace' : undefined} c={getValue() ? undefined : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
              {getValue() ?? t('requests.notLinked')}
            </Text>
          ),
        }),
        helper.accessor('assigneeName', { header: () => t('requests.columns.assignee'), cell: ({ getValue }) => <Text size="sm">{getValue() ?? '—'}</Text> }),
      ]),
    [t, lang, revealed, onOpen, selection],
  );
  const table = useTable({ features, columns, data: rows, getRowId: (row) => row.id });
  return (
    <DataTable
      table={table}
      caption={t('requests.title')}
      testId="requests-table"
      empty={empty}
      rowProps={(r) => ({
        'data-number': r.number,
        'data-overdue': String(r.overdue),
        'data-state': r.state,
        tabIndex: 0,
        className: classes.row,
        'aria-label': t('requests.openRow', { number: r.number, kind: t(`requests.kinds.${r.kind}`) }),
        onClick: () => onOpen(r.id),
        onKeyDown: (e: KeyboardEvent<HTMLTableRowElement>) => {
          if (e.key === 'Enter' && e.target === e.currentTarget) onOpen(r.id);
          if (e.key === ' ' && e.target === e.currentTarget && selection) {
            e.preventDefault();
            selection.toggle(r.id);
          }
        },
        style: {
          cursor: 'pointer',
          // Overdue rows stand out by more than colour: a thick red edge and bold text.
          ...(r.overdue ? { backgroundColor: 'var(--mantine-color-red-light)', boxShadow: 'inset 4px 0 0 var(--mantine-color-red-filled)' } : {}),
        },
      })}
    />
  );
}
