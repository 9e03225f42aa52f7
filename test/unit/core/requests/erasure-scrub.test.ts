// After an erasure is carried out, the request itself keeps nothing of the person: not their name, e-mail, phone or
// address, not the comments or documents about them, not the notices' text; only ids, dates, decisions and hashes.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestDetail } from '../../../../src-shared/requests';
import { erasedMarker } from '../../../../electron/core/requests/scrub';
import { yamamoto } from '../../../fixtures/customers';
import { scannedPdf, scannedPng } from '../../../fixtures/scans';
import { asOfficer, errorOf, signInAs, staffMember, type TestDesk } from '../../helpers/desk';
import { auditRows, setUpRequestDesk, verifyIdentity } from './setup';

let desk: TestDesk;
let customers: Record<string, string>;
let request: RequestDetail;
let attachmentId: string;
const db = () => desk.core.desk.requireDb();

/** What the person gave and what would give them away, in the forms they were written in. */
const traces = [/山本/, /一郎/, /ヤマモト/, /やまもと/, /ｲﾁﾛｳ/, /ichiro/i, /052-?123-?4567/, /栄2-1-1/, /1972-12-30/, /本人の長男/];

/** Every value of every row of the request's own tables, BLOBs read as text both ways. */
async function everythingStoredAbout(requestId: string): Promise<string> {
  const tables = ['request_history', 'request_comments', 'request_attachments', 'id_copies', 'notices', 'proposals', 'request_tasks', 'disclosure_packages'] as const;
  const rows: unknown[] = [await db().selectFrom('requests').selectAll().where('id', '=', requestId).execute()];
  for (const table of tables) rows.push(await db().selectFrom(table).selectAll().where('request_id', '=', requestId).execute());
  return JSON.stringify(rows, (_key, value: unknown) => {
    if (value && typeof value === 'object' && (value as { type?: unknown }).type === 'Buffer') {
      const bytes = Buffer.from((value as { data: number[] }).data);
      return `${bytes.toString('utf8')} ${bytes.toString('latin1')}`;
    }
    return value;
  });
}

beforeAll(async () => {
  ({ desk, customers } = await setUpRequestDesk());
  request = await desk.ok<RequestDetail>('requests.create', {
    kind: 'erasure',
    channel: 'post',
    receivedOn: '2026-11-24',
    requesterKind: 'proxy',
    requester: { name: yamamoto.name, nameKana: 'ヤマモト イチロウ', email: 'ichiro@example.org', phone: '052-123-4567', postalCode: '460-0008', address: '愛知県名古屋市中区栄2-1-1', birthDate: '1972-12-30' },
    proxy: { name: '山本 次郎', relationship: '本人の長男（任意代理人）', authority: '山本一郎による委任状（実印押印、印鑑登録証明書添付）' },
    asked: '山本一郎の会員情報、購入履歴、メールアドレス（ichiro@example.org）を全て消去してください。',
    customerId: customers['C-0003'],
  });
  await desk.ok('requests.comment', { id: request.id, text: '山本一郎様の長男より電話あり。052-123-4567 に折り返し済み。' });
  const attached = await desk.ok<RequestDetail>('requests.attach', {
    id: request.id,
    file: { fileName: '山本一郎_委任状.pdf', mediaType: 'application/pdf', dataBase64: scannedPdf('Yamamoto Ichiro power of attorney').toString('base64') },
  });
  attachmentId = attached.attachments[0]!.id;
  // A first copy not accepted, with a reason that names the person; then the right one is checked.
  const first = await desk.ok<RequestDetail>('idcopies.attach', {
    requestId: request.id,
    documentType: 'passport',
    image: { mediaType: 'image/png', dataBase64: scannedPng().toString('base64') },
    redactions: [],
  });
  await desk.ok('idcopies.verify', {
    id: first.idCopies[0]!.id,
    nameMatches: true,
    addressMatches: false,
    birthDateMatches: true,
    authorityConfirmed: true,
    result: 'notVerified',
    reason: '山本一郎様の旅券は住所欄がなく、栄2-1-1 の確認ができない',
  });
});
afterAll(async () => desk.dispose());

