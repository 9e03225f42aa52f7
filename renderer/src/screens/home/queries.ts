// The dashboard through TanStack Query: asked again whenever the home screen is shown, as counts move all day.
import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../app/client';
import { useClient } from '../../app/client-context';

export const dashboardKeys = { all: ['dashboard'] as const };

export function useDashboard() {
  const client = useClient();
  return useQuery({ queryKey: dashboardKeys.all, queryFn: () => unwrap(client.call('dashboard.get', {})), staleTime: 0 });
}
