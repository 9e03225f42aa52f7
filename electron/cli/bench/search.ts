// Search: customers.search through the whole router, beside the bare SQL it needs on the same encrypted file and on
// the plain copy, interleaved so that the machine's noise falls on all three alike.
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { Core } from '../../core/core';
import { random } from '../demo/generate';
import { captureStatements, close, openRaw, replay, type Statement } from './raw';
import { drawQueries, queryKinds, type BenchQuery, type QueryKind } from './search-queries';
import { percentiles, shuffled, type Percentiles } from './stats';

/** The screen's own call: first page of 100 in kana order (renderer/src/screens/customers/queries.ts). */
export const searchPageSize = 100;

export const searchVariants = ['router', 'bareEncrypted', 'barePlain'] as const;
export type SearchVariant = (typeof searchVariants)[number];

export interface SearchFigures {
  /** Per variant: every kind together, and each kind. */
  overall: Record<SearchVariant, Percentiles>;
  byKind: Record<QueryKind, Record<SearchVariant, Percentiles>>;
  /** Statements one router call sends to the driver, and how many of them are the search's own reads (the bare SQL). */
  statementsPerCall: { router: number; bare: number };
  queries: number;
}

/**
 * The bare SQL of a search: the reads the handler sent. The router's own statements (begin/commit, the audit
 * event's head read and two writes) are what the router adds, so they are left out of the floor.
 */
export function bareStatements(statements: readonly Statement[]): Statement[] {
  return statements.filter((s) => /^\s*select\b/i.test(s.sql) && !/\baudit_(head|events)\b/.test(s.sql));
}

export async function measureSearch(
  core: Core,
  desk: { dataDir: string; pristineDb?: string; plainDb: string; dataKeyHex: string; size: number; seed: number },
  options: { perKind: number; rounds: number },
): Promise<SearchFigures> {
  // The bare connections get the page cache the desk's own connection has (whatever db/open.ts sets).
  const [{ cache_size: cacheSize }] = (await sql<{ cache_size: number }>`PRAGMA cache_size`.execute(core.desk.requireDb())).rows as [{ cache_size: number }];
  // The same bytes as the router's copy before its audit events (see BenchDesk.pristineDb); nothing here writes to it.
  const encrypted = await openRaw(desk.pristineDb ?? `${desk.dataDir}/desk.db`, desk.dataKeyHex, { cacheSize });
  const plain = await openRaw(desk.plainDb, null, { readOnly: true, cacheSize });
  try {
    const queries = await drawQueries(encrypted, desk.size, options.perKind, desk.seed);
    const search = async (q: BenchQuery) => {
      const result = await core.call('customers.search', { query: q.query, page: 0, pageSize: searchPageSize, sort: 'kana' });
      if (!result.ok) throw new Error(`customers.search (${q.kind}) failed: ${result.error.code} ${result.error.message}`);
    };
    // Warm-up and capture: each query once through the router, recording what it sent to the driver; then its
    // bare SQL once on each connection, so all three start from the same warm cache.
    const captured: { q: BenchQuery; bare: Statement[] }[] = [];
    let routerStatements = 0;
    let bareCount = 0;
    for (const q of queries) {
      const { statements } = await captureStatements(() => search(q));
      const bare = bareStatements(statements);
      routerStatements = Math.max(routerStatements, statements.length);
      bareCount = Math.max(bareCount, bare.length);
      await replay(encrypted, bare);
      await replay(plain, bare);
      captured.push({ q, bare });
    }

    const samples = new Map<string, number[]>();
    const add = (kind: QueryKind, variant: SearchVariant, ms: number) => {
      const key = `${kind}/${variant}`;
      samples.set(key, [...(samples.get(key) ?? []), ms]);
    };
    const rng = random(desk.seed * 31 + desk.size);
    for (let round = 0; round < options.rounds; round++) {
      for (const { q, bare } of shuffled(captured, rng)) {
        // The three in a different order each time: none always runs first on a cold page or last on a hot one.
        for (const variant of shuffled(searchVariants, rng)) {
          const start = performance.now();
          if (variant === 'router') await search(q);
          else await replay(variant === 'bareEncrypted' ? encrypted : plain, bare);
          add(q.kind, variant, performance.now() - start);
        }
      }
    }

    const of = (kinds: readonly QueryKind[], variant: SearchVariant) => percentiles(kinds.flatMap((k) => samples.get(`${k}/${variant}`) ?? []));
    const byKind = Object.fromEntries(queryKinds.map((k) => [k, Object.fromEntries(searchVariants.map((v) => [v, of([k], v)]))])) as SearchFigures['byKind'];
    const overall = Object.fromEntries(searchVariants.map((v) => [v, of(queryKinds, v)])) as SearchFigures['overall'];
    return { overall, byKind, statementsPerCall: { router: routerStatements, bare: bareCount }, queries: queries.length };
  } finally {
    await close(encrypted);
    await close(plain);
  }
}
