// The accounts list through TanStack Query, and what changes it.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { AccountRow } from '../../../../src-shared/domain';
import { unwrap } from '../../app/client';
import { useClient } from '../../app/client-context';

export const accountKeys = { list: ['accounts', 'list'] as const };

export function useAccounts() {
  const client = useClient();
  return useQuery({ queryKey: accountKeys.list, queryFn: () => unwrap(client.call('accounts.list', {})) });
}

/** After a change: the row the core answered goes in at once, then everything that shows accounts is asked again. */
export function useAccountChanged() {
  const queryClient = useQueryClient();
  return useCallback((row: AccountRow) => {
    queryClient.setQueryData<{ rows: AccountRow[] }>(accountKeys.list, (old) =>
      old ? { rows: old.rows.some((r) => r.id === row.id) ? old.rows.map((r) => (r.id === row.id ? row : r)) : [...old.rows, row] } : old,
    );
    void queryClient.invalidateQueries({ queryKey: ['accounts'] });
    // Statements' "missing" list depends on which accounts are active.
    void queryClient.invalidateQueries({ queryKey: ['statements'] });
  }, [queryClient]);
}
