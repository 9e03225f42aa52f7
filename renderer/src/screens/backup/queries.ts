// Backups through TanStack Query: the folder and the last backup, and the backups found in the folder.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { unwrap } from '../../app/client';
import { useClient } from '../../app/client-context';

export const backupKeys = { settings: ['backup', 'settings'] as const, list: ['backup', 'list'] as const };

export function useBackupSettings() {
  const client = useClient();
  return useQuery({ queryKey: backupKeys.settings, queryFn: () => unwrap(client.call('backup.settings', {})) });
}

export function useBackupList() {
  const client = useClient();
  return useQuery({ queryKey: backupKeys.list, queryFn: () => unwrap(client.call('backup.list', {})) });
}

/** After a backup or a new folder: both answers are asked again. */
export function useBackupsChanged() {
  const queryClient = useQueryClient();
  return useCallback(() => void queryClient.invalidateQueries({ queryKey: ['backup'] }), [queryClient]);
}

/** "1.2 MB", "820 kB" in the person's language. */
export function formatBytes(bytes: number, language: string): string {
  const [unit, value] = bytes >= 1_000_000 ? (['megabyte', bytes / 1_000_000] as const) : (['kilobyte', Math.max(bytes / 1000, 0.1)] as const);
  return new Intl.NumberFormat(language, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}
