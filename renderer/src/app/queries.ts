// Server data the screens share, through TanStack Query (cleared on sign-out and lock).
import { useQuery } from '@tanstack/react-query';
import { unwrap } from './client';
import { useClient } from './client-context';

export const queryKeys = { settings: ['settings'] as const };

export function useSettings() {
  const client = useClient();
  return useQuery({ queryKey: queryKeys.settings, queryFn: () => unwrap(client.call('settings.get', {})) });
}
