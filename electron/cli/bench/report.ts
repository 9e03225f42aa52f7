// The run's table: one column per size (the curve 10k → 100k → 1M), then the goals with their ratios, as Markdown.
import { queryKinds } from './search-queries';
import type { BenchResult, Goal, SizeResult } from './goals';

type Cell = (s: SizeResult) => string | null;

const ms = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? null : n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const x = (n: number | null | undefined) => (n === null || n === undefined || !Number.isFinite(n) ? null : `${n.toFixed(2)}×`);
const int = (n: number | undefined) => (n === undefined ? null : Math.round(n).toLocaleString('en'));
const mb = (n: number | undefined) => (n === undefined ? null : `${(n / 1024 / 1024).toFixed(0)} MB`);
const triple = (p: { p50: number; p95: number; p99: number } | undefined) => (p ? `${ms(p.p50)} / ${ms(p.p95)} / ${ms(p.p99)}` : null);

export function sizeLabel(size: number): string {
  if (size >= 1_000_000 && size % 1_000_000 === 0) return `${size / 1_000_000}M`;
  if (size >= 1000 && size % 1000 === 0) return `${size / 1000}k`;
  return String(size);
}

/** The rows of the table: a label, what it includes, and a cell per size. */
function rows(): { label: string; cell: Cell }[] {
  const search = (variant: 'router' | 'bareEncrypted' | 'barePlain'): Cell => (s) => triple(s.search?.overall[variant]);
  return [
    { label: 'Build: demo desk (customers, search index, registers), s', cell: (s) => (s.build.builtThisRun ? s.build.seedSeconds.toFixed(1) : `${s.build.seedSeconds.toFixed(1)} (cached)`) },
    { label: 'Build: plain copy (sqlcipher_export), s', cell: (s) => s.build.plainSeconds.toFixed(1) },
    { label: 'Database file', cell: (s) => mb(s.build.databaseBytes) },
    { label: 'Search through the router, p50 / p95 / p99 ms', cell: search('router') },
    { label: 'Search, bare SQL on the encrypted file, p50 / p95 / p99 ms', cell: search('bareEncrypted') },
    { label: 'Search, bare SQL on plain SQLite, p50 / p95 / p99 ms', cell: search('barePlain') },
    { label: 'Router ÷ bare encrypted (p95)', cell: (s) => x(s.search ? s.search.overall.router.p95 / s.search.overall.bareEncrypted.p95 : null) },
    { label: 'Encrypted ÷ plain (p95)', cell: (s) => x(s.search ? s.search.overall.bareEncrypted.p95 / s.search.overall.barePlain.p95 : null) },
    ...queryKinds.map((kind) => ({
      label: `· ${kind}: p95 router / encrypted / plain ms`,
      cell: ((s) => {
        const k = s.search?.byKind[kind];
        return k ? `${ms(k.router.p95)} / ${ms(k.bareEncrypted.p95)} / ${ms(k.barePlain.p95)}` : null;
      }) as Cell,
    })),
    { label: 'Search: statements per call (router / bare)', cell: (s) => (s.search ? `${s.search.statementsPerCall.router} / ${s.search.statementsPerCall.bare}` : null) },
    { label: 'Import through the router, rows/s', cell: (s) => int(s.import?.router.rowsPerSecond) },
    { label: 'Import, bare driver (prepared multi-row inserts), rows/s', cell: (s) => int(s.import?.bare.rowsPerSecond) },
    { label: 'Import ÷ bare', cell: (s) => x(s.import ? s.import.router.rowsPerSecond / s.import.bare.rowsPerSecond : null) },
    { label: 'Key derivation (argon2id), ms', cell: (s) => ms(s.opening?.kdfMs) },
    { label: 'Opening: unlock to first result (KDF excluded), ms', cell: (s) => ms(s.opening?.openingMs) },
    { label: '· of which the unlock / the first search, ms', cell: (s) => (s.opening ? `${ms(s.opening.unlockMs)} / ${ms(s.opening.firstSearchMs)}` : null) },
    { label: 'Check of every page after the unlock (beside the work), ms', cell: (s) => ms(s.opening?.wholeFileCheckMs) },
    { label: 'Disclosure package (JSON + PDF), ms', cell: (s) => ms(s.requests?.disclosureMs) },
    { label: 'Erasure of one customer, ms', cell: (s) => ms(s.requests?.erasureMs) },
    { label: 'Screen: keystroke to rows, p50 / p95 / p99 ms', cell: (s) => triple(s.screen?.keystrokeToRows) },
    { label: 'Screen: scrolling, frames dropped / frames', cell: (s) => (s.screen ? `${s.screen.scroll.dropped} / ${s.screen.scroll.frames}` : null) },
    { label: 'Renderer JS heap with the list open', cell: (s) => mb(s.screen?.rendererHeapBytes) },
    { label: 'Core process peak RSS during the measures', cell: (s) => mb(s.peakRssBytes) },
  ];
}

