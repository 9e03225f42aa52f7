// Customers (顧客): one search box over every way a customer is known, a virtual list paged by the server, and the record opened from it.
import { Alert, Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconInfoCircle, IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerRow, CustomerSort } from '../../../../src-shared/customers';
import { DeskCallError } from '../../app/client';
import { useSession } from '../../app/session';
import { QueryError } from '../../components/QueryError';
import { CountText, CustomerTable } from './CustomerTable';
import { CustomerRecordView } from './CustomerRecordView';
import { NewCustomerForm } from './NewCustomerScreen';
import { useCustomerSearch } from './queries';
import { StatementRequired, statementRequired } from './StatementRequired';
import { ScreenTitle } from '../../components/ScreenTitle';

type View = { kind: 'list' } | { kind: 'record'; id: string } | { kind: 'new' };

export function CustomersScreen() {
  const [view, setView] = useState<View>({ kind: 'list' });
  // The search and its order outlive the record opened from them: back to the list is back to the same results.
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<CustomerSort>('kana');
  const back = useCallback(() => setView({ kind: 'list' }), []);
  if (view.kind === 'record') return <CustomerRecordView key={view.id} id={view.id} onBack={back} />;
  if (view.kind === 'new') return <NewCustomerForm onBack={back} onCreated={(id) => setView({ kind: 'record', id })} />;
  return <CustomerSearch query={query} setQuery={setQuery} sort={sort} setSort={setSort} onOpen={(id) => setView({ kind: 'record', id })} onNew={() => setView({ kind: 'new' })} />;
}

function CustomerSearch({
  query,
  setQuery,
  sort,
  setSort,
  onOpen,
  onNew,
}: {
  query: string;
  setQuery: (q: string) => void;
  sort: CustomerSort;
  setSort: (s: CustomerSort) => void;
  onOpen: (id: string) => void;
  onNew: () => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  // ~250 ms after the last key: every keystroke would be an audited search.
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const search = useCustomerSearch(debounced, sort);
  const first = search.data?.pages[0];
  const rows = useMemo(() => search.data?.pages.flatMap((p) => p.rows) ?? [], [search.data]);
  const capped = first?.capped ?? false;
  // Customer-number order over a capped search would fetch every match; the core refuses it, so the screen offers kana only.
  const narrowToSort = capped && debounced !== '';
  const effectiveSort: CustomerSort = narrowToSort ? 'kana' : sort;
  const open = useCallback((row: CustomerRow) => onOpen(row.id), [onOpen]);
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
        <TextInput
          type="search"
          label={t('customers.search')}
          placeholder={t('customers.searchPlaceholder')}
          description={t('customers.searchHint')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          style={{ flex: 1 }}
          maxLength={200}
          autoFocus
          data-testid="customer-search"
        />
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
      <Card withBorder radius="md" padding={0}>
        <CustomerTable
          rows={rows}
          onOpen={open}
          sort={sortControl}
          caption={t('customers.title')}
          testId="customers-table"
          empty={search.isPending ? t('common.loading') : debounced === '' ? t('customers.emptyAll') : t('customers.empty')}
          hasMore={search.hasNextPage}
          loadingMore={search.isFetchingNextPage}
          onLoadMore={() => void search.fetchNextPage()}
        />
      </Card>
    </Stack>
  );
}
