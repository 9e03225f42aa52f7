// The ledger's table: the entry (number, name, marks), its count and source, who is responsible, the last confirmation
// with an overdue badge, and the risk state; a row opens the entry.
import { Badge, Button, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LedgerRow } from '../../../../src-shared/api/ledger';
import { cellBadge } from '../../components/badge';
import { DataTable } from '../../components/DataTable';
import { CountCell, ReviewCell, RiskCell } from './labels';

const features = tableFeatures({});
const helper = createColumnHelper<typeof features, LedgerRow>();

export function LedgerTable({ rows, onOpen, empty }: { rows: LedgerRow[]; onOpen: (id: string) => void; empty: ReactNode }) {
  const { t } = useTranslation();
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor('name', {
          header: () => t('ledger.columns.entry'),
          cell: ({ row }) => (
            <Stack gap={4} miw={170}>
              <Group gap={6} wrap="nowrap">
                <Text size="xs" c="dimmed" ff="monospace">
                  {row.original.number}
                </Text>
                <Text size="sm" fw={700}>
                  {row.original.name}
                </Text>
              </Group>
              <Group gap={4}>
                <Badge {...cellBadge} size="xs" variant="light" color="indigo">
                  {t(`ledger.storage.${row.original.storageKind}`)}
                </Badge>
                {row.original.disclosable && (
                  <Badge {...cellBadge} size="xs" variant="outline" color="indigo">
                    {t('ledger.badges.disclosable')}
                  </Badge>
                )}
                {row.original.specialCare && (
                  <Badge {...cellBadge} size="xs" variant="filled" color="grape">
                    {t('ledger.badges.specialCare')}
                  </Badge>
                )}
              </Group>
            </Stack>
          ),
        }),
        helper.accessor('count', { header: () => t('ledger.columns.count'), cell: ({ getValue }) => <CountCell count={getValue()} /> }),
        helper.display({
          id: 'responsible',
          header: () => t('ledger.columns.responsible'),
          cell: ({ row }) => (
            <Stack gap={0} miw={120}>
              <Text size="sm">{row.original.department}</Text>
              <Text size="xs" c="dimmed">
                {row.original.responsible}
              </Text>
            </Stack>
          ),
        }),
        helper.accessor('review', { header: () => t('ledger.columns.review'), cell: ({ row }) => <ReviewCell row={row.original} /> }),
        helper.accessor('risk', { header: () => t('ledger.columns.risk'), cell: ({ row }) => <RiskCell row={row.original} /> }),
        helper.display({
          id: 'actions',
          header: () => <VisuallyHidden>{t('ledger.columns.actions')}</VisuallyHidden>,
          cell: ({ row }) => (
            <Button size="compact-sm" variant="light" onClick={() => onOpen(row.original.id)} aria-label={t('ledger.openNamed', { name: row.original.name })}>
              {t('ledger.open')}
            </Button>
          ),
        }),
      ]),
    [t, onOpen],
  );
  const table = useTable({ features, columns, data: rows, getRowId: (row) => row.id });
  return (
    <DataTable
      table={table}
      caption={t('ledger.title')}
      testId="ledger-table"
      empty={empty}
      rowProps={(r) => ({ 'data-entry': r.name, 'data-overdue': String(r.review.overdue), 'data-risk': r.risk.state, style: r.retiredOn ? { opacity: 0.7 } : undefined })}
    />
  );
}
