// Reading the purposes of use and the policy versions they belong to (policy §3, APPI Art. 17, 21, 32).
import type { Kysely } from 'kysely';
import type { Purpose } from '../../../src-shared/customers';
import type { Database } from '../db/schema';

/** The newest version recorded, in force or not yet: a new version takes the next number. */
export async function latestPolicyVersion(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('policy_versions').select((eb) => eb.fn.max('version').as('v')).executeTakeFirstOrThrow();
  return Number(row.v ?? 1);
}

/**
 * The version in force on a day (YYYY-MM-DD, the desk's local day): the newest whose effective date has come. A
 * version published to take effect later does not yet govern consents, purposes or notices (policy §8.3).
 */
export async function currentPolicyVersion(db: Kysely<Database>, today: string): Promise<number> {
  const row = await db.selectFrom('policy_versions').select((eb) => eb.fn.max('version').as('v')).where('effective_on', '<=', today).executeTakeFirst();
  return row?.v != null ? Number(row.v) : latestPolicyVersion(db);
}

export async function purposeExists(db: Kysely<Database>, purposeId: string, policyVersion: number): Promise<boolean> {
  const row = await db.selectFrom('purposes').select('id').where('policy_version', '=', policyVersion).where('id', '=', purposeId).executeTakeFirst();
  return row !== undefined;
}

export async function purposesOf(db: Kysely<Database>, policyVersion: number): Promise<Purpose[]> {
  const rows = await db.selectFrom('purposes').selectAll().where('policy_version', '=', policyVersion).execute();
  // 3.1 < 3.2 < ... < 3.10: compare the numbers, not the strings.
  const order = (id: string) => id.split('.').map(Number);
  rows.sort((a, b) => {
    const x = order(a.id);
    const y = order(b.id);
    for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
    return 0;
  });
  return rows.map((r) => ({ id: r.id, titleJa: r.title_ja, titleEn: r.title_en, descriptionJa: r.description_ja, descriptionEn: r.description_en, optIn: r.opt_in === 1 }));
}
