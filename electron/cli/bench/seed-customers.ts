// The benchmark desk's customers: the demo seeder's accounts and statements, then its generated customers written in
// transactions of 50,000, the search index built in bulk, and the demo registers, on a fresh session.
//
// Why not seedDemo({ customers: N }) at a million: it writes every customer in ONE transaction, whose -wal file grows
// to the whole database (3.5 GB) and slows every page lookup, and its session outlives the desk's 10-minute idle lock
// on a busy machine (measured: the registers step then failed with SESSION_LOCKED after 13 minutes).
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { customerInput } from '../../../src-shared/api/customer-input';
import { appendEvent } from '../../core/audit/chain';
import { createCore, type Core } from '../../core/core';
import { rebuildSearchIndex } from '../../core/customers/search-index';
import { insertCustomers } from '../../core/customers/store';
import { localDay } from '../../core/dates';
import { demoCustomer, random } from '../demo/generate';
import { seedOffice } from '../demo/office';
import { demoAccounts, seedDemo, seedPrivacyMarkRecords } from '../seed-demo';

/** Customers per transaction: the -wal file stays a few hundred megabytes and is folded back after each. */
const perTransaction = 50_000;
/** Customers generated, checked and written per insertCustomers call (seedDemo's batch). */
const perBatch = 1000;

const quiet = { warn: () => undefined, error: () => undefined };

async function must<T>(core: Core, method: string, input: unknown): Promise<T> {
  const result = await core.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message} ${JSON.stringify(result.error.details ?? {})}`);
  return result.value as T;
}

async function signIn(core: Core, who: 'officer' | 'staff'): Promise<void> {
  if (core.desk.session) await must(core, 'auth.logout', {});
  await must(core, 'auth.login', { loginId: demoAccounts[who].loginId, password: demoAccounts[who].password });
}

/** A demo desk of `customers` customers in `dataDir`, the same people seedDemo would make from the same seed. */
export async function seedBenchDesk(options: { dataDir: string; exportsDir: string; customers: number; seed: number; log: (line: string) => void }): Promise<void> {
  const { log } = options;
  // Accounts, statements, first passwords and the two partner receipts: the seeder's own steps, with no customers.
  await seedDemo({ dataDir: options.dataDir, exportsDir: options.exportsDir, customers: 0, seed: options.seed });
  const core = createCore({ dataDir: options.dataDir, exportsDir: options.exportsDir, log: quiet });
  try {
    await signIn(core, 'officer');
    const db = core.desk.requireDb();
    // A large page cache while the tables and their indexes grow, as seedDemo sets for its own transaction.
    await sql`pragma cache_size = -262144`.execute(db);
    const receiptIds = (await db.selectFrom('receipts').select('id').orderBy('recorded_at').execute()).map((r) => r.id);
    const now = core.desk.now();
    const today = localDay(now);
    const actor = { accountId: core.desk.session!.accountId, now };
    const rng = random(options.seed);
    const started = performance.now();
    const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
    for (let first = 0; first < options.customers; first += perTransaction) {
      const last = Math.min(first + perTransaction, options.customers);
      await core.desk.transaction(async (tx) => {
        for (let start = first; start < last; start += perBatch) {
          const inputs = [];
          for (let i = start; i < Math.min(start + perBatch, last); i++) inputs.push(customerInput.parse(demoCustomer(i, rng, { receiptIds, today })));
          await insertCustomers(tx, inputs, actor, { index: false });
        }
      });
      log(`${last.toLocaleString('en')} customers (${elapsed()})`);
    }
    await core.desk.transaction(async (tx) => {
      await rebuildSearchIndex(tx);
      await appendEvent(tx, { at: now.toISOString(), actorId: actor.accountId, actorRole: 'officer', action: 'customers.seedDemo', outcome: 'ok', details: { customers: options.customers, seed: options.seed } });
    });
    log(`search index built (${elapsed()})`);
    // A fresh session: the writing above may have outlasted the idle lock.
    await signIn(core, 'officer');
    await seedOffice(core, must, (who) => signIn(core, who));
    await signIn(core, 'officer');
    await seedPrivacyMarkRecords(core, must);
    log(`registers recorded (${elapsed()})`);
  } finally {
    await core.close();
  }
}
