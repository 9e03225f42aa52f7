// A retention run (APPI Art. 22): the officer previews counts, approves, the desk erases what is still due with the
// same true erasure as a person's request, keeps what the law or an open matter needs, and the audit chain verifies.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerRecord } from '../../../../src-shared/customers';
import type { RetentionPreview } from '../../../../src-shared/registers';
import { verifyChain } from '../../../../electron/core/audit/chain';
import { erasedMarker } from '../../../../electron/core/requests/scrub';
import { decryptDatabase } from '../../helpers/decrypted-pages';
import { errorOf, officer } from '../../helpers/desk';
import { officerAt, setUpRetentionOffice, type RetentionOffice } from './office';

let office: RetentionOffice;
beforeAll(async () => {
  office = await setUpRetentionOffice();
});
afterAll(async () => office.desk.dispose());

const desk = () => office.desk;
const db = () => office.desk.core.desk.requireDb();
const search = async (query: string) => (await desk().ok<{ rows: { id: string }[] }>('customers.search', { query })).rows.map((r) => r.id);
const lastEvent = async (action: string) =>
  db().selectFrom('audit_events').selectAll().where('action', '=', action).orderBy('seq', 'desc').executeTakeFirstOrThrow();
const noticeFiles = async (requestId: string) => (await db().selectFrom('notices').select('eml_file').where('request_id', '=', requestId).execute()).map((n) => n.eml_file!);

/** What only Yamada's record held (he never made a request, so nothing else in the desk names him). */
const yamadaOnly = ['山田 太郎', 'yamada.taro@example.jp', '090-1234-5678', '神宮前1-2-3', 'メゾン神宮前101', 'Yamada Taro', '緑茶ティーバッグ', '203.0.113.42'];

let preview: RetentionPreview;
let oldNotices: string[];

