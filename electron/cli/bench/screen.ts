// The benchmark's screen figures (issue #7, items 5 and 6): keystroke to rows in Chromium through the loopback host,
// frames dropped while scrolling the whole list, and the renderer's JS heap with the list open.
// `npx tsx electron/cli/bench/screen.ts --data DIR --renderer DIR [--searches 30]` measures a copy of a seeded desk.
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fork, type ChildProcess } from 'node:child_process';
import { demoAccounts } from '../seed-demo';
import type { BenchDesk } from './dataset';
import { countFrames } from './screen-figures';
import { armProbe, probeResult, resultsSelector, scrollerSelector, scrollList } from './screen-page';
import type { HostReady, HostRequest } from './screen-host';
import type { TypedQuery } from './screen-queries';
import { percentiles } from './stats';

export interface ScreenFigures {
  keystrokeToRows: { p50: number; p95: number; p99: number; samples: number };
  scroll: { frames: number; dropped: number };
  rendererHeapBytes: number;
}

/** A quick typist: ~8 keys a second. Slower typing only gives each search more time to come back. */
const keyIntervalMs = 120;
/** ~3,000 px/s, a brisk scroll-wheel run through the list (about 65 rows a second). */
const scrollStepPx = 50;
const scrollForMs = 3000;
const waitMs = 60_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function signIn(page: Page, officer: BenchDesk['officer']): Promise<void> {
  await page.getByRole('textbox', { name: 'ログインID', exact: true }).fill(officer.loginId);
  await page.getByRole('textbox', { name: 'パスワード', exact: true }).fill(officer.password);
  await page.getByRole('button', { name: 'サインイン', exact: true }).click();
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('button', { name: '顧客', exact: true }).click({ timeout: waitMs });
}

/** Empties the search box and waits until the whole list is back and its refresh has had time to finish. */
async function clearSearch(page: Page): Promise<void> {
  await page.getByRole('searchbox', { name: '検索' }).fill('');
  await page.locator(`${resultsSelector}[data-results-for=""]`).waitFor({ timeout: waitMs });
  await sleep(400);
}

type Timed = NonNullable<ReturnType<typeof probeResult>>;

/** Types the query as a person would and returns milliseconds from its last keystroke to its rows in the DOM. */
async function typeAndTime(page: Page, cdp: CDPSession, query: TypedQuery): Promise<Timed> {
  await page.getByRole('searchbox', { name: '検索' }).focus();
  if (query.reading) {
    // Japanese: the reading grows in the input method's composition, one kana a key, then is converted and committed.
    const kana = Array.from(query.reading);
    for (let i = 1; i <= kana.length; i++) {
      const text = kana.slice(0, i).join('');
      await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
      await sleep(keyIntervalMs);
    }
    await page.evaluate(armProbe, { expected: query.text.trim(), selector: resultsSelector });
    await cdp.send('Input.insertText', { text: query.text });
  } else {
    const keys = Array.from(query.text);
    for (const key of keys.slice(0, -1)) {
      await page.keyboard.type(key);
      await sleep(keyIntervalMs);
    }
    await page.evaluate(armProbe, { expected: query.text.trim(), selector: resultsSelector });
    await page.keyboard.type(keys.at(-1)!);
  }
  try {
    const handle = await page.waitForFunction(probeResult, undefined, { timeout: waitMs, polling: 50 });
    return (await handle.jsonValue()) as Timed;
  } catch (err) {
    const shown = await page.locator(resultsSelector).getAttribute('data-results-for').catch(() => null);
    const box = await page.getByRole('searchbox', { name: '検索' }).inputValue().catch(() => null);
    throw new Error(`no rows for a ${query.kind} query "${query.text}" (box "${box}", rows for "${shown}"): ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** The rows on screen are the core's answer to the query: the first customer number and the count agree. */
async function checkRows(page: Page, desk: DeskProcess, query: TypedQuery): Promise<void> {
  const found = (await desk.ask({ ask: 'firstRow', query: query.text.trim() })) as { customerNo: string | null; total: number; capped: boolean };
  const expected = found.customerNo;
  const rows = page.locator(`${resultsSelector} tbody tr[data-customer-no]`);
  const shown = (await rows.count()) > 0 ? await rows.first().getAttribute('data-customer-no') : null;
  if (shown !== expected) throw new Error(`screen bench: the list showed ${shown ?? 'no row'} first for a ${query.kind} query, the core finds ${expected ?? 'none'}`);
  const count = `${new Intl.NumberFormat('ja-JP').format(found.total)}${found.capped ? '+' : ''}件`;
  const counted = await page.getByTestId('customer-count').textContent();
  if (counted !== count) throw new Error(`screen bench: the list counted ${counted} for a ${query.kind} query, the core ${count}`);
}

/** The desk (core and loopback host) in its own process: screen-host.ts. */
interface DeskProcess {
  url: string;
  token: string;
  ask(request: DistributiveOmit<HostRequest, 'id'>): Promise<unknown>;
  stop(): Promise<void>;
}
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

async function startDeskProcess(desk: BenchDesk, rendererDir: string): Promise<DeskProcess> {
  const child: ChildProcess = fork(join(import.meta.dirname, 'screen-host.ts'), [desk.dataDir, desk.exportsDir, rendererDir], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await new Promise<HostReady['ready']>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the desk's process ended before it was ready (exit ${code})`)));
    child.on('message', (message: HostReady | { id: number; value?: unknown; error?: string }) => {
      if ('ready' in message) return resolve(message.ready);
      const pending = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.error !== undefined) pending?.reject(new Error(message.error));
      else pending?.resolve(message.value);
    });
  });
  const ask = (request: DistributiveOmit<HostRequest, 'id'>) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      child.send({ ...request, id });
    });
  return {
    ...ready,
    ask,
    stop: async () => {
      if (child.exitCode === null) await ask({ ask: 'stop' }).catch(() => undefined);
      await exited;
    },
  };
}

