// Outsourcee supervision through TanStack Query: the list with its figures, one outsourcee's history, and what a
// recorded check or follow-up does with its answer.
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { OutsourceeDetail, OutsourceeFilter } from '../../../../src-shared/api/outsourcees';
import { unwrap } from '../../app/client';
import { useClient } from '../../app/client-context';

export const outsourceeKeys = {
  list: (show: OutsourceeFilter, includeEnded: boolean) => ['outsourcees', 'list', show, includeEnded] as const,
  detail: (partnerId: string) => ['outsourcees', 'detail', partnerId] as const,
};

export function useOutsourcees(show: OutsourceeFilter, includeEnded = false) {
  const client = useClient();
  return useQuery({
    queryKey: outsourceeKeys.list(show, includeEnded),
    queryFn: () => unwrap(client.call('outsourcees.list', { show, includeEnded })),
    placeholderData: keepPreviousData,
    // What is due moves with the calendar: asked again whenever the list or the home screen is shown.
    staleTime: 0,
  });
}

export function useOutsourcee(partnerId: string) {
  const client = useClient();
  return useQuery({ queryKey: outsourceeKeys.detail(partnerId), queryFn: () => unwrap(client.call('outsourcees.get', { partnerId })), staleTime: 0 });
}

/** After a check or a follow-up: the outsourcee shows the answer, and the list and the home screen's card are asked again. */
export function useOutsourceeChanged() {
  const queryClient = useQueryClient();
  return useCallback(
    (detail: OutsourceeDetail) => {
      queryClient.setQueryData(outsourceeKeys.detail(detail.outsourcee.partnerId), detail);
      void queryClient.invalidateQueries({ queryKey: ['outsourcees', 'list'] });
    },
    [queryClient],
  );
}
