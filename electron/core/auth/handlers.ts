// auth.*: thin handlers over auth/service.ts.
import type { auth } from '../../../src-shared/api/auth';
import type { Handlers } from '../handler';
import * as service from './service';

export const authHandlers: Handlers<typeof auth> = {
  'auth.login': (input, { desk }) => service.login(desk, input.loginId, input.password),
  'auth.logout': async (_input, { desk }) => {
    await service.logout(desk);
    return { signedOut: true };
  },
  'auth.lock': async (_input, { desk }) => {
    await service.lockSession(desk, 'user');
    return { locked: true };
  },
  'auth.unlock': (input, { desk }) => service.unlock(desk, input.password),
  'auth.session': (_input, { session, db }) => service.currentSessionInfo(db, session!),
  'auth.heartbeat': async (_input, { desk, session }) => ({
    lockAt: new Date(desk.now().getTime() + session!.idleLockMinutes * 60_000).toISOString(),
  }),
  'auth.changePassword': (input, { desk }) => service.changePassword(desk, input.currentPassword, input.newPassword),
  'auth.recover': async (input, { desk }) => {
    await service.recover(desk, input.loginId, input.recoveryKey, input.newPassword);
    return { recovered: true };
  },
};
