// Education records through TanStack Query: sessions, one session, the per-employee list, the setting, the home card.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { EmployeeFilter } from '../../../../src-shared/api/training';
import { unwrap } from '../../app/client';
import { useClient } from '../../app/client-context';

export const trainingKeys = {
  all: ['training'] as const,
  sessions: ['training', 'sessions'] as const,
  session: (id: string) => ['training', 'session', id] as const,
  employees: (show: EmployeeFilter) => ['training', 'employees', show] as const,
  settings: ['training', 'settings'] as const,
  due: ['training', 'due'] as const,
};

export function useSessions() {
  const client = useClient();
  return useQuery({ queryKey: trainingKeys.sessions, queryFn: () => unwrap(client.call('training.list', {})) });
}

export function useTrainingSession(id: string) {
  const client = useClient();
  return useQuery({ queryKey: trainingKeys.session(id), queryFn: () => unwrap(client.call('training.get', { id })) });
}

export function useEmployees(show: EmployeeFilter) {
  const client = useClient();
  // Who is untrained moves with the calendar: asked again whenever the list is shown.
  return useQuery({ queryKey: trainingKeys.employees(show), queryFn: () => unwrap(client.call('training.employees', { show })), staleTime: 0 });
}

export function useTrainingSettings() {
  const client = useClient();
  return useQuery({ queryKey: trainingKeys.settings, queryFn: () => unwrap(client.call('training.settings', {})), staleTime: 0 });
}

export function useTrainingDue() {
  const client = useClient();
  return useQuery({ queryKey: trainingKeys.due, queryFn: () => unwrap(client.call('training.due', {})), staleTime: 0 });
}

/** After any change: every list of the area is asked again (a session changes who is untrained, and the setting's count). */
export function useTrainingChanged() {
  const queryClient = useQueryClient();
  return useCallback(() => void queryClient.invalidateQueries({ queryKey: trainingKeys.all }), [queryClient]);
}
