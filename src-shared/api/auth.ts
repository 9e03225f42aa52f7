// Signing in and out, the lock, passwords and recovery.
import { z } from 'zod';
import type { SessionInfo } from '../domain';
import { area, method, type } from './method';
import { loginId, password, recoveryKey } from './fields';

export const auth = area('auth', {
  login: method({
    input: z.object({ loginId, password }).strict(),
    output: type<SessionInfo>(),
    access: 'public',
    audit: 'self',
  }),
  logout: method({
    input: z.object({}).strict(),
    output: type<{ signedOut: true }>(),
    access: 'session',
    audit: 'self',
    whileLocked: true,
    beforePasswordChange: true,
  }),
  lock: method({
    input: z.object({}).strict(),
    output: type<{ locked: true }>(),
    access: 'session',
    audit: 'self',
    whileLocked: true,
    beforePasswordChange: true,
  }),
  unlock: method({
    input: z.object({ password }).strict(),
    output: type<SessionInfo>(),
    access: 'session',
    audit: 'self',
    whileLocked: true,
    beforePasswordChange: true,
  }),
  /** Who am I: the session as the core sees it (locked or not). */
  session: method({
    input: z.object({}).strict(),
    output: type<SessionInfo>(),
    access: 'session',
    audit: 'none',
    whileLocked: true,
    beforePasswordChange: true,
  }),
  /** The renderer reports input so the core's idle lock follows the person, not only their calls. */
  heartbeat: method({
    input: z.object({}).strict(),
    output: type<{ lockAt: string }>(),
    access: 'session',
    audit: 'none',
    beforePasswordChange: true,
  }),
  changePassword: method({
    input: z.object({ currentPassword: password, newPassword: password }).strict(),
    output: type<SessionInfo>(),
    access: 'self',
    audit: 'self',
    beforePasswordChange: true,
  }),
  recover: method({
    input: z.object({ loginId, recoveryKey, newPassword: password }).strict(),
    output: type<{ recovered: true }>(),
    access: 'public',
    audit: 'self',
  }),
});
