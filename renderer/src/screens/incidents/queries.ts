// Leak incidents through TanStack Query: the register, one incident, and what every change does with its answer.
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { IncidentDetail, IncidentState } from '../../../../src-shared/registers';
import { unwrap } from '../../app/client';
import { useClient } from '../../app/client-context';

export const incidentKeys = {
  list: (state: IncidentState | undefined) => ['incidents', 'list', state ?? 'all'] as const,
  detail: (id: string) => ['incidents', 'detail', id] as const,
};

export function useIncidentList(state: IncidentState | undefined) {
  const client = useClient();
  return useQuery({
    queryKey: incidentKeys.list(state),
    queryFn: () => unwrap(client.call('incidents.list', state ? { state } : {})),
    placeholderData: keepPreviousData,
    // The countdowns move with the calendar: asked again whenever the register is shown.
    staleTime: 0,
  });
}

/** One incident whole: it names the people affected, so it leaves the cache as soon as no screen shows it. */
export function useIncident(id: string) {
  const client = useClient();
  return useQuery({ queryKey: incidentKeys.detail(id), queryFn: () => unwrap(client.call('incidents.get', { id })), gcTime: 0, staleTime: 0 });
}

/** After any call that answers with the incident: the open incident shows the answer, and the register is asked again. */
export function useIncidentChanged() {
  const queryClient = useQueryClient();
  return useCallback(
    (detail: IncidentDetail) => {
      queryClient.setQueryData(incidentKeys.detail(detail.id), detail);
      void queryClient.invalidateQueries({ queryKey: ['incidents', 'list'] });
    },
    [queryClient],
  );
}
