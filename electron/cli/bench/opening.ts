// Opening: the password's key derivation (timed apart), then the unlock to the first search result, and
// what the unlock's integrity checks cost on their own.
import { performance } from 'node:perf_hooks';
import type { Core } from '../../core/core';
import { deriveKey, newPasswordKdf } from '../../core/keys/kdf';
import { all, close, openRaw } from './raw';

export interface OpeningFigures {
  /** argon2id with the desk's parameters for new passwords, alone. */
  kdfMs: number;
  /** The unlock after the key derivation (Desk.openWith: keyring MAC, integrity checks, migrations, queued events, retention). */
  unlockMs: number;
  /** The first customers.search once signed in. */
  firstSearchMs: number;
  /** Unlock to first result, the key derivation excluded: unlockMs + firstSearchMs. */
  openingMs: number;
  /** The unlock's checks timed alone on a raw connection: PRAGMA cipher_integrity_check, then PRAGMA quick_check. */
  cipherIntegrityCheckMs: number;
  quickCheckMs: number;
}

/** `makeCore` gives a fresh core on the desk's folder (nobody signed in); it is closed again before returning. */
export async function measureOpening(
  makeCore: () => Core,
  desk: { dataDir: string; dataKeyHex: string; officer: { loginId: string; password: string } },
  firstQuery: string,
): Promise<OpeningFigures> {
  let start = performance.now();
  await deriveKey(desk.officer.password, newPasswordKdf());
  const kdfMs = performance.now() - start;

  const core = makeCore();
  try {
    // The unlock with the key the derivation gives (the bench knows it): what a sign-in does once argon2id is done.
    start = performance.now();
    await core.desk.openWith(Buffer.from(desk.dataKeyHex, 'hex'), core.desk.keyring());
    const unlockMs = performance.now() - start;
    // The session as the window gets it (the database is already open, so this is the derivation and the account).
    const signedIn = await core.call('auth.login', desk.officer);
    if (!signedIn.ok) throw new Error(`auth.login failed: ${signedIn.error.code} ${signedIn.error.message}`);
    start = performance.now();
    const found = await core.call('customers.search', { query: firstQuery, page: 0, pageSize: 100, sort: 'kana' });
    const firstSearchMs = performance.now() - start;
    if (!found.ok) throw new Error(`customers.search failed: ${found.error.code} ${found.error.message}`);

    const raw = await openRaw(`${desk.dataDir}/desk.db`, desk.dataKeyHex, { readOnly: true });
    try {
      start = performance.now();
      await all(raw, 'PRAGMA cipher_integrity_check');
      const cipherIntegrityCheckMs = performance.now() - start;
      start = performance.now();
      await all(raw, 'PRAGMA quick_check');
      const quickCheckMs = performance.now() - start;
      return { kdfMs, unlockMs, firstSearchMs, openingMs: unlockMs + firstSearchMs, cipherIntegrityCheckMs, quickCheckMs };
    } finally {
      await close(raw);
    }
  } finally {
    await core.close();
  }
}
