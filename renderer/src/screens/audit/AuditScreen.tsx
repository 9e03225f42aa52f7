// The audit trail (officer, auditor): chain status and signing key, filters, the events page by page, and signed exports.
import { Badge, Button, Card, Code, Group, Pagination, Stack, Text, Tooltip } from '@mantine/core';
import { IconFileExport } from '@tabler/icons-react';
import { createColumnHelper, rowPaginationFeature, tableFeatures, useTable, type PaginationState } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useRouteParams } from '../../app/navigate';
import { auditFiltersFrom } from '../home/links';
import { useTranslation } from 'react-i18next';
import type { AuditRow } from '../../../../src-shared/domain';
import { useSession } from '../../app/session';
import { DataTable } from '../../components/DataTable';
import { endOfDayIso, formatDateTime, startOfDayIso } from '../../components/dates';
import { QueryError } from '../../components/QueryError';
import { AuditFilters, noFilters, type AuditFilterValues } from './AuditFilters';
import { ChainStatusPanel } from './ChainStatusPanel';
import { ExportDialog } from './ExportDialog';
import { useAuditSearch, type AuditQuery } from './queries';
import { cellBadge } from '../../components/badge';
import { ScreenTitle } from '../../components/ScreenTitle';

const pageSize = 50;
const features = tableFeatures({ rowPaginationFeature });
const helper = createColumnHelper<typeof features, AuditRow>();
const noRows: AuditRow[] = [];
const outcomeColor = { ok: 'teal', denied: 'orange', failed: 'red' } as const;

/** The filters as the contract takes them: whole local days, "to" including its day. */
export function rangeOf(filters: AuditFilterValues): { from?: string; to?: string } {
  return { from: filters.from ? startOfDayIso(filters.from) : undefined, to: filters.to ? endOfDayIso(filters.to) : undefined };
}

export function AuditScreen() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const params = useRouteParams();
  const [filters, setFilters] = useState<AuditFilterValues>(() => auditFiltersFrom(params, noFilters));
  const [pagination, setPagination] = useState<PaginationState>({ pageIndex: 0, pageSize });
  const [exporting, setExporting] = useState(false);
  const lang = i18n.language;
  const canExport = session.permissions.includes('audit.export');

  const query: AuditQuery = {
    ...rangeOf(filters),
    actorId: filters.actorId || undefined,
    action: filters.action || undefined,
    targetId: filters.targetId || undefined,
    outcome: filters.outcome || undefined,
    page: pagination.pageIndex,
    pageSize: pagination.pageSize,
    order: 'newest',
  };
  const search = useAuditSearch(query);

  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor('seq', { header: () => t('audit.columns.seq'), cell: ({ getValue }) => <Text size="sm" ff="monospace">{getValue()}</Text> }),
        helper.accessor('at', {
          header: () => t('audit.columns.at'),
          cell: ({ getValue }) => (
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {formatDateTime(getValue(), lang, true)}
            </Text>
          ),
        }),
        helper.accessor('actorId', {
          header: () => t('audit.columns.actor'),
          cell: ({ row }) => <Actor row={row.original} />,
        }),
        helper.accessor('actorRole', {
          header: () => t('audit.columns.role'),
          cell: ({ getValue }) => (
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {getValue() ? t(`roles.${getValue()}`, { defaultValue: getValue()! }) : ''}
            </Text>
          ),
        }),
        helper.accessor('action', {
          header: () => t('audit.columns.action'),
          cell: ({ getValue }) => <Action action={getValue()} />,
        }),
        helper.accessor('outcome', {
          header: () => t('audit.columns.outcome'),
          cell: ({ getValue }) => (
            <Badge {...cellBadge} color={outcomeColor[getValue()]} variant={getValue() === 'ok' ? 'light' : 'filled'}>
              {t(`audit.outcome.${getValue()}`)}
            </Badge>
          ),
        }),
        helper.accessor('targetId', {
          header: () => t('audit.columns.target'),
          cell: ({ row }) =>
            row.original.targetId || row.original.targetType ? (
              <Stack gap={0}>
                <Text size="xs" c="dimmed">
                  {row.original.targetType}
                </Text>
                {row.original.targetId && <ShortId id={row.original.targetId} testId="audit-target-id" />}
              </Stack>
            ) : null,
        }),
        helper.accessor('fields', {
          header: () => t('audit.columns.fields'),
          cell: ({ getValue }) => (
            <Text size="xs" ff="monospace">
              {getValue()?.join(', ')}
            </Text>
          ),
        }),
        helper.accessor('details', {
          header: () => t('audit.columns.details'),
          cell: ({ getValue }) => {
            const details = getValue();
            if (!details || Object.keys(details).length === 0) return null;
            return (
              <details>
                <summary style={{ cursor: 'pointer', fontSize: 'var(--mantine-font-size-xs)', whiteSpace: 'nowrap' }}>{t('audit.showDetails')}</summary>
                <Code block fz="xs" mt={4} maw={320} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                  {JSON.stringify(details, null, 2)}
                </Code>
              </details>
            );
          },
        }),
      ]),
    [t, lang],
  );

  const table = useTable({
    features,
    columns,
    data: search.data?.rows ?? noRows,
    getRowId: (row) => String(row.seq),
    rowCount: search.data?.total ?? 0,
    manualPagination: true,
    state: { pagination },
    onPaginationChange: setPagination,
  });

  const total = search.data?.total ?? 0;
  const first = total === 0 ? 0 : pagination.pageIndex * pageSize + 1;
  const last = Math.min(total, (pagination.pageIndex + 1) * pageSize);

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <ScreenTitle title={t('audit.title')} intro={t('audit.intro')} />
        {canExport && (
          <Stack gap={2} align="flex-end">
            <Button leftSection={<IconFileExport size={18} aria-hidden />} onClick={() => setExporting(true)}>
              {t('audit.export.button')}
            </Button>
            <Text size="xs" c="dimmed">
              {t('audit.export.range', { range: rangeLabel(filters, t('audit.export.all')) })}
            </Text>
          </Stack>
        )}
      </Group>
      <ChainStatusPanel />
      <AuditFilters
        initial={filters}
        onApply={(values) => {
          setFilters(values);
          table.setPageIndex(0);
        }}
      />
      <QueryError error={search.error} />
      {/* While the next page or filter loads, the rows on screen are the previous answer: shown faded. */}
      <Card withBorder radius="md" padding={0} data-loading={search.isFetching} style={{ opacity: search.isPlaceholderData ? 0.6 : 1 }}>
        <DataTable
          table={table}
          caption={t('audit.title')}
          testId="audit-table"
          empty={search.isPending ? t('common.loading') : t('audit.none')}
          rowProps={(row) => ({ 'data-action': row.action, 'data-outcome': row.outcome })}
        />
        <Group justify="space-between" p="sm">
          <Text size="sm" c="dimmed" data-testid="audit-total">
            {t('audit.total', { total, from: first, to: last })}
          </Text>
          <Pagination
            total={table.getPageCount()}
            value={pagination.pageIndex + 1}
            onChange={(page) => table.setPageIndex(page - 1)}
            size="sm"
            withEdges
            getControlProps={(control) => ({ 'aria-label': `${t('audit.page')} ${control}` })}
          />
        </Group>
      </Card>
      {canExport && <ExportDialog opened={exporting} range={rangeOf(filters)} rangeText={rangeLabel(filters, t('audit.export.all'))} onClose={() => setExporting(false)} />}
    </Stack>
  );
}

