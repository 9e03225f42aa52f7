// Sign-in, the lock, passwords and recovery: where the keyring, the lockout and the session meet.
import type { SessionInfo } from '../../../src-shared/domain';
import { lockout } from '../../../src-shared/domain';
import { passwordStrength } from '../../../src-shared/password-strength';
import { passwordProblems } from '../../../src-shared/passwords';
import { permissionsOf } from '../../../src-shared/roles';
import { appendEvent } from '../audit/chain';
import type { Desk, Session } from '../desk';
import { DeskError } from '../errors';
import { findPasswordWrap, withPasswordWrap, withRecovery, writeKeyring, type Keyring, type PasswordWrap } from '../keys/keyring';
import { settleRotation } from '../keys/settle';
import { makePasswordWrap, makeRecoveryWrap, openPasswordWrap, openRecoveryWrap } from '../keys/slots';
import { newRecoveryKey, parseRecoveryKey } from '../keys/recovery-key';
import { readIdleLockMinutes } from '../settings/store';
import { preferencesOf, readPreferences } from '../preferences/store';
import type { Preferences } from '../../../src-shared/preferences';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** The session as the renderer sees it, with the person's own language and date style (read from their account). */
export function sessionInfo(session: Session, preferences: Preferences): SessionInfo {
  return {
    accountId: session.accountId,
    loginId: session.loginId,
    displayName: session.displayName,
    role: session.role,
    permissions: permissionsOf(session.role),
    locked: session.locked,
    mustChangePassword: session.mustChangePassword,
    idleLockMinutes: session.idleLockMinutes,
    ...preferences,
  };
}

export async function currentSessionInfo(db: Kysely<Database>, session: Session): Promise<SessionInfo> {
  return sessionInfo(session, await readPreferences(db, session.accountId));
}

/** The password rules: at least 12 characters, not the login id, and not rated weak by the strength estimator. */
export async function checkPasswordRules(password: string, loginId: string, related: string[] = []): Promise<void> {
  const problems = passwordProblems(password, loginId);
  if (problems.length > 0) throw new DeskError('VALIDATION', `password.${problems[0]}`, { problems });
  const strength = await passwordStrength(password, [loginId, ...related]);
  if (strength.weak) throw new DeskError('VALIDATION', 'password.weak', { problems: ['weak'], warning: strength.warning, score: strength.score });
}

function lockedError(until: Date): DeskError {
  return new DeskError('LOCKED', 'auth.accountLocked', { until: until.toISOString() });
}

/**
 * Checks a password against an account's wrap, counting wrong ones toward the lockout.
 * Returns the data key; throws UNAUTHENTICATED (wrong) or LOCKED (locked now, or by this attempt).
 */
async function unwrapCounting(desk: Desk, keyring: Keyring, accountId: string, password: string, action: string, actorRole: string | null): Promise<Buffer> {
  const now = desk.now();
  const lockedUntil = desk.signin.lockedUntil(accountId, now);
  if (lockedUntil) {
    await desk.audit({ actorId: accountId, actorRole, action, outcome: 'denied', details: { code: 'LOCKED' } });
    throw lockedError(lockedUntil);
  }
  const wrap = keyring.passwords.find((w) => w.accountId === accountId);
  const dataKey = wrap ? await openPasswordWrap(keyring, wrap, password) : null;
  if (dataKey) {
    desk.signin.clear(accountId);
    return dataKey;
  }
  const until = desk.signin.recordFailure(accountId, now, lockout.attempts, lockout.minutes);
  await desk.audit({ actorId: accountId, actorRole, action, outcome: 'failed', details: { code: until ? 'LOCKED' : 'WRONG_PASSWORD' } });
  if (until) throw lockedError(until);
  // At sign-in the person typed a login id too, and the message must not say which of the two was wrong.
  throw new DeskError('UNAUTHENTICATED', action === 'auth.login' ? 'auth.wrongCredentials' : 'auth.wrongPassword');
}

/**
 * The keyring as the next unlock must read it: a key rotation that a crash cut short is finished or undone first
 * (keys/settle.ts), and the audit trail hears of it once the database opens.
 */
async function settledKeyring(desk: Desk): Promise<Keyring> {
  if (!desk.db) {
    const settled = settleRotation(desk.paths);
    if (settled !== 'nothing') {
      desk.log.warn(`a key rotation cut short was ${settled === 'finished' ? 'finished' : 'undone'}`);
      await desk.audit({ action: 'keys.rotate', outcome: settled === 'finished' ? 'ok' : 'failed', details: { settled } });
    }
  }
  return desk.keyring();
}

/**
 * A version 1 wrap that its password just opened becomes a version 2 slot (keys/keyring.ts), so that the data key can
 * be rotated for this account later. A failure here costs nothing but the conversion: the old wrap still opens.
 */
