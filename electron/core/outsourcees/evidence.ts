// Evidence of an outsourcee check (a security white paper, a certificate, a visit report): checked like every file
// entering the desk (electron/core/uploads.ts), hashed, and kept as a BLOB inside the encrypted database.
import { createHash, randomUUID } from 'node:crypto';
import { evidenceMimeTypes, maxEvidenceBytes, type EvidenceFile, type EvidenceKind, type EvidenceMimeType } from '../../../src-shared/api/outsourcees';
import { DeskError } from '../errors';
import type { Ctx } from '../handler';
import { checkFileName, checkUpload, maxDocumentPixels, type UploadRules } from '../uploads';

const rules = (index: number): UploadRules => ({
  types: evidenceMimeTypes,
  maxBytes: maxEvidenceBytes,
  maxPixels: maxDocumentPixels,
  path: `evidence.${index}.dataBase64`,
  keys: {
    type: 'outsourceeEvidence.type',
    empty: 'outsourceeEvidence.empty',
    tooLarge: 'outsourceeEvidence.tooLarge',
    unreadable: 'outsourceeEvidence.unreadable',
    activeContent: 'outsourceeEvidence.activeContent',
    pdfLocked: 'outsourceeEvidence.pdfLocked',
    tooManyPixels: 'outsourceeEvidence.tooManyPixels',
  },
});

export interface EvidenceUpload {
  kind: EvidenceKind;
  fileName: string;
  mimeType: EvidenceMimeType;
  dataBase64: string;
}

export interface CheckedEvidence {
  kind: EvidenceKind;
  fileName: string;
  mimeType: EvidenceMimeType;
  data: Buffer;
}

/** Every file checked before anything is written: one bad file refuses the whole record, with its place in the list. */
export async function checkEvidence(files: EvidenceUpload[]): Promise<CheckedEvidence[]> {
  const checked: CheckedEvidence[] = [];
  for (const [index, file] of files.entries()) {
    checkFileName(file.fileName, 'outsourceeEvidence.nameUnsafe', `evidence.${index}.fileName`);
    checked.push({ kind: file.kind, fileName: file.fileName, mimeType: file.mimeType, data: await checkUpload({ dataBase64: file.dataBase64, type: file.mimeType }, rules(index)) });
  }
  return checked;
}

export async function storeEvidence(ctx: Ctx, evaluationId: string, files: CheckedEvidence[]): Promise<void> {
  const at = ctx.desk.now().toISOString();
  for (const file of files) {
    await ctx.db
      .insertInto('outsourcee_evidence')
      .values({
        id: randomUUID(),
        evaluation_id: evaluationId,
        kind: file.kind,
        file_name: file.fileName,
        mime_type: file.mimeType,
        size: file.data.length,
        sha256: createHash('sha256').update(file.data).digest('hex'),
        data: file.data,
        added_at: at,
        added_by: ctx.session!.accountId,
      })
      .execute();
  }
}

/**
 * A correction keeps the evidence of the record it corrects that the officer chose, copied inside the database: the
 * bytes never travel to the window and back, and the corrected record keeps its own.
 */
export async function keepEvidence(ctx: Ctx, fromEvaluationId: string, toEvaluationId: string, evidenceIds: string[]): Promise<void> {
  if (evidenceIds.length === 0) return;
  const unique = [...new Set(evidenceIds)];
  const rows = await ctx.db.selectFrom('outsourcee_evidence').selectAll().where('id', 'in', unique).where('evaluation_id', '=', fromEvaluationId).execute();
  if (rows.length !== unique.length) throw new DeskError('VALIDATION', 'outsourcee.keepEvidenceUnknown', { path: 'keepEvidence' });
  for (const row of rows) await ctx.db.insertInto('outsourcee_evidence').values({ ...row, id: randomUUID(), evaluation_id: toEvaluationId }).execute();
}

export async function readEvidence(ctx: Ctx, evidenceId: string): Promise<EvidenceFile & { evaluationId: string }> {
  const row = await ctx.db.selectFrom('outsourcee_evidence').select(['evaluation_id', 'file_name', 'mime_type', 'data']).where('id', '=', evidenceId).executeTakeFirst();
  if (!row) throw new DeskError('NOT_FOUND', 'outsourceeEvidence.notFound', { id: evidenceId });
  return { evaluationId: row.evaluation_id, fileName: row.file_name, mimeType: row.mime_type as EvidenceMimeType, dataBase64: Buffer.from(row.data).toString('base64') };
}
