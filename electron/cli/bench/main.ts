// `npm run bench [-- --smoke | --sizes 10000,100000,1000000] [--seed 1] [--cache DIR] [--skip-screen]`: issue #7's
// benchmark. Builds (or reuses) the desks, measures everything on each size, prints the table and saves it.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createCore, type Core } from '../../core/core';
import { localDay } from '../../core/dates';
import { chromiumPrinter } from '../../host/printer';
import { benchDesk, buildOnce, removeWorkingCopies, type BenchDesk } from './dataset';
import { judgeGoals, type BenchResult, type ScreenFigures, type SizeResult } from './goals';
import { importFile, type ImportFile } from './import-file';
import { measureBareImport, measureRouterImport } from './import';
import { describeMachine, finishMachine } from './machine';
import { processPeakRss, RssSampler } from './memory';
import { measureOpening } from './opening';
import { markdown } from './report';
import { measureRequests } from './requests';
import { measureSearch } from './search';

const repo = resolve(import.meta.dirname, '..', '..', '..');
const defaultSizes = [10_000, 100_000, 1_000_000];
const usage = 'usage: npm run bench -- [--smoke] [--sizes 10000,100000,1000000] [--seed 1] [--cache bench/.cache] [--skip-screen]';

export interface RunPlan {
  run: BenchResult['run'];
  sizes: number[];
  seed: number;
  cacheDir: string;
  /** Queries of each kind, and rounds over all of them, per size. */
  perKind: number;
  rounds: number;
  importRows: number;
  /** Sizes the screen is measured at (Chromium typing 30 searches takes a minute or more), and how many searches. */
  screenSizes: number[];
  screenSearches: number;
}

export function planFrom(argv: string[]): RunPlan {
  const { values } = parseArgs({
    args: argv,
    options: { smoke: { type: 'boolean' }, sizes: { type: 'string' }, seed: { type: 'string', default: '1' }, cache: { type: 'string' }, 'skip-screen': { type: 'boolean' } },
  });
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error(usage);
  const sizes = values.smoke ? [1000] : values.sizes ? values.sizes.split(',').map((s) => Number(s.trim().replace(/_/g, ''))) : defaultSizes;
  if (sizes.some((s) => !Number.isInteger(s) || s < 100)) throw new Error(`${usage}\n(every size is a whole number of at least 100 customers)`);
  const full = !values.smoke && !values['skip-screen'] && sizes.join() === defaultSizes.join();
  const largest = Math.max(...sizes);
  return {
    run: values.smoke ? 'smoke' : full ? 'full' : 'partial',
    sizes,
    seed,
    cacheDir: resolve(values.cache ?? join(repo, 'bench', '.cache')),
    perKind: values.smoke ? 4 : 25,
    rounds: 2,
    importRows: values.smoke ? 1000 : 100_000,
    screenSizes: values['skip-screen'] ? [] : [largest],
    screenSearches: values.smoke ? 5 : 30,
  };
}

const quiet = { warn: () => undefined, error: (message: string, err?: unknown) => console.error(`  core: ${message}`, err ?? '') };

/** A core on the desk's copy, with the host's printer (the system Chromium) for the disclosure package's PDF. */
function coreOn(desk: BenchDesk): Core {
  return createCore({ dataDir: desk.dataDir, exportsDir: desk.exportsDir, printer: chromiumPrinter(), log: quiet });
}

async function signedIn(desk: BenchDesk): Promise<Core> {
  const core = coreOn(desk);
  const result = await core.call('auth.login', desk.officer);
  if (!result.ok) throw new Error(`auth.login failed: ${result.error.code} ${result.error.message}`);
  // A large desk's check of every page runs beside the work after the unlock (db/guard.ts): measured apart
  // (opening.ts), and waited for here so that it does not share the CPU with the figures that follow.
  await core.desk.wholeFileChecked;
  return core;
}

