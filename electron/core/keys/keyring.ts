// keyring.json: the file beside the database that opens the data key, once per account password and once by the recovery
// key. It holds no personal data: accounts appear as random ids, login ids only as keyed lookups.
//
// Version 2 gives each account (and the recovery key) an X25519 key pair: its private key sealed by the password's
// argon2id key (by the recovery key), and the data key sealed to its public key. A new data key can then be sealed to
// everyone at once (keys.rotate). Version 1 sealed the data key with the password's key directly; its wraps are still
// read, and each is replaced by a version 2 slot when its password (or the recovery key) is next used.
import canonicalize from 'canonicalize';
import { createHmac, hkdfSync, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { DeskError } from '../errors';
import { writeFileAtomic } from '../files';

const base64 = z.string().min(1);
const sealedFields = { iv: base64, ciphertext: base64 };
const argon2 = z.object({
  alg: z.literal('argon2id'),
  memoryKiB: z.number().int().min(65536),
  iterations: z.number().int().min(1),
  parallelism: z.number().int().min(1),
  salt: base64,
});
const hkdf = z.object({ alg: z.literal('hkdf-sha256'), salt: base64 });
const lookup = z.string().regex(/^[0-9a-f]{64}$/);
const sealedDataKey = z.object({ ephemeralKey: base64, ...sealedFields });

/** Version 1: the data key sealed with the password's key. */
const legacyPasswordWrap = z.object({ kind: z.literal('password'), accountId: z.uuid(), lookup, kdf: argon2, ...sealedFields });
/** Version 2: iv/ciphertext seal the account's private key; `dataKey` is sealed to its public key. */
const accountSlot = z.object({ kind: z.literal('account'), accountId: z.uuid(), lookup, publicKey: base64, kdf: argon2, ...sealedFields, dataKey: sealedDataKey });
const legacyRecoveryWrap = z.object({ kind: z.literal('recovery'), kdf: hkdf, ...sealedFields });
const recoverySlot = z.object({ kind: z.literal('recovery-key'), publicKey: base64, kdf: hkdf, ...sealedFields, dataKey: sealedDataKey });

const keyringSchema = z.object({
  format: z.literal('privacy-desk-keyring'),
  version: z.union([z.literal(1), z.literal(2)]),
  installationId: z.uuid(),
  lookupSalt: base64,
  passwords: z.array(z.discriminatedUnion('kind', [legacyPasswordWrap, accountSlot])),
  recovery: z.discriminatedUnion('kind', [legacyRecoveryWrap, recoverySlot]),
  mac: z.string().regex(/^[0-9a-f]{64}$/),
});

export type Keyring = z.infer<typeof keyringSchema>;
export type KeyringBody = Omit<Keyring, 'mac'>;
export type LegacyPasswordWrap = z.infer<typeof legacyPasswordWrap>;
export type AccountSlot = z.infer<typeof accountSlot>;
export type PasswordWrap = Keyring['passwords'][number];
export type LegacyRecoveryWrap = z.infer<typeof legacyRecoveryWrap>;
export type RecoverySlot = z.infer<typeof recoverySlot>;

/** The keyring's own fields, without the MAC. */
export function bodyOf(keyring: Keyring | KeyringBody): KeyringBody {
  const { mac: _mac, ...body } = keyring as Keyring;
  return body;
}

function macOf(keyring: Keyring | KeyringBody, dataKey: Buffer): string {
  const macKey = Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'privacy-desk keyring mac v1', 32));
  return createHmac('sha256', macKey).update(canonicalize(bodyOf(keyring))!).digest('hex');
}

/** Login ids are matched case- and width-insensitively, and stored only as a keyed hash. */
export function lookupOf(keyring: Pick<Keyring, 'lookupSalt'>, loginId: string): string {
  return createHmac('sha256', Buffer.from(keyring.lookupSalt, 'base64')).update(loginId.normalize('NFKC').toLowerCase()).digest('hex');
}

/** A keyring as found in a file or a backup's header; throws INTEGRITY keyring.damaged when it is not one. */
export function parseKeyring(parsed: unknown): Keyring {
  const result = keyringSchema.safeParse(parsed);
  if (!result.success) throw new DeskError('INTEGRITY', 'keyring.damaged');
  return result.data;
}

export function readKeyring(file: string): Keyring | null {
  if (!existsSync(file)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new DeskError('INTEGRITY', 'keyring.damaged');
  }
  return parseKeyring(parsed);
}

/** Whatever it was read as, a keyring is written as version 2 (a version 1 wrap inside stays readable). */
export function sealKeyring(body: KeyringBody, dataKey: Buffer): Keyring {
  const current: KeyringBody = { ...bodyOf(body), version: 2 };
  return { ...current, mac: macOf(current, dataKey) };
}

export function writeKeyring(file: string, body: KeyringBody, dataKey: Buffer): Keyring {
  const keyring = sealKeyring(body, dataKey);
  writeFileAtomic(file, `${JSON.stringify(keyring, null, 2)}\n`);
  return keyring;
}

/** After a wrap opened: any edit of the keyring (a wrap swapped, removed or added) fails this check. */
export function keyringMacMatches(keyring: Keyring, dataKey: Buffer): boolean {
  const expected = Buffer.from(macOf(keyring, dataKey), 'hex');
  const actual = Buffer.from(keyring.mac, 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

export function checkKeyringMac(keyring: Keyring, dataKey: Buffer): void {
  if (!keyringMacMatches(keyring, dataKey)) throw new DeskError('INTEGRITY', 'keyring.tampered');
}

export function findPasswordWrap(keyring: Keyring, loginId: string): PasswordWrap | undefined {
  const lookup = lookupOf(keyring, loginId);
  return keyring.passwords.find((w) => w.lookup === lookup);
}

/** A new keyring for a new desk: a fresh installation id and lookup salt. */
export function newKeyringBase(): Pick<Keyring, 'format' | 'version' | 'installationId' | 'lookupSalt'> {
  return { format: 'privacy-desk-keyring', version: 2, installationId: randomUUID(), lookupSalt: randomBytes(16).toString('base64') };
}

/** Replaces (or adds) one account's wrap. */
export function withPasswordWrap(keyring: Keyring | KeyringBody, wrap: PasswordWrap): KeyringBody {
  const body = bodyOf(keyring);
  return { ...body, passwords: [...body.passwords.filter((w) => w.accountId !== wrap.accountId), wrap] };
}

export function withoutPasswordWrap(keyring: Keyring | KeyringBody, accountId: string): KeyringBody {
  const body = bodyOf(keyring);
  return { ...body, passwords: body.passwords.filter((w) => w.accountId !== accountId) };
}

export function withRecovery(keyring: Keyring | KeyringBody, recovery: Keyring['recovery']): KeyringBody {
  return { ...bodyOf(keyring), recovery };
}

/** Wraps of version 1 still in the keyring: a rotation would lock them out, so it waits until they are converted. */
export function legacyWraps(keyring: Keyring): { accounts: number; recoveryKey: boolean } {
  return { accounts: keyring.passwords.filter((w) => w.kind === 'password').length, recoveryKey: keyring.recovery.kind === 'recovery' };
}
