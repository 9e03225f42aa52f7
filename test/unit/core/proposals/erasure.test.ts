// An approved erasure (APPI Art. 35(1)): the person's name, e-mail and phone are gone from every page of the encrypted
// file and from the search, a tombstone stays, the audit chain still verifies.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerRecord } from '../../../../src-shared/customers';
import type { IncidentDetail } from '../../../../src-shared/registers';
import type { RequestDetail } from '../../../../src-shared/requests';
import { verifyChain } from '../../../../electron/core/audit/chain';
import { decryptDatabase } from '../../helpers/decrypted-pages';
import { errorOf } from '../../helpers/desk';
import { asOfficer, setUpOffice, signInAs, staffMember, verifiedRequest, type Office } from './office';

let office: Office;
beforeAll(async () => {
  office = await setUpOffice();
});
afterAll(async () => office.desk.dispose());

const desk = () => office.desk;
const db = () => office.desk.core.desk.requireDb();
const databaseFile = () => join(office.desk.dataDir, 'desk.db');
const search = async (query: string) => (await desk().ok<{ rows: { id: string }[] }>('customers.search', { query })).rows.map((r) => r.id);

/** What only Yamada's record held: gone after the approval, while his erasure request still names him. */
const recordOnly = ['神宮前1-2-3', 'メゾン神宮前101', 'Yamada Taro', 'mlsub-7f3a9c21', '緑茶ティーバッグ'];
/** What he gave as the requester too: gone once the erasure request completes and its own copy is erased. */
const identity = ['山田 太郎', 'yamada.taro@example.jp', '090-1234-5678'];
/** A live record, found in the same pages: the decryption is real, not garbage that contains nothing. */
const live = ['佐藤 花子', 'hanako.sato@example.com', '梅田3-4-5'];

let erasure: RequestDetail;
let proposalId: string;
let leakNotice: string;

