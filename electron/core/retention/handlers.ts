// retention.*: the officer's retention periods, the preview of what is due and the run that erases it (APPI Art. 22).
import type { retention } from '../../../src-shared/api/retention';
import type { Handlers } from '../handler';
import { readPeriods, writePeriods } from './periods';
import { readPreview, recentPreviews } from './read';
import { cancelRetention, previewRetention, runRetention } from './run';

// Audit events are never erased by retention: they hold ids, field names and keyed hashes, no personal data, and an
// auditor must be able to verify the whole chain. Events below carry counts and the run's id, never whose records.
export const retentionHandlers: Handlers<typeof retention> = {
  'retention.periods': async (_input, ctx) => ({ periods: await readPeriods(ctx.db), previews: await recentPreviews(ctx.db) }),

  'retention.setPeriods': async (input, ctx) => {
    await writePeriods(ctx.db, input.periods, { accountId: ctx.session!.accountId, now: ctx.desk.now() });
    Object.assign(ctx.audit, {
      targetType: 'retentionPeriods',
      fields: input.periods.map((p) => p.kind),
      details: { periods: input.periods.map((p) => ({ kind: p.kind, months: p.months })) },
    });
    return { periods: await readPeriods(ctx.db), previews: await recentPreviews(ctx.db) };
  },

  'retention.preview': async (_input, ctx) => {
    const { id, counts } = await previewRetention(ctx);
    Object.assign(ctx.audit, { targetType: 'retentionRun', targetId: id, details: { counts } });
    return readPreview(ctx.db, id);
  },

  'retention.run': async (input, ctx) => {
    if (input.decision === 'cancel') {
      await cancelRetention(ctx, input.previewId);
      Object.assign(ctx.audit, { targetType: 'retentionRun', targetId: input.previewId, details: { decision: 'cancel' } });
    } else {
      const { due, erased } = await runRetention(ctx, input.previewId);
      // Counts only: the tombstones and the records' own history lines name the run, this event names no person.
      Object.assign(ctx.audit, { targetType: 'retentionRun', targetId: input.previewId, details: { decision: 'run', stillDue: due, erased } });
    }
    return readPreview(ctx.db, input.previewId);
  },
};
