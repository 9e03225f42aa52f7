// Policy versions through TanStack Query: every version with its text, and which one is in force.
import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../app/client';
import { useClient } from '../../app/client-context';

export const policyKeys = { versions: ['policy', 'versions'] as const };

export function usePolicyVersions() {
  const client = useClient();
  return useQuery({ queryKey: policyKeys.versions, queryFn: () => unwrap(client.call('policy.versions', {})) });
}
