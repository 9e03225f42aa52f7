// accounts.*: the officer creates, changes, disables and re-enables accounts, resets passwords and lifts lockouts.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { accounts } from '../../../src-shared/api/accounts';
import type { AccountRow } from '../../../src-shared/domain';
import type { Role } from '../../../src-shared/roles';
import { checkPasswordRules } from '../auth/service';
import { localDay } from '../dates';
import type { Database } from '../db/schema';
import { DeskError } from '../errors';
import type { Ctx, Handlers } from '../handler';
import { withoutPasswordWrap, withPasswordWrap, writeKeyring } from '../keys/keyring';
import { makePasswordWrap } from '../keys/slots';
import { statementStates } from '../statements/store';

async function readAccounts(ctx: Ctx, id?: string): Promise<AccountRow[]> {
  let query = ctx.db.selectFrom('accounts').selectAll().orderBy('role').orderBy('display_name');
  if (id) query = query.where('id', '=', id);
  const rows = await query.execute();
  const states = await statementStates(ctx.db, localDay(ctx.desk.now()));
  const now = ctx.desk.now();
  return rows.map((a) => ({
    id: a.id,
    loginId: a.login_id,
    displayName: a.display_name,
    role: a.role,
    department: a.department,
    status: a.status,
    mustChangePassword: a.must_change_password === 1,
    lastSignInAt: a.last_sign_in_at,
    lockedUntil: ctx.desk.signin.lockedUntil(a.id, now)?.toISOString() ?? null,
    statement: states.get(a.id) ?? { state: 'none', renewalOn: null },
  }));
}

async function readAccount(ctx: Ctx, id: string): Promise<AccountRow> {
  const [row] = await readAccounts(ctx, id);
  if (!row) throw new DeskError('NOT_FOUND', 'account.notFound');
  return row;
}

async function activeOfficers(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('accounts').select('id').where('role', '=', 'officer').where('status', '=', 'active').execute();
  return rows.map((r) => r.id);
}

/** The desk must always have an officer who can sign in: nobody else can manage accounts or recover them. */
async function keepAnOfficer(db: Kysely<Database>, account: { id: string; role: Role; status: string }): Promise<void> {
  if (account.role !== 'officer' || account.status !== 'active') return;
  const officers = await activeOfficers(db);
  if (officers.length <= 1) throw new DeskError('CONFLICT', 'accounts.lastOfficer');
}

/** Sets a temporary password: a new keyring wrap, and the account must choose its own password at next sign-in. */
async function setTemporaryPassword(ctx: Ctx, account: { id: string; login_id: string; display_name: string }, password: string): Promise<void> {
  await checkPasswordRules(password, account.login_id, [account.display_name]);
  const keyring = ctx.desk.keyring();
  const wrap = await makePasswordWrap(keyring, account.id, account.login_id, password, ctx.desk.dataKey!);
  const now = ctx.desk.now().toISOString();
  await ctx.db.updateTable('accounts').set({ must_change_password: 1, password_changed_at: now, updated_at: now }).where('id', '=', account.id).execute();
  writeKeyring(ctx.desk.paths.keyring, withPasswordWrap(keyring, wrap), ctx.desk.dataKey!);
  ctx.desk.signin.clear(account.id);
}

async function requireAccount(ctx: Ctx, id: string) {
  const account = await ctx.db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!account) throw new DeskError('NOT_FOUND', 'account.notFound');
  return account;
}

