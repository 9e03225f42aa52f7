// keyring.json: the data key wrapped once per account password and once by the recovery key, beside the database.
// It holds no personal data: accounts appear as random ids, login ids only as keyed lookups.
import canonicalize from 'canonicalize';
import { createHmac, hkdfSync, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { DeskError } from '../errors';
import { writeFileAtomic } from '../files';
import { deriveKey, newPasswordKdf, newRecoveryKdf } from './kdf';
import { open, seal } from './wrap';

const sealedFields = { iv: z.string().min(1), ciphertext: z.string().min(1) };
const argon2 = z.object({
  alg: z.literal('argon2id'),
  memoryKiB: z.number().int().min(65536),
  iterations: z.number().int().min(1),
  parallelism: z.number().int().min(1),
  salt: z.string().min(1),
});
const hkdf = z.object({ alg: z.literal('hkdf-sha256'), salt: z.string().min(1) });

const passwordWrap = z.object({ kind: z.literal('password'), accountId: z.uuid(), lookup: z.string().regex(/^[0-9a-f]{64}$/), kdf: argon2, ...sealedFields });
const recoveryWrap = z.object({ kind: z.literal('recovery'), kdf: hkdf, ...sealedFields });

const keyringSchema = z.object({
  format: z.literal('privacy-desk-keyring'),
  version: z.literal(1),
  installationId: z.uuid(),
  lookupSalt: z.string().min(1),
  passwords: z.array(passwordWrap),
  recovery: recoveryWrap,
  mac: z.string().regex(/^[0-9a-f]{64}$/),
});

export type Keyring = z.infer<typeof keyringSchema>;
export type PasswordWrap = z.infer<typeof passwordWrap>;

function aad(keyring: Pick<Keyring, 'installationId'>, slot: string): string {
  return `privacy-desk-keyring/1|${keyring.installationId}|${slot}`;
}

function macOf(keyring: Omit<Keyring, 'mac'>, dataKey: Buffer): string {
  const { mac: _mac, ...body } = keyring as Keyring;
  const macKey = Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'privacy-desk keyring mac v1', 32));
  return createHmac('sha256', macKey).update(canonicalize(body)!).digest('hex');
}

/** Login ids are matched case- and width-insensitively, and stored only as a keyed hash. */
export function lookupOf(keyring: Pick<Keyring, 'lookupSalt'>, loginId: string): string {
  return createHmac('sha256', Buffer.from(keyring.lookupSalt, 'base64')).update(loginId.normalize('NFKC').toLowerCase()).digest('hex');
}

export function readKeyring(file: string): Keyring | null {
  if (!existsSync(file)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new DeskError('INTEGRITY', 'keyring.damaged');
  }
  const result = keyringSchema.safeParse(parsed);
  if (!result.success) throw new DeskError('INTEGRITY', 'keyring.damaged');
  return result.data;
}

export function writeKeyring(file: string, body: Omit<Keyring, 'mac'>, dataKey: Buffer): Keyring {
  const keyring: Keyring = { ...body, mac: macOf(body, dataKey) } as Keyring;
  writeFileAtomic(file, `${JSON.stringify(keyring, null, 2)}\n`);
  return keyring;
}

/** After a wrap opened: any edit of the keyring (a wrap swapped, removed or added) fails this check. */
export function checkKeyringMac(keyring: Keyring, dataKey: Buffer): void {
  const expected = Buffer.from(macOf(keyring, dataKey), 'hex');
  const actual = Buffer.from(keyring.mac, 'hex');
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) throw new DeskError('INTEGRITY', 'keyring.tampered');
}

export function findPasswordWrap(keyring: Keyring, loginId: string): PasswordWrap | undefined {
  const lookup = lookupOf(keyring, loginId);
  return keyring.passwords.find((w) => w.lookup === lookup);
}

export async function openPasswordWrap(keyring: Keyring, wrap: PasswordWrap, password: string): Promise<Buffer | null> {
  const kek = await deriveKey(password, wrap.kdf);
  return open(kek, wrap, aad(keyring, `password|${wrap.accountId}`));
}

export async function openRecoveryWrap(keyring: Keyring, secret: Buffer): Promise<Buffer | null> {
  const kek = await deriveKey(secret, keyring.recovery.kdf);
  return open(kek, keyring.recovery, aad(keyring, 'recovery'));
}

export async function makePasswordWrap(
  keyring: Pick<Keyring, 'installationId' | 'lookupSalt'>,
  accountId: string,
  loginId: string,
  password: string,
  dataKey: Buffer,
): Promise<PasswordWrap> {
  const kdf = newPasswordKdf();
  const kek = await deriveKey(password, kdf);
  return { kind: 'password', accountId, lookup: lookupOf(keyring, loginId), kdf, ...seal(kek, dataKey, aad(keyring, `password|${accountId}`)) };
}

export async function makeRecoveryWrap(keyring: Pick<Keyring, 'installationId'>, secret: Buffer, dataKey: Buffer): Promise<Keyring['recovery']> {
  const kdf = newRecoveryKdf();
  const kek = await deriveKey(secret, kdf);
  return { kind: 'recovery', kdf, ...seal(kek, dataKey, aad(keyring, 'recovery')) };
}

/** A new keyring for a new desk: a fresh installation id and lookup salt. */
export function newKeyringBase(): Pick<Keyring, 'format' | 'version' | 'installationId' | 'lookupSalt'> {
  return { format: 'privacy-desk-keyring', version: 1, installationId: randomUUID(), lookupSalt: randomBytes(16).toString('base64') };
}

/** Replaces (or adds) one account's wrap. */
export function withPasswordWrap(keyring: Keyring, wrap: PasswordWrap): Omit<Keyring, 'mac'> {
  const { mac: _mac, ...body } = keyring;
  return { ...body, passwords: [...body.passwords.filter((w) => w.accountId !== wrap.accountId), wrap] };
}

export function withoutPasswordWrap(keyring: Keyring, accountId: string): Omit<Keyring, 'mac'> {
  const { mac: _mac, ...body } = keyring;
  return { ...body, passwords: body.passwords.filter((w) => w.accountId !== accountId) };
}
