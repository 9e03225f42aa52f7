// `npm run crash-test [-- --kills N --seed S --max-delay MS --keep]`: a worker process runs imports, four-eyes
// decisions, erasures and audited reads on one desk and is killed with SIGKILL at a random moment, N times (100 by
// default). After each kill the desk is opened with the right key and checked (crash-test-check.ts): integrity_check
// and cipher_integrity_check pass, the audit chain verifies, every acknowledged write is there, and the call under way
// is all there or not at all. Prints kills, acknowledged writes checked and losses; exits 1 on any loss.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import type { Kysely } from 'kysely';
import { createCore } from '../core/core';
import type { Database } from '../core/db/schema';
import { CrashLedger, type WorkerLine } from './crash-test-check';
import { crashAccounts, licencePng, setUpCrashDesk } from './crash-test-desk';
import type { WorkerConfig } from './crash-test-worker';
import { random } from './demo/generate';

export interface CrashOptions {
  kills: number;
  seed: number;
  /** The longest wait after the worker is signed in before the kill (ms). */
  maxDelayMs?: number;
  /** Keep the desk's folder afterwards (it is kept anyway when something was lost). */
  keep?: boolean;
  log?: (line: string) => void;
}

export interface CrashReport {
  kills: number;
  /** Writes acknowledged to the workers, each checked after the kill that ended its worker and after every later one. */
  acknowledgedWrites: number;
  acknowledgedReads: number;
  /** Acknowledged writes checked, summed over the kills. */
  checks: number;
  losses: string[];
  /** Calls the desk refused (a typed error): not losses, but each is a question for the worker or the desk. */
  refusals: string[];
  folder: string;
  seconds: number;
}

const root = resolve(import.meta.dirname, '..', '..');

