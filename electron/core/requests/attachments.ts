// Documents that came with a request (a letter, a power of attorney): checked, hashed and kept inside the encrypted database.
import { createHash, randomUUID } from 'node:crypto';
import { attachmentMediaTypes, maxAttachmentBytes } from '../../../src-shared/api/requests';
import type { RequestAttachment } from '../../../src-shared/requests';
import { refuseCardNumbers } from '../customers/no-card-numbers';
import { DeskError } from '../errors';
import type { Ctx } from '../handler';
import { checkFileName, checkUpload, maxDocumentPixels, type UploadRules } from '../uploads';

/** PDF, PNG, JPEG or WebP, up to 20 MB; the bytes what the type says, no script or embedded file in a PDF, no image bomb. */
const attachmentRules: UploadRules = {
  types: attachmentMediaTypes,
  maxBytes: maxAttachmentBytes,
  maxPixels: maxDocumentPixels,
  path: 'file.dataBase64',
  keys: { type: 'file.type', empty: 'file.empty', tooLarge: 'file.tooLarge', unreadable: 'file.unreadable', activeContent: 'file.activeContent', pdfLocked: 'file.pdfLocked', tooManyPixels: 'file.tooManyPixels' },
};

export function decodeAttachment(file: { mediaType: string; dataBase64: string }): Promise<Buffer> {
  return checkUpload({ dataBase64: file.dataBase64, type: file.mediaType }, attachmentRules);
}

export async function storeAttachment(ctx: Ctx, requestId: string, file: { fileName: string; mediaType: string; dataBase64: string }) {
  refuseCardNumbers(file.fileName, 'file.fileName');
  checkFileName(file.fileName, 'file.nameUnsafe', 'file.fileName');
  const data = await decodeAttachment(file);
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
