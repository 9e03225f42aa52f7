// policy.*: the privacy policy's versions (policy §8, APPI Art. 32): read every version, publish a new text.
import type { policy } from '../../../src-shared/api/policy';
import { localDay } from '../dates';
import { DeskError } from '../errors';
import type { Handlers } from '../handler';
import { policyVersionTexts, versionInForce } from './store';

/** One text whatever the keyboard or the clipboard did to line ends: the diff of two versions compares lines. */
const lines = (text: string) => text.replace(/\r\n?/g, '\n');

export const policyHandlers: Handlers<typeof policy> = {
  'policy.versions': async (_input, ctx) => {
    const versions = await policyVersionTexts(ctx.db);
    return { versions: versions.reverse(), current: versionInForce(versions, localDay(ctx.desk.now())) };
  },

  'policy.publish': async (input, ctx) => {
    const versions = await policyVersionTexts(ctx.db);
    const latest = versions.at(-1)!;
    const textJa = lines(input.textJa);
    const textEn = lines(input.textEn);
    if (textJa === latest.textJa && textEn === latest.textEn) throw new DeskError('CONFLICT', 'policy.unchanged', { version: latest.version });
    // Versions take effect in their order: the purposes carried over are those in force when the new text takes
    // effect, which only holds if no earlier version takes effect after it.
    if (input.effectiveOn < latest.effectiveOn) throw new DeskError('VALIDATION', 'policy.effectiveBeforeLatest', { path: 'effectiveOn', effectiveOn: latest.effectiveOn });

    const version = latest.version + 1;
    const now = ctx.desk.now().toISOString();
    const by = ctx.session!.accountId;
    await ctx.db.insertInto('policy_versions').values({ version, effective_on: input.effectiveOn, created_at: now, created_by: by }).execute();
    // A new text does not change what the customers agreed to: the purposes of use go on unchanged (APPI Art. 17, 21).
    const purposes = await ctx.db.selectFrom('purposes').selectAll().where('policy_version', '=', latest.version).execute();
    if (purposes.length > 0) await ctx.db.insertInto('purposes').values(purposes.map((p) => ({ ...p, policy_version: version }))).execute();
    await ctx.db.insertInto('policy_texts').values({ version, text_ja: textJa, text_en: textEn, posted_on: input.postedOn, recorded_at: now, recorded_by: by }).execute();

    Object.assign(ctx.audit, { targetType: 'policyVersion', targetId: String(version) });
    const published = (await policyVersionTexts(ctx.db)).find((v) => v.version === version);
    return published!;
  },
};