function rangeLabel(filters: AuditFilterValues, all: string): string {
  if (!filters.from && !filters.to) return all;
  return `${filters.from || '…'} – ${filters.to || '…'}`;
}

/** The officer sees who (with the id, to filter by it); the auditor sees the id only: an employee's name is personal data. */
function Actor({ row }: { row: AuditRow }) {
  const { t } = useTranslation();
  if (!row.actorId) {
    return (
      <Text size="sm" c="dimmed">
        {t('audit.system')}
      </Text>
    );
  }
  return (
    <Stack gap={0}>
      {row.actorName && (
        <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
          {row.actorName}
        </Text>
      )}
      <ShortId id={row.actorId} testId="audit-actor-id" dimmed={!!row.actorName} />
    </Stack>
  );
}

function Action({ action }: { action: string }) {
  const { t, i18n } = useTranslation();
  const key = `audit.actions.${action}`;
  return (
    <Stack gap={0}>
      {i18n.exists(key) && (
        <Text size="sm">
          {t(key)}
        </Text>
      )}
      <Text size="xs" ff="monospace" c="dimmed">
        {action}
      </Text>
    </Stack>
  );
}

/**
 * A record or account id, shortened to its first 8 characters so the table stays readable; the whole id is in the
 * tooltip, the title and the data attribute (and selectable), for comparing with an exported file or filtering by it.
 */
function ShortId({ id, testId, dimmed }: { id: string; testId: string; dimmed?: boolean }) {
  const short = id.length > 12 ? `${id.slice(0, 8)}…` : id;
  return (
    <Tooltip label={id} withArrow openDelay={300}>
      <Text size="xs" ff="monospace" c={dimmed ? 'dimmed' : undefined} data-testid={testId} data-id={id} title={id} style={{ whiteSpace: 'nowrap' }} aria-label={id}>
        {short}
      </Text>
    </Tooltip>
  );
}
