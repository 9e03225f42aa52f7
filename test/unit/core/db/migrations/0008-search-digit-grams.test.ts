// Migration 8 on a desk made before it: the search index built again with digit 4-grams, so number fragments are found.
import { sql, type Kysely } from 'kysely';
import { up as migration8 } from '../../../../../electron/core/db/migrations/0008-search-digit-grams';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentsOf } from '../../../../../electron/core/customers/search-documents';
import type { CustomerRow } from '../../../../../src-shared/customers';
import { sato, yamada } from '../../../../fixtures/customers';
import { asOfficer, setUpDesk, type TestDesk } from '../../../helpers/desk';

let desk: TestDesk;
const search = async (query: string) => (await desk.ok<{ rows: CustomerRow[] }>('customers.search', { query, pageSize: 50 })).rows.map((r) => r.customerNo);

beforeAll(async () => {
  desk = await setUpDesk();
  await asOfficer(desk);
  await desk.ok('customers.create', yamada);
  await desk.ok('customers.create', sato);
  // The index as migration 7 left it: the same documents without the 4-grams of digits (a bigram is never 4 long).
  await desk.core.desk.transaction(async (tx) => {
    const ids = (await tx.selectFrom('customers').select('id').execute()).map((c) => c.id);
    const documents = await documentsOf(tx, ids);
    await sql`insert into customer_search (customer_search) values ('delete-all')`.execute(tx);
    for (const d of documents.values()) {
      const bigramsOnly = d.grams.split(' ').filter((g) => !/^[0-9]{4}$/.test(g)).join(' ');
      await sql`insert into customer_search (rowid, grams) values (${d.searchRowid}, ${bigramsOnly})`.execute(tx);
    }
  });
});
afterAll(async () => desk.dispose());

describe('a desk made before digit 4-grams were indexed', () => {
  // Migration 8 itself, run on the index as migration 7 left it. (Running it through an unlock would mean taking the
  // desk back to migration 7, and the later migrations' tables cannot be un-made: the migrations are forward-only.)
  it('finds a customer by a 4-digit fragment of the phone only after migration 8 has rebuilt the index', async () => {
    expect(await search('5678')).toEqual([]);
    await desk.core.desk.transaction(async (tx) => migration8(tx as unknown as Kysely<unknown>));
    expect(await search('5678')).toEqual(['C-0001']);
    expect(await search('090-1234-5678')).toEqual(['C-0001']);
    // Names are found as before.
    expect(await search('やまだ')).toEqual(['C-0001']);
  });
});
