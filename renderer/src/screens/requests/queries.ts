// Requests through TanStack Query: the register's pages, one request, and what every mutation does with its answer.
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { InputOf } from '../../../../src-shared/api/method';
import type { Api } from '../../../../src-shared/api';
import type { RequestDetail } from '../../../../src-shared/requests';
import { unwrap } from '../../app/client';
import { useClient } from '../../app/client-context';

export type RequestListFilters = InputOf<Api['requests.list']>;

export const requestKeys = {
  all: ['requests'] as const,
  list: (filters: RequestListFilters) => ['requests', 'list', filters] as const,
  detail: (id: string) => ['requests', 'detail', id] as const,
  settings: ['requests', 'settings'] as const,
  systems: ['requests', 'systems'] as const,
};

export function useRequestList(filters: RequestListFilters) {
  const client = useClient();
  return useQuery({
    queryKey: requestKeys.list(filters),
    queryFn: () => unwrap(client.call('requests.list', filters)),
    placeholderData: keepPreviousData,
    staleTime: 0,
    // A revealed list holds names: dropped as soon as no screen shows it.
    gcTime: filters.reveal ? 0 : undefined,
  });
}

/** One request whole. It holds the requester's personal data: dropped from the cache as soon as no screen shows it. */
export function useRequest(id: string) {
  const client = useClient();
  return useQuery({ queryKey: requestKeys.detail(id), queryFn: () => unwrap(client.call('requests.get', { id })), gcTime: 0, staleTime: 0 });
}

/** After any call that answers with the request: the open request shows the answer, and every list is asked again. */
export function useRequestChanged() {
  const queryClient = useQueryClient();
  return useCallback(
    (detail: RequestDetail) => {
      queryClient.setQueryData(requestKeys.detail(detail.id), detail);
      void queryClient.invalidateQueries({ queryKey: ['requests', 'list'] });
    },
    [queryClient],
  );
}

/** After a call that answers with something other than the request (a notice, a package): the request is asked again. */
export function useRequestStale() {
  const queryClient = useQueryClient();
  return useCallback(
    (id: string) => {
      void queryClient.invalidateQueries({ queryKey: requestKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: ['requests', 'list'] });
    },
    [queryClient],
  );
}

/** The officer's settings for requests: due days, ID copy retention, outbox and SMTP (the password never comes back). */
export function useRequestSettings() {
  const client = useClient();
  return useQuery({ queryKey: requestKeys.settings, queryFn: () => unwrap(client.call('requestSettings.get', {})) });
}

/** The company's systems that hold customers' data, and who answers for each. */
export function useSystems(includeEnded: boolean) {
  const client = useClient();
  return useQuery({ queryKey: [...requestKeys.systems, includeEnded], queryFn: () => unwrap(client.call('systems.list', { includeEnded })) });
}

/**
 * The customer record a request is linked to, as the core shows it to this person (masked for staff), for the ID copy
 * check and the correction editor. Asked only when linked; dropped from the cache as soon as no screen shows it.
 */
export function useLinkedCustomer(customerId: string | null) {
  const client = useClient();
  return useQuery({
    queryKey: ['customers', 'record', customerId ?? 'none'],
    queryFn: () => unwrap(client.call('customers.get', { id: customerId! })),
    enabled: customerId !== null,
    gcTime: 0,
    staleTime: 0,
  });
}
