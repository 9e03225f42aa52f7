// A keyring as desks made before keyring version 2 wrote it: the data key sealed directly with each password's argon2id
// key and with the recovery key, the MAC keyed from the data key. Written here from that format, not from today's code.
import canonicalize from 'canonicalize';
import { createHmac, hkdfSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { deriveKey, newPasswordKdf, newRecoveryKdf } from '../../../../electron/core/keys/kdf';
import { lookupOf } from '../../../../electron/core/keys/keyring';
import { parseRecoveryKey } from '../../../../electron/core/keys/recovery-key';
import { seal } from '../../../../electron/core/keys/wrap';

export interface Holder {
  accountId: string;
  loginId: string;
  password: string;
}

export async function writeVersion1Keyring(file: string, dataKey: Buffer, holders: Holder[], recoveryKey: string): Promise<void> {
  const current = JSON.parse(readFileSync(file, 'utf8')) as { installationId: string; lookupSalt: string };
  const aad = (slot: string) => `privacy-desk-keyring/1|${current.installationId}|${slot}`;
  const passwords = [];
  for (const holder of holders) {
    const kdf = newPasswordKdf();
    const kek = await deriveKey(holder.password, kdf);
    passwords.push({ kind: 'password', accountId: holder.accountId, lookup: lookupOf(current, holder.loginId), kdf, ...seal(kek, dataKey, aad(`password|${holder.accountId}`)) });
  }
  const recoveryKdf = newRecoveryKdf();
  const recoveryKek = await deriveKey(parseRecoveryKey(recoveryKey)!, recoveryKdf);
  const body = {
    format: 'privacy-desk-keyring',
    version: 1,
    installationId: current.installationId,
    lookupSalt: current.lookupSalt,
    passwords,
    recovery: { kind: 'recovery', kdf: recoveryKdf, ...seal(recoveryKek, dataKey, aad('recovery')) },
  };
  const macKey = Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'privacy-desk keyring mac v1', 32));
  const mac = createHmac('sha256', macKey).update(canonicalize(body)!).digest('hex');
  writeFileSync(file, `${JSON.stringify({ ...body, mac }, null, 2)}\n`);
}

/** The kinds of wraps in a keyring file: version 1 ('password', 'recovery') or version 2 ('account', 'recovery-key'). */
export function wrapKinds(file: string): { version: number; accounts: Record<string, string>; recovery: string } {
  const keyring = JSON.parse(readFileSync(file, 'utf8')) as { version: number; passwords: { accountId: string; kind: string }[]; recovery: { kind: string } };
  return { version: keyring.version, accounts: Object.fromEntries(keyring.passwords.map((w) => [w.accountId, w.kind])), recovery: keyring.recovery.kind };
}
