// The recovery key: 160 random bits shown once as 32 Crockford base32 characters in groups of four.
import { base32crockford } from '@scure/base';
import { randomBytes } from 'node:crypto';

export function newRecoveryKey(): { display: string; secret: Buffer } {
  const secret = randomBytes(20);
  const text = base32crockford.encode(secret);
  return { display: text.match(/.{4}/g)!.join('-'), secret };
}

/** Reads a recovery key as a person types it back: any case, spaces or hyphens, O for 0 and I/L for 1. Null if malformed. */
export function parseRecoveryKey(typed: string): Buffer | null {
  const text = typed
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{32}$/.test(text)) return null;
  try {
    return Buffer.from(base32crockford.decode(text));
  } catch {
    return null;
  }
}
