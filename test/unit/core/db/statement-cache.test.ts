// The dialect's kept statements: a connection that reuses prepared statements gives the same answers as one that
// prepares every query, recovers from a refused statement, and still closes (SQLite will not close over live statements).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlite3 from '@journeyapps/sqlcipher';
import { Kysely, sql, type Generated } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { SqlcipherDialect, type RawDatabase } from '../../../../electron/core/db/sqlcipher-dialect';

const root = mkdtempSync(join(tmpdir(), 'statement-cache-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Ledger {
  entries: { id: Generated<number>; note: string };
}

function openKeyed(file: string): Promise<RawDatabase> {
  return new Promise((resolve, reject) => {
    const db: RawDatabase = new sqlite3.Database(file, (err: Error | null) => {
      if (err) return reject(err);
      db.exec(`PRAGMA key = "x'${'ab'.repeat(32)}'"`, (e: Error | null) => (e ? reject(e) : resolve(db)));
    });
  });
}

async function session(file: string, statementCache: number) {
  const db = new Kysely<Ledger>({ dialect: new SqlcipherDialect({ open: () => openKeyed(file), statementCache }) });
  await sql`create table if not exists entries (id integer primary key, note text not null unique)`.execute(db);
  const answers: unknown[] = [];
  for (let i = 0; i < 5; i++) {
    const inserted = await db.insertInto('entries').values({ note: `note ${i}` }).executeTakeFirstOrThrow();
    answers.push(Number(inserted.insertId));
    // More different statements than a cache of two keeps: the oldest are finalized as they go.
    answers.push(await db.selectFrom('entries').select('note').where('id', '=', i + 1).executeTakeFirst());
    answers.push((await db.selectFrom('entries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    answers.push(Number((await db.updateTable('entries').set({ note: `changed ${i}` }).where('id', '=', i + 1).executeTakeFirst()).numUpdatedRows));
  }
  // A refused statement fails alone; the same statement with other values then works.
  const refused = await db.insertInto('entries').values({ note: 'changed 0' }).execute().then(() => 'stored', (err: Error) => err.message);
  answers.push(refused.includes('UNIQUE') ? 'refused' : refused);
  answers.push(Number((await db.insertInto('entries').values({ note: 'new one' }).executeTakeFirstOrThrow()).insertId));
  await db.destroy();
  return answers;
}

describe('reusing prepared statements', () => {
  it('gives the answers fresh statements give, refusals included, and the connection closes', async () => {
    const kept = await session(join(root, 'kept.db'), 2);
    const fresh = await session(join(root, 'fresh.db'), 0);
    expect(kept).toEqual(fresh);
    expect(kept.slice(0, 4)).toEqual([1, { note: 'note 0' }, 1, 1]);
    expect(kept.slice(-2)).toEqual(['refused', 6]);
    // Opened again: every row is there; destroy() above finalized the kept statements, or closing would have failed.
    const again = new Kysely<Ledger>({ dialect: new SqlcipherDialect({ open: () => openKeyed(join(root, 'kept.db')) }) });
    expect((await again.selectFrom('entries').select('note').orderBy('id').execute()).map((r) => r.note)).toEqual(['changed 0', 'changed 1', 'changed 2', 'changed 3', 'changed 4', 'new one']);
    await again.destroy();
  });
});