async function measureSize(plan: RunPlan, size: number, file: ImportFile, log: (line: string) => void): Promise<SizeResult> {
  const built = await buildOnce({ size, seed: plan.seed, cacheDir: plan.cacheDir, log });
  const result: SizeResult = {
    size,
    build: { seedSeconds: built.seedSeconds, plainSeconds: built.plainSeconds, databaseBytes: built.databaseBytes, builtThisRun: built.builtNow },
    failures: [],
    skipped: [],
  };
  const desk = await benchDesk({ size, seed: plan.seed, cacheDir: plan.cacheDir });
  const rss = new RssSampler();
  const step = async (name: string, work: () => Promise<void>) => {
    const start = performance.now();
    try {
      await work();
      log(`  ${name}: ${((performance.now() - start) / 1000).toFixed(1)} s`);
    } catch (err) {
      result.failures.push({ step: name, error: err instanceof Error ? err.message : String(err) });
      log(`  ${name} FAILED: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    }
  };
  let bare: Awaited<ReturnType<typeof measureBareImport>> | undefined;
  // The bare import works on a copy made before the desk is opened by the core.
  await step('import (bare driver)', async () => {
    bare = await measureBareImport(desk, file, new Date());
  });
  let core: Core | null = null;
  try {
    await step('search', async () => {
      core = await signedIn(desk);
      result.search = await measureSearch(core, desk, { perKind: plan.perKind, rounds: plan.rounds });
    });
    if (core) await (core as Core).close();
    core = null;
    if (plan.screenSizes.includes(size)) {
      await step('screen', async () => {
        result.screen = await measureScreenOf(desk, plan.screenSearches, log);
      });
    } else result.skipped.push({ step: 'screen', why: plan.screenSizes.length ? `measured at ${plan.screenSizes.join(', ')} only (Chromium typing takes minutes per size)` : '--skip-screen' });
    await step('opening', async () => {
      result.opening = await measureOpening(() => createCore({ dataDir: desk.dataDir, exportsDir: desk.exportsDir, log: quiet }), desk, 'さとう');
    });
    await step('disclosure and erasure', async () => {
      // It signs in (and out) itself: the officer, the staff member who proposes, the officer who decides.
      core = coreOn(desk);
      result.requests = await measureRequests(core, desk);
    });
    await step('import (router)', async () => {
      core ??= await signedIn(desk);
      const router = await measureRouterImport(core, file);
      if (!bare) throw new Error('the bare import failed, so there is nothing to compare with');
      result.import = { rows: file.parsed.length, router, bare };
    });
  } finally {
    if (core) await (core as Core).close();
    result.peakRssBytes = rss.stop();
  }
  return result;
}

async function measureScreenOf(desk: BenchDesk, searches: number, log: (line: string) => void): Promise<ScreenFigures> {
  const rendererDir = join(repo, 'dist', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('dist/renderer is missing: run `npm run build:renderer` first');
  // Loaded only when measured: the screen bench pulls in Playwright.
  const { measureScreen } = (await import('./screen')) as { measureScreen: (d: BenchDesk, o: { searches: number; rendererDir: string; log?: (line: string) => void }) => Promise<ScreenFigures> };
  return measureScreen(desk, { searches, rendererDir, log: (line) => log(`  ${line}`) });
}

export async function runBench(plan: RunPlan, log: (line: string) => void = (line) => console.log(line)): Promise<BenchResult> {
  const startedAt = new Date().toISOString();
  const started = performance.now();
  const machine = await describeMachine();
  log(`bench: ${plan.run} run, sizes ${plan.sizes.join(', ')}, seed ${plan.seed}, cache ${plan.cacheDir}`);
  const file = importFile(plan.importRows, plan.seed, localDay(new Date()));
  log(`import file: ${plan.importRows.toLocaleString('en')} rows, ${(file.bytes.length / 1024 / 1024).toFixed(1)} MB CP932`);
  const sizes: SizeResult[] = [];
  try {
    for (const size of plan.sizes) {
      log(`size ${size.toLocaleString('en')}`);
      sizes.push(await measureSize(plan, size, file, log));
      // The working copy of a million customers is gigabytes: gone before the next size is copied.
      removeWorkingCopies(plan.cacheDir);
    }
  } finally {
    removeWorkingCopies(plan.cacheDir);
  }
  return {
    run: plan.run,
    seed: plan.seed,
    machine: finishMachine(machine),
    startedAt,
    seconds: (performance.now() - started) / 1000,
    sizes,
    goals: judgeGoals(sizes),
    processPeakRssBytes: processPeakRss(),
  };
}

/** smoke.* for the smoke run, latest.* for a full run, partial.* for anything else (a quick look, never committed). */
export function resultFiles(run: BenchResult['run']): { json: string; md: string } {
  const name = run === 'smoke' ? 'smoke' : run === 'full' ? 'latest' : 'partial';
  const dir = join(repo, 'bench', 'results');
  return { json: join(dir, `${name}.json`), md: join(dir, `${name}.md`) };
}

async function main(): Promise<number> {
  let plan: RunPlan;
  try {
    plan = planFrom(process.argv.slice(2));
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    return 2;
  }
  const result = await runBench(plan);
  const text = markdown(result);
  const files = resultFiles(result.run);
  mkdirSync(join(repo, 'bench', 'results'), { recursive: true });
  writeFileSync(files.json, `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(files.md, text);
  console.log(`\n${text}`);
  console.log(`saved ${files.md} and ${files.json}`);
  const failed = result.sizes.flatMap((s) => s.failures);
  return failed.length > 0 ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().then(
    (code) => (process.exitCode = code),
    (err) => {
      console.error(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      process.exitCode = 1;
    },
  );
}
