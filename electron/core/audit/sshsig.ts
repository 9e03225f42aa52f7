// OpenSSH encodings of the installation's Ed25519 key: its fingerprint, an allowed_signers line, and a detached SSHSIG signature.
//
// Written from openssh-portable's PROTOCOL.sshsig (blob and signed-data layouts) and RFC 4253 §6.6 /
// RFC 8709 (ssh-ed25519 key and signature encodings), so that an auditor can check an audit file with
// `ssh-keygen -Y verify`, a tool they already have, without trusting ours. Pure: node:crypto only.
import { createHash, createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto';

/** The namespace every audit signature is made in: a signature for this purpose cannot be replayed as another. */
export const sshsigNamespace = 'privacy-desk-audit';

const keyType = 'ssh-ed25519';
// sha512, not sha256: what `ssh-keygen -Y sign` itself uses by default.
const sshsigHash = 'sha512';
const armorBegin = '-----BEGIN SSH SIGNATURE-----';
const armorEnd = '-----END SSH SIGNATURE-----';
// PROTOCOL.sshsig says "SHOULD" break at 76; ssh-keygen writes 70 and reads any width. We write what it writes.
const armorWidth = 70;

/** RFC 4253 `string`: a uint32 big-endian length, then the bytes. */
function sshString(value: string | Uint8Array): Buffer {
  const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(value);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

function uint32(value: number): Buffer {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(value);
  return out;
}

function checkRawPublicKey(publicKey: Uint8Array): void {
  if (publicKey.length !== 32) throw new Error(`an Ed25519 public key is 32 bytes, not ${publicKey.length}`);
}

/** The OpenSSH wire blob of an Ed25519 public key: string "ssh-ed25519", string key (RFC 8709 §4). */
export function sshPublicKeyBlob(publicKey: Uint8Array): Buffer {
  checkRawPublicKey(publicKey);
  return Buffer.concat([sshString(keyType), sshString(publicKey)]);
}

/** The key as `ssh-keygen -lf` prints it: "SHA256:" and the unpadded base64 of the blob's SHA-256. */
export function sshFingerprint(publicKey: Uint8Array): string {
  return `SHA256:${createHash('sha256').update(sshPublicKeyBlob(publicKey)).digest('base64').replace(/=+$/, '')}`;
}

/** `ssh-ed25519 AAAA...`: the public key as authorized_keys and allowed_signers write it. */
export function sshPublicKeyLine(publicKey: Uint8Array): string {
  return `${keyType} ${sshPublicKeyBlob(publicKey).toString('base64')}`;
}

/**
 * One allowed_signers line (ssh-keygen(1), "ALLOWED SIGNERS"): the installation id is the principal that
 * `ssh-keygen -Y verify -I` names, and the key may vouch for audit files only.
 */
export function allowedSignersLine(installationId: string, publicKey: Uint8Array): string {
  // A principal is a comma-separated pattern list: an id with spaces, commas or wildcards would change its meaning.
  if (!/^[A-Za-z0-9._@-]+$/.test(installationId)) throw new Error('an installation id must be a plain principal name');
  return `${installationId} namespaces="${sshsigNamespace}" ${sshPublicKeyLine(publicKey)}`;
}

/** A KeyObject from the raw 32-byte public key the database keeps. */
export function ed25519PublicKey(publicKey: Uint8Array): KeyObject {
  checkRawPublicKey(publicKey);
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey).toString('base64url') }, format: 'jwk' });
}

/** A KeyObject from what the database keeps (PKCS#8 DER), or the KeyObject itself. */
export function ed25519PrivateKey(privateKey: KeyObject | Uint8Array): KeyObject {
  const key = privateKey instanceof Uint8Array ? createPrivateKey({ key: Buffer.from(privateKey), format: 'der', type: 'pkcs8' }) : privateKey;
  if (key.type !== 'private' || key.asymmetricKeyType !== 'ed25519') throw new Error('the signing key must be an Ed25519 private key');
  return key;
}

/**
 * A detached, armored SSHSIG signature of `message`, as `ssh-keygen -Y sign -n privacy-desk-audit` makes:
 * the key signs "SSHSIG" ‖ namespace ‖ reserved ‖ hash name ‖ H(message), and the blob carries the public
 * key, namespace, hash name and the ssh-ed25519 signature.
 */
export function sshsigSign(message: Uint8Array, publicKey: Uint8Array, privateKey: KeyObject | Uint8Array): string {
  const key = ed25519PrivateKey(privateKey);
  const magic = Buffer.from('SSHSIG', 'ascii');
  const digest = createHash(sshsigHash).update(message).digest();
  const signedData = Buffer.concat([magic, sshString(sshsigNamespace), sshString(''), sshString(sshsigHash), sshString(digest)]);
  // Ed25519 takes no separate hash: node's sign() must be given `null` as the algorithm.
  const rawSignature = sign(null, signedData, key);
  const sshSignature = Buffer.concat([sshString(keyType), sshString(rawSignature)]);
  const blob = Buffer.concat([
    magic,
    uint32(1), // SIG_VERSION
    sshString(sshPublicKeyBlob(publicKey)),
    sshString(sshsigNamespace),
    sshString(''), // reserved
    sshString(sshsigHash),
    sshString(sshSignature),
  ]);
  const base64 = blob.toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < base64.length; i += armorWidth) lines.push(base64.slice(i, i + armorWidth));
  return `${armorBegin}\n${lines.join('\n')}\n${armorEnd}\n`;
}
