// Retention (APPI Art. 22): a period per kind of data, a preview of what would go (counts only), the officer's run.
import { z } from 'zod';
import { retentionKinds, type RetentionPeriod, type RetentionPreview } from '../registers';
import { area, method, type } from './method';

const id = z.uuid({ message: 'id.format' });

export const retention = area('retention', {
  periods: method({
    input: z.object({}).strict(),
    output: type<{ periods: RetentionPeriod[]; previews: RetentionPreview[] }>(),
    access: 'retention.manage',
    audit: 'none',
  }),
  setPeriods: method({
    input: z
      .object({
        periods: z
          .array(z.object({ kind: z.enum(retentionKinds), months: z.number().int().min(1, { message: 'retention.months' }).max(1200, { message: 'retention.months' }).nullable() }).strict())
          .min(1)
          .max(retentionKinds.length),
      })
      .strict(),
    output: type<{ periods: RetentionPeriod[]; previews: RetentionPreview[] }>(),
    access: 'retention.manage',
    audit: 'write',
  }),
  /** What a run would erase today: counts per kind, never who; the ids stay in the encrypted database for the run. */
  preview: method({
    input: z.object({}).strict(),
    output: type<RetentionPreview>(),
    access: 'retention.manage',
    audit: 'write',
  }),
  /** Erases what the preview found and is still due, with the same true erasure as a request's; or cancels it. */
  run: method({
    input: z.object({ previewId: id, decision: z.enum(['run', 'cancel']).default('run') }).strict(),
    output: type<RetentionPreview>(),
    access: 'retention.manage',
    audit: 'write',
  }),
});
