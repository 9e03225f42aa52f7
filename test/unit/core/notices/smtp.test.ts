// With an SMTP server set up, the notice is also sent once it is kept; a failed send is noted and loses nothing.
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerRecord } from '../../../../src-shared/customers';
import type { NoticeRow } from '../../../../src-shared/requests';
import { yamada } from '../../../fixtures/customers';
import { asOfficer, setUpDesk, type TestDesk } from '../../helpers/desk';
import { intake, register } from '../disclosures/steps';

/** A mail server on the loopback that accepts every message and keeps what it was given (RFC 5321, the few verbs used). */
function mailServer(): { server: Server; received: { from: string; to: string[]; data: string }[]; port: () => number } {
  const received: { from: string; to: string[]; data: string }[] = [];
  const server = createServer((socket) => {
    let buffer = '';
    let inData = false;
    let message = { from: '', to: [] as string[], data: '' };
    socket.write('220 mail.example.test ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          message.data = buffer.slice(0, end + 2);
          buffer = buffer.slice(end + 5);
          inData = false;
          received.push(message);
          message = { from: '', to: [], data: '' };
          socket.write('250 2.0.0 queued\r\n');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250-mail.example.test\r\n250 8BITMIME\r\n');
        else if (verb === 'MAIL') (message.from = /<(.*)>/.exec(line)?.[1] ?? ''), socket.write('250 2.1.0 ok\r\n');
        else if (verb === 'RCPT') message.to.push(/<(.*)>/.exec(line)?.[1] ?? ''), socket.write('250 2.1.5 ok\r\n');
        else if (verb === 'DATA') (inData = true), socket.write('354 go ahead\r\n');
        else if (verb === 'QUIT') socket.end('221 2.0.0 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  });
  return { server, received, port: () => (server.address() as AddressInfo).port };
}

let desk: TestDesk;
let customerId: string;
const smtp = mailServer();

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.server.listen(0, '127.0.0.1', resolve));
  desk = await setUpDesk();
  await asOfficer(desk);
  customerId = (await desk.ok<CustomerRecord>('customers.create', yamada)).id;
});
afterAll(async () => {
  await desk.dispose();
  smtp.server.close();
});

const smtpSettings = (port: number) => ({ dueBusinessDays: 14, idCopyRetentionDays: 30, smtp: { host: '127.0.0.1', port, secure: false, from: 'privacy@example.co.jp' } });

describe('the officer has set up an SMTP server', () => {
  it('the notice goes out as the very message in the outbox, from the office’s address, and its sending is recorded', async () => {
    await desk.ok('requestSettings.update', smtpSettings(smtp.port()));
    const request = await register(desk, intake({ kind: 'disclosure', customerId, requester: { name: '山田 太郎', email: 'yamada.taro@example.jp' } }));
    const notice = await desk.ok<NoticeRow>('notices.render', { requestId: request.id, kind: 'receipt' });
    expect(notice.sentAt).toBe(desk.clock.now.toISOString());
    expect(notice.sendError).toBeNull();

    expect(smtp.received).toHaveLength(1);
    const sent = smtp.received[0]!;
    expect(sent).toMatchObject({ from: 'privacy@example.co.jp', to: ['yamada.taro@example.jp'] });
    expect(sent.data).toBe(readFileSync(notice.emlFile!, 'latin1'));
    const mail = await simpleParser(Buffer.from(sent.data, 'latin1'));
    expect(mail.subject).toContain(request.number);
    expect(mail.text).toContain('山田 太郎 様');

    const row = await desk.core.desk.requireDb().selectFrom('notices').select(['sent_at', 'send_error']).where('id', '=', notice.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ sent_at: notice.sentAt, send_error: null });
  });

  it('a server that cannot be reached leaves the notice kept, in the outbox, with a short reason', async () => {
    // A port nobody listens on: take one, then let it go.
    const spare = createServer();
    await new Promise<void>((resolve) => spare.listen(0, '127.0.0.1', resolve));
    const deadPort = (spare.address() as AddressInfo).port;
    await new Promise<void>((resolve) => spare.close(() => resolve()));
    await desk.ok('requestSettings.update', smtpSettings(deadPort));

    const request = await register(desk, intake({ kind: 'disclosure', customerId, requester: { name: '山田 太郎', email: 'yamada.taro@example.jp' } }));
    const notice = await desk.ok<NoticeRow>('notices.render', { requestId: request.id, kind: 'receipt' });
    expect(notice.sentAt).toBeNull();
    expect(notice.sendError).toMatch(/ECONNECTION|ECONNREFUSED/);
    expect(notice.sendError!.length).toBeLessThanOrEqual(200);
    expect(notice.sendError).not.toMatch(/\n\s+at /);
    expect(readFileSync(notice.emlFile!).length).toBeGreaterThan(0);
    const row = await desk.core.desk.requireDb().selectFrom('notices').select(['body', 'sent_at', 'send_error']).where('id', '=', notice.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ body: notice.body, sent_at: null, send_error: notice.sendError });
  });
});
