// Whom a request can be handed to, and whom the register can be filtered by: the officer sees every account, staff themselves.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { unwrap } from '../../app/client';
import { useClient } from '../../app/client-context';
import { useSession } from '../../app/session';
import { accountKeys } from '../accounts/queries';

export interface AssigneeOption {
  value: string;
  label: string;
  /** Still able to take requests: active, an officer or staff member (not the auditor). */
  assignable: boolean;
}

/**
 * The accounts list is the officer's (accounts.manage), as is handing requests on (requests.assign). Staff filter by
 * themselves only: the register's "mine".
 */
export function useAssignees(): AssigneeOption[] {
  const client = useClient();
  const session = useSession();
  const canList = session.permissions.includes('accounts.manage');
  const accounts = useQuery({ queryKey: accountKeys.list, queryFn: () => unwrap(client.call('accounts.list', {})), enabled: canList });
  return useMemo(() => {
    if (!canList) return [{ value: session.accountId, label: session.displayName, assignable: true }];
    return (accounts.data?.rows ?? [])
      .filter((a) => a.role !== 'auditor')
      .map((a) => ({ value: a.id, label: a.displayName, assignable: a.status === 'active' }));
  }, [canList, accounts.data, session.accountId, session.displayName]);
}