/** The worker as one plain module: loading it skips tsx's transform, which took 5–6 s a start on these machines. */
async function bundleWorker(): Promise<string> {
  // Beside node_modules, so that the packages it leaves out resolve; one file per run, so that two runs never share it.
  const outfile = join(root, 'node_modules', '.cache', 'privacy-desk', `crash-test-worker-${process.pid}-${Date.now()}.mjs`);
  await build({ entryPoints: [join(import.meta.dirname, 'crash-test-worker.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', outfile, logLevel: 'warning' });
  return outfile;
}

interface Worker {
  child: ChildProcess;
  ready: Promise<void>;
  closed: Promise<number | null>;
  stderr: () => string;
}

/** Starts a worker that loads and then waits for "go": the next one warms up while the last one's desk is checked. */
function startWorker(bundle: string, config: WorkerConfig, ledger: () => CrashLedger): Worker {
  const child = spawn(process.execPath, [bundle, JSON.stringify(config)], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  let markReady!: () => void;
  const ready = new Promise<void>((r) => (markReady = r));
  createInterface({ input: child.stdout! }).on('line', (text) => {
    const line = JSON.parse(text) as WorkerLine;
    if (line.t === 'ready') markReady();
    else ledger().take(line);
  });
  // 'close': the process is gone and every line it wrote has been read.
  const closed = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
  void closed.then(markReady);
  child.stdin!.on('error', () => undefined);
  return { child, ready, closed, stderr: () => stderr };
}

/** Opens the desk as the app would (a fresh core, the officer's password) and runs `work` on it. */
async function onDesk<T>(dataDir: string, exportsDir: string, work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  const core = createCore({ dataDir, exportsDir, log: { warn: () => undefined, error: (m) => process.stderr.write(`crash-test desk: ${m}\n`) } });
  try {
    const signedIn = await core.call('auth.login', { loginId: crashAccounts.officer.loginId, password: crashAccounts.officer.password });
    if (!signedIn.ok) throw new Error(`the desk did not open: ${signedIn.error.code} ${signedIn.error.message}`);
    return await work(core.desk.requireDb());
  } finally {
    await core.close();
  }
}

const credentialsOf = (a: { loginId: string; password: string }) => ({ loginId: a.loginId, password: a.password });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runCrashTest(options: CrashOptions): Promise<CrashReport> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const maxDelayMs = options.maxDelayMs ?? 3000;
  const folder = mkdtempSync(join(tmpdir(), 'desk-crash-'));
  const dataDir = join(folder, 'data');
  const exportsDir = join(folder, 'exports');
  mkdirSync(exportsDir);
  const pngFile = join(folder, 'licence.png');
  writeFileSync(pngFile, await licencePng());
  const [bundle] = await Promise.all([bundleWorker(), setUpCrashDesk(dataDir, exportsDir)]);
  const ledger = new CrashLedger();
  await onDesk(dataDir, exportsDir, (db) => ledger.baseline(db));

  const rng = random(options.seed);
  const config = (worker: number): WorkerConfig => ({
    dataDir,
    exportsDir,
    seed: options.seed * 1000 + worker,
    worker,
    officer: credentialsOf(crashAccounts.officer),
    // The other signed-in person proposes: the staff member, or the second officer.
    other: credentialsOf(worker % 2 === 0 ? crashAccounts.staff : crashAccounts.secondOfficer),
    pngFile,
  });
  const report: CrashReport = { kills: 0, acknowledgedWrites: 0, acknowledgedReads: 0, checks: 0, losses: [], refusals: [], folder, seconds: 0 };
  let next = startWorker(bundle, config(1), () => ledger);
  try {
    for (let kill = 1; kill <= options.kills; kill++) {
      const worker = next;
      worker.child.stdin!.write('go\n');
      // Mostly once the worker is at work; one kill in ten lands anywhere, signing in included.
      const delay = Math.floor(rng() * maxDelayMs);
      const went = Date.now();
      const early = rng() < 0.1;
      if (!early) await worker.ready;
      const readyMs = Date.now() - went;
      await sleep(delay);
      worker.child.kill('SIGKILL');
      const code = await worker.closed;
      if (code !== null) throw new Error(`worker ${kill} ended by itself (${code}) before the kill:\n${worker.stderr()}`);
      if (kill < options.kills) next = startWorker(bundle, config(kill + 1), () => ledger);

      const checking = Date.now();
      let result: { checked: number; losses: string[] };
      try {
        result = await onDesk(dataDir, exportsDir, (db) => ledger.check(db));
      } catch (err) {
        result = { checked: 0, losses: [err instanceof Error ? err.message : String(err)] };
      }
      report.kills = kill;
      report.checks += result.checked;
      report.losses.push(...result.losses.map((l) => `kill ${kill}: ${l}`));
      log(`kill ${kill}: ${delay} ms after ${early ? 'the start (signing in)' : `sign-in (${readyMs} ms)`}; ${ledger.acknowledged.writes} writes acknowledged so far, ${result.checked} records checked in ${Date.now() - checking} ms, ${result.losses.length} lost`);
    }
  } finally {
    next.child.kill('SIGKILL');
    await next.closed;
    rmSync(bundle, { force: true });
  }
  Object.assign(report, { acknowledgedWrites: ledger.acknowledged.writes, acknowledgedReads: ledger.acknowledged.reads, refusals: ledger.refusals, seconds: (Date.now() - started) / 1000 });
  if (!options.keep && report.losses.length === 0) rmSync(folder, { recursive: true, force: true });
  return report;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { kills: { type: 'string', default: '100' }, seed: { type: 'string', default: '1' }, 'max-delay': { type: 'string', default: '3000' }, keep: { type: 'boolean', default: false }, quiet: { type: 'boolean', default: false } } });
  const kills = Number(values.kills);
  const seed = Number(values.seed);
  const maxDelayMs = Number(values['max-delay']);
  if (!Number.isInteger(kills) || kills < 1 || !Number.isInteger(seed) || !Number.isInteger(maxDelayMs) || maxDelayMs < 0) {
    console.error('usage: npm run crash-test -- [--kills N] [--seed S] [--max-delay MS] [--keep] [--quiet]');
    return 2;
  }
  const report = await runCrashTest({ kills, seed, maxDelayMs, keep: values.keep, log: values.quiet ? undefined : (line) => console.log(line) });
  console.log(`\ncrash test (seed ${seed}): ${report.kills} kills in ${report.seconds.toFixed(0)} s`);
  console.log(`acknowledged writes checked: ${report.acknowledgedWrites} (and ${report.acknowledgedReads} audited reads); ${report.checks} checks after the kills`);
  console.log(`losses: ${report.losses.length}`);
  for (const loss of report.losses.slice(0, 20)) console.log(`  ${loss}`);
  if (report.refusals.length > 0) console.log(`calls refused by the desk (not losses): ${report.refusals.length}, e.g. ${report.refusals.slice(0, 3).join('; ')}`);
  if (report.losses.length > 0 || values.keep) console.log(`the desk is kept in ${report.folder}`);
  return report.losses.length === 0 ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      console.error(`crash-test failed: ${err instanceof Error ? err.message : String(err)}`);
      process.exitCode = 1;
    },
  );
}
