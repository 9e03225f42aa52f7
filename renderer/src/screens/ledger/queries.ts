// The personal information ledger through TanStack Query: the list, one entry, the home screen's figures, the desk's
// sources, and what a change does with its answer.
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { LedgerEntry, LedgerShow } from '../../../../src-shared/api/ledger';
import { unwrap } from '../../app/client';
import { useClient } from '../../app/client-context';

export const ledgerKeys = {
  all: ['ledger'] as const,
  list: (show: LedgerShow) => ['ledger', 'list', show] as const,
  entry: (id: string) => ['ledger', 'entry', id] as const,
  due: ['ledger', 'due'] as const,
  sources: ['ledger', 'sources'] as const,
};

export function useLedgerList(show: LedgerShow) {
  const client = useClient();
  return useQuery({
    queryKey: ledgerKeys.list(show),
    queryFn: () => unwrap(client.call('ledger.list', { show })),
    placeholderData: keepPreviousData,
    // Counts are live and reviews fall due with the calendar: asked again whenever the ledger is shown.
    staleTime: 0,
  });
}

export function useLedgerEntry(id: string) {
  const client = useClient();
  return useQuery({ queryKey: ledgerKeys.entry(id), queryFn: () => unwrap(client.call('ledger.get', { id })), staleTime: 0 });
}

export function useLedgerDue() {
  const client = useClient();
  return useQuery({ queryKey: ledgerKeys.due, queryFn: () => unwrap(client.call('ledger.due', {})), staleTime: 0 });
}

export function useLedgerSources() {
  const client = useClient();
  return useQuery({ queryKey: ledgerKeys.sources, queryFn: () => unwrap(client.call('ledger.sources', {})), staleTime: 0 });
}

/** After any call that answers with the entry: the entry shows the answer, and the list and figures are asked again. */
export function useLedgerChanged() {
  const queryClient = useQueryClient();
  return useCallback(
    (entry?: LedgerEntry) => {
      if (entry) queryClient.setQueryData(ledgerKeys.entry(entry.id), entry);
      void queryClient.invalidateQueries({ queryKey: ['ledger', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ledgerKeys.due });
    },
    [queryClient],
  );
}
