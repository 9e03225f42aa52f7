// settings.*: the manager-in-charge, the idle lock, the recovery key.
import type { settings } from '../../../src-shared/api/settings';
import { regenerateRecoveryKey } from '../auth/service';
import type { Handlers } from '../handler';
import { readSettings, writeIdleLockMinutes, writeManager } from './store';

export const settingsHandlers: Handlers<typeof settings> = {
  'settings.get': async (_input, { db }) => readSettings(db),

  'settings.update': async (input, { db, desk, audit }) => {
    const fields: string[] = [];
    if (input.idleLockMinutes !== undefined) {
      await writeIdleLockMinutes(db, input.idleLockMinutes);
      if (desk.session) desk.session.idleLockMinutes = input.idleLockMinutes;
      fields.push('idleLockMinutes');
    }
    if (input.manager) {
      await writeManager(db, input.manager, desk.now().toISOString());
      fields.push('manager.name', 'manager.title', 'manager.email', 'manager.phone');
    }
    audit.targetType = 'settings';
    audit.fields = fields;
    return readSettings(db);
  },

  'settings.regenerateRecoveryKey': async (input, { desk }) => {
    return { recoveryKey: await regenerateRecoveryKey(desk, input.password) };
  },
};