describe('a retention run', () => {
  it('previews what is due as counts per kind, never who', async () => {
    await desk().ok('retention.setPeriods', { periods: [{ kind: 'inactiveCustomers', months: 24 }] });
    preview = await desk().ok<RetentionPreview>('retention.preview');
    // Yamada and Sato: nothing since May 2022. Yamamoto has an open request, Tanaka is named by a provision record kept
    // until 2027, Suzuki ordered last year. Yamamoto's request of 2022 is past 36 months; Suzuki's of 2025 is not. The
    // provision record of 2022 is past its 3 years. Yamada's receipt record is past its date but his record refers to it.
    expect(preview).toMatchObject({
      state: 'previewed',
      createdByName: officer.displayName,
      counts: { inactiveCustomers: 2, closedRequests: 1, provisionRecords: 1, receiptRecords: 0 },
      runAt: null,
      erased: null,
    });
    const shown = JSON.stringify([preview, await desk().ok('retention.periods')]);
    for (const id of Object.values(office.customers)) expect(shown).not.toContain(id);
    for (const text of ['C-000', '山田', '佐藤', 'Yamada', office.oldRequest.id, office.oldRequest.number, office.provisions.old, 'P-2022']) expect(shown).not.toContain(text);

    const event = await lastEvent('retention.preview');
    expect(event).toMatchObject({ outcome: 'ok', target_type: 'retentionRun', target_id: preview.id });
    expect(JSON.parse(event.details!)).toEqual({ counts: preview.counts });
  });

  it('keeps a customer who ordered between the preview and the run, and erases the rest of what was previewed', async () => {
    oldNotices = await noticeFiles(office.oldRequest.id);
    expect(oldNotices.length).toBe(1);
    expect(existsSync(oldNotices[0]!)).toBe(true);
    // The next morning the shop's order system brings in an order Sato placed after the preview.
    await officerAt(desk(), '2026-11-26T09:30:00+09:00');
    await db().insertInto('orders').values({ customer_id: office.customers.sato, order_id: 'ORD-2026-009001', ordered_on: '2026-11-25', items: '煎茶 1袋', amount: 1200 }).execute();

    const run = await desk().ok<RetentionPreview>('retention.run', { previewId: preview.id, decision: 'run' });
    expect(run).toMatchObject({
      id: preview.id,
      state: 'run',
      runAt: desk().clock.now.toISOString(),
      runByName: officer.displayName,
      counts: preview.counts,
      erased: { inactiveCustomers: 1, closedRequests: 1, provisionRecords: 1, receiptRecords: 0 },
    });
    expect((await desk().ok<CustomerRecord>('customers.get', { id: office.customers.sato })).name).toBe('佐藤 花子');
  });

  it('erases the inactive customer truly: not found, gone from the search and from every page of the file, a tombstone left', async () => {
    expect(errorOf(await desk().call('customers.get', { id: office.customers.yamada }))).toMatchObject({ code: 'NOT_FOUND' });
    for (const query of ['山田', 'ヤマダ', 'yamada', '090-1234', 'C-0001']) expect(await search(query), query).toEqual([]);
    expect(await search('佐藤')).toEqual([office.customers.sato]);

    const tombstone = await db().selectFrom('customer_tombstones').selectAll().where('customer_id', '=', office.customers.yamada).executeTakeFirstOrThrow();
    expect(tombstone).toMatchObject({ request_id: null, erased_at: desk().clock.now.toISOString() });
    expect(tombstone.content_hmac).toMatch(/^[0-9a-f]{64}$/);
    // No request asked for it: the history's last line names the retention run instead.
    const last = await db().selectFrom('customer_changes').selectAll().where('customer_id', '=', office.customers.yamada).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(last).toMatchObject({ action: `erase:retention:${preview.id}`, request_id: null, actor_id: office.officerId, fields: '[]' });

    const pages = decryptDatabase(join(desk().dataDir, 'desk.db'), desk().core.desk.dataKey!);
    for (const text of ['佐藤 花子', '梅田3-4-5', '田中 美咲']) expect(pages.contains(text), text).toBe(true);
    for (const text of yamadaOnly) expect(pages.contains(text), text).toBe(false);
  });

  it('keeps a customer with an open request, one a kept provision record names, and an active one', async () => {
    for (const [who, name] of [['yamamoto', '山本 一郎'], ['tanaka', '田中 美咲'], ['suzuki', '鈴木 一郎']] as const) {
      expect((await desk().ok<CustomerRecord>('customers.get', { id: office.customers[who] })).name, who).toBe(name);
    }
    expect(await db().selectFrom('customer_tombstones').select('customer_id').execute()).toEqual([{ customer_id: office.customers.yamada }]);
  });

  it('erases the provision record past its 3 years with its persons and exclusions, and keeps the one within them', async () => {
    const { old, kept } = office.provisions;
    expect(await db().selectFrom('provisions').select('number').where('id', 'in', [old, kept]).execute()).toEqual([{ number: 'P-2024-0001' }]);
    expect(await db().selectFrom('provision_customers').select('provision_id').where('provision_id', '=', old).execute()).toEqual([]);
    expect(await db().selectFrom('provision_exclusions').select('provision_id').where('provision_id', '=', old).execute()).toEqual([]);
    expect(await db().selectFrom('provision_customers').select(['customer_id', 'customer_no']).where('provision_id', '=', kept).execute()).toEqual([
      { customer_id: office.customers.tanaka, customer_no: 'C-0004' },
    ]);
  });

  it('takes the personal data off a request closed longer ago than the period; the register keeps its number and state', async () => {
    const old = await db().selectFrom('requests').selectAll().where('id', '=', office.oldRequest.id).executeTakeFirstOrThrow();
    expect(old).toMatchObject({
      number: office.oldRequest.number,
      state: 'refused',
      kind: 'correction',
      customer_no: 'C-0003',
      outcome_ground: 'identityNotVerified',
      outcome_text: erasedMarker,
      requester_name: null,
      requester_email: null,
      requester_phone: null,
      asked: null,
      personal_data_erased_at: desk().clock.now.toISOString(),
    });
    expect(await db().selectFrom('request_comments').select('text').where('request_id', '=', old.id).execute()).toEqual([{ text: erasedMarker }]);
    expect(await db().selectFrom('notices').select(['recipient', 'body']).where('request_id', '=', old.id).execute()).toEqual([{ recipient: null, body: erasedMarker }]);
    // The refusal notice the desk wrote in 2022 held his name and address in plain text: the file is gone too.
    expect(existsSync(oldNotices[0]!)).toBe(false);

    const listed = await desk().ok<{ rows: { id: string; number: string; state: string }[] }>('requests.list', { page: 0, pageSize: 50 });
    expect(listed.rows.find((r) => r.id === old.id)).toMatchObject({ number: office.oldRequest.number, state: 'refused' });
    // Closed last year: within the 36 months, still whole.
    const recent = await db().selectFrom('requests').selectAll().where('id', '=', office.recentRequest.id).executeTakeFirstOrThrow();
    expect(recent).toMatchObject({ requester_name: '鈴木 一郎', personal_data_erased_at: null });
  });

  it('records counts and the run id in the trail, never whose records, and the audit chain still verifies', async () => {
    const event = await lastEvent('retention.run');
    expect(event).toMatchObject({ outcome: 'ok', target_type: 'retentionRun', target_id: preview.id });
    expect(JSON.parse(event.details!)).toEqual({
      decision: 'run',
      stillDue: { inactiveCustomers: 1, closedRequests: 1, provisionRecords: 1, receiptRecords: 0 },
      erased: { inactiveCustomers: 1, closedRequests: 1, provisionRecords: 1, receiptRecords: 0 },
    });
    const trail = JSON.stringify(await db().selectFrom('audit_events').select(['target_id', 'fields', 'details']).where('action', 'like', 'retention.%').execute());
    for (const id of [...Object.values(office.customers), office.oldRequest.id, office.provisions.old]) expect(trail).not.toContain(id);
    expect(await verifyChain(db())).toMatchObject({ valid: true });
  });

  it('runs a preview once only', async () => {
    expect(errorOf(await desk().call('retention.run', { previewId: preview.id }))).toMatchObject({ code: 'CONFLICT', message: 'retention.notPreviewed' });
  });

  it('lets a receipt record go in a later run, once no customer refers to it any more', async () => {
    const receiptId = (await db().selectFrom('receipts').select('id').where('received_on', '=', '2022-05-01').executeTakeFirstOrThrow()).id;
    const next = await desk().ok<RetentionPreview>('retention.preview');
    expect(next.counts).toEqual({ inactiveCustomers: 0, closedRequests: 0, provisionRecords: 0, receiptRecords: 1 });
    expect((await desk().ok<RetentionPreview>('retention.run', { previewId: next.id })).erased).toEqual({ inactiveCustomers: 0, closedRequests: 0, provisionRecords: 0, receiptRecords: 1 });
    expect(await db().selectFrom('receipts').select('id').where('id', '=', receiptId).execute()).toEqual([]);
    expect(await verifyChain(db())).toMatchObject({ valid: true });
  });
});
