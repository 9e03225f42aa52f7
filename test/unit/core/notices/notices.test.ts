// Notices to the person: .eml files a mail client opens, in the person's language, signed by the manager-in-charge.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { simpleParser, type AddressObject } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerRecord } from '../../../../src-shared/customers';
import type { NoticeRow, RequestDetail } from '../../../../src-shared/requests';
import { tanaka, yamada } from '../../../fixtures/customers';
import { asUpload, scannedPdf } from '../../../fixtures/scans';
import { addAccount, asOfficer, errorOf, officer, setUpDesk, signInAs, staffMember, type TestDesk } from '../../helpers/desk';
import { intake, propose, register, verifyIdentity } from '../disclosures/steps';

let desk: TestDesk;
let yamadaId: string;
let tanakaId: string;
const db = () => desk.core.desk.requireDb();
const outbox = () => join(desk.exportsDir, 'outbox');
const addressOf = (a: AddressObject | AddressObject[] | undefined) => (Array.isArray(a) ? a[0] : a)?.value[0]?.address;

beforeAll(async () => {
  desk = await setUpDesk();
  const staffId = await addAccount(desk, staffMember);
  await desk.ok('statements.record', { accountId: staffId, templateVersion: 1, signedOn: '2026-11-01', trainingOn: '2026-11-01', scan: asUpload(scannedPdf(), 's.pdf', 'application/pdf') });
  yamadaId = (await desk.ok<CustomerRecord>('customers.create', yamada)).id;
  tanakaId = (await desk.ok<CustomerRecord>('customers.create', tanaka)).id;
  await signInAs(desk, staffMember);
});
afterAll(async () => desk.dispose());

