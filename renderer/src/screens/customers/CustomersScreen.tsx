// Customers (顧客): one search box over every way a customer is known, a virtual list paged by the server, and the record opened from it.
import { Alert, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconInfoCircle, IconUserPlus } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerRow, CustomerSort } from '../../../../src-shared/customers';
import { DeskCallError } from '../../app/client';
import { useSession } from '../../app/session';
import { QueryError } from '../../components/QueryError';
import { CountText, CustomerTable } from './CustomerTable';
import { CustomerRecordView } from './CustomerRecordView';
import { NewCustomerForm } from './NewCustomerScreen';
import { useCustomerSearch, useStartCustomerSearch } from './queries';
import { resultsFor, useAskedQuery } from './asked-query';
import { SearchBox } from './SearchBox';
import { StatementRequired, statementRequired } from './StatementRequired';
import { ScreenTitle } from '../../components/ScreenTitle';
import { CustomerBulkBar } from '../bulk/CustomerBulkBar';
import { useSelectionStore, type Selection } from '../bulk/selection';

type View = { kind: 'list' } | { kind: 'record'; id: string } | { kind: 'new' };

export function CustomersScreen() {
  const [view, setView] = useState<View>({ kind: 'list' });
  // The search and its order outlive the record opened from them: back to the list is back to the same results.
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<CustomerSort>('kana');
  // What is ticked outlives a search and a record opened from it: the officer can gather customers from several searches.
  const selection = useSelectionStore();
  const back = useCallback(() => setView({ kind: 'list' }), []);
  if (view.kind === 'record') return <CustomerRecordView key={view.id} id={view.id} onBack={back} />;
  if (view.kind === 'new') return <NewCustomerForm onBack={back} onCreated={(id) => setView({ kind: 'record', id })} />;
  return <CustomerSearch selection={selection} query={query} setQuery={setQuery} sort={sort} setSort={setSort} onOpen={(id) => setView({ kind: 'record', id })} onNew={() => setView({ kind: 'new' })} />;
}

function CustomerSearch({
  selection,
  query,
  setQuery,
  sort,
  setSort,
  onOpen,
  onNew,
}: {
  selection: Selection;
  query: string;
  setQuery: (q: string) => void;
  sort: CustomerSort;
  setSort: (s: CustomerSort) => void;
  onOpen: (id: string) => void;
  onNew: () => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  // The query asked (and audited) follows the typed one key by key, one answer at a time (asked-query.ts).
  const { asked, typed } = useAskedQuery(query.trim(), useStartCustomerSearch(sort));
  const search = useCustomerSearch(asked, sort);
  const onQuery = useCallback(
    (text: string, committed: boolean) => {
      setQuery(text);
      typed(text.trim(), committed);
    },
    [setQuery, typed],
  );
  const first = search.data?.pages[0];
  const rows = useMemo(() => search.data?.pages.flatMap((p) => p.rows) ?? [], [search.data]);
  useEffect(() => selection.setVisible(rows.map((r) => r.id)), [selection, rows]);
  const capped = first?.capped ?? false;
  // Customer-number order over a capped search would fetch every match; the core refuses it, so the screen offers kana only.
  const narrowToSort = capped && asked !== '';
  const effectiveSort: CustomerSort = narrowToSort ? 'kana' : sort;
  const open = useCallback((row: CustomerRow) => onOpen(row.id), [onOpen]);
  const { fetchNextPage } = search;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const sortControl = useMemo(() => ({ sort: effectiveSort, onSort: setSort, disabled: narrowToSort ? (['customerNo'] as CustomerSort[]) : [] }), [effectiveSort, setSort, narrowToSort]);

  const narrowError = search.error instanceof DeskCallError && search.error.error.message === 'search.narrowToSort';
  // A new query turned out too broad for customer-number order: back to kana order, where the sort stays disabled.
  useEffect(() => {
    if (narrowError) setSort('kana');
  }, [narrowError, setSort]);

  const refused = statementRequired(search.error);
  if (refused) return <StatementRequired error={refused} />;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <ScreenTitle title={t('customers.title')} intro={t('customers.intro')} />
        {session.permissions.includes('customers.write') && (
          <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={onNew}>
            {t('customers.newCustomer')}
          </Button>
        )}
      </Group>
      <Group align="flex-end" gap="md" wrap="nowrap">
        <SearchBox initial={query} onQuery={onQuery} />
      </Group>
      {first?.rows.some((r) => r.masked) && (
        <Alert variant="light" color="gray" icon={<IconInfoCircle aria-hidden />} py="xs">
          <Text size="sm">{t('customers.maskedNote')}</Text>
        </Alert>
      )}
      {!narrowError && <QueryError error={search.error} />}
      <Group justify="space-between">
        {first ? <CountText total={first.total} capped={first.capped} /> : <Text size="sm">&nbsp;</Text>}
        {narrowToSort && (
          <Text size="xs" c="dimmed">
            {t('customers.cappedHint')}
          </Text>
        )}
      </Group>
      <CustomerBulkBar selection={selection} />
      {/* Which query the rows answer: `npm run bench` times the keystroke to the rows by it. */}
      <Card withBorder radius="md" padding={0} data-results-for={resultsFor(asked, search)}>
        <CustomerTable
          rows={rows}
          onOpen={open}
          sort={sortControl}
          caption={t('customers.title')}
          testId="customers-table"
          empty={search.isPending ? t('common.loading') : asked === '' ? t('customers.emptyAll') : t('customers.empty')}
          hasMore={search.hasNextPage}
          loadingMore={search.isFetchingNextPage}
          onLoadMore={loadMore}
          selection={selection}
        />
      </Card>
    </Stack>
  );
}
