// The privacy policy's text, versioned (policy §8, APPI Art. 32): Japanese and English, posted and effective dates.
import { z } from 'zod';
import type { PolicyVersionText } from '../registers';
import { day } from './customer-input';
import { area, method, type } from './method';

export const policy = area('policy', {
  /** Every version, newest first, with its text. */
  versions: method({
    input: z.object({}).strict(),
    output: type<{ versions: PolicyVersionText[]; current: number }>(),
    access: 'purposes.read',
    audit: 'none',
  }),
  /** A new version of the text; the purposes of use of the version in force carry over unchanged. */
  publish: method({
    input: z
      .object({
        textJa: z.string().trim().min(1, { message: 'required' }).max(100_000, { message: 'tooLong' }),
        textEn: z.string().trim().min(1, { message: 'required' }).max(100_000, { message: 'tooLong' }),
        postedOn: day,
        effectiveOn: day,
      })
      .strict()
      .refine((p) => p.postedOn <= p.effectiveOn, { message: 'policy.effectiveBeforePosted', path: ['effectiveOn'] }),
    output: type<PolicyVersionText>(),
    access: 'purposes.manage',
    audit: 'write',
  }),
});
