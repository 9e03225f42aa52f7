// Comments and documents on a request, kept inside the encrypted database and opened on the record; and the officer's
// settings for requests, whose SMTP password never comes back out.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestAttachment, RequestDetail, RequestSettings } from '../../../../src-shared/requests';
import { scannedPdf, scannedPng } from '../../../fixtures/scans';
import { asOfficer, errorOf, signInAs, staffMember, type TestDesk } from '../../helpers/desk';
import { auditRows, setUpRequestDesk, yamadaAsksDisclosure } from './setup';

let desk: TestDesk;
let request: RequestDetail;
const db = () => desk.core.desk.requireDb();
const pdf = scannedPdf('Power of attorney');

beforeAll(async () => {
  let customers: Record<string, string>;
  ({ desk, customers } = await setUpRequestDesk());
  request = await desk.ok<RequestDetail>('requests.create', { ...yamadaAsksDisclosure, customerId: customers['C-0001'] });
});
afterAll(async () => desk.dispose());

describe('internal comments', () => {
  it('a comment is kept on the request with its author; the trail has its id, not its words', async () => {
    const commented = await desk.ok<RequestDetail>('requests.comment', { id: request.id, text: '山田様より電話。開示は電子メールでの受け取りを希望。' });
    expect(commented.comments).toMatchObject([{ text: '山田様より電話。開示は電子メールでの受け取りを希望。', actorName: staffMember.displayName }]);
    const [event] = await auditRows(desk, 'requests.comment');
    expect(JSON.parse(event!.details!)).toEqual({ commentId: commented.comments[0]!.id });
    expect(JSON.stringify(event)).not.toMatch(/山田|電話/);
  });

  it('a card number in a comment is refused and nothing is kept', async () => {
    expect(errorOf(await desk.call('requests.comment', { id: request.id, text: 'カード番号 4111-1111-1111-1111 の件' }))).toEqual({ code: 'VALIDATION', message: 'card.number', details: { path: 'text' } });
    expect(await db().selectFrom('request_comments').select('id').where('request_id', '=', request.id).execute()).toHaveLength(1);
  });
});

describe('documents that came with the request', () => {
  let attachment: RequestAttachment;

  it('a PDF is stored whole in the database with its size and SHA-256, and the history says a document came', async () => {
    const attached = await desk.ok<RequestDetail>('requests.attach', { id: request.id, file: { fileName: '委任状.pdf', mediaType: 'application/pdf', dataBase64: pdf.toString('base64') } });
    attachment = attached.attachments[0]!;
    expect(attachment).toMatchObject({ fileName: '委任状.pdf', mediaType: 'application/pdf', bytes: pdf.length, sha256: createHash('sha256').update(pdf).digest('hex'), erased: false });
    expect(attached.history.map((h) => h.action)).toContain('attached');
    const stored = await db().selectFrom('request_attachments').select('data').where('id', '=', attachment.id).executeTakeFirstOrThrow();
    expect(Buffer.from(stored.data!).equals(pdf)).toBe(true);
  });

  it('bytes that are not what the declared type says are refused', async () => {
    const png = scannedPng().toString('base64');
    expect(errorOf(await desk.call('requests.attach', { id: request.id, file: { fileName: 'letter.pdf', mediaType: 'application/pdf', dataBase64: png } }))).toMatchObject({
      code: 'VALIDATION',
      message: 'file.type',
    });
    expect(errorOf(await desk.call('requests.attach', { id: request.id, file: { fileName: 'x.webp', mediaType: 'image/webp', dataBase64: png } }))).toMatchObject({ code: 'VALIDATION', message: 'file.type' });
    expect(errorOf(await desk.call('requests.attach', { id: request.id, file: { fileName: 'x.png', mediaType: 'image/png', dataBase64: 'not base64!' } }))).toMatchObject({ code: 'VALIDATION', message: 'file.unreadable' });
    const ok = await desk.ok<RequestDetail>('requests.attach', { id: request.id, file: { fileName: 'envelope.png', mediaType: 'image/png', dataBase64: png } });
    expect(ok.attachments).toHaveLength(2);
  });

  it('opening a document returns its bytes and is recorded by ids only', async () => {
    const opened = await desk.ok<RequestAttachment & { dataBase64: string }>('requests.attachment', { id: request.id, attachmentId: attachment.id });
    expect(Buffer.from(opened.dataBase64, 'base64').equals(pdf)).toBe(true);
    const [event] = await auditRows(desk, 'requests.attachment');
    expect(event).toMatchObject({ outcome: 'ok', target_type: 'requestAttachment', target_id: attachment.id });
    expect(JSON.parse(event!.details!)).toEqual({ requestId: request.id });
    expect(JSON.stringify(event)).not.toMatch(/委任状/);
  });

  it("a document is opened only through its own request", async () => {
    const other = await desk.ok<RequestDetail>('requests.create', { ...yamadaAsksDisclosure, kind: 'correction' });
    expect(errorOf(await desk.call('requests.attachment', { id: other.id, attachmentId: attachment.id }))).toMatchObject({ code: 'NOT_FOUND', message: 'attachment.notFound' });
  });
});

