// The contract holds for every method: derived from `api`, never from a hand-written list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, methodNames } from '../../../src-shared/api';
import type { MethodSpec } from '../../../src-shared/api/method';
import { handlers } from '../../../electron/core/core';
import { errorOf, officer, setUpDesk, type TestDesk } from '../helpers/desk';

let desk: TestDesk & { recoveryKey: string };
beforeAll(async () => {
  desk = await setUpDesk();
});
afterAll(async () => desk.dispose());

const publicMethods = methodNames.filter((m) => (api[m] as MethodSpec).access === 'public');

describe('the contract', () => {
  it('every method has a handler, and every handler a method', () => {
    expect(Object.keys(handlers).sort()).toEqual([...methodNames].sort());
  });

  it('only setup, sign-in and the restore of a backup on a fresh installation are callable without a session', () => {
    expect(publicMethods.sort()).toEqual(['auth.login', 'auth.recover', 'backup.restore', 'setup.createOfficer', 'setup.status']);
  });

  it.each(methodNames.filter((m) => !publicMethods.includes(m)))('%s refuses a call without a session with UNAUTHENTICATED', async (method) => {
    const error = errorOf(await desk.call(method, {}));
    expect(error.code).toBe('UNAUTHENTICATED');
  });

  it.each(methodNames.filter((m) => !publicMethods.includes(m) && !(api[m] as MethodSpec).whileLocked))('%s is refused while the desk is locked', async (method) => {
    await desk.ok('auth.login', { loginId: officer.loginId, password: officer.password });
    await desk.ok('auth.lock');
    try {
      expect(errorOf(await desk.call(method, {})).code).toBe('SESSION_LOCKED');
    } finally {
      await desk.ok('auth.logout');
    }
  });

  it('an unknown method is NOT_FOUND, not a crash', async () => {
    expect(errorOf(await desk.call('customers.dropAll', {}))).toEqual({ code: 'NOT_FOUND', message: 'method.unknown' });
    expect(errorOf(await desk.call('__proto__', {})).code).toBe('NOT_FOUND');
    expect(errorOf(await desk.call('constructor', {})).code).toBe('NOT_FOUND');
  });

  it('input that is not an object is a VALIDATION error', async () => {
    for (const input of [[], 'x', 42, { loginId: ['a'], password: {} }]) {
      expect(errorOf(await desk.call('auth.login', input)).code).toBe('VALIDATION');
    }
  });
});
