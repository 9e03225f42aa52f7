// The partner register through TanStack Query, and what a change does with its answer. No customer's data in it.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { PartnerRole } from '../../../../src-shared/registers';
import { unwrap } from '../../app/client';
import { useClient } from '../../app/client-context';

export const partnerKeys = {
  all: ['partners'] as const,
  list: (includeEnded: boolean, role?: PartnerRole) => ['partners', includeEnded, role ?? 'any'] as const,
};

export function usePartners(includeEnded: boolean, role?: PartnerRole) {
  const client = useClient();
  return useQuery({
    queryKey: partnerKeys.list(includeEnded, role),
    queryFn: () => unwrap(client.call('partners.list', { includeEnded, ...(role ? { role } : {}) })),
  });
}

export function usePartnersChanged() {
  const queryClient = useQueryClient();
  return useCallback(() => void queryClient.invalidateQueries({ queryKey: partnerKeys.all }), [queryClient]);
}