describe("the officer's settings for requests", () => {
  it('start from the defaults: 14 business days, ID copies kept 30 days, the outbox in the exports folder, no SMTP', async () => {
    expect(await desk.ok<RequestSettings>('requestSettings.get', {})).toEqual({ dueBusinessDays: 14, idCopyRetentionDays: 30, outboxDir: join(desk.exportsDir, 'outbox'), smtp: null });
  });

  it('staff cannot change them', async () => {
    expect(errorOf(await desk.call('requestSettings.update', { dueBusinessDays: 20, idCopyRetentionDays: 30, smtp: null }))).toMatchObject({ code: 'FORBIDDEN', message: 'auth.forbidden' });
  });

  it('the SMTP password is stored but never returned, kept when left out, and kept out of the trail', async () => {
    await asOfficer(desk);
    const smtp = { host: 'smtp.example.co.jp', port: 587, secure: false, user: 'privacy-desk', from: 'privacy@example.co.jp' };
    const saved = await desk.ok<RequestSettings>('requestSettings.update', { dueBusinessDays: 15, idCopyRetentionDays: 45, outboxDir: '/srv/outbox', smtp: { ...smtp, password: 'himitsu-no-smtp-2026' } });
    expect(saved).toEqual({ dueBusinessDays: 15, idCopyRetentionDays: 45, outboxDir: '/srv/outbox', smtp: { ...smtp, hasPassword: true } });
    expect(JSON.stringify(saved)).not.toContain('himitsu');
    const [event] = await auditRows(desk, 'requestSettings.update');
    expect(JSON.parse(event!.fields!)).toEqual(['dueBusinessDays', 'idCopyRetentionDays', 'outboxDir', 'smtp', 'smtp.password']);
    expect(JSON.stringify(event)).not.toContain('himitsu');

    const kept = await desk.ok<RequestSettings>('requestSettings.update', { dueBusinessDays: 15, idCopyRetentionDays: 45, smtp });
    expect(kept).toMatchObject({ outboxDir: join(desk.exportsDir, 'outbox'), smtp: { hasPassword: true } });
    const stored = await db().selectFrom('settings').select('value').where('key', '=', 'notices.smtp').executeTakeFirstOrThrow();
    expect(JSON.parse(stored.value)).toMatchObject({ password: 'himitsu-no-smtp-2026' });

    const off = await desk.ok<RequestSettings>('requestSettings.update', { dueBusinessDays: 14, idCopyRetentionDays: 30, smtp: null });
    expect(off.smtp).toBeNull();
    expect(await db().selectFrom('settings').select('value').where('key', '=', 'notices.smtp').executeTakeFirst()).toBeUndefined();
  });

  it('refuses an outbox that is not a full path, and numbers out of range', async () => {
    expect(errorOf(await desk.call('requestSettings.update', { dueBusinessDays: 14, idCopyRetentionDays: 30, outboxDir: 'outbox', smtp: null }))).toMatchObject({
      code: 'VALIDATION',
      message: 'outbox.notAbsolute',
    });
    const range = errorOf(await desk.call('requestSettings.update', { dueBusinessDays: 0, idCopyRetentionDays: 400, smtp: null }));
    expect(range.details).toEqual({ issues: [{ path: 'dueBusinessDays', message: 'dueDays.range' }, { path: 'idCopyRetentionDays', message: 'retentionDays.range' }] });
    await signInAs(desk, staffMember);
  });
});