describe('a staff member tells the person their request was received', () => {
  it('as an .eml that parses, with the request number in the Japanese subject, the person as recipient and a Japanese body signed by the manager-in-charge', async () => {
    const request = await register(desk, intake({ kind: 'disclosure', customerId: yamadaId, requester: { name: '山田 太郎', email: 'yamada.taro@example.jp' } }));
    const notice = await desk.ok<NoticeRow>('notices.render', { requestId: request.id, kind: 'receipt' });
    expect(notice).toMatchObject({ kind: 'receipt', language: 'ja', recipient: 'yamada.taro@example.jp', sentAt: null, sendError: null, createdByName: staffMember.displayName });

    // The file sits in the outbox under a name that says which request, never whose.
    expect(notice.emlFile).not.toBeNull();
    expect(notice.emlFile!.startsWith(outbox())).toBe(true);
    expect(basename(notice.emlFile!)).toMatch(new RegExp(`^${request.number}-receipt-\\d{8}-\\d{6}\\.eml$`));

    const raw = readFileSync(notice.emlFile!);
    // RFC 2047 words for the Japanese subject; nothing but ASCII in the message's bytes.
    expect(raw.toString('latin1')).toMatch(/^Subject: =\?UTF-8\?B\?/m);
    expect([...raw].every((b) => b < 0x80)).toBe(true);

    const mail = await simpleParser(raw);
    expect(mail.subject).toBe(`【${request.number}】個人情報に関するご請求の受付のお知らせ`);
    expect(addressOf(mail.to)).toBe('yamada.taro@example.jp');
    expect(addressOf(mail.from)).toBe(officer.manager.email);
    expect(mail.date?.toISOString()).toBe(desk.clock.now.toISOString());
    const text = mail.text ?? '';
    expect(text).toContain('山田 太郎 様');
    expect(text).toContain('保有個人データの開示');
    expect(text).toContain(`受付番号: ${request.number}`);
    expect(text).toContain('2026年11月25日');
    expect(text).toContain(`個人情報保護管理者　${officer.manager.name}`);
    expect(text).toContain(officer.manager.email);
    expect(text).toContain(officer.manager.phone);
    expect(text).toBe(notice.body);

    // Kept on the request, with the hash of what was said.
    const stored = await db().selectFrom('notices').selectAll().where('id', '=', notice.id).executeTakeFirstOrThrow();
    expect(stored.body_sha256).toBe(createHash('sha256').update(stored.body).digest('hex'));
    const detail = await desk.ok<RequestDetail>('requests.get', { id: request.id });
    expect(detail.history.map((h) => h.action)).toContain('notice.receipt');

    // The audit trail names the notice and the request, never the address or the text.
    const event = await db().selectFrom('audit_events').selectAll().where('action', '=', 'notices.render').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(event).toMatchObject({ target_type: 'notice', target_id: notice.id, outcome: 'ok' });
    expect(JSON.parse(event.details!)).toEqual({ requestId: request.id, kind: 'receipt', language: 'ja', hasRecipient: true });
  });

  it('without an e-mail address no .eml is written, but the text is kept for a letter by post', async () => {
    const before = readdirSync(outbox()).length;
    const request = await register(desk, intake({ kind: 'disclosure', channel: 'post', customerId: tanakaId, requester: { name: '田中 美咲', address: '福岡県福岡市博多区博多駅前1-1' } }));
    const notice = await desk.ok<NoticeRow>('notices.render', { requestId: request.id, kind: 'receipt' });
    expect(notice).toMatchObject({ recipient: null, emlFile: null });
    expect(notice.body).toContain('田中 美咲 様');
    expect(notice.body).toContain(officer.manager.name);
    expect(readdirSync(outbox())).toHaveLength(before);
    const stored = await db().selectFrom('notices').select(['body', 'eml_file']).where('id', '=', notice.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ body: notice.body, eml_file: null });
    const event = await db().selectFrom('audit_events').select('details').where('target_id', '=', notice.id).executeTakeFirstOrThrow();
    expect(JSON.parse(event.details!)).toMatchObject({ hasRecipient: false });
  });

  it('a request made in English is answered in English, and a Japanese copy can still be made', async () => {
    const request = await register(
      desk,
      intake({ kind: 'disclosure', noticeLanguage: 'en', asked: 'Please show me all data you hold about me.', customerId: yamadaId, requester: { name: 'Taro Yamada', email: 'yamada.taro@example.jp' } }),
    );
    const notice = await desk.ok<NoticeRow>('notices.render', { requestId: request.id, kind: 'receipt' });
    expect(notice.language).toBe('en');
    const mail = await simpleParser(readFileSync(notice.emlFile!));
    expect(mail.subject).toBe(`[${request.number}] We have received your request about your personal information`);
    expect(mail.text).toContain('Dear Taro Yamada,');
    expect(mail.text).toContain('25 November 2026');
    expect(mail.text).toContain(`Manager-in-charge of personal information: ${officer.manager.name}`);
    expect(mail.text).not.toMatch(/様|いたします/);

    const japanese = await desk.ok<NoticeRow>('notices.render', { requestId: request.id, kind: 'receipt', language: 'ja' });
    expect(japanese.subject).toContain('受付のお知らせ');
    // Two notices in the same second never share a file.
    expect(japanese.emlFile).not.toBe(notice.emlFile);
    expect(existsSync(notice.emlFile!)).toBe(true);
  });
});