describe('an approved erasure, carried out and completed', () => {
  let done: RequestDetail;

  it('the staff member confirms identity and proposes the erasure; the officer approves; the request completes with the result notice', async () => {
    await verifyIdentity(desk, request.id, true);
    await asOfficer(desk);
    await desk.ok('requests.extend', { id: request.id, dueOn: '2026-12-25', reason: '山本一郎様の取引履歴が外部倉庫にあるため' });
    await signInAs(desk, staffMember);
    const proposed = await desk.ok<RequestDetail>('proposals.create', { requestId: request.id, kind: 'erase', note: '山本一郎様の全データを消去' });
    await asOfficer(desk);
    await desk.ok('proposals.decide', { id: proposed.proposals[0]!.id, decision: 'approve' });
    await signInAs(desk, staffMember);
    // Until now the request holds the person's details, in its rows and in the document's bytes.
    const before = await everythingStoredAbout(request.id);
    for (const trace of [/ichiro@example\.org/, /山本一郎_委任状/, /Yamamoto Ichiro/, /旅券は住所欄/, /本人の長男/]) expect(before).toMatch(trace);
    done = await desk.ok<RequestDetail>('requests.transition', { id: request.id, to: 'completed' });
    expect(done).toMatchObject({ state: 'completed', customerId: null, customerNo: 'C-0003', requester: null, proxy: null, asked: '' });
    expect(done.personalDataErasedAt).toBe(desk.clock.now.toISOString());
    expect(done.notices.map((n) => n.kind)).toEqual(['extension', 'result']);
  });

  it('leaves no name, reading, e-mail, phone, address or birth date of the person in any row of the request', async () => {
    const stored = await everythingStoredAbout(request.id);
    for (const trace of traces) expect(stored).not.toMatch(trace);
    expect(stored).toContain(erasedMarker);
  });

  it('comments, documents, ID copies and notices keep only that they existed: when, by whom, and their hashes', async () => {
    expect(done.comments).toMatchObject([{ text: erasedMarker, actorName: staffMember.displayName }]);
    expect(done.attachments).toMatchObject([{ id: attachmentId, erased: true, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    expect(done.idCopies).toMatchObject([
      { result: 'notVerified', notVerifiedReason: erasedMarker, erasedAt: expect.any(String), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      { result: 'verified', erasedAt: expect.any(String), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
    ]);
    for (const notice of done.notices) expect(notice).toMatchObject({ recipient: null, subject: erasedMarker, body: erasedMarker });
    const bodies = await db().selectFrom('notices').select(['kind', 'body_sha256', 'eml_file']).where('request_id', '=', request.id).orderBy('created_at').execute();
    expect(bodies.every((b) => /^[0-9a-f]{64}$/.test(b.body_sha256))).toBe(true);
    // The result notice was handed to the outbox before the scrub: the person is still told. The extension notice's
    // .eml, already on its way long ago, held their name and address in plain text: it is gone from the outbox.
    const [extension, result] = bodies;
    expect(extension).toMatchObject({ kind: 'extension' });
    expect(existsSync(extension!.eml_file!)).toBe(false);
    expect(result).toMatchObject({ kind: 'result' });
    expect(existsSync(result!.eml_file!)).toBe(true);
    const images = await db().selectFrom('id_copies').select('image').where('request_id', '=', request.id).execute();
    expect(images).toEqual([{ image: null }, { image: null }]);
    expect(errorOf(await desk.call('requests.attachment', { id: request.id, attachmentId }))).toMatchObject({ code: 'NOT_FOUND', message: 'attachment.erased' });
  });

  it('the trail records the completion, the notice and the erasure by ids', async () => {
    const [event] = await auditRows(desk, 'requests.transition');
    expect(JSON.parse(event!.details!)).toMatchObject({ from: 'inProgress', to: 'completed', personalDataErased: true, noticeId: expect.any(String) });
    expect(JSON.stringify(await db().selectFrom('audit_events').select(['fields', 'details']).execute())).not.toMatch(/山本|ichiro|052-123/);
  });
});
