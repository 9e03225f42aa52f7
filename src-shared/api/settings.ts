// The desk's settings: manager-in-charge, idle lock, and the recovery key.
import { z } from 'zod';
import type { DeskSettings } from '../domain';
import { area, method, type } from './method';
import { idleLockMinutes, manager, password } from './fields';

export const settings = area('settings', {
  get: method({
    input: z.object({}).strict(),
    output: type<DeskSettings>(),
    access: 'settings.read',
    audit: 'none',
  }),
  update: method({
    input: z.object({ idleLockMinutes: idleLockMinutes.optional(), manager: manager.optional() }).strict(),
    output: type<DeskSettings>(),
    access: 'settings.manage',
    audit: 'write',
  }),
  /** A new recovery key; the old one stops working at once. Asks for the officer's password again. */
  regenerateRecoveryKey: method({
    input: z.object({ password }).strict(),
    output: type<{ recoveryKey: string }>(),
    access: 'recovery.manage',
    // Records its own events: a wrong password must be recorded even though the call fails.
    audit: 'self',
  }),
});
