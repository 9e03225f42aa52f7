// A TanStack table drawn with Mantine's Table: header groups, rows, an empty message, ArrowUp/ArrowDown between rows; the screens own columns and data.
import { Table, Text } from '@mantine/core';
import type { ReactTable, RowData, TableFeatures } from '@tanstack/react-table';
import type { HTMLAttributes, ReactNode } from 'react';
import { moveBetweenRows } from './row-keys';

export function DataTable<F extends TableFeatures, T extends RowData>({ table, empty, caption, testId, rowProps }: {
  // The selected state does not matter here: the table is only drawn.
  table: ReactTable<F, T, unknown>;
  empty: ReactNode;
  caption: string;
  testId?: string;
  /** Attributes of a row's <tr>: data-* for tests and styles, a style for history rows. */
  rowProps?: (row: T) => HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string | undefined>;
}) {
  const rows = table.getRowModel().rows;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid={testId} aria-label={caption}>
        <Table.Thead>
          {table.getHeaderGroups().map((group) => (
            <Table.Tr key={group.id}>
              {group.headers.map((header) => (
                <Table.Th key={header.id} style={{ whiteSpace: 'nowrap' }}>
                  {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                </Table.Th>
              ))}
            </Table.Tr>
          ))}
        </Table.Thead>
        <Table.Tbody onKeyDown={moveBetweenRows}>
          {rows.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={table.getAllLeafColumns().length}>
                <Text size="sm" c="dimmed" ta="center" py="md">
                  {empty}
                </Text>
              </Table.Td>
            </Table.Tr>
          ) : (
            rows.map((row) => (
              <Table.Tr key={row.id} {...(rowProps?.(row.original) ?? {})}>
                {row.getAllCells().map((cell) => (
                  <Table.Td key={cell.id} style={{ verticalAlign: 'top' }}>
                    <table.FlexRender cell={cell} />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
