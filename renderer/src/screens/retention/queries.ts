// Retention through TanStack Query: the periods per kind and the previews and runs made, newest first.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { RetentionPeriod, RetentionPreview } from '../../../../src-shared/registers';
import { unwrap } from '../../app/client';
import { useClient } from '../../app/client-context';

export const retentionKeys = { periods: ['retention', 'periods'] as const };

export interface RetentionState {
  periods: RetentionPeriod[];
  previews: RetentionPreview[];
}

export function useRetention() {
  const client = useClient();
  return useQuery({
    queryKey: retentionKeys.periods,
    queryFn: () => unwrap(client.call('retention.periods', {})),
    select: (data): RetentionState => ({ ...data, previews: [...data.previews].sort((a, b) => b.createdAt.localeCompare(a.createdAt)) }),
  });
}

/** After a preview, a run or a cancellation: the preview in the list takes the core's answer. */
export function usePreviewChanged() {
  const queryClient = useQueryClient();
  return useCallback(
    (preview: RetentionPreview) => {
      queryClient.setQueryData<RetentionState>(retentionKeys.periods, (old) =>
        old ? { ...old, previews: [preview, ...old.previews.filter((p) => p.id !== preview.id)] } : old,
      );
      void queryClient.invalidateQueries({ queryKey: retentionKeys.periods });
    },
    [queryClient],
  );
}
