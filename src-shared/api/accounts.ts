// Staff, officer and auditor accounts, managed by the officer (policy §4.3: accounts only for those who need them).
import { z } from 'zod';
import type { AccountRow } from '../domain';
import { roles } from '../roles';
import { area, method, type } from './method';
import { displayName, loginId, password } from './fields';

const id = z.uuid({ message: 'id.format' });
const department = z.string().trim().max(100, { message: 'tooLong' });

export const accounts = area('accounts', {
  list: method({
    input: z.object({}).strict(),
    output: type<{ rows: AccountRow[] }>(),
    access: 'accounts.manage',
    audit: 'none',
  }),
  create: method({
    input: z.object({ displayName, loginId, role: z.enum(roles), department: department.optional(), temporaryPassword: password }).strict(),
    output: type<AccountRow>(),
    access: 'accounts.manage',
    audit: 'write',
  }),
  update: method({
    input: z.object({ id, displayName: displayName.optional(), role: z.enum(roles).optional(), department: department.optional() }).strict(),
    output: type<AccountRow>(),
    access: 'accounts.manage',
    audit: 'write',
  }),
  disable: method({
    input: z.object({ id }).strict(),
    output: type<AccountRow>(),
    access: 'accounts.manage',
    audit: 'write',
  }),
  /** Re-enabling restores the account's keyring wrap, which needs a new temporary password. */
  enable: method({
    input: z.object({ id, temporaryPassword: password }).strict(),
    output: type<AccountRow>(),
    access: 'accounts.manage',
    audit: 'write',
  }),
  resetPassword: method({
    input: z.object({ id, temporaryPassword: password }).strict(),
    output: type<AccountRow>(),
    access: 'accounts.manage',
    audit: 'write',
  }),
  unlock: method({
    input: z.object({ id }).strict(),
    output: type<AccountRow>(),
    access: 'accounts.manage',
    audit: 'write',
  }),
});