async function heapAfterCollection(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  return usage.usedSize;
}

export async function measureScreen(desk: BenchDesk, options: { searches: number; rendererDir: string; log?: (line: string) => void }): Promise<ScreenFigures> {
  const log = options.log ?? (() => undefined);
  const host = await startDeskProcess(desk, options.rendererDir);
  const browser = await chromium
    .launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--lang=ja-JP'],
    })
    .catch(async (err: unknown) => {
      await host.stop();
      throw err;
    });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'ja-JP' });
    // tsx keeps function names with an `__name` helper that the page does not have.
    await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(`${host.url}/#token=${host.token}`);
    await signIn(page, desk.officer);
    // The check of every page after the unlock reads the whole file beside the work (35 s at a million customers on
    // two cores); the first searches during it are the opening's figure. Typing is measured on the desk as it is the
    // rest of the day.
    await host.ask({ ask: 'wholeFileChecked' });
    await clearSearch(page);

    const queries = (await host.ask({ ask: 'queries', searches: options.searches, seed: desk.seed })) as TypedQuery[];
    const samples: number[] = [];
    for (const query of queries) {
      await clearSearch(page);
      const timed = await typeAndTime(page, cdp, query);
      await checkRows(page, host, query);
      samples.push(timed.totalMs);
      const part = (ms: number | null) => (ms === null ? '   ?' : ms.toFixed(0).padStart(4));
      log(`  ${timed.totalMs.toFixed(1).padStart(7)} ms  (key→call ${part(timed.toCallMs)}, call ${part(timed.callMs)}, answer→rows ${part(timed.toRowsMs)})  ${query.kind}`);
    }

    await clearSearch(page);
    const scrolled = await page.evaluate(scrollList, { selector: scrollerSelector, ms: scrollForMs, step: scrollStepPx });
    const frames = countFrames(scrolled.frames);
    log(`  scroll: ${frames.frames} frames, ${frames.dropped} dropped, longest ${frames.longestMs.toFixed(1)} ms, ${scrolled.rowsSeen} rows reached`);
    const rendererHeapBytes = await heapAfterCollection(cdp);

    return {
      keystrokeToRows: percentiles(samples),
      scroll: { frames: frames.frames, dropped: frames.dropped },
      rendererHeapBytes,
    };
  } finally {
    await browser.close();
    await host.stop();
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { data: { type: 'string' }, renderer: { type: 'string' }, searches: { type: 'string', default: '30' }, seed: { type: 'string', default: '1' } } });
  if (!values.data) {
    console.error('usage: npx tsx electron/cli/bench/screen.ts --data DIR [--renderer DIR] [--searches 30] [--seed 1]');
    return 2;
  }
  // The searches are audited reads: they go into a copy, and the seeded desk stays as it was.
  const work = mkdtempSync(join(tmpdir(), 'bench-screen-'));
  try {
    const dataDir = join(work, 'data');
    cpSync(resolve(values.data), dataDir, { recursive: true });
    const desk: BenchDesk = { dataDir, exportsDir: join(work, 'exports'), plainDb: '', dataKeyHex: '', officer: demoAccounts.officer, size: 0, seed: Number(values.seed) };
    const rendererDir = resolve(values.renderer ?? join(import.meta.dirname, '..', '..', '..', 'dist', 'renderer'));
    const figures = await measureScreen(desk, { searches: Number(values.searches), rendererDir, log: (line) => console.log(line) });
    console.log(JSON.stringify(figures, null, 2));
    return 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().then(
    (code) => (process.exitCode = code),
    (err) => {
      console.error(`screen bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      process.exitCode = 1;
    },
  );
}
