// setup.*: the first run of a desk: its keys, the officer, the manager-in-charge, the recovery key.
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import type { setup } from '../../../src-shared/api/setup';
import { idleLockBounds } from '../../../src-shared/domain';
import { appendEvent } from '../audit/chain';
import { checkPasswordRules } from '../auth/service';
import { DeskError } from '../errors';
import type { Handlers } from '../handler';
import { newKeyringBase, writeKeyring } from '../keys/keyring';
import { makePasswordWrap, makeRecoveryWrap } from '../keys/slots';
import { newRecoveryKey } from '../keys/recovery-key';
import { writeIdleLockMinutes, writeManager } from '../settings/store';

export const setupHandlers: Handlers<typeof setup> = {
  'setup.status': async (_input, { desk }) => ({ needsSetup: !desk.isSetUp() }),

  'setup.createOfficer': async (input, { desk }) => {
    if (desk.isSetUp()) throw new DeskError('CONFLICT', 'setup.alreadyDone');
    const loginId = input.loginId.normalize('NFKC').toLowerCase();
    await checkPasswordRules(input.password, loginId, [input.displayName]);
    desk.setAsideOrphanDatabase();

    const dataKey = randomBytes(32);
    const recovery = newRecoveryKey();
    const base = newKeyringBase();
    const accountId = randomUUID();
    const now = desk.now().toISOString();
    // The signing key of audit files: generated here, kept only inside the encrypted database.
    const signing = generateKeyPairSync('ed25519');
    const publicRaw = signing.publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);

    try {
      const db = await desk.create(dataKey);
      await db.transaction().execute(async (tx) => {
        await tx
          .insertInto('installation')
          .values({
            id: 1,
            installation_id: base.installationId,
            created_at: now,
            audit_hmac_key: randomBytes(32),
            signing_public_key: Buffer.from(publicRaw),
            signing_private_key: signing.privateKey.export({ format: 'der', type: 'pkcs8' }) as Buffer,
          })
          .execute();
        await tx
          .insertInto('accounts')
          .values({
            id: accountId,
            login_id: loginId,
            display_name: input.displayName,
            role: 'officer',
            department: null,
            status: 'active',
            must_change_password: 0,
            created_at: now,
            updated_at: now,
            last_sign_in_at: null,
            password_changed_at: now,
          })
          .execute();
        await writeManager(tx, input.manager, now);
        await writeIdleLockMinutes(tx, idleLockBounds.default);
        await appendEvent(tx, { at: now, actorId: accountId, actorRole: 'officer', action: 'setup.createOfficer', outcome: 'ok', targetType: 'account', targetId: accountId, fields: ['displayName', 'loginId', 'manager'] });
      });
      const passwordWrap = await makePasswordWrap(base, accountId, loginId, input.password, dataKey);
      const recoveryWrap = await makeRecoveryWrap(base, recovery.secret, dataKey);
      await desk.close();
      // The keyring is written last: it is what makes the desk "set up". A crash before it leaves an orphan
      // database, set aside on the next attempt.
      writeKeyring(desk.paths.keyring, { ...base, passwords: [passwordWrap], recovery: recoveryWrap }, dataKey);
    } finally {
      dataKey.fill(0);
      await desk.close();
    }
    return { recoveryKey: recovery.display };
  },
};
