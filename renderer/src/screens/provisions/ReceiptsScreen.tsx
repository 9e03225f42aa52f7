// 受領の記録 (the receipt register, APPI Art. 30): what was received from which provider, when, which items, for how
// many customers, kept until when; filtered as an auditor asks and exported as CSV or PDF.
import { Card, Group, Pagination, Stack, Text } from '@mantine/core';
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceiptRow } from '../../../../src-shared/registers';
import { DataTable } from '../../components/DataTable';
import { formatDay } from '../../components/dates';
import { QueryError } from '../../components/QueryError';
import { ScreenTitle } from '../../components/ScreenTitle';
import { StatementRequired, statementRequired } from '../customers/StatementRequired';
import { ExportButtons } from './ExportButtons';
import { useReceiptList } from './queries';
import { filterInput, isFiltered, noFilters, RegisterFilterFields, type PeriodFilters } from './RegisterFilters';

const features = tableFeatures({});
const helper = createColumnHelper<typeof features, ReceiptRow>();
const pageSize = 50;

export function ReceiptsScreen() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [filters, setFilters] = useState<PeriodFilters & { page: number }>({ ...noFilters, page: 0 });
  const period = filterInput(filters);
  const list = useReceiptList({ ...period, page: filters.page, pageSize });
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor('receivedOn', {
          header: () => t('receipts.columns.receivedOn'),
          cell: ({ getValue }) => (
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {formatDay(getValue(), lang)}
            </Text>
          ),
        }),
        helper.accessor('providerName', {
          header: () => t('receipts.columns.provider'),
          cell: ({ row }) => (
            <Stack gap={0}>
              <Text size="sm" fw={600}>
                {row.original.providerName}
              </Text>
              {!row.original.partnerId && (
                <Text size="xs" c="dimmed">
                  {t('receipts.notInRegister')}
                </Text>
              )}
            </Stack>
          ),
        }),
        helper.accessor('items', {
          header: () => t('receipts.columns.items'),
          cell: ({ getValue }) => (
            <Text size="sm" maw={420} style={{ overflowWrap: 'anywhere' }}>
              {getValue()}
            </Text>
          ),
        }),
        helper.accessor('customerCount', {
          header: () => t('receipts.columns.customers'),
          cell: ({ getValue }) => (
            <Text size="sm" ta="right" fw={600}>
              {t('provisions.peopleCell', { count: getValue() })}
            </Text>
          ),
        }),
        helper.accessor('keepUntil', {
          header: () => t('receipts.columns.keepUntil'),
          cell: ({ getValue }) => (
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {formatDay(getValue(), lang)}
            </Text>
          ),
        }),
      ]),
    [t, lang],
  );
  const rows = list.data?.rows ?? [];
  const table = useTable({ features, columns, data: rows, getRowId: (row) => row.id });

  const refused = statementRequired(list.error);
  if (refused) return <StatementRequired error={refused} />;

  const data = list.data;
  const set = (change: Partial<PeriodFilters>) => setFilters({ ...filters, page: 0, ...change });
  const empty = list.isPending ? t('common.loading') : isFiltered(filters) ? t('receipts.emptyFiltered') : t('receipts.empty');
  return (
    <Stack gap="md">
      <ScreenTitle title={t('receipts.title')} intro={t('receipts.intro')} />
      <Group align="flex-end" gap="md">
        <RegisterFilterFields filters={filters} onChange={set} partnerLabel={t('receipts.filters.partner')} />
      </Group>
      <QueryError error={list.error} />
      <Group justify="space-between" align="flex-start">
        <Text size="sm" fw={600} data-testid="receipt-count" aria-live="polite">
          {data ? t('receipts.count', { count: data.total }) : '\u00a0'}
        </Text>
        <ExportButtons register="receipts" filters={period} />
      </Group>
      <Card withBorder radius="md" padding={0}>
        <DataTable table={table} caption={t('receipts.title')} testId="receipts-table" empty={empty} rowProps={(r) => ({ 'data-provider': r.providerName })} />
      </Card>
      {data && data.total > pageSize && (
        <Group justify="center">
          <Pagination total={Math.ceil(data.total / pageSize)} value={filters.page + 1} onChange={(p) => setFilters({ ...filters, page: p - 1 })} />
        </Group>
      )}
    </Stack>
  );
}
