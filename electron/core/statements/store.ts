// Reading statements and deciding where a person stands: current, due soon, overdue, superseded.
import type { Kysely } from 'kysely';
import { statementDueSoonDays, type StatementRow, type StatementState } from '../../../src-shared/domain';
import { addDays } from '../dates';
import type { Database } from '../db/schema';

export function stateOf(renewalOn: string, supersededBy: string | null, today: string): StatementRow['state'] {
  if (supersededBy) return 'superseded';
  if (renewalOn < today) return 'overdue';
  if (renewalOn <= addDays(today, statementDueSoonDays)) return 'dueSoon';
  return 'current';
}

/** The columns of a statement row without the scan's bytes, joined with the account's name. */
export function selectStatements(db: Kysely<Database>) {
  return db
    .selectFrom('statements as s')
    .leftJoin('accounts as a', 'a.id', 's.account_id')
    .select((eb) => [
      's.id',
      's.account_id',
      's.person_name',
      's.department',
      's.template_version',
      's.signed_on',
      's.training_on',
      's.renewal_on',
      's.scan_name',
      's.scan_mime',
      eb.fn<number>('length', ['s.scan']).as('scan_bytes'),
      's.superseded_by',
      's.recorded_at',
      's.recorded_by',
      'a.display_name',
      'a.department as account_department',
    ]);
}

type SelectedRow = Awaited<ReturnType<ReturnType<typeof selectStatements>['executeTakeFirstOrThrow']>>;

export function toStatementRow(row: SelectedRow, today: string): StatementRow {
  return {
    id: row.id,
    accountId: row.account_id,
    personName: row.display_name ?? row.person_name ?? '',
    department: row.department ?? row.account_department ?? null,
    templateVersion: row.template_version,
    signedOn: row.signed_on,
    trainingOn: row.training_on,
    renewalOn: row.renewal_on,
    state: stateOf(row.renewal_on, row.superseded_by, today),
    supersededBy: row.superseded_by,
    scan: { fileName: row.scan_name, mimeType: row.scan_mime, bytes: row.scan_bytes },
    recordedAt: row.recorded_at,
    recordedBy: row.recorded_by,
  };
}

/** Where each account stands: the state of its newest statement that is not superseded. */
export async function statementStates(db: Kysely<Database>, today: string): Promise<Map<string, { state: StatementState; renewalOn: string | null }>> {
  const rows = await db
    .selectFrom('statements')
    .select(['account_id', 'renewal_on', 'superseded_by'])
    .where('account_id', 'is not', null)
    .where('superseded_by', 'is', null)
    .execute();
  const states = new Map<string, { state: StatementState; renewalOn: string | null }>();
  for (const row of rows) {
    const known = states.get(row.account_id!);
    if (known?.renewalOn && known.renewalOn >= row.renewal_on) continue;
    states.set(row.account_id!, { state: stateOf(row.renewal_on, null, today) as StatementState, renewalOn: row.renewal_on });
  }
  return states;
}

export async function hasCurrentStatement(db: Kysely<Database>, accountId: string, today: string): Promise<boolean> {
  const row = await db
    .selectFrom('statements')
    .select('id')
    .where('account_id', '=', accountId)
    .where('superseded_by', 'is', null)
    .where('renewal_on', '>=', today)
    .executeTakeFirst();
  return row !== undefined;
}
