// The officer's setting 「顧客情報の閲覧に12か月以内の研修受講を必要とする」 and the check the statement gate makes with it.
import type { Kysely } from 'kysely';
import type { TrainingSettings } from '../../../src-shared/api/training';
import type { Database } from '../db/schema';
import { employeeTrainings, isUntrained, lastTrainingOf, trainingState } from './people';

type Db = Kysely<Database>;

const settingKey = 'training.requiredForCustomers';

interface Stored {
  on: boolean;
  at: string;
  by: string | null;
}

/**
 * Off until the officer turns it on. A desk upgraded to this version may hold no attendance yet (training kept on
 * paper, or only as the date on each statement): on by default, it would refuse customers to staff the morning after
 * the upgrade, in the middle of answering a request with a legal deadline.
 */
async function readStored(db: Db): Promise<Stored | null> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', settingKey).executeTakeFirst();
  if (!row) return null;
  try {
    const value = JSON.parse(row.value) as Partial<Stored>;
    return { on: value.on === true, at: typeof value.at === 'string' ? value.at : '', by: typeof value.by === 'string' ? value.by : null };
  } catch {
    return null;
  }
}

export async function isTrainingRequired(db: Db): Promise<boolean> {
  return (await readStored(db))?.on ?? false;
}

export async function writeTrainingRequired(db: Db, on: boolean, at: string, by: string): Promise<void> {
  const value = JSON.stringify({ on, at, by } satisfies Stored);
  await db
    .insertInto('settings')
    .values({ key: settingKey, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

export async function readTrainingSettings(db: Db, today: string): Promise<TrainingSettings> {
  const stored = await readStored(db);
  const by = stored?.by ? await db.selectFrom('accounts').select('display_name').where('id', '=', stored.by).executeTakeFirst() : undefined;
  const rows = await employeeTrainings(db, today);
  return {
    requiredForCustomers: stored?.on ?? false,
    changedAt: stored?.at || null,
    changedByName: by?.display_name ?? null,
    staffUntrained: rows.filter((r) => r.role === 'staff' && isUntrained(r.state)).length,
  };
}

/**
 * For the statement gate (a staff member opening customers' personal data): null when the call may go on, or the
 * last training on record when the setting is on and that training is more than 12 months old (null: never trained).
 */
export async function trainingShortfall(db: Db, accountId: string, today: string): Promise<{ lastTrainedOn: string | null } | null> {
  if (!(await isTrainingRequired(db))) return null;
  const lastTrainedOn = await lastTrainingOf(db, accountId, today);
  const state = trainingState(lastTrainedOn, today);
  return isUntrained(state) ? { lastTrainedOn } : null;
}
