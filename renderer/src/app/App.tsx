// The providers around the desk: Mantine (theme, toasts), TanStack Query, the client and the session.
import { MantineProvider, createTheme } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import type { Client, SessionSignals } from './client';
import { ClientContext } from './client-context';
import { DeskView } from './DeskView';
import { SessionProvider } from './session';

const theme = createTheme({
  primaryColor: 'indigo',
  // Fonts installed on the machine only (the CSP allows no remote fonts); Japanese first so kana and kanji match.
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic UI", Meiryo, "Noto Sans CJK JP", "Noto Sans JP", "Segoe UI Emoji", "Apple Color Emoji", "Noto Color Emoji", sans-serif',
  fontFamilyMonospace: 'ui-monospace, "SFMono-Regular", Consolas, "DejaVu Sans Mono", "Noto Sans Mono CJK JP", monospace',
  headings: { fontFamily: 'inherit' },
  respectReducedMotion: true,
});

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
    <MantineProvider theme={theme}>
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
