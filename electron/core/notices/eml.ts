// A notice as an RFC 5322 message (.eml) for the mail client, built by nodemailer's composer: UTF-8, MIME-encoded.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import { DeskError } from '../errors';
import { writeFileAtomic, storageError } from '../files';

export interface NoticeMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  date: Date;
}

/** The message's bytes; the same bytes go to the outbox and, when SMTP is set up, to the server. */
export async function composeEml(message: NoticeMessage): Promise<Buffer> {
  const composer = new MailComposer({
    from: message.from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    date: message.date,
    // Base64 keeps Japanese lines intact through any relay; the composer encodes the subject as RFC 2047 words.
    textEncoding: 'base64',
  });
  return composer.compile().build();
}

/** `20261125-100000`: the file name's stamp, in the workstation's local time. */
export function fileStamp(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
}

/**
 * Where the message goes in the outbox: `<number>-<kind>-<stamp>.eml`, no personal data in the name (a folder listing
 * says nothing about whom), never over an earlier notice.
 */
export function emlPath(outboxDir: string, baseName: string): string {
  let file = join(outboxDir, `${baseName}.eml`);
  for (let n = 2; existsSync(file); n++) file = join(outboxDir, `${baseName}-${n}.eml`);
  return file;
}

export function writeEml(file: string, eml: Buffer): void {
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeFileAtomic(file, eml);
  } catch (err) {
    throw storageError(err, dirname(file)) ?? new DeskError('CONFLICT', 'export.writeFailed', { reason: (err as NodeJS.ErrnoException).code ?? 'unknown' });
  }
}
