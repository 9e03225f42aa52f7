// Retention runs as the officer sees them: when, by whom, how many of each kind; never the ids they found.
import type { Kysely } from 'kysely';
import { retentionKinds, type RetentionKind, type RetentionPreview } from '../../../src-shared/registers';
import type { Database } from '../db/schema';
import { DeskError } from '../errors';

type Db = Kysely<Database>;

/** The newest runs shown beside the periods; older ones stay in the database and the audit trail. */
const shownRuns = 20;

function previewRows(db: Db) {
  return db
    .selectFrom('retention_runs as r')
    .leftJoin('accounts as c', 'c.id', 'r.created_by')
    .leftJoin('accounts as x', 'x.id', 'r.run_by')
    // `found` is never selected here: the ids stay in the database for the run.
    .select(['r.id', 'r.created_at', 'c.display_name as created_by_name', 'r.counts', 'r.state', 'r.run_at', 'x.display_name as run_by_name', 'r.erased']);
}

type PreviewRow = Awaited<ReturnType<ReturnType<typeof previewRows>['executeTakeFirstOrThrow']>>;

function parseCounts(text: string): Record<RetentionKind, number> {
  const parsed = JSON.parse(text) as Partial<Record<RetentionKind, number>>;
  return Object.fromEntries(retentionKinds.map((k) => [k, parsed[k] ?? 0])) as Record<RetentionKind, number>;
}

function toPreview(r: PreviewRow): RetentionPreview {
  return {
    id: r.id,
    createdAt: r.created_at,
    createdByName: r.created_by_name,
    counts: parseCounts(r.counts),
    state: r.state,
    runAt: r.run_at,
    runByName: r.run_by_name,
    erased: r.erased === null ? null : parseCounts(r.erased),
  };
}

export async function readPreview(db: Db, id: string): Promise<RetentionPreview> {
  const row = await previewRows(db).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw new DeskError('NOT_FOUND', 'retention.notFound', { id });
  return toPreview(row);
}

export async function recentPreviews(db: Db): Promise<RetentionPreview[]> {
  const rows = await previewRows(db).orderBy('r.created_at', 'desc').orderBy('r.id').limit(shownRuns).execute();
  return rows.map(toPreview);
}