async function convertLegacyWrap(desk: Desk, keyring: Keyring, wrap: PasswordWrap, loginId: string, password: string, dataKey: Buffer): Promise<boolean> {
  if (wrap.kind !== 'password') return false;
  try {
    const slot = await makePasswordWrap(keyring, wrap.accountId, loginId, password, dataKey);
    writeKeyring(desk.paths.keyring, withPasswordWrap(keyring, slot), dataKey);
    return true;
  } catch (err) {
    desk.log.error('keyring: converting a version 1 wrap failed', err);
    return false;
  }
}

export async function login(desk: Desk, loginId: string, password: string): Promise<SessionInfo> {
  if (desk.session) throw new DeskError('CONFLICT', 'auth.alreadySignedIn');
  const keyring = await settledKeyring(desk);
  const wrap = findPasswordWrap(keyring, loginId);
  if (!wrap) {
    // Same message as a wrong password, so the screen does not tell which login ids exist.
    await desk.audit({ action: 'auth.login', outcome: 'failed', details: { code: 'UNKNOWN_LOGIN' } });
    throw new DeskError('UNAUTHENTICATED', 'auth.wrongCredentials');
  }
  const dataKey = await unwrapCounting(desk, keyring, wrap.accountId, password, 'auth.login', null);
  try {
    await desk.openWith(dataKey, keyring);
  } catch (err) {
    if (err instanceof DeskError) await desk.audit({ actorId: wrap.accountId, action: 'auth.login', outcome: 'failed', details: { code: err.code, reason: err.key } });
    throw err;
  } finally {
    dataKey.fill(0);
  }
  const db = desk.requireDb();
  const account = await db.selectFrom('accounts').selectAll().where('id', '=', wrap.accountId).executeTakeFirst();
  if (!account || account.status !== 'active') {
    await desk.audit({ actorId: wrap.accountId, action: 'auth.login', outcome: 'denied', details: { code: 'DISABLED' } });
    await desk.close();
    throw new DeskError('FORBIDDEN', 'auth.accountDisabled');
  }
  const converted = await convertLegacyWrap(desk, keyring, wrap, loginId, password, desk.dataKey!);
  const now = desk.now();
  const idleLockMinutes = await readIdleLockMinutes(db);
  await desk.transaction(async (tx) => {
    await tx.updateTable('accounts').set({ last_sign_in_at: now.toISOString() }).where('id', '=', account.id).execute();
  });
  await desk.audit({ actorId: account.id, actorRole: account.role, action: 'auth.login', outcome: 'ok', details: converted ? { keyring: 'converted' } : null });
  desk.session = {
    accountId: account.id,
    loginId: account.login_id,
    displayName: account.display_name,
    role: account.role,
    locked: false,
    mustChangePassword: account.must_change_password === 1,
    lastActivity: now.getTime(),
    idleLockMinutes,
  };
  const preferences = preferencesOf(account);
  // The application menu follows the person's own language; with none saved it stays as the sign-in screen left it.
  if (preferences.language) desk.onLanguage?.(preferences.language);
  return sessionInfo(desk.session, preferences);
}

export async function lockSession(desk: Desk, reason: 'user' | 'idle'): Promise<void> {
  const session = desk.session;
  if (!session || session.locked) return;
  session.locked = true;
  await desk.audit({ actorId: session.accountId, actorRole: session.role, action: 'auth.lock', outcome: 'ok', details: { reason } });
}

export async function unlock(desk: Desk, password: string): Promise<SessionInfo> {
  const session = desk.session!;
  if (!session.locked) return currentSessionInfo(desk.requireDb(), session);
  try {
    const keyring = desk.keyring();
    const key = await unwrapCounting(desk, keyring, session.accountId, password, 'auth.unlock', session.role);
    const wrap = keyring.passwords.find((w) => w.accountId === session.accountId);
    if (wrap && key.equals(desk.dataKey!)) await convertLegacyWrap(desk, keyring, wrap, session.loginId, password, key);
    key.fill(0);
  } catch (err) {
    // Locked out while the desk was locked: the session ends, and signing in waits for the lockout to pass.
    if (err instanceof DeskError && err.code === 'LOCKED') await desk.close();
    throw err;
  }
  session.locked = false;
  session.lastActivity = desk.now().getTime();
  await desk.audit({ actorId: session.accountId, actorRole: session.role, action: 'auth.unlock', outcome: 'ok' });
  return currentSessionInfo(desk.requireDb(), session);
}

export async function logout(desk: Desk): Promise<void> {
  const session = desk.session;
  if (session) await desk.audit({ actorId: session.accountId, actorRole: session.role, action: 'auth.logout', outcome: 'ok' });
  await desk.close();
}

/**
 * The signed-in person confirms a weighty step with their password; wrong ones count toward the lockout, and a lockout
 * ends the session.
 */
