// The providers around the desk: Mantine (theme, toasts), TanStack Query, the client and the session.
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import type { Client, SessionSignals } from './client';
import { ClientContext } from './client-context';
import { DeskView } from './DeskView';
import { SessionProvider } from './session';
import { readableColours, theme } from './theme';

export function App({ client, setSignals }: { client: Client; setSignals: (s: SessionSignals) => void }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          // Errors are answers (forbidden, locked), not flaky networks: asking again changes nothing.
          queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
          mutations: { retry: false },
        },
      }),
  );
  return (
    <MantineProvider theme={theme} cssVariablesResolver={readableColours}>
      <Notifications position="bottom-right" />
      <QueryClientProvider client={queryClient}>
        <ClientContext.Provider value={client}>
          <SessionProvider setSignals={setSignals}>
            <DeskView />
          </SessionProvider>
        </ClientContext.Provider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
