// Reading ID copies as the screens see them: the row without its image, with the names of who attached and checked it.
import type { Kysely, Selectable } from 'kysely';
import type { IdCopyCheck, IdCopyRow } from '../../../src-shared/requests';
import type { Database } from '../db/schema';
import type { IdCopyTable } from '../db/schema-requests';
import { DeskError } from '../errors';

type Db = Kysely<Database>;
export type IdCopyRecord = Omit<Selectable<IdCopyTable>, 'image'>;

/** Every column but the image: lists and the request view never load the pictures. */
export const idCopyColumns = [
  'id',
  'request_id',
  'document_type',
  'side',
  'media_type',
  'width',
  'height',
  'sha256',
  'redactions',
  'masking_confirmed',
  'attached_at',
  'attached_by',
  'result',
  'check_details',
  'not_verified_reason',
  'verified_at',
  'verified_by',
  'erase_on',
  'erased_at',
] as const;

/** One ID copy without its image (NOT_FOUND `idCopy.notFound`). */
export async function loadIdCopy(db: Db, id: string): Promise<IdCopyRecord> {
  const row = await db.selectFrom('id_copies').select(idCopyColumns).where('id', '=', id).executeTakeFirst();
  if (!row) throw new DeskError('NOT_FOUND', 'idCopy.notFound');
  return row;
}

async function namesOf(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('accounts').select(['id', 'display_name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

function toRow(row: IdCopyRecord, names: Map<string, string>): IdCopyRow {
  return {
    id: row.id,
    documentType: row.document_type,
    side: row.side,
    mediaType: row.media_type,
    width: row.width,
    height: row.height,
    sha256: row.sha256,
    redactions: (JSON.parse(row.redactions) as unknown[]).length,
    attachedAt: row.attached_at,
    attachedByName: row.attached_by ? (names.get(row.attached_by) ?? null) : null,
    result: row.result,
    check: row.check_details ? (JSON.parse(row.check_details) as IdCopyCheck) : null,
    notVerifiedReason: row.not_verified_reason,
    verifiedAt: row.verified_at,
    verifiedByName: row.verified_by ? (names.get(row.verified_by) ?? null) : null,
    eraseOn: row.erase_on,
    erasedAt: row.erased_at,
  };
}

export async function readIdCopyRow(db: Db, row: IdCopyRecord): Promise<IdCopyRow> {
  return toRow(row, await namesOf(db, [row.attached_by, row.verified_by]));
}

/** The ID copies of a request, oldest first: what `RequestDetail.idCopies` holds. */
export async function readIdCopyRows(db: Db, requestId: string): Promise<IdCopyRow[]> {
  const rows = await db.selectFrom('id_copies').select(idCopyColumns).where('request_id', '=', requestId).orderBy('attached_at').orderBy('id').execute();
  const names = await namesOf(db, rows.flatMap((r) => [r.attached_by, r.verified_by]));
  return rows.map((r) => toRow(r, names));
}