export const accountHandlers: Handlers<typeof accounts> = {
  'accounts.list': async (_input, ctx) => ({ rows: await readAccounts(ctx) }),

  'accounts.create': async (input, ctx) => {
    const loginId = input.loginId.normalize('NFKC').toLowerCase();
    const taken = await ctx.db.selectFrom('accounts').select('id').where('login_id', '=', loginId).executeTakeFirst();
    if (taken) throw new DeskError('CONFLICT', 'accounts.loginIdTaken');
    const id = randomUUID();
    const now = ctx.desk.now().toISOString();
    await ctx.db
      .insertInto('accounts')
      .values({
        id,
        login_id: loginId,
        display_name: input.displayName,
        role: input.role,
        department: input.department || null,
        status: 'active',
        must_change_password: 1,
        created_at: now,
        updated_at: now,
        last_sign_in_at: null,
        password_changed_at: now,
      })
      .execute();
    await setTemporaryPassword(ctx, { id, login_id: loginId, display_name: input.displayName }, input.temporaryPassword);
    Object.assign(ctx.audit, { targetType: 'account', targetId: id, fields: ['displayName', 'loginId', 'role', 'department', 'password'], details: { role: input.role } });
    return readAccount(ctx, id);
  },

  'accounts.update': async (input, ctx) => {
    const account = await requireAccount(ctx, input.id);
    const fields: string[] = [];
    if (input.role !== undefined && input.role !== account.role) {
      await keepAnOfficer(ctx.db, account);
      fields.push('role');
    }
    if (input.displayName !== undefined && input.displayName !== account.display_name) fields.push('displayName');
    if (input.department !== undefined && (input.department || null) !== account.department) fields.push('department');
    if (fields.length > 0) {
      await ctx.db
        .updateTable('accounts')
        .set({
          role: input.role ?? account.role,
          display_name: input.displayName ?? account.display_name,
          department: input.department === undefined ? account.department : input.department || null,
          updated_at: ctx.desk.now().toISOString(),
        })
        .where('id', '=', account.id)
        .execute();
    }
    Object.assign(ctx.audit, { targetType: 'account', targetId: account.id, fields, details: input.role ? { role: input.role } : undefined });
    return readAccount(ctx, account.id);
  },

  'accounts.disable': async (input, ctx) => {
    const account = await requireAccount(ctx, input.id);
    if (account.id === ctx.session!.accountId) throw new DeskError('CONFLICT', 'accounts.notSelf');
    if (account.status === 'disabled') return readAccount(ctx, account.id);
    await keepAnOfficer(ctx.db, account);
    await ctx.db.updateTable('accounts').set({ status: 'disabled', updated_at: ctx.desk.now().toISOString() }).where('id', '=', account.id).execute();
    // Without its wrap, the account's password no longer opens the data key at all, not just the screen.
    writeKeyring(ctx.desk.paths.keyring, withoutPasswordWrap(ctx.desk.keyring(), account.id), ctx.desk.dataKey!);
    Object.assign(ctx.audit, { targetType: 'account', targetId: account.id, fields: ['status'] });
    return readAccount(ctx, account.id);
  },

  'accounts.enable': async (input, ctx) => {
    const account = await requireAccount(ctx, input.id);
    if (account.status === 'active') throw new DeskError('CONFLICT', 'accounts.alreadyActive');
    await ctx.db.updateTable('accounts').set({ status: 'active', updated_at: ctx.desk.now().toISOString() }).where('id', '=', account.id).execute();
    await setTemporaryPassword(ctx, account, input.temporaryPassword);
    Object.assign(ctx.audit, { targetType: 'account', targetId: account.id, fields: ['status', 'password'] });
    return readAccount(ctx, account.id);
  },

  'accounts.resetPassword': async (input, ctx) => {
    const account = await requireAccount(ctx, input.id);
    if (account.status !== 'active') throw new DeskError('CONFLICT', 'accounts.disabled');
    if (account.id === ctx.session!.accountId) throw new DeskError('CONFLICT', 'accounts.useChangePassword');
    await setTemporaryPassword(ctx, account, input.temporaryPassword);
    Object.assign(ctx.audit, { targetType: 'account', targetId: account.id, fields: ['password'] });
    return readAccount(ctx, account.id);
  },

  'accounts.unlock': async (input, ctx) => {
    const account = await requireAccount(ctx, input.id);
    ctx.desk.signin.clear(account.id);
    Object.assign(ctx.audit, { targetType: 'account', targetId: account.id, fields: ['lockout'] });
    return readAccount(ctx, account.id);
  },
};
