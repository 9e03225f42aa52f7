// The customers table shared by the search and the marketing list: number, name, reading, area, contact as the core sent it.
import { Group, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowsSort } from '@tabler/icons-react';
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { memo, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerRow, CustomerSort } from '../../../../src-shared/customers';
import { VirtualTable } from '../../components/VirtualTable';
import { SelectBox, SelectPageBox, type Selection } from '../bulk/selection';
import classes from './CustomerTable.module.css';

const features = tableFeatures({});
const helper = createColumnHelper<typeof features, CustomerRow>();

export interface SortControl {
  sort: CustomerSort;
  onSort: (sort: CustomerSort) => void;
  /** Sorts the server cannot give for this search (customer number on a capped search). */
  disabled: CustomerSort[];
}

function SortHeader({ label, by, control }: { label: string; by: CustomerSort; control?: SortControl }) {
  const { t } = useTranslation();
  if (!control) return <>{label}</>;
  const active = control.sort === by;
  const disabled = control.disabled.includes(by);
  const button = (
    <UnstyledButton
      onClick={() => control.onSort(by)}
      disabled={disabled}
      aria-pressed={active}
      data-sort={by}
      style={{ fontWeight: 700, fontSize: 'inherit', opacity: disabled ? 0.5 : 1, cursor: disabled ? 'not-allowed' : 'pointer' }}
    >
      <Group gap={4} wrap="nowrap">
        {label}
        {active ? <IconArrowDown size={14} aria-hidden /> : <IconArrowsSort size={14} aria-hidden color="var(--mantine-color-dimmed)" />}
      </Group>
    </UnstyledButton>
  );
  return disabled ? (
    <Tooltip label={t('customers.sort.disabled')} withArrow multiline w={260}>
      <span>{button}</span>
    </Tooltip>
  ) : (
    button
  );
}

/** The row's attributes the journeys find it by; one function for the life of the screen, so rows are not redrawn for it. */
const customerRowProps = (row: CustomerRow) => ({ 'data-customer-no': row.customerNo, 'data-masked': String(row.masked) });

/** Memoised: a key typed in the search box re-renders the screen, not the rows (their props stay the same). */
export const CustomerTable = memo(function CustomerTable({
  rows,
  onOpen,
  sort,
  empty,
  caption,
  testId,
  hasMore,
  loadingMore,
  onLoadMore,
  selection,
}: {
  rows: CustomerRow[];
  onOpen: (row: CustomerRow) => void;
  sort?: SortControl;
  empty: ReactNode;
  caption: string;
  testId: string;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  /** Rows ticked for bulk work: a store of its own, so a tick redraws one box, not the list (bulk/selection.tsx). */
  selection?: Selection;
}) {
  const { t } = useTranslation();
  const columns = useMemo(
    () =>
      helper.columns([
        ...(selection
          ? [
              helper.display({
                id: 'select',
                header: () => <SelectPageBox selection={selection} />,
                cell: ({ row }) => <SelectBox selection={selection} id={row.original.id} label={t('bulk.selectCustomer', { no: row.original.customerNo })} />,
              }),
            ]
          : []),
        // Plain elements in the cells (CustomerTable.module.css): the table already sets the small font.
        helper.accessor('customerNo', {
          header: () => <SortHeader label={t('customers.columns.customerNo')} by="customerNo" control={sort} />,
          cell: ({ getValue }) => <span className={classes.mono}>{getValue()}</span>,
        }),
        helper.accessor('name', {
          header: () => t('customers.columns.name'),
          cell: ({ row }) => (
            <button type="button" className={classes.name} onClick={() => onOpen(row.original)} aria-label={t('customers.open', { name: row.original.name })}>
              {row.original.name}
            </button>
          ),
        }),
        helper.accessor('nameKana', {
          header: () => <SortHeader label={t('customers.columns.nameKana')} by="kana" control={sort} />,
          cell: ({ getValue }) => getValue(),
        }),
        helper.accessor('area', { header: () => t('customers.columns.area'), cell: ({ getValue }) => getValue() }),
        helper.accessor('phone', {
          header: () => t('customers.columns.phone'),
          cell: ({ getValue }) => <span className={classes.mono}>{getValue() ?? ''}</span>,
        }),
        helper.accessor('email', { header: () => t('customers.columns.email'), cell: ({ getValue }) => getValue() ?? '' }),
      ]),
    [t, sort, onOpen, selection],
  );
  const table = useTable({ features, columns, data: rows, getRowId: (row) => row.id });
  return (
    <VirtualTable
      table={table}
      caption={caption}
      empty={empty}
      testId={testId}
      rowProps={customerRowProps}
      hasMore={hasMore}
      loadingMore={loadingMore}
      onLoadMore={onLoadMore}
      loadingLabel={t('customers.loadingMore')}
    />
  );
});

/** "1,234件" or "10,000+件": a capped count says it is a floor. */
export function CountText({ total, capped }: { total: number; capped: boolean }) {
  const { t, i18n } = useTranslation();
  const count = new Intl.NumberFormat(i18n.language).format(total);
  return (
    <Text size="sm" fw={600} data-testid="customer-count" aria-live="polite">
      {capped ? t('customers.countCapped', { n: count }) : t('customers.count', { count: total, n: count })}
    </Text>
  );
}
