// Opening and making the keyring's slots: an account's (by its password) and the recovery key's, version 2 and the
// version 1 wraps still read; and re-sealing a new data key to every slot without any password.
import { DeskError } from '../errors';
import { deriveKey, newPasswordKdf, newRecoveryKdf } from './kdf';
import {
  bodyOf,
  lookupOf,
  type AccountSlot,
  type Keyring,
  type KeyringBody,
  type PasswordWrap,
  type RecoverySlot,
} from './keyring';
import { newKeyPair, openBox, sealTo } from './sealed-box';
import { open, seal } from './wrap';

type Installation = Pick<Keyring, 'installationId'>;

/** Associated data: binds each sealed value to its installation, its slot and (for a private key) its public key. */
function aad(keyring: Installation, version: 1 | 2, slot: string): string {
  return `privacy-desk-keyring/${version}|${keyring.installationId}|${slot}`;
}

const accountName = (accountId: string) => `account|${accountId}`;

/** The data key from a slot's private key; null when something does not fit. */
function openDataKey(keyring: Installation, slotName: string, slot: AccountSlot | RecoverySlot, kek: Buffer): Buffer | null {
  const privateKey = open(kek, slot, aad(keyring, 2, `private-key|${slotName}|${slot.publicKey}`));
  if (!privateKey) return null;
  try {
    return openBox(privateKey, slot.dataKey, aad(keyring, 2, `data-key|${slotName}`));
  } finally {
    privateKey.fill(0);
  }
}

/** The data key, or null for a wrong password (or an altered wrap: GCM cannot tell the two apart). */
export async function openPasswordWrap(keyring: Keyring, wrap: PasswordWrap, password: string): Promise<Buffer | null> {
  const kek = await deriveKey(password, wrap.kdf);
  try {
    if (wrap.kind === 'password') return open(kek, wrap, aad(keyring, 1, `password|${wrap.accountId}`));
    return openDataKey(keyring, accountName(wrap.accountId), wrap, kek);
  } finally {
    kek.fill(0);
  }
}

export async function openRecoveryWrap(keyring: Keyring, secret: Buffer): Promise<Buffer | null> {
  const recovery = keyring.recovery;
  const kek = await deriveKey(secret, recovery.kdf);
  try {
    if (recovery.kind === 'recovery') return open(kek, recovery, aad(keyring, 1, 'recovery'));
    return openDataKey(keyring, 'recovery', recovery, kek);
  } finally {
    kek.fill(0);
  }
}

/** A version 2 slot for an account: a new key pair, its private key sealed by the password, the data key sealed to it. */
export async function makePasswordWrap(
  keyring: Installation & Pick<Keyring, 'lookupSalt'>,
  accountId: string,
  loginId: string,
  password: string,
  dataKey: Buffer,
): Promise<AccountSlot> {
  const kdf = newPasswordKdf();
  const kek = await deriveKey(password, kdf);
  const pair = newKeyPair();
  const publicKey = pair.publicKey.toString('base64');
  const name = accountName(accountId);
  try {
    return {
      kind: 'account',
      accountId,
      lookup: lookupOf(keyring, loginId),
      publicKey,
      kdf,
      ...seal(kek, pair.privateKey, aad(keyring, 2, `private-key|${name}|${publicKey}`)),
      dataKey: sealTo(pair.publicKey, dataKey, aad(keyring, 2, `data-key|${name}`)),
    };
  } finally {
    kek.fill(0);
    pair.privateKey.fill(0);
  }
}

export async function makeRecoveryWrap(keyring: Installation, secret: Buffer, dataKey: Buffer): Promise<RecoverySlot> {
  const kdf = newRecoveryKdf();
  const kek = await deriveKey(secret, kdf);
  const pair = newKeyPair();
  const publicKey = pair.publicKey.toString('base64');
  try {
    return {
      kind: 'recovery-key',
      publicKey,
      kdf,
      ...seal(kek, pair.privateKey, aad(keyring, 2, `private-key|recovery|${publicKey}`)),
      dataKey: sealTo(pair.publicKey, dataKey, aad(keyring, 2, 'data-key|recovery')),
    };
  } finally {
    kek.fill(0);
    pair.privateKey.fill(0);
  }
}

/**
 * The same keyring with a new data key sealed to every account's and the recovery key's public key. Their private
 * keys stay as they are, so each password and the recovery key open the new data key; the old sealed keys are gone.
 * Version 1 wraps cannot be re-sealed without their password: the caller refuses to rotate while any remain.
 */
export function resealDataKey(keyring: Keyring, newDataKey: Buffer): KeyringBody {
  const body = bodyOf(keyring);
  const passwords = body.passwords.map((slot) => {
    if (slot.kind !== 'account') throw new DeskError('CONFLICT', 'keys.legacyAccounts');
    return { ...slot, dataKey: sealTo(Buffer.from(slot.publicKey, 'base64'), newDataKey, aad(keyring, 2, `data-key|${accountName(slot.accountId)}`)) };
  });
  const recovery = body.recovery;
  if (recovery.kind !== 'recovery-key') throw new DeskError('CONFLICT', 'keys.legacyRecovery');
  return {
    ...body,
    passwords,
    recovery: { ...recovery, dataKey: sealTo(Buffer.from(recovery.publicKey, 'base64'), newDataKey, aad(keyring, 2, 'data-key|recovery')) },
  };
}
