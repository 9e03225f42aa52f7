// purposes.*: the purposes of use of each policy version; the officer's change makes a new version (APPI Art. 17, 21).
import type { purposes } from '../../../src-shared/api/purposes';
import { marketingPurposeId, type PolicyVersion } from '../../../src-shared/customers';
import { DeskError } from '../errors';
import type { Ctx, Handlers } from '../handler';
import { localDay } from '../dates';
import { currentPolicyVersion, latestPolicyVersion, purposesOf } from './store';

async function describe(ctx: Ctx, version: number) {
  const rows = await ctx.db.selectFrom('policy_versions').selectAll().orderBy('version').execute();
  const versions: PolicyVersion[] = rows.map((r) => ({ version: r.version, effectiveOn: r.effective_on, createdAt: r.created_at }));
  const chosen = versions.find((v) => v.version === version);
  if (!chosen) throw new DeskError('NOT_FOUND', 'policy.versionUnknown', { version });
  return { version: chosen, purposes: await purposesOf(ctx.db, version), versions };
}

export const purposeHandlers: Handlers<typeof purposes> = {
  'purposes.list': async (input, ctx) => describe(ctx, input.version ?? (await currentPolicyVersion(ctx.db, localDay(ctx.desk.now())))),

  'purposes.update': async (input, ctx) => {
    // A change builds on the newest version, even one not yet in force, so that no recorded change is lost.
    const current = await latestPolicyVersion(ctx.db);
    const before = await purposesOf(ctx.db, current);
    const ids = input.purposes.map((p) => p.id);
    if (new Set(ids).size !== ids.length) throw new DeskError('VALIDATION', 'purpose.duplicate');
    // Consents name purposes: one that customers agreed to cannot vanish from the policy unnoticed.
    const missing = before.filter((p) => !ids.includes(p.id)).map((p) => p.id);
    if (missing.length) throw new DeskError('VALIDATION', 'purpose.missing', { ids: missing });
    // Policy §3.6 is opt-in by its own words; the marketing list relies on it.
    if (!input.purposes.find((p) => p.id === marketingPurposeId)?.optIn) throw new DeskError('VALIDATION', 'purpose.marketingOptIn', { id: marketingPurposeId });
    const same = (a: (typeof before)[number], b: (typeof input.purposes)[number]) =>
      a.titleJa === b.titleJa && a.titleEn === b.titleEn && a.descriptionJa === b.descriptionJa && a.descriptionEn === b.descriptionEn && a.optIn === b.optIn;
    const changed = input.purposes.filter((p) => {
      const old = before.find((b) => b.id === p.id);
      return !old || !same(old, p);
    });
    if (changed.length === 0) throw new DeskError('CONFLICT', 'purposes.unchanged');
    const version = current + 1;
    await ctx.db.insertInto('policy_versions').values({ version, effective_on: input.effectiveOn, created_at: ctx.desk.now().toISOString(), created_by: ctx.session!.accountId }).execute();
    await ctx.db
      .insertInto('purposes')
      .values(input.purposes.map((p) => ({ policy_version: version, id: p.id, title_ja: p.titleJa, title_en: p.titleEn, description_ja: p.descriptionJa, description_en: p.descriptionEn, opt_in: p.optIn ? 1 : 0 })))
      .execute();
    Object.assign(ctx.audit, { targetType: 'policyVersion', targetId: String(version), fields: changed.map((p) => `purposes.${p.id}`), details: { effectiveOn: input.effectiveOn } });
    return describe(ctx, version);
  },
};
