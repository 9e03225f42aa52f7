// customers.importReviews and customers.decideReview: the possible duplicates an import flagged, and the office's
// decision on each (issue #4). One review is one imported customer with every possible match; nothing is ever merged.
import { sql, type Kysely } from 'kysely';
import type { ImportReviewRow, ReviewCustomer, ReviewReason, ReviewStatus } from '../../../../src-shared/api/customer-import';
import type { Database } from '../../db/schema';
import { DeskError } from '../../errors';
import type { Ctx } from '../../handler';
import { maskBirthDate, maskRow, seesFullRecords } from '../masking';
import { refuseCardNumbers } from '../no-card-numbers';
import { readRows } from '../read';

type Db = Kysely<Database>;

interface Group {
  id: number;
  import_id: string;
  imported_at: string;
  customer_id: string;
  status: ReviewStatus;
  decided_at: string | null;
  decided_by: string | null;
  note: string | null;
  existing: string;
  reasons: string;
}

/** The flagged rows grouped by imported customer and status, newest first; the id is the group's first row. */
function groups(where: ReturnType<typeof sql>) {
  return sql<Group>`
    select min(r.id) as id, r.import_id, i.imported_at, r.customer_id, r.status, max(r.decided_at) as decided_at,
           max(a.display_name) as decided_by, max(r.note) as note, group_concat(distinct r.existing_customer_id) as existing, group_concat(distinct r.reason) as reasons
    from customer_import_reviews r
    join customer_imports i on i.id = r.import_id
    left join accounts a on a.id = r.decided_by
    where ${where}
    group by r.customer_id, r.status, r.import_id, i.imported_at`;
}

async function toRows(ctx: Ctx, found: Group[]): Promise<ImportReviewRow[]> {
  const ids = [...new Set(found.flatMap((g) => [g.customer_id, ...g.existing.split(',')]))];
  const full = seesFullRecords(ctx.session!.role);
  const rows = await readRows(ctx.db, ids);
  const births = ids.length ? await ctx.db.selectFrom('customers').select(['id', 'birth_date']).where('id', 'in', ids).execute() : [];
  const birthOf = new Map(births.map((b) => [b.id, b.birth_date]));
  const byId = new Map<string, ReviewCustomer>(
    rows.map((r) => {
      const birthDate = birthOf.get(r.id) ?? null;
      return [r.id, full ? { ...r, birthDate } : { ...maskRow(r), birthDate: maskBirthDate(birthDate) }];
    }),
  );
  return found
    .filter((g) => byId.has(g.customer_id))
    .map((g) => ({
      id: Number(g.id),
      importId: g.import_id,
      importedAt: g.imported_at,
      newCustomer: byId.get(g.customer_id)!,
      existing: g.existing.split(',').flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])),
      reasons: g.reasons.split(',') as ReviewReason[],
      status: g.status,
      ...(g.decided_at ? { decidedAt: g.decided_at } : {}),
      ...(g.decided_by ? { decidedBy: g.decided_by } : {}),
      ...(g.note ? { note: g.note } : {}),
    }));
}

export async function listReviews(ctx: Ctx, input: { status?: ReviewStatus; page: number; pageSize: number }): Promise<{ rows: ImportReviewRow[]; total: number }> {
  const where = input.status ? sql`r.status = ${input.status}` : sql`1 = 1`;
  const { rows: counted } = await sql<{ n: number }>`select count(*) as n from (${groups(where)})`.execute(ctx.db);
  const total = Number(counted[0]?.n ?? 0);
  const { rows: found } = await sql<Group>`${groups(where)} order by id desc limit ${input.pageSize} offset ${input.page * input.pageSize}`.execute(ctx.db);
  const rows = await toRows(ctx, found);
  Object.assign(ctx.audit, { targetType: 'customerImportReview', details: { status: input.status ?? 'all', page: input.page, total, shown: rows.length } });
  return { rows, total };
}

export async function decideReview(ctx: Ctx, input: { id: number; decision: 'distinct' | 'samePerson'; note?: string }): Promise<ImportReviewRow> {
  const db: Db = ctx.db;
  const review = await db.selectFrom('customer_import_reviews').select(['customer_id', 'status']).where('id', '=', input.id).executeTakeFirst();
  if (!review) throw new DeskError('NOT_FOUND', 'review.notFound');
  if (review.status !== 'open') throw new DeskError('CONFLICT', 'review.decided');
  if (input.note) refuseCardNumbers(input.note, 'note');
  const decidedAt = ctx.desk.now().toISOString();
  // Every open match of this imported customer: the screen shows them as one review.
  const ids = (await db.selectFrom('customer_import_reviews').select('id').where('customer_id', '=', review.customer_id).where('status', '=', 'open').execute()).map((r) => r.id);
  await db
    .updateTable('customer_import_reviews')
    .set({ status: input.decision, decided_at: decidedAt, decided_by: ctx.session!.accountId, note: input.note ? input.note : null })
    .where('id', 'in', ids)
    .execute();
  // The decision and the ids; the note's words may name people and stay in the table.
  Object.assign(ctx.audit, { targetType: 'customerImportReview', targetId: String(input.id), details: { decision: input.decision, rows: ids.length, note: Boolean(input.note) } });
  const { rows } = await sql<Group>`${groups(sql`r.id in (${sql.join(ids)})`)}`.execute(db);
  return (await toRows(ctx, rows))[0]!;
}
