// `npm run load -- [--clients 8] [--seconds 60] [--customers 100000] [--smoke]`: concurrent windows of one signed-in
// officer call the loopback host with mixed reads and writes; every answer must be ok or a refusal by the rules, no
// busy database may reach anyone, and the audit chain must verify afterwards. Prints p50/p95 per method.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Result } from '../../src-shared/errors';
import { verifyChain } from '../core/audit/chain';
import { createCore } from '../core/core';
import { localDay } from '../core/dates';
import { startHost } from '../host/server';
import { benchDesk, removeWorkingCopies } from './bench/dataset';
import { random } from './demo/generate';
import { chooser, expectedRefusals, idCopyImage, operations, type Call, type Pools } from './load-mix';

export interface LoadOptions {
  clients: number;
  seconds: number;
  customers: number;
  seed: number;
  cacheDir: string;
  log?: (line: string) => void;
}

export interface MethodFigures {
  calls: number;
  ok: number;
  refused: number;
  errors: number;
  p50: number;
  p95: number;
  max: number;
}

export interface LoadReport {
  customers: number;
  clients: number;
  seconds: number;
  calls: number;
  callsPerSecond: number;
  methods: Record<string, MethodFigures>;
  /** Answers that were neither ok nor a refusal by the rules: method, code and message (never the input). */
  errors: { method: string; code: string; message: string }[];
  /** SQLITE_BUSY seen by a client or in the desk's log. */
  busy: number;
  chain: { valid: boolean; events: number; added: number };
}

const percentile = (sorted: number[], p: number) => (sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!);
const mentionsBusy = (text: string) => /SQLITE_BUSY|database is locked/i.test(text);