describe('what the person is told depends on where the request stands', () => {
  it('no refusal notice for a request that was not refused, no result before anything was approved', async () => {
    const request = await register(desk, intake({ kind: 'disclosure', customerId: yamadaId, requester: { name: '山田 太郎', email: 'yamada.taro@example.jp' } }));
    for (const kind of ['refusal', 'result', 'extension'] as const) {
      expect(errorOf(await desk.call('notices.render', { requestId: request.id, kind }))).toMatchObject({ code: 'CONFLICT', message: 'notice.notApplicable' });
    }
    expect(errorOf(await desk.call('notices.render', { requestId: '7b0e2b1e-3c1a-4f7e-9a55-2f1d8c1c0a01', kind: 'receipt' }))).toMatchObject({ code: 'NOT_FOUND', message: 'request.notFound' });
    expect(await db().selectFrom('notices').select('id').where('request_id', '=', request.id).execute()).toEqual([]);
  });

  it('a refusal tells the ground in plain words with its article, and the officer’s own explanation', async () => {
    const request = await register(desk, intake({ kind: 'disclosure', customerId: yamadaId, requester: { name: '山田 太郎', email: 'yamada.taro@example.jp' } }));
    await asOfficer(desk);
    await desk.ok('requests.transition', { id: request.id, to: 'refused', ground: 'identityNotVerified', note: 'ご提出いただいた運転免許証の住所がご登録の住所と異なっていました。' });
    const notice = await desk.ok<NoticeRow>('notices.render', { requestId: request.id, kind: 'refusal' });
    const mail = await simpleParser(readFileSync(notice.emlFile!));
    expect(mail.subject).toBe(`【${request.number}】個人情報に関するご請求へのご回答`);
    expect(mail.text).toContain('第36条');
    expect(mail.text).toContain('ご本人（または代理人の権限）を確認することができなかったため（個人情報の保護に関する法律 第37条）');
    expect(mail.text).toContain('補足: ご提出いただいた運転免許証の住所がご登録の住所と異なっていました。');
    expect(mail.text).toContain(officer.manager.phone);
    await signInAs(desk, staffMember);
  });

  it('an extension names the new date and the reason', async () => {
    const request = await register(desk, intake({ kind: 'disclosure', customerId: yamadaId, requester: { name: '山田 太郎', email: 'yamada.taro@example.jp' } }));
    await asOfficer(desk);
    await desk.ok('requests.extend', { id: request.id, dueOn: '2027-01-29', reason: '年末年始の休業のため、記録の確認に時間を要しております。' });
    const detail = await desk.ok<RequestDetail>('requests.get', { id: request.id });
    const notice = detail.notices.find((n) => n.kind === 'extension')!;
    const mail = await simpleParser(readFileSync(notice.emlFile!));
    expect(mail.subject).toBe(`【${request.number}】ご回答の期限の延長のお知らせ`);
    expect(mail.text).toContain('新たなご回答予定日: 2027年1月29日');
    expect(mail.text).toContain('延長の理由: 年末年始の休業のため、記録の確認に時間を要しております。');
    // Rendered inside requests.extend: the notice has an audit event of its own beside the extension's.
    const event = await db().selectFrom('audit_events').selectAll().where('target_id', '=', notice.id).executeTakeFirstOrThrow();
    expect(event).toMatchObject({ action: 'notices.render', target_type: 'notice' });
    await signInAs(desk, staffMember);
  });

  it('a result names the corrected fields in the notice’s language, and nothing of their values', async () => {
    const request = await register(
      desk,
      intake({ kind: 'correction', customerId: yamadaId, asked: '転居しましたので住所を訂正してください。', requester: { name: '山田 太郎', email: 'yamada.taro@example.jp' } }),
    );
    await verifyIdentity(desk, request.id);
    const proposalId = await propose(desk, { requestId: request.id, kind: 'change', changes: [{ field: 'addressLine1', to: '神宮前4-5-6' }, { field: 'phones', to: ['090-9999-0000'] }] });
    await asOfficer(desk);
    await desk.ok('proposals.decide', { id: proposalId, decision: 'approve' });
    const notice = await desk.ok<NoticeRow>('notices.render', { requestId: request.id, kind: 'result' });
    expect(notice.body).toContain('訂正した項目: 住所（番地）、電話番号');
    expect(notice.body).toContain('2026年11月25日付で');
    expect(notice.body).not.toMatch(/神宮前4-5-6|090-9999-0000/);
    const english = await desk.ok<NoticeRow>('notices.render', { requestId: request.id, kind: 'result', language: 'en' });
    expect(english.body).toContain('Corrected: address, phone numbers');
    await signInAs(desk, staffMember);
  });

  it('a result of a marketing cessation says from which day the use for that purpose stopped', async () => {
    const request = await register(
      desk,
      intake({ kind: 'cessationOfPurpose', purposeId: '3.6', customerId: yamadaId, asked: '広告メールを止めてください。', requester: { name: '山田 太郎', email: 'yamada.taro@example.jp' } }),
    );
    await verifyIdentity(desk, request.id);
    const proposalId = await propose(desk, { requestId: request.id, kind: 'cease' });
    desk.clock.advanceMinutes(24 * 60);
    await asOfficer(desk);
    await desk.ok('proposals.decide', { id: proposalId, decision: 'approve' });
    const notice = await desk.ok<NoticeRow>('notices.render', { requestId: request.id, kind: 'result' });
    const title = (await db().selectFrom('purposes').select('title_ja').where('id', '=', '3.6').executeTakeFirstOrThrow()).title_ja;
    expect(notice.subject).toBe(`【${request.number}】個人情報に関するご請求への対応結果のお知らせ`);
    expect(notice.body).toContain(`2026年11月26日より、「${title}」の目的でのお客様の保有個人データの利用を停止いたしました。`);
    await signInAs(desk, staffMember);
  });
});
