// The incident register's table: number, discovered, what happened, people, reportable and why, the countdown to the next report.
import { Text } from '@mantine/core';
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { useMemo, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentRow } from '../../../../src-shared/registers';
import { DataTable } from '../../components/DataTable';
import { formatDateTime } from '../../components/dates';
import { nextReport, urgencyOf } from './deadlines';
import { Countdown, IncidentStateBadge, ReportableBadge } from './labels';

const features = tableFeatures({});
const helper = createColumnHelper<typeof features, IncidentRow>();

export function IncidentTable({ rows, onOpen, empty }: { rows: IncidentRow[]; onOpen: (id: string) => void; empty: ReactNode }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor('number', {
          header: () => t('incidents.columns.number'),
          cell: ({ getValue }) => (
            <Text size="sm" ff="monospace" fw={700} style={{ whiteSpace: 'nowrap' }}>
              {getValue()}
            </Text>
          ),
        }),
        helper.accessor('discoveredAt', {
          header: () => t('incidents.columns.discoveredAt'),
          cell: ({ getValue }) => (
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {formatDateTime(getValue(), lang)}
            </Text>
          ),
        }),
        helper.accessor('summary', {
          header: () => t('incidents.columns.summary'),
          cell: ({ getValue }) => (
            <Text size="sm" lineClamp={2} miw={220} maw={360} style={{ overflowWrap: 'anywhere' }}>
              {getValue()}
            </Text>
          ),
        }),
        helper.accessor('peopleCount', {
          header: () => t('incidents.columns.peopleCount'),
          cell: ({ getValue }) => (
            <Text size="sm" ta="right" style={{ whiteSpace: 'nowrap' }} data-testid="people-count">
              {t('incidents.people', { count: getValue(), formatted: getValue().toLocaleString(lang) })}
            </Text>
          ),
        }),
        helper.accessor('reportable', { header: () => t('incidents.columns.reportable'), cell: ({ row }) => <ReportableBadge row={row.original} /> }),
        helper.display({
          id: 'next',
          header: () => t('incidents.columns.nextReport'),
          cell: ({ row }) => <NextReportCell row={row.original} />,
        }),
        helper.accessor('state', { header: () => t('incidents.columns.state'), cell: ({ getValue }) => <IncidentStateBadge state={getValue()} /> }),
      ]),
    [t, lang],
  );
  const table = useTable({ features, columns, data: rows, getRowId: (row) => row.id });
  return (
    <DataTable
      table={table}
      caption={t('incidents.title')}
      testId="incidents-table"
      empty={empty}
      rowProps={(r) => {
        const next = nextReport(r);
        const late = next !== null && urgencyOf(next.days) === 'late';
        return {
          'data-number': r.number,
          'data-reportable': String(r.reportable),
          tabIndex: 0,
          'aria-label': t('incidents.openRow', { number: r.number }),
          onClick: () => onOpen(r.id),
          onKeyDown: (e: KeyboardEvent<HTMLTableRowElement>) => {
            if (e.key === 'Enter' && e.target === e.currentTarget) onOpen(r.id);
          },
          style: {
            cursor: 'pointer',
            // A late report stands out by more than colour: a thick red edge as well.
            ...(late ? { backgroundColor: 'var(--mantine-color-red-light)', boxShadow: 'inset 4px 0 0 var(--mantine-color-red-filled)' } : {}),
          },
        };
      }}
    />
  );
}

function NextReportCell({ row }: { row: IncidentRow }) {
  const { t } = useTranslation();
  const next = nextReport(row);
  if (next) return <Countdown kind={next.kind} days={next.days} />;
  const text = !row.reportable ? t('incidents.noReportDue') : row.finalReportedAt ? t('incidents.reportsDone') : '—';
  return (
    <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
      {text}
    </Text>
  );
}
