// A TanStack table whose rows are drawn only while in view (TanStack Virtual), asking for the next page as the end comes near.
import { Loader, Table, Text } from '@mantine/core';
import type { ReactTable, Row, RowData, TableFeatures } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, type HTMLAttributes, type ReactNode } from 'react';
import { moveBetweenRows } from './row-keys';

type RowProps<T> = (row: T) => HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string | undefined>;

/**
 * One row, drawn again only when its own data or place changes. Scrolling re-renders the table every frame (the
 * virtualizer moves the window); without this every visible row and cell was rendered again per frame, which at a
 * screenful of Mantine cells took longer than a frame (npm run bench: screen figures). `rowProps` must be stable.
 */
const VirtualRow = memo(function VirtualRow<F extends TableFeatures, T extends RowData>({
  table,
  row,
  index,
  measure,
  rowProps,
}: {
  table: ReactTable<F, T, unknown>;
  row: Row<F, T>;
  index: number;
  measure: (node: Element | null) => void;
  rowProps?: RowProps<T>;
}) {
  return (
    <Table.Tr data-index={index} ref={measure} aria-rowindex={index + 2} {...(rowProps?.(row.original) ?? {})}>
      {row.getAllCells().map((cell) => (
        <Table.Td key={cell.id} style={{ whiteSpace: 'nowrap' }}>
          <table.FlexRender cell={cell} />
        </Table.Td>
      ))}
    </Table.Tr>
  );
}) as <F extends TableFeatures, T extends RowData>(props: { table: ReactTable<F, T, unknown>; row: Row<F, T>; index: number; measure: (node: Element | null) => void; rowProps?: RowProps<T> }) => ReactNode;

export function VirtualTable<F extends TableFeatures, T extends RowData>({
  table,
  caption,
  empty,
  testId,
  rowProps,
  hasMore,
  loadingMore,
  onLoadMore,
  loadingLabel,
  maxHeight = 'calc(100vh - 320px)',
  rowHeight = 45,
}: {
  table: ReactTable<F, T, unknown>;
  caption: string;
  empty: ReactNode;
  testId?: string;
  /** Attributes of a row's <tr>; a stable function (module level or memoised), or every row redraws each frame. */
  rowProps?: RowProps<T>;
  /** More rows exist on the server than are loaded. */
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  loadingLabel: string;
  /** The list scrolls inside this height; fewer rows take only their own. */
  maxHeight?: string;
  rowHeight?: number;
}) {
  const rows = table.getRowModel().rows;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length + (hasMore ? 1 : 0),
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const last = items[items.length - 1];

  // The loader row came into view: fetch the next page (once; the flag stays up until it arrives).
  useEffect(() => {
    if (last && last.index >= rows.length - 1 && hasMore && !loadingMore) onLoadMore();
  }, [last, rows.length, hasMore, loadingMore, onLoadMore]);

  const columns = table.getAllLeafColumns().length;
  const padTop = items[0]?.start ?? 0;
  const padBottom = last ? virtualizer.getTotalSize() - last.end : 0;

  return (
    <div ref={scroller} style={{ maxHeight, minHeight: 120, overflow: 'auto' }} data-testid={testId ? `${testId}-scroller` : undefined}>
      <Table striped highlightOnHover stickyHeader verticalSpacing="xs" miw={760} data-testid={testId} aria-label={caption} aria-rowcount={rows.length + 1}>
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
              <Table.Td colSpan={columns}>
                <Text size="sm" c="dimmed" ta="center" py="md">
                  {empty}
                </Text>
              </Table.Td>
            </Table.Tr>
          ) : (
            <>
              {padTop > 0 && (
                <tr aria-hidden>
                  <td colSpan={columns} style={{ height: padTop, padding: 0, border: 0 }} />
                </tr>
              )}
              {items.map((item) => {
                const row = rows[item.index];
                if (!row) {
                  return (
                    <Table.Tr key="loader" data-index={item.index} ref={virtualizer.measureElement}>
                      <Table.Td colSpan={columns}>
                        <Text size="sm" c="dimmed" ta="center" role="status">
                          <Loader size="xs" mr="xs" aria-hidden />
                          {loadingLabel}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  );
                }
                return <VirtualRow key={row.id} table={table} row={row} index={item.index} measure={virtualizer.measureElement} rowProps={rowProps} />;
              })}
              {padBottom > 0 && (
                <tr aria-hidden>
                  <td colSpan={columns} style={{ height: padBottom, padding: 0, border: 0 }} />
                </tr>
              )}
            </>
          )}
        </Table.Tbody>
      </Table>
    </div>
  );
}
