// The privacy policy's text per version (policy §8, APPI Art. 32): every version with its words, which one is in force,
// and version 1's text, which no database holds until the desk first needs it.
import type { Kysely } from 'kysely';
import type { PolicyVersionText } from '../../../src-shared/registers';
import { localDay } from '../dates';
import type { Database } from '../db/schema';
import { firstPolicyPostedOn, firstPolicyTextEn, firstPolicyTextJa } from './seed-policy-v1';

type Db = Kysely<Database>;

/**
 * Version 1's text (migration 3 made the version, migration 7 the table for its words). Written by whichever call
 * first needs it, inside that call's transaction; its record time is version 1's own, so a seeded text reads alike in
 * every database.
 */
async function ensureFirstText(db: Db): Promise<void> {
  const present = await db.selectFrom('policy_texts').select('version').where('version', '=', 1).executeTakeFirst();
  if (present) return;
  const first = await db.selectFrom('policy_versions').select('created_at').where('version', '=', 1).executeTakeFirstOrThrow();
  await db
    .insertInto('policy_texts')
    .values({ version: 1, text_ja: firstPolicyTextJa, text_en: firstPolicyTextEn, posted_on: firstPolicyPostedOn, recorded_at: first.created_at, recorded_by: null })
    .onConflict((oc) => oc.column('version').doNothing())
    .execute();
}

/**
 * Every version, oldest first. A version made by a change of the purposes of use alone (purposes.update) has no text
 * of its own: it carries the text before it, posted on the day it took effect (policy §8.3: in force when posted).
 */
export async function policyVersionTexts(db: Db): Promise<PolicyVersionText[]> {
  await ensureFirstText(db);
  const rows = await db
    .selectFrom('policy_versions as v')
    .leftJoin('policy_texts as t', 't.version', 'v.version')
    .leftJoin('accounts as textBy', 'textBy.id', 't.recorded_by')
    .leftJoin('accounts as versionBy', 'versionBy.id', 'v.created_by')
    .select([
      'v.version',
      'v.effective_on',
      'v.created_at',
      'versionBy.display_name as versionByName',
      't.text_ja',
      't.text_en',
      't.posted_on',
      't.recorded_at',
      'textBy.display_name as textByName',
    ])
    .orderBy('v.version')
    .execute();
  const versions: PolicyVersionText[] = [];
  for (const r of rows) {
    const carried = versions.at(-1);
    if (r.text_ja !== null && r.text_en !== null && r.posted_on !== null && r.recorded_at !== null) {
      versions.push({ version: r.version, textJa: r.text_ja, textEn: r.text_en, postedOn: r.posted_on, effectiveOn: r.effective_on, recordedAt: r.recorded_at, recordedByName: r.textByName });
    } else if (carried) {
      versions.push({ ...carried, version: r.version, postedOn: r.effective_on, effectiveOn: r.effective_on, recordedAt: r.created_at, recordedByName: r.versionByName });
    }
  }
  return versions;
}

/** The version in force on a day: the highest one effective by then (or the highest of all, if none is yet). */
export function versionInForce(versions: readonly Pick<PolicyVersionText, 'version' | 'effectiveOn'>[], today: string): number {
  const effective = versions.filter((v) => v.effectiveOn <= today).map((v) => v.version);
  return Math.max(...(effective.length > 0 ? effective : versions.map((v) => v.version)));
}

/**
 * The text in force, for notices and exports (APPI Art. 32: the matters published about retained data). Pass the
 * desk's day (`localDay(ctx.desk.now())`) so that the desk's clock decides; the workstation's clock otherwise.
 */
export async function currentPolicyText(db: Db, today: string = localDay(new Date())): Promise<PolicyVersionText> {
  const versions = await policyVersionTexts(db);
  const current = versionInForce(versions, today);
  return versions.find((v) => v.version === current)!;
}
