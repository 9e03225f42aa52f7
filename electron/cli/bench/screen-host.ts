// The screen benchmark's desk in a process of its own: the core and the loopback host, as the app has the core in
// Electron's main process, apart from the window. Run in the benchmark's process, every call waited behind
// Playwright's own traffic on one event loop, and that wait was counted as the desk's.
// Forked by screen.ts with an IPC channel; it answers the few questions the benchmark asks outside its timers.
import { createCore } from '../../core/core';
import { searchCustomers } from '../../core/customers/search-page';
import { startHost } from '../../host/server';
import { chooseQueries } from './screen-queries';

export type HostRequest =
  | { id: number; ask: 'wholeFileChecked' }
  | { id: number; ask: 'queries'; searches: number; seed: number }
  | { id: number; ask: 'firstRow'; query: string }
  | { id: number; ask: 'stop' };

export interface HostReady {
  ready: { url: string; token: string };
}

const [dataDir, exportsDir, rendererDir] = process.argv.slice(2) as [string, string, string];
// The core's notes (a fresh copy's missing side files) would only interleave with the figures.
const core = createCore({ dataDir, exportsDir, log: { warn: () => undefined, error: (message, err) => console.error(message, err ?? '') } });
const host = await startHost({ core: () => core, rendererDir });

async function answer(request: HostRequest): Promise<unknown> {
  switch (request.ask) {
    case 'wholeFileChecked':
      // Resolved once the check of every page started at the sign-in has read the whole file.
      return core.desk.wholeFileChecked;
    case 'queries':
      return chooseQueries(core.desk.requireDb(), request.searches, request.seed);
    case 'firstRow': {
      const found = await searchCustomers(core.desk.requireDb(), request.query, { offset: 0, limit: 1, sort: 'kana' });
      return { customerNo: found.rows[0]?.customerNo ?? null, total: found.total, capped: found.capped };
    }
    case 'stop':
      await new Promise<void>((r) => host.server.close(() => r()));
      await core.close();
      setImmediate(() => process.exit(0));
      return null;
  }
}

process.on('message', (request: HostRequest) => {
  answer(request).then(
    (value) => process.send!({ id: request.id, value: value ?? null }),
    (err: unknown) => process.send!({ id: request.id, error: err instanceof Error ? err.message : String(err) }),
  );
});
process.send!({ ready: { url: host.url, token: host.token } } satisfies HostReady);
