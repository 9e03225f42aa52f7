// The findings' table: number, day found, grade, requirement and what was found, what it concerns, where it stands.
import { Stack, Text } from '@mantine/core';
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { useMemo, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FindingRow } from '../../../../src-shared/api/internal-audit';
import { DataTable } from '../../components/DataTable';
import { formatDay } from '../../components/dates';
import { FindingStatusBadge, GradeBadge, TargetText } from './labels';

const features = tableFeatures({});
const helper = createColumnHelper<typeof features, FindingRow>();

export function FindingTable({ rows, onOpen, empty }: { rows: FindingRow[]; onOpen: (id: string) => void; empty: ReactNode }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor('number', {
          header: () => t('internalAudit.findings.columns.number'),
          cell: ({ row }) => (
            <Stack gap={0}>
              <Text size="sm" ff="monospace" fw={700} style={{ whiteSpace: 'nowrap' }}>
                {row.original.number}
              </Text>
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {formatDay(row.original.foundOn, lang)}
              </Text>
            </Stack>
          ),
        }),
        helper.accessor('grade', { header: () => t('internalAudit.findings.columns.grade'), cell: ({ getValue }) => <GradeBadge grade={getValue()} /> }),
        helper.accessor('description', {
          header: () => t('internalAudit.findings.columns.what'),
          cell: ({ row }) => (
            <Stack gap={2} miw={240} maw={420}>
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {row.original.requirement}
              </Text>
              <Text size="sm" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                {row.original.description}
              </Text>
            </Stack>
          ),
        }),
        helper.accessor('target', { header: () => t('internalAudit.findings.columns.target'), cell: ({ getValue }) => <TargetText target={getValue()} /> }),
        helper.accessor('status', {
          header: () => t('internalAudit.findings.columns.status'),
          cell: ({ row }) => {
            const a = row.original.actions;
            const total = a.open + a.reported + a.closed;
            return (
              <Stack gap={2} align="flex-start">
                <FindingStatusBadge status={row.original.status} />
                {total > 0 && (
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {t('internalAudit.findings.actionsClosed', { closed: a.closed, total })}
                  </Text>
                )}
              </Stack>
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
      caption={t('internalAudit.tabs.findings')}
      testId="findings-table"
      empty={empty}
      rowProps={(r) => ({
        'data-number': r.number,
        'data-status': r.status,
        tabIndex: 0,
        'aria-label': t('internalAudit.findings.openRow', { number: r.number }),
        onClick: () => onOpen(r.id),
        onKeyDown: (e: KeyboardEvent<HTMLTableRowElement>) => {
          if (e.key === 'Enter' && e.target === e.currentTarget) onOpen(r.id);
        },
        style: { cursor: 'pointer' },
      })}
    />
  );
}
