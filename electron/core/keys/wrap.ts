// Wrapping the data key with AES-256-GCM; the associated data binds each wrap to its slot in the keyring.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface Sealed {
  iv: string; // base64, 96 bits
  ciphertext: string; // base64: the wrapped key followed by the 128-bit tag
}

export function seal(key: Buffer, plaintext: Buffer, aad: string): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return { iv: iv.toString('base64'), ciphertext: body.toString('base64') };
}

/** Returns null when the key is wrong or the wrap was altered: GCM cannot tell the two apart, and neither should we. */
export function open(key: Buffer, sealed: Sealed, aad: string): Buffer | null {
  try {
    const body = Buffer.from(sealed.ciphertext, 'base64');
    if (body.length < 17) return null;
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(body.subarray(body.length - 16));
    return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]);
  } catch {
    return null;
  }
}
