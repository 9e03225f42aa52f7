// The audit trail's search and chain status through TanStack Query.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { InputOf } from '../../../../src-shared/api';
import type { Api } from '../../../../src-shared/api';
import { unwrap } from '../../app/client';
import { useClient } from '../../app/client-context';

export type AuditQuery = InputOf<Api['audit.search']>;

export function useAuditSearch(query: AuditQuery) {
  const client = useClient();
  return useQuery({
    queryKey: ['audit', 'search', query],
    queryFn: () => unwrap(client.call('audit.search', query)),
    // The page on screen stays while the next one loads: the table does not jump.
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function useAuditStatus() {
  const client = useClient();
  return useQuery({ queryKey: ['audit', 'status'], queryFn: () => unwrap(client.call('audit.status', {})), staleTime: 0 });
}
