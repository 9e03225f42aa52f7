// Sending a notice by SMTP when the officer has set up a server; the .eml in the outbox stays either way.
import nodemailer from 'nodemailer';
import type { RequestSettings } from '../../../src-shared/requests';

export type SmtpSettings = NonNullable<RequestSettings['smtp']>;

/**
 * Sends the very bytes written to the outbox. Short timeouts: the call waits for the send after its commit, and a
 * server that does not answer must not hold the desk for minutes.
 */
export async function sendNotice(smtp: SmtpSettings, password: string | null, envelope: { from: string; to: string }, eml: Buffer): Promise<void> {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: password ?? '' } : undefined,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  try {
    await transport.sendMail({ envelope: { from: envelope.from, to: [envelope.to] }, raw: eml });
  } finally {
    transport.close();
  }
}

/** What the officer reads on the notice when a send failed: the error's code and the server's answer, no stack. */
export function sendFailure(err: unknown): string {
  const e = err as { code?: unknown; responseCode?: unknown; message?: unknown };
  const parts = [typeof e.code === 'string' ? e.code : null, typeof e.responseCode === 'number' ? String(e.responseCode) : null].filter(Boolean);
  const message = typeof e.message === 'string' ? e.message.split('\n')[0]! : 'unknown';
  return `${parts.length > 0 ? `${parts.join(' ')}: ` : ''}${message}`.slice(0, 200);
}
