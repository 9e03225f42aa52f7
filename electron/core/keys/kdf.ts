// Key derivation: argon2id for passwords (slow on purpose), HKDF for the recovery key (already 160 random bits).
import { hashRaw, type Algorithm } from '@node-rs/argon2';

// @node-rs/argon2's Algorithm is an ambient const enum, which isolated modules cannot read: Argon2id is 2.
const argon2id = 2 as Algorithm;
import { hkdfSync, randomBytes } from 'node:crypto';

export interface Argon2Params {
  alg: 'argon2id';
  memoryKiB: number;
  iterations: number;
  parallelism: number;
  salt: string; // base64
}

export interface HkdfParams {
  alg: 'hkdf-sha256';
  salt: string; // base64
}

export type KdfParams = Argon2Params | HkdfParams;

/**
 * 256 MiB and 3 passes take 0.4–0.5 s on these 2-core machines (FACTS.md measured 64 MiB at ~55–140 ms):
 * slow enough to make guessing a stolen keyring expensive, quick enough for a sign-in.
 * The parameters travel with each wrap, so raising them later does not strand old wraps.
 */
export const passwordKdfDefaults = { memoryKiB: 256 * 1024, iterations: 3, parallelism: 1 } as const;

type PasswordKdfCost = { readonly memoryKiB: number; readonly iterations: number; readonly parallelism: number };

/** Cheap on purpose: for test runs only. */
// The keyring refuses less than 64 MiB (a downgraded keyring is a tampered one), so tests stay at that floor.
export const testPasswordKdfCost: PasswordKdfCost = { memoryKiB: 64 * 1024, iterations: 1, parallelism: 1 };

let passwordKdfCost: PasswordKdfCost = passwordKdfDefaults;

/**
 * For the test runs only (the unit tests' setup file and the loopback host's `--test-kdf`): wraps made after this call
 * use the given cost, so the thousands of sign-ins in `npm test` do not spend their time in argon2. The app never
 * calls it, and the cost travels with each wrap, so a desk made this way says so in its keyring.
 */
export function usePasswordKdfCost(cost: PasswordKdfCost): void {
  passwordKdfCost = cost;
}

export function newPasswordKdf(): Argon2Params {
  return { alg: 'argon2id', ...passwordKdfCost, salt: randomBytes(16).toString('base64') };
}

export function newRecoveryKdf(): HkdfParams {
  return { alg: 'hkdf-sha256', salt: randomBytes(16).toString('base64') };
}

export async function deriveKey(secret: string | Buffer, params: KdfParams): Promise<Buffer> {
  const salt = Buffer.from(params.salt, 'base64');
  if (params.alg === 'argon2id') {
    // NFKC: a password typed with full-width or half-width characters derives the same key.
    const input = typeof secret === 'string' ? secret.normalize('NFKC') : secret;
    return hashRaw(input, {
      algorithm: argon2id,
      memoryCost: params.memoryKiB,
      timeCost: params.iterations,
      parallelism: params.parallelism,
      outputLen: 32,
      salt,
    });
  }
  return Buffer.from(hkdfSync('sha256', secret, salt, 'privacy-desk recovery key v1', 32));
}
