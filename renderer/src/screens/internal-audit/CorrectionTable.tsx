// The corrective actions' table: number and finding, what will be done and by whom, the due day, where it stands.
import { Stack, Text } from '@mantine/core';
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { useMemo, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CorrectionRow } from '../../../../src-shared/api/internal-audit';
import { DataTable } from '../../components/DataTable';
import { formatDay } from '../../components/dates';
import { CorrectionStateBadge, DueDay, GradeBadge } from './labels';

const features = tableFeatures({});
const helper = createColumnHelper<typeof features, CorrectionRow>();

export function CorrectionTable({ rows, onOpen, empty, withFinding = true }: { rows: CorrectionRow[]; onOpen: (id: string) => void; empty: ReactNode; withFinding?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor('number', {
          header: () => t('internalAudit.corrections.columns.number'),
          cell: ({ row }) => (
            <Stack gap={2} align="flex-start">
              <Text size="sm" ff="monospace" fw={700} style={{ whiteSpace: 'nowrap' }}>
                {row.original.number}
              </Text>
              {withFinding && (
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {t('internalAudit.corrections.forFinding', { number: row.original.findingNumber })}
                </Text>
              )}
            </Stack>
          ),
        }),
        ...(withFinding ? [helper.accessor('findingGrade', { header: () => t('internalAudit.findings.columns.grade'), cell: ({ getValue }) => <GradeBadge grade={getValue()} /> })] : []),
        helper.accessor('action', {
          header: () => t('internalAudit.corrections.columns.action'),
          cell: ({ getValue }) => (
            <Text size="sm" lineClamp={2} miw={220} maw={400} style={{ overflowWrap: 'anywhere' }}>
              {getValue()}
            </Text>
          ),
        }),
        helper.accessor('owner', {
          header: () => t('internalAudit.corrections.columns.owner'),
          cell: ({ getValue }) => (
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {getValue().displayName}
            </Text>
          ),
        }),
        helper.accessor('dueOn', { header: () => t('internalAudit.corrections.columns.due'), cell: ({ row }) => <DueDay row={row.original} /> }),
        helper.accessor('state', {
          header: () => t('internalAudit.corrections.columns.state'),
          cell: ({ row }) => {
            const r = row.original;
            const on = r.state === 'closed' ? r.closedOn : r.state === 'reported' ? r.reportedOn : null;
            return (
              <Stack gap={2} align="flex-start">
                <CorrectionStateBadge row={r} />
                {on && (
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {formatDay(on, lang)}
                  </Text>
                )}
              </Stack>
            );
          },
        }),
      ]),
    [t, lang, withFinding],
  );
  const table = useTable({ features, columns, data: rows, getRowId: (row) => row.id });
  return (
    <DataTable
      table={table}
      caption={t('internalAudit.tabs.corrections')}
      testId="corrections-table"
      empty={empty}
      rowProps={(r) => ({
        'data-number': r.number,
        'data-state': r.state,
        'data-overdue': String(r.overdue),
        tabIndex: 0,
        'aria-label': t('internalAudit.corrections.openRow', { number: r.number }),
        onClick: () => onOpen(r.id),
        onKeyDown: (e: KeyboardEvent<HTMLTableRowElement>) => {
          if (e.key === 'Enter' && e.target === e.currentTarget) onOpen(r.id);
        },
        style: {
          cursor: 'pointer',
          // A late action stands out by more than colour: a thick red edge as well.
          ...(r.overdue ? { backgroundColor: 'var(--mantine-color-red-light)', boxShadow: 'inset 4px 0 0 var(--mantine-color-red-filled)' } : {}),
        },
      })}
    />
  );
}