export async function confirmPassword(desk: Desk, password: string, action: string): Promise<void> {
  const session = desk.session!;
  const key = await unwrapCounting(desk, desk.keyring(), session.accountId, password, action, session.role).catch(async (err) => {
    if (err instanceof DeskError && err.code === 'LOCKED') await desk.close();
    throw err;
  });
  key.fill(0);
}

export async function changePassword(desk: Desk, currentPassword: string, newPassword: string): Promise<SessionInfo> {
  const session = desk.session!;
  await confirmPassword(desk, currentPassword, 'auth.changePassword');
  const keyring = desk.keyring();
  await checkPasswordRules(newPassword, session.loginId, [session.displayName]);
  const wrap = await makePasswordWrap(keyring, session.accountId, session.loginId, newPassword, desk.dataKey!);
  const now = desk.now().toISOString();
  // The database change and its audit event commit first; the keyring is written only once they have.
  await desk.transaction(async (tx) => {
    await tx.updateTable('accounts').set({ password_changed_at: now, must_change_password: 0, updated_at: now }).where('id', '=', session.accountId).execute();
    await appendEvent(tx, { at: now, actorId: session.accountId, actorRole: session.role, action: 'auth.changePassword', outcome: 'ok', targetType: 'account', targetId: session.accountId, fields: ['password'] });
    writeKeyring(desk.paths.keyring, withPasswordWrap(keyring, wrap), desk.dataKey!);
  });
  session.mustChangePassword = false;
  return currentSessionInfo(desk.requireDb(), session);
}

export async function recover(desk: Desk, loginId: string, typedKey: string, newPassword: string): Promise<void> {
  if (desk.session) throw new DeskError('CONFLICT', 'auth.alreadySignedIn');
  const keyring = await settledKeyring(desk);
  const secret = parseRecoveryKey(typedKey);
  const dataKey = secret ? await openRecoveryWrap(keyring, secret) : null;
  if (!dataKey) {
    await desk.audit({ action: 'auth.recover', outcome: 'failed', details: { code: 'WRONG_RECOVERY_KEY' } });
    throw new DeskError('UNAUTHENTICATED', 'auth.wrongRecoveryKey');
  }
  try {
    await desk.openWith(dataKey, keyring);
    const db = desk.requireDb();
    const account = await db.selectFrom('accounts').selectAll().where('login_id', '=', loginId.normalize('NFKC').toLowerCase()).executeTakeFirst();
    if (!account || account.status !== 'active') {
      await desk.audit({ action: 'auth.recover', outcome: 'failed', details: { code: 'UNKNOWN_LOGIN' } });
      throw new DeskError('NOT_FOUND', 'auth.recoverUnknownLogin');
    }
    await checkPasswordRules(newPassword, account.login_id, [account.display_name]);
    const wrap = await makePasswordWrap(keyring, account.id, account.login_id, newPassword, dataKey);
    // A version 1 recovery wrap becomes a version 2 slot now that the recovery key is at hand (keys/keyring.ts).
    const recovery = keyring.recovery.kind === 'recovery' ? await makeRecoveryWrap(keyring, secret!, dataKey) : keyring.recovery;
    const now = desk.now().toISOString();
    await desk.transaction(async (tx) => {
      await tx.updateTable('accounts').set({ password_changed_at: now, must_change_password: 0, updated_at: now }).where('id', '=', account.id).execute();
      await appendEvent(tx, {
        at: now,
        actorId: account.id,
        actorRole: account.role,
        action: 'auth.recover',
        outcome: 'ok',
        targetType: 'account',
        targetId: account.id,
        fields: ['password'],
        details: recovery !== keyring.recovery ? { keyring: 'converted' } : null,
      });
      writeKeyring(desk.paths.keyring, withRecovery(withPasswordWrap(keyring, wrap), recovery), dataKey);
    });
    // A recovered account starts with a clean count: the person proved who they are with the recovery key.
    desk.signin.clear(account.id);
  } finally {
    dataKey.fill(0);
    await desk.close();
  }
}

export async function regenerateRecoveryKey(desk: Desk, password: string): Promise<string> {
  const session = desk.session!;
  const keyring = desk.keyring();
  const key = await unwrapCounting(desk, keyring, session.accountId, password, 'settings.regenerateRecoveryKey', session.role);
  key.fill(0);
  const recovery = newRecoveryKey();
  const recoveryWrap = await makeRecoveryWrap(keyring, recovery.secret, desk.dataKey!);
  await desk.transaction(async (tx) => {
    await appendEvent(tx, { at: desk.now().toISOString(), actorId: session.accountId, actorRole: session.role, action: 'settings.regenerateRecoveryKey', outcome: 'ok', targetType: 'recoveryKey' });
    writeKeyring(desk.paths.keyring, withRecovery(keyring, recoveryWrap), desk.dataKey!);
  });
  return recovery.display;
}
