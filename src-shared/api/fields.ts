// Field schemas shared by several areas of the contract.
import { z } from 'zod';
import { idleLockBounds } from '../domain';

export const loginId = z
  .string()
  .trim()
  .min(3, { message: 'loginId.format' })
  .max(64, { message: 'loginId.format' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9._@-]*$/, { message: 'loginId.format' });

/** Length rules are the core's (src-shared/passwords.ts) so that the reason can be named; this only bounds the input. */
export const password = z.string().min(1, { message: 'password.required' }).max(1024, { message: 'password.tooLong' });

export const displayName = z.string().trim().min(1, { message: 'required' }).max(100, { message: 'tooLong' });

export const manager = z.object({
  name: z.string().trim().min(1, { message: 'required' }).max(100, { message: 'tooLong' }),
  title: z.string().trim().min(1, { message: 'required' }).max(100, { message: 'tooLong' }),
  email: z.email({ message: 'email.format' }).max(254, { message: 'tooLong' }),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9０-９+()（）\-－ ]{6,24}$/, { message: 'phone.format' }),
});

/** The recovery key as shown at setup: 32 letters and digits in groups; spaces, hyphens and case do not matter. */
export const recoveryKey = z.string().trim().min(16, { message: 'recoveryKey.format' }).max(80, { message: 'recoveryKey.format' });

export const idleLockMinutes = z.number().int().min(idleLockBounds.min, { message: 'idleLock.range' }).max(idleLockBounds.max, { message: 'idleLock.range' });