describe('an approved erasure', () => {
  beforeAll(async () => {
    // Before the erasure: a correction he asked for and was refused, and a staff member's reveal quoting him.
    const earlier = await verifiedRequest(office, 'correction', 'yamada');
    await signInAs(desk(), staffMember);
    await desk().ok('customers.reveal', { id: office.customers.yamada, reason: { kind: 'inquiry', text: '山田 太郎様から090-1234-5678でお問い合わせ' } });
    const refused = (await desk().ok<RequestDetail>('proposals.create', { requestId: earlier.id, kind: 'change', changes: [{ field: 'addressLine2', to: 'メゾン神宮前202' }] })).proposals[0]!;
    await asOfficer(desk());
    await desk().ok('proposals.decide', { id: refused.id, decision: 'reject', reason: { ground: 'contentIsAccurate', text: '山田 太郎様の部屋番号は101で正しいことを確認済み' } });
    // A leak that touched him, and the notice the office wrote to him by name (APPI Art. 26(2)).
    await asOfficer(desk());
    const leak = await desk().ok<IncidentDetail>('incidents.create', { discoveredAt: desk().clock.now.toISOString(), summary: '配送ラベルの誤送付', categories: ['name', 'address'], peopleCount: 1, unlawfulSuspected: false, customerNos: ['C-0001'] });
    leakNotice = (await desk().ok<IncidentDetail>('incidents.update', { id: leak.id, notifyPeople: { language: 'ja' } })).notices[0]!.emlFile!;
    expect(existsSync(leakNotice)).toBe(true);
    erasure = await verifiedRequest(office, 'erasure', 'yamada', { requester: { name: '山田 太郎', email: 'yamada.taro@example.jp', phone: '090-1234-5678' } });
  });

  it('waits while another request of the same person is open', async () => {
    const disclosure = await verifiedRequest(office, 'disclosure', 'yamada');
    await signInAs(desk(), staffMember);
    proposalId = (await desk().ok<RequestDetail>('proposals.create', { requestId: erasure.id, kind: 'erase' })).proposals[0]!.id;
    await asOfficer(desk());
    expect(errorOf(await desk().call('proposals.decide', { id: proposalId, decision: 'approve' }))).toMatchObject({ code: 'CONFLICT', message: 'proposal.otherOpenRequests', details: { requestIds: [disclosure.id] } });
    expect((await desk().ok<CustomerRecord>('customers.get', { id: office.customers.yamada })).name).toBe('山田 太郎');
    await desk().ok('requests.transition', { id: disclosure.id, to: 'withdrawn', note: 'ご本人より取り下げの連絡' });
  });

  it('erases the record, its search entry and its values everywhere in the file, leaving a tombstone and a chain that verifies', async () => {
    await asOfficer(desk());
    const approved = await desk().ok<RequestDetail>('proposals.decide', { id: proposalId, decision: 'approve' });
    expect(approved).toMatchObject({ state: 'inProgress', customerId: null, customerNo: 'C-0001' });

    expect(errorOf(await desk().call('customers.get', { id: office.customers.yamada }))).toMatchObject({ code: 'NOT_FOUND' });
    // The leak notice's copy in the outbox named him: it goes with the record.
    expect(existsSync(leakNotice)).toBe(false);
    for (const query of ['山田', 'ヤマダ', 'yamada', '090-1234', 'C-0001']) expect(await search(query), query).toEqual([]);
    expect(await search('佐藤')).toEqual([office.customers.sato]);

    const tombstone = await db().selectFrom('customer_tombstones').selectAll().where('customer_id', '=', office.customers.yamada).executeTakeFirstOrThrow();
    expect(tombstone).toMatchObject({ request_id: erasure.id, erased_at: desk().clock.now.toISOString() });
    expect(tombstone.content_hmac).toMatch(/^[0-9a-f]{64}$/);
    expect(await db().selectFrom('reveal_reasons').select('id').where('customer_id', '=', office.customers.yamada).execute()).toEqual([]);
    // The earlier, refused request keeps its decision and field names; the values and the person's details are gone.
    const earlier = await db().selectFrom('proposals').selectAll().where('request_id', '<>', erasure.id).where('kind', '=', 'change').executeTakeFirstOrThrow();
    expect(JSON.parse(earlier.changes)).toEqual([{ field: 'addressLine2', from: null, to: null }]);
    expect(earlier).toMatchObject({ state: 'rejected', refusal_ground: 'contentIsAccurate' });
    const closed = await db().selectFrom('requests').selectAll().where('customer_no', '=', 'C-0001').where('id', '<>', erasure.id).execute();
    expect(closed.map((r) => [r.requester_name, r.requester_email, r.customer_id])).toEqual(closed.map(() => [null, null, null]));

    // After the checkpoint, the file and its WAL hold no page with what only the record held.
    const pages = decryptDatabase(databaseFile(), desk().core.desk.dataKey!);
    for (const text of live) expect(pages.contains(text), text).toBe(true);
    for (const text of recordOnly) expect(pages.contains(text), text).toBe(false);
    expect(await verifyChain(db())).toMatchObject({ valid: true });
  });

  it('once the request completes, the name, e-mail and phone appear nowhere in the decrypted pages of the closed database', async () => {
    await asOfficer(desk());
    const detail = await desk().ok<RequestDetail>('requests.get', { id: erasure.id });
    for (const task of detail.tasks) await desk().ok('tasks.waive', { id: task.id, reason: 'テスト用: 各システムの担当者から口頭で完了報告を受領' });
    const completed = await desk().ok<RequestDetail>('requests.transition', { id: erasure.id, to: 'completed' });
    expect(completed.state).toBe('completed');
    expect(await verifyChain(db())).toMatchObject({ valid: true });

    const key = Buffer.from(desk().core.desk.dataKey!);
    await desk().core.close();
    const pages = decryptDatabase(databaseFile(), key);
    expect(pages.pages.length).toBeGreaterThan(10);
    for (const text of live) expect(pages.contains(text), text).toBe(true);
    for (const text of [...identity, ...recordOnly]) expect(pages.contains(text), text).toBe(false);
  });
});
