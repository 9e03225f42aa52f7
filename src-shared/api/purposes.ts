// Purposes of use (policy §3, APPI Art. 17): listed for everyone, changed by the officer as a new policy version.
import { z } from 'zod';
import type { PolicyVersion, Purpose } from '../customers';
import { day } from './customer-input';
import { area, method, type } from './method';

const text = (max: number) => z.string().trim().min(1, { message: 'required' }).max(max, { message: 'tooLong' });

export const purposes = area('purposes', {
  /** The purposes of the policy in force (or of an earlier version), and every version. */
  list: method({
    input: z.object({ version: z.number().int().min(1).optional() }).strict(),
    output: type<{ version: PolicyVersion; purposes: Purpose[]; versions: PolicyVersion[] }>(),
    access: 'purposes.read',
    audit: 'none',
  }),
  /**
   * A new policy version with these purposes. Every purpose of the version in force must be listed (a purpose that
   * customers consented to cannot silently disappear); new ones may be added. 3.6 stays opt-in.
   */
  update: method({
    input: z
      .object({
        effectiveOn: day,
        purposes: z
          .array(
            z
              .object({
                id: z.string().trim().regex(/^\d+(\.\d+)*$/, { message: 'purpose.id' }),
                titleJa: text(200),
                titleEn: text(200),
                descriptionJa: text(2000),
                descriptionEn: text(2000),
                optIn: z.boolean(),
              })
              .strict(),
          )
          .min(1)
          .max(50),
      })
      .strict(),
    output: type<{ version: PolicyVersion; purposes: Purpose[]; versions: PolicyVersion[] }>(),
    access: 'purposes.manage',
    audit: 'write',
  }),
});
