// Customer data through TanStack Query: search pages, one record (masked), purposes, the marketing list; revealed records never go here.
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useDebouncedValue } from '@mantine/hooks';
import { useCallback } from 'react';
import type { ConsentRecord, CustomerRecord, CustomerSort } from '../../../../src-shared/customers';
import { unwrap, type Client } from '../../app/client';
import { useClient } from '../../app/client-context';

export const customerKeys = {
  all: ['customers'] as const,
  search: (query: string, sort: CustomerSort) => ['customers', 'search', query, sort] as const,
  record: (id: string) => ['customers', 'record', id] as const,
  marketing: ['customers', 'marketing'] as const,
  purposes: ['purposes'] as const,
};

/** Rows fetched per call while scrolling: a screenful or two, few enough that the first page comes back at once. */
export const searchPageSize = 100;

function customerSearchOptions(client: Client, query: string, sort: CustomerSort) {
  return infiniteQueryOptions({
    queryKey: customerKeys.search(query, sort),
    queryFn: ({ pageParam }) => unwrap(client.call('customers.search', { query, page: pageParam, pageSize: searchPageSize, sort })),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => (pages.length * searchPageSize < last.total && last.rows.length === searchPageSize ? pages.length : undefined),
    // A fresh search each time the list is shown: records change (imports, consents) while the list is away.
    staleTime: 0,
  });
}

export function useCustomerSearch(query: string, sort: CustomerSort) {
  const client = useClient();
  // The previous rows stay on screen until the next query's first page is in: the list never blinks empty as one types.
  return useInfiniteQuery({ ...customerSearchOptions(client, query, sort), placeholderData: keepPreviousData });
}

/** Starts the first page of a search now, outside React's render (asked-query.ts); the list's own query picks it up. */
export function useStartCustomerSearch(sort: CustomerSort): (query: string) => Promise<void> {
  const client = useClient();
  const queryClient = useQueryClient();
  return useCallback((query: string) => queryClient.prefetchInfiniteQuery(customerSearchOptions(client, query, sort)), [client, queryClient, sort]);
}

export function useMarketingList() {
  const client = useClient();
  return useInfiniteQuery({
    queryKey: customerKeys.marketing,
    queryFn: ({ pageParam }) => unwrap(client.call('customers.marketingList', { page: pageParam, pageSize: searchPageSize })),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => (pages.length * searchPageSize < last.total && last.rows.length === searchPageSize ? pages.length : undefined),
    // A withdrawal takes effect at once (policy §3.6): never show a list older than this visit.
    staleTime: 0,
    refetchOnMount: 'always',
  });
}

/** The record as the core shows this role (masked for staff). Dropped from the cache as soon as no screen shows it. */
export function useCustomer(id: string) {
  const client = useClient();
  return useQuery({ queryKey: customerKeys.record(id), queryFn: () => unwrap(client.call('customers.get', { id })), gcTime: 0, staleTime: 0 });
}

export function usePurposes() {
  const client = useClient();
  return useQuery({ queryKey: customerKeys.purposes, queryFn: () => unwrap(client.call('purposes.list', {})) });
}

/** After a consent changes: the cached record takes the new consents, and every list of customers is asked again. */
export function useConsentsChanged(id: string) {
  const queryClient = useQueryClient();
  return useCallback(
    (consents: ConsentRecord[]) => {
      queryClient.setQueryData<CustomerRecord>(customerKeys.record(id), (old) => (old ? { ...old, consents } : old));
      void queryClient.invalidateQueries({ queryKey: ['customers', 'search'] });
      void queryClient.invalidateQueries({ queryKey: customerKeys.marketing });
    },
    [queryClient, id],
  );
}

/** After a create or an import: every list of customers is asked again. */
export function useCustomersChanged() {
  const queryClient = useQueryClient();
  return useCallback(() => void queryClient.invalidateQueries({ queryKey: customerKeys.all }), [queryClient]);
}

/**
 * A short lookup of customers for a form (a request's customer, a provision's customers). Each search is an audited
 * read: asked once the typing stops, and only from two characters on. `rows` is empty until then.
 */
export function useCustomerLookup(query: string, pageSize: number, purpose: string) {
  const client = useClient();
  const [debounced] = useDebouncedValue(query.trim(), 300);
  const asked = debounced.length >= 2;
  const search = useQuery({
    queryKey: ['customers', 'search', purpose, debounced],
    queryFn: () => unwrap(client.call('customers.search', { query: debounced, page: 0, pageSize, sort: 'kana' })),
    enabled: asked,
    placeholderData: keepPreviousData,
    gcTime: 0,
  });
  return { search, asked, rows: asked ? (search.data?.rows ?? []) : [] };
}
