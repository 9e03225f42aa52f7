// customers.*: search, open, reveal with a reason, create, and the marketing list; masked for staff in the core.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { customers } from '../../../src-shared/api/customers';
import { marketingPurposeId, searchCountCap, type CustomerRecord } from '../../../src-shared/customers';
import type { Ctx, Handlers } from '../handler';
import { maskRecord, maskRow, seesFullRecords } from './masking';
import { refuseCardNumbers } from './no-card-numbers';
import { readCustomer, readRows } from './read';
import { searchCustomers } from './search-page';
import { insertCustomer } from './store';

function forRole(ctx: Ctx, record: CustomerRecord): CustomerRecord {
  return seesFullRecords(ctx.session!.role) ? record : maskRecord(record);
}

async function rowsFor(ctx: Ctx, ids: string[]) {
  const rows = await readRows(ctx.db, ids);
  return seesFullRecords(ctx.session!.role) ? rows : rows.map(maskRow);
}

export const customerHandlers: Handlers<typeof customers> = {
  'customers.search': async (input, ctx) => {
    const found = await searchCustomers(ctx.db, input.query, { offset: input.page * input.pageSize, limit: input.pageSize, sort: input.sort });
    // The query may be a name or a phone number: the trail records its length and what came back, never the words.
    Object.assign(ctx.audit, {
      targetType: 'customerSearch',
      details: { queryLength: Array.from(input.query.trim()).length, page: input.page, sort: input.sort, total: found.total, capped: found.capped, shown: found.rows.length },
    });
    const rows = seesFullRecords(ctx.session!.role) ? found.rows : found.rows.map(maskRow);
    return { rows, total: found.total, capped: found.capped };
  },

  'customers.get': async (input, ctx) => {
    const record = forRole(ctx, await readCustomer(ctx.db, input.id));
    Object.assign(ctx.audit, { targetType: 'customer', targetId: input.id, details: { view: record.masked ? 'masked' : 'full' } });
    return record;
  },

  'customers.reveal': async (input, ctx) => {
    const record = await readCustomer(ctx.db, input.id);
    refuseCardNumbers(input.reason, 'reason');
    // The staff member's words may name people: they stay in the encrypted reveal_reasons table; the trail gets the
    // kind, the linked request and the id of the row that holds the words.
    const reasonId = randomUUID();
    await ctx.db
      .insertInto('reveal_reasons')
      .values({
        id: reasonId,
        customer_id: input.id,
        actor_id: ctx.session!.accountId,
        at: ctx.desk.now().toISOString(),
        kind: input.reason.kind,
        request_id: input.reason.requestId ?? null,
        text: input.reason.text,
      })
      .execute();
    Object.assign(ctx.audit, {
      targetType: 'customer',
      targetId: input.id,
      details: { view: 'full', reasonKind: input.reason.kind, requestId: input.reason.requestId ?? null, revealReasonId: reasonId, reasonLength: Array.from(input.reason.text).length },
    });
    return record;
  },

  'customers.create': async (input, ctx) => {
    const { id, fields } = await insertCustomer(ctx.db, input, { accountId: ctx.session!.accountId, now: ctx.desk.now(), requestId: input.requestId ?? null });
    const record = await readCustomer(ctx.db, id);
    Object.assign(ctx.audit, { targetType: 'customer', targetId: id, fields, details: { provenance: input.provenance, receiptId: record.receipt?.id ?? null, requestId: input.requestId ?? null } });
    return forRole(ctx, record);
  },

  'customers.marketingList': async (input, ctx) => {
    // Policy §3.6: only a standing, given prior approval counts. Walking customers in kana order and probing the
    // consent's primary key stops after one page, however many customers there are.
    const given = sql<boolean>`exists (select 1 from consents k where k.customer_id = c.id and k.purpose_id = ${marketingPurposeId} and k.state = 'given')`;
    // APPI Art. 35: a cessation of all use, or of this purpose, takes the customer off the list from that moment.
    const ceased = (customer: ReturnType<typeof sql.ref>) =>
      sql<boolean>`exists (select 1 from customer_cessations s where s.customer_id = ${customer} and (s.scope = 'use' or (s.scope = 'purpose' and s.purpose_id = ${marketingPurposeId})))`;
    const page = await ctx.db
      .selectFrom('customers as c')
      .select('c.id')
      .where(given)
      .where(sql<boolean>`not ${ceased(sql.ref('c.id'))}`)
      .orderBy('c.kana_key')
      .orderBy('c.customer_no')
      .limit(input.pageSize)
      .offset(input.page * input.pageSize)
      .execute();
    const { rows } = await sql<{ n: number }>`select count(*) as n from (select 1 from consents k where k.purpose_id = ${marketingPurposeId} and k.state = 'given' and not ${ceased(sql.ref('k.customer_id'))} limit ${searchCountCap + 1})`.execute(ctx.db);
    const n = Number(rows[0]?.n ?? 0);
    const count = n > searchCountCap ? { total: searchCountCap, capped: true } : { total: n, capped: false };
    Object.assign(ctx.audit, { targetType: 'marketingList', details: { purposeId: marketingPurposeId, page: input.page, ...count, shown: page.length } });
    return { rows: await rowsFor(ctx, page.map((p) => p.id)), ...count };
  },
};
