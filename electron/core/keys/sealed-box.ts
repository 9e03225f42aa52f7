// The data key sealed to an X25519 public key (ECDH + HKDF-SHA256 + AES-256-GCM, Node's crypto only): a new data key
// can be sealed to every account and to the recovery key without knowing their passwords or the recovery key.
import { createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, type KeyObject } from 'node:crypto';
import { open, seal, type Sealed } from './wrap';

export interface KeyPair {
  /** Raw 32-byte X25519 public key. */
  publicKey: Buffer;
  /** PKCS#8 DER of the private key: what the password (or the recovery key) seals. */
  privateKey: Buffer;
}

export interface SealedBox extends Sealed {
  /** Raw 32-byte public key of the one-time sender key pair, base64. */
  ephemeralKey: string;
}

function rawPublicKey(key: KeyObject): Buffer {
  return Buffer.from(key.export({ format: 'jwk' }).x!, 'base64url');
}

function publicKeyObject(raw: Buffer): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: raw.toString('base64url') }, format: 'jwk' });
}

export function newKeyPair(): KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return { publicKey: rawPublicKey(publicKey), privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }) as Buffer };
}

/** Both public keys go into the derivation, so a box opened with another recipient's key pair yields nothing. */
function boxKey(shared: Buffer, ephemeral: Buffer, recipient: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.concat([ephemeral, recipient]), 'privacy-desk sealed data key v2', 32));
}

export function sealTo(recipientPublicKey: Buffer, plaintext: Buffer, aad: string): SealedBox {
  const ephemeral = generateKeyPairSync('x25519');
  const ephemeralRaw = rawPublicKey(ephemeral.publicKey);
  const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: publicKeyObject(recipientPublicKey) });
  const key = boxKey(shared, ephemeralRaw, recipientPublicKey);
  shared.fill(0);
  return { ephemeralKey: ephemeralRaw.toString('base64'), ...seal(key, plaintext, aad) };
}

/** Null when the private key is not the box's recipient, or the box was altered (as `open`). */
export function openBox(privateKeyDer: Buffer, box: SealedBox, aad: string): Buffer | null {
  try {
    const privateKey = createPrivateKey({ key: privateKeyDer, format: 'der', type: 'pkcs8' });
    const ephemeralRaw = Buffer.from(box.ephemeralKey, 'base64');
    const shared = diffieHellman({ privateKey, publicKey: publicKeyObject(ephemeralRaw) });
    const key = boxKey(shared, ephemeralRaw, rawPublicKey(createPublicKey(privateKey)));
    shared.fill(0);
    return open(key, box, aad);
  } catch {
    // A malformed key or a low-order point: OpenSSL refuses the derivation, which is a wrong key all the same.
    return null;
  }
}