function goalValue(g: Goal): string {
  if (g.value === null) return 'not measured';
  return g.unit === 'ms' ? `${ms(g.value)} ms` : g.unit === 'x' ? x(g.value)! : g.value.toFixed(2);
}

export function goalLines(goals: readonly Goal[]): string[] {
  return goals.map((g) => {
    const verdict = g.met === null ? (g.value === null ? '—' : 'not judged below 1M') : g.met ? 'met' : 'MISSED';
    const at = g.size === null ? '' : ` at ${sizeLabel(g.size)}`;
    return `| ${g.text} | ${goalValue(g)}${at} | ${verdict} |`;
  });
}

const escape = (text: string) => text.replace(/\|/g, '\\|');

export function markdown(result: BenchResult): string {
  const m = result.machine;
  const sizes = result.sizes;
  const header = `| | ${sizes.map((s) => sizeLabel(s.size)).join(' | ')} |`;
  const rule = `|---|${sizes.map(() => '---:').join('|')}|`;
  const body = rows()
    .map((r) => ({ label: r.label, cells: sizes.map((s) => r.cell(s)) }))
    .filter((r) => r.cells.some((c) => c !== null))
    .map((r) => `| ${escape(r.label)} | ${r.cells.map((c) => escape(c ?? '—')).join(' | ')} |`);
  const notes = sizes.flatMap((s) => [
    ...s.skipped.map((k) => `- ${sizeLabel(s.size)}: ${k.step} not measured: ${k.why}`),
    ...s.failures.map((f) => `- ${sizeLabel(s.size)}: **${f.step} failed**: ${f.error}`),
  ]);
  return [
    `# Benchmark (${result.run} run)`,
    '',
    `${m.date.slice(0, 10)} · ${m.cpu}, ${m.cores} cores, ${(m.memoryBytes / 1024 ** 3).toFixed(0)} GiB · ${m.os} · Node ${m.node} · SQLCipher ${m.sqlcipher} (SQLite ${m.sqlite})`,
    `Load average ${m.loadAverage.start.toFixed(1)} at the start, ${m.loadAverage.end?.toFixed(1) ?? '?'} at the end${Math.max(m.loadAverage.start, m.loadAverage.end ?? 0) > m.cores ? ` (above ${m.cores} cores: other work shared the machine)` : ''}. Run took ${(result.seconds / 60).toFixed(1)} min; seed ${result.seed}.`,
    '',
    header,
    rule,
    ...body,
    '',
    '| Goal | Measured | |',
    '|---|---:|---|',
    ...goalLines(result.goals),
    '',
    'Search: customers.search (first page of 100, kana order) as the officer, through validation, session, permission, masking, the transaction and the audit event; the bare SQL is the reads that call sent to the driver, replayed on a raw connection to the same file (encrypted) and to its sqlcipher_export copy (plain), same page cache; warm-up first, then the three interleaved in shuffled order. Import: customers.importCommit of a CP932 CSV (decode, parse, every check, duplicates, inserts, search index, audit) against the same rows inserted into the same seven tables by prepared multi-row INSERTs (100 rows each, reused) in one transaction on a copy of the same file (no CSV, no checks, no search index). Opening: the unlock after the key derivation (timed apart), to the first search; the check of every page runs beside the work after it and is timed alone. Every figure comes from a timer in the run.',
    ...(notes.length ? ['', ...notes] : []),
    '',
  ].join('\n');
}
