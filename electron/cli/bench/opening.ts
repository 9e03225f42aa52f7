// Opening: the password's key derivation (timed apart), then the unlock to the first search result, and how long the
// check of every page that the unlock starts beside the work (db/guard.ts) takes to finish.
import { performance } from 'node:perf_hooks';
import type { Core } from '../../core/core';
import { deriveKey, newPasswordKdf } from '../../core/keys/kdf';

export interface OpeningFigures {
  /** argon2id with the desk's parameters for new passwords, alone. */
  kdfMs: number;
  /** The unlock after the key derivation (Desk.openWith: keyring MAC, the file's first checks, migrations, retention). */
  unlockMs: number;
  /** The first customers.search once signed in. */
  firstSearchMs: number;
  /** Unlock to first result, the key derivation excluded: unlockMs + firstSearchMs. */
  openingMs: number;
  /** From the unlock until the check of every page, running beside the work, has finished. */
  wholeFileCheckMs: number;
}

/** `makeCore` gives a fresh core on the desk's folder (nobody signed in); it is closed again before returning. */
export async function measureOpening(
  makeCore: () => Core,
  desk: { dataKeyHex: string; officer: { loginId: string; password: string } },
  firstQuery: string,
): Promise<OpeningFigures> {
  let start = performance.now();
  await deriveKey(desk.officer.password, newPasswordKdf());
  const kdfMs = performance.now() - start;

  const core = makeCore();
  try {
    // The unlock with the key the derivation gives (the bench knows it): what a sign-in does once argon2id is done.
    const unlocked = performance.now();
    await core.desk.openWith(Buffer.from(desk.dataKeyHex, 'hex'), core.desk.keyring());
    const unlockMs = performance.now() - unlocked;
    const checked = core.desk.wholeFileChecked.then(() => performance.now() - unlocked);
    // The session as the window gets it (the database is already open, so this is the derivation and the account).
    const signedIn = await core.call('auth.login', desk.officer);
    if (!signedIn.ok) throw new Error(`auth.login failed: ${signedIn.error.code} ${signedIn.error.message}`);
    start = performance.now();
    const found = await core.call('customers.search', { query: firstQuery, page: 0, pageSize: 100, sort: 'kana' });
    const firstSearchMs = performance.now() - start;
    if (!found.ok) throw new Error(`customers.search failed: ${found.error.code} ${found.error.message}`);
    return { kdfMs, unlockMs, firstSearchMs, openingMs: unlockMs + firstSearchMs, wholeFileCheckMs: await checked };
  } finally {
    await core.close();
  }
}
