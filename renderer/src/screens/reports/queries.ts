// The report's figures through TanStack Query: asked again for each period, kept on screen while the next one loads.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { unwrap } from '../../app/client';
import { useClient } from '../../app/client-context';

export function useReportSummary(range: { from: string; to: string } | null) {
  const client = useClient();
  return useQuery({
    queryKey: ['reports', 'summary', range?.from, range?.to],
    queryFn: () => unwrap(client.call('reports.summary', range!)),
    enabled: range !== null,
    placeholderData: keepPreviousData,
    // The registers change all day: the figures are counted afresh whenever the screen is shown.
    staleTime: 0,
  });
}
