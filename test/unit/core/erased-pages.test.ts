// After an erasure the desk empties the WAL, so no earlier page image of erased values stays in the -wal file; a reader
// holding the WAL (the whole-file check at a million customers) only delays it.
import sqlite3 from '@journeyapps/sqlcipher';
import { statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yamada } from '../../fixtures/customers';
import { asOfficer, setUpDesk, type TestDesk } from '../helpers/desk';

let desk: TestDesk;
beforeAll(async () => {
  desk = await setUpDesk();
  await asOfficer(desk);
});
afterAll(async () => desk.dispose());

type Raw = InstanceType<typeof sqlite3.Database>;
const run = (db: Raw, sql: string) => new Promise<void>((resolve, reject) => db.exec(sql, (err: Error | null) => (err ? reject(err) : resolve())));

describe('emptying the WAL after an erasure', () => {
  it('waits for a reader that holds the WAL and empties it once the reader lets go', async () => {
    await desk.ok('customers.create', yamada);
    const wal = `${desk.core.desk.paths.database}-wal`;
    expect(statSync(wal).size).toBeGreaterThan(0);

    // Another connection in the middle of a long read, as the whole-file check is.
    const reader: Raw = await new Promise((resolve, reject) => {
      const db: Raw = new sqlite3.Database(desk.core.desk.paths.database, (err: Error | null) => (err ? reject(err) : resolve(db)));
    });
    await run(reader, `PRAGMA key = "x'${desk.core.desk.dataKey!.toString('hex')}'"`);
    await run(reader, 'BEGIN; SELECT count(*) FROM customers;');

    await desk.core.desk.flushErasedPages();
    expect(statSync(wal).size).toBeGreaterThan(0);

    await run(reader, 'COMMIT');
    await new Promise<void>((resolve) => reader.close(() => resolve()));
    await expect.poll(() => statSync(wal).size, { timeout: 30_000, interval: 250 }).toBe(0);
  });
});
