// Complaints through TanStack Query: the register, the home screen's counts, one complaint, the complaints a request or
// an incident came from, and what every change does with its answer.
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Api } from '../../../../src-shared/api';
import type { ComplaintDetail } from '../../../../src-shared/api/complaints';
import type { InputOf } from '../../../../src-shared/api/method';
import { unwrap } from '../../app/client';
import { useClient } from '../../app/client-context';

export type ComplaintListFilters = InputOf<Api['complaints.list']>;

export const complaintKeys = {
  all: ['complaints'] as const,
  list: (filters: ComplaintListFilters) => ['complaints', 'list', filters] as const,
  due: ['complaints', 'due'] as const,
  detail: (id: string) => ['complaints', 'detail', id] as const,
  origins: (target: { requestId?: string; incidentId?: string }) => ['complaints', 'origins', target] as const,
  assignees: ['complaints', 'assignees'] as const,
  settings: ['complaints', 'settings'] as const,
};

export function useComplaintList(filters: ComplaintListFilters) {
  const client = useClient();
  return useQuery({
    queryKey: complaintKeys.list(filters),
    queryFn: () => unwrap(client.call('complaints.list', filters)),
    placeholderData: keepPreviousData,
    // The countdowns move with the calendar: asked again whenever the register is shown.
    staleTime: 0,
  });
}

export function useComplaintDue() {
  const client = useClient();
  return useQuery({ queryKey: complaintKeys.due, queryFn: () => unwrap(client.call('complaints.dueCounts', {})), staleTime: 0 });
}

/** One complaint whole: the person's words are in it, so it leaves the cache as soon as no screen shows it. */
export function useComplaint(id: string) {
  const client = useClient();
  return useQuery({ queryKey: complaintKeys.detail(id), queryFn: () => unwrap(client.call('complaints.get', { id })), gcTime: 0, staleTime: 0 });
}

/** The complaints a request or an incident came from; asked only by someone who may read complaints. */
export function useComplaintOrigins(target: { requestId?: string; incidentId?: string }, enabled: boolean) {
  const client = useClient();
  return useQuery({ queryKey: complaintKeys.origins(target), queryFn: () => unwrap(client.call('complaints.origins', target)), enabled, staleTime: 0 });
}

export function useAssignees() {
  const client = useClient();
  return useQuery({ queryKey: complaintKeys.assignees, queryFn: () => unwrap(client.call('complaints.assignees', {})) });
}

export function useComplaintSettings() {
  const client = useClient();
  return useQuery({ queryKey: complaintKeys.settings, queryFn: () => unwrap(client.call('complaints.settings', {})) });
}

/** After any call that answers with the complaint: the open complaint shows the answer; lists, counts and origins are asked again. */
export function useComplaintChanged() {
  const queryClient = useQueryClient();
  return useCallback(
    (detail: ComplaintDetail) => {
      queryClient.setQueryData(complaintKeys.detail(detail.id), detail);
      for (const key of [['complaints', 'list'], complaintKeys.due, ['complaints', 'origins'], ['requests'], ['incidents']]) void queryClient.invalidateQueries({ queryKey: key });
    },
    [queryClient],
  );
}