export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const log = options.log ?? (() => undefined);
  const desk = await benchDesk({ size: options.customers, seed: options.seed, cacheDir: options.cacheDir, log });
  let busyInLog = 0;
  const deskLog = {
    warn: (m: string) => void (busyInLog += mentionsBusy(m) ? 1 : 0),
    error: (m: string, e?: unknown) => void (busyInLog += mentionsBusy(`${m} ${e instanceof Error ? `${e.message} ${(e as { code?: string }).code ?? ''}` : String(e)}`) ? 1 : 0),
  };
  const core = createCore({ dataDir: desk.dataDir, exportsDir: desk.exportsDir, log: deskLog });
  const rendererDir = join(desk.dataDir, '..', 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  const { server, url, token } = await startHost({ core: () => core, rendererDir });
  const latencies = new Map<string, number[]>();
  const counts = new Map<string, { ok: number; refused: number; errors: number }>();
  const errors: LoadReport['errors'] = [];
  let busy = 0;

  const call: Call = async (method, input) => {
    const started = performance.now();
    let result: Result<unknown>;
    try {
      const res = await fetch(`${url}/api/${method}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(input) });
      result = (await res.json()) as Result<unknown>;
    } catch (err) {
      result = { ok: false, error: { code: 'INTERNAL', message: `transport: ${err instanceof Error ? err.message : String(err)}` } };
    }
    const ms = performance.now() - started;
    (latencies.get(method) ?? latencies.set(method, []).get(method)!).push(ms);
    const count = counts.get(method) ?? counts.set(method, { ok: 0, refused: 0, errors: 0 }).get(method)!;
    if (result.ok) count.ok += 1;
    else if (expectedRefusals[method]?.includes(`${result.error.code} ${result.error.message}`)) count.refused += 1;
    else {
      count.errors += 1;
      if (mentionsBusy(JSON.stringify(result.error))) busy += 1;
      if (errors.length < 50) errors.push({ method, code: result.error.code, message: result.error.message });
    }
    return result;
  };

  try {
    const signedIn = await call('auth.login', desk.officer);
    if (!signedIn.ok) throw new Error(`the desk does not open: ${signedIn.error.message}`);
    const before = await verifyChain(core.desk.requireDb());
    // Customers from all over the register, not only the first page: a page of each of a few common surnames.
    const rows: { id: string }[] = [];
    for (const query of ['', '佐藤', 'タナカ', 'yamamoto', '渡辺', 'こばやし', '090-1']) {
      const found = await call('customers.search', { query, pageSize: 50 });
      if (found.ok) rows.push(...(found.value as { rows: { id: string }[] }).rows);
    }
    const partners = (await call('partners.list', {})) as { ok: true; value: { rows: { id: string; roles: string[] }[] } };
    const requests = (await call('requests.list', {})) as { ok: true; value: { rows: { id: string }[] } };
    let serial = 0;
    const runId = Date.now().toString(36).toUpperCase();
    const pools: Pools = {
      customers: rows.map((r) => r.id),
      requests: requests.value.rows.map((r) => r.id),
      advertiserId: partners.value.rows.find((p) => p.roles.includes('advertiser'))!.id,
      today: localDay(core.desk.now()),
      idCopy: await idCopyImage(),
      nextCustomerNo: () => `L-${runId}-${++serial}`,
    };
    for (const m of latencies.keys()) latencies.set(m, []);
    for (const m of counts.keys()) counts.set(m, { ok: 0, refused: 0, errors: 0 });

    log(`${options.clients} windows of the officer for ${options.seconds} s on ${options.customers.toLocaleString('en')} customers`);
    const deadline = performance.now() + options.seconds * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: options.clients }, async (_, client) => {
        const rng = random(options.seed * 1000 + client);
        // Every kind of work once (each window starting at a different one), then the day's mix until the time is up.
        for (let k = 0; k < operations.length; k++) await operations[(client + k) % operations.length]!.run(call, pools, rng);
        const next = chooser(rng);
        while (performance.now() < deadline) await next().run(call, pools, rng);
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const after = await verifyChain(core.desk.requireDb());
    await call('auth.logout', {});

    const methods: Record<string, MethodFigures> = {};
    for (const [method, times] of [...latencies].sort(([a], [b]) => a.localeCompare(b))) {
      if (method === 'auth.logout' || times.length === 0) continue;
      const sorted = [...times].sort((a, b) => a - b);
      methods[method] = { calls: sorted.length, ...counts.get(method)!, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? 0 };
    }
    const calls = Object.values(methods).reduce((sum, m) => sum + m.calls, 0);
    return {
      customers: options.customers,
      clients: options.clients,
      seconds: elapsed,
      calls,
      callsPerSecond: calls / elapsed,
      methods,
      errors,
      busy: busy + busyInLog,
      chain: { valid: before.valid && after.valid, events: after.events, added: after.events - before.events },
    };
  } finally {
    server.close();
    await core.close();
    removeWorkingCopies(options.cacheDir);
  }
}

export function formatReport(report: LoadReport): string {
  const lines = [
    `load: ${report.clients} clients, ${report.seconds.toFixed(1)} s, ${report.customers.toLocaleString('en')} customers: ${report.calls} calls (${report.callsPerSecond.toFixed(1)}/s)`,
    `${'method'.padEnd(28)} ${'calls'.padStart(6)} ${'ok'.padStart(6)} ${'refused'.padStart(8)} ${'errors'.padStart(7)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'max ms'.padStart(8)}`,
    ...Object.entries(report.methods).map(
      ([m, f]) => `${m.padEnd(28)} ${String(f.calls).padStart(6)} ${String(f.ok).padStart(6)} ${String(f.refused).padStart(8)} ${String(f.errors).padStart(7)} ${f.p50.toFixed(1).padStart(8)} ${f.p95.toFixed(1).padStart(8)} ${f.max.toFixed(1).padStart(8)}`,
    ),
    `errors: ${report.errors.length}${report.errors.length > 0 ? ` (${report.errors.slice(0, 10).map((e) => `${e.method} ${e.code} ${e.message}`).join('; ')})` : ''}`,
    `SQLITE_BUSY reaching a user: ${report.busy}`,
    `audit chain: ${report.chain.valid ? 'valid' : 'BROKEN'}, ${report.chain.events} events (${report.chain.added} added by the run)`,
  ];
  return lines.join('\n');
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      clients: { type: 'string' },
      seconds: { type: 'string' },
      customers: { type: 'string' },
      seed: { type: 'string', default: '1' },
      cache: { type: 'string', default: join('bench', '.cache') },
      smoke: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const smoke = values.smoke;
  const options: LoadOptions = {
    clients: Number(values.clients ?? 8),
    seconds: Number(values.seconds ?? (smoke ? 5 : 60)),
    customers: Number(values.customers ?? (smoke ? 1000 : 100_000)),
    seed: Number(values.seed),
    cacheDir: resolve(values.cache!),
    log: (line) => console.log(line),
  };
  const valid = [options.clients, options.seconds, options.customers, options.seed].every((n) => Number.isInteger(n) && n >= 0) && options.clients > 0 && options.seconds > 0;
  if (values.help || !valid) {
    console.error('usage: npm run load -- [--clients 8] [--seconds 60] [--customers 100000] [--seed 1] [--cache bench/.cache] [--smoke]');
    return 2;
  }
  const report = await runLoad(options);
  console.log(formatReport(report));
  return report.errors.length === 0 && report.busy === 0 && report.chain.valid ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().then(
    (code) => (process.exitCode = code),
    (err) => {
      console.error(`load failed: ${err instanceof Error ? err.message : String(err)}`);
      process.exitCode = 1;
    },
  );
}
