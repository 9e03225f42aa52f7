// Documents that came with a request (a letter, a power of attorney): checked, hashed and kept inside the encrypted database.
import { createHash, randomUUID } from 'node:crypto';
import { maxAttachmentBytes } from '../../../src-shared/api/requests';
import type { RequestAttachment } from '../../../src-shared/requests';
import { refuseCardNumbers } from '../customers/no-card-numbers';
import { DeskError } from '../errors';
import type { Ctx } from '../handler';

/** The first bytes each accepted type starts with: the declared type must be what the bytes are. */
const signatures: Record<string, (bytes: Buffer) => boolean> = {
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/webp': (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
};

export function decodeAttachment(file: { mediaType: string; dataBase64: string }): Buffer {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(file.dataBase64)) throw new DeskError('VALIDATION', 'file.unreadable', { path: 'file.dataBase64' });
  const bytes = Buffer.from(file.dataBase64, 'base64');
  if (bytes.length === 0) throw new DeskError('VALIDATION', 'file.empty', { path: 'file.dataBase64' });
  if (bytes.length > maxAttachmentBytes) throw new DeskError('VALIDATION', 'file.tooLarge', { path: 'file.dataBase64', maxMB: maxAttachmentBytes / 1024 / 1024 });
  const matches = signatures[file.mediaType];
  if (!matches || !matches(bytes)) throw new DeskError('VALIDATION', 'file.type', { path: 'file.mediaType' });
  return bytes;
}

export async function storeAttachment(ctx: Ctx, requestId: string, file: { fileName: string; mediaType: string; dataBase64: string }) {
  refuseCardNumbers(file.fileName, 'file.fileName');
  const data = decodeAttachment(file);
  const id = randomUUID();
  const sha256 = createHash('sha256').update(data).digest('hex');
  await ctx.db
    .insertInto('request_attachments')
    .values({ id, request_id: requestId, at: ctx.desk.now().toISOString(), actor_id: ctx.session!.accountId, file_name: file.fileName, media_type: file.mediaType, size: data.length, sha256, data, erased_at: null })
    .execute();
  return { id, size: data.length };
}

export async function readAttachment(ctx: Ctx, requestId: string, attachmentId: string): Promise<RequestAttachment & { dataBase64: string }> {
  const row = await ctx.db
    .selectFrom('request_attachments as a')
    .leftJoin('accounts as u', 'u.id', 'a.actor_id')
    .selectAll('a')
    .select('u.display_name')
    .where('a.id', '=', attachmentId)
    .where('a.request_id', '=', requestId)
    .executeTakeFirst();
  if (!row) throw new DeskError('NOT_FOUND', 'attachment.notFound');
  if (row.erased_at !== null || row.data === null) throw new DeskError('NOT_FOUND', 'attachment.erased');
  return {
    id: row.id,
    at: row.at,
    actorName: row.display_name,
    fileName: row.file_name,
    mediaType: row.media_type,
    bytes: row.size,
    sha256: row.sha256,
    erased: false,
    dataBase64: Buffer.from(row.data).toString('base64'),
  };
}
