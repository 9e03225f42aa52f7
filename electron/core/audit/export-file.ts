// Builds the text of a signed audit file from events already read; pure (no database, no files).
//
// The format, "privacy-desk-audit" version 1: UTF-8 JSON lines, each ending in "\n" (LF, never CRLF), no BOM.
//
//   line 1      {"type":"header","format":"privacy-desk-audit","version":1,"installationId",
//                "publicKey" (raw 32-byte Ed25519 key, base64),
//                "fingerprint" ("SHA256:..." exactly as `ssh-keygen -lf` prints it, so an auditor can compare it
//                               with the one the settings screen shows),
//                "from","to" (the range asked for: ISO times or null when open),
//                "exportedAt",
//                "prevSeq","prevHash" (the event just before the first one in the file: 0 and 64 zeros for an
//                                      export from the start; this is what lets a range verify on its own)}
//   lines 2..   {"type":"event","seq","at","actorId","actorRole","action","outcome","targetType","targetId",
//                "fields","details","prevHash","hash"}, in seq order, contiguous from prevSeq + 1.
//               "hash" is chain.ts's hashEvent(prevHash, event) over the ten event fields (RFC 8785 canonical JSON),
//               so the JSON spelling of a line (key order, spacing) does not matter to the hash.
//               "prevHash" repeats the hash the event was chained to when it was recorded. It is redundant for
//               checking, but it tells the verifier WHICH event was touched: if event 3 is edited and its hash
//               recomputed, event 4 still names the old hash of event 3, so the verifier blames 3, not 4.
//   last line   {"type":"trailer","count","head" (hash of the last event, or prevHash when the range is empty),
//                "signature" (Ed25519, base64, over every byte of the file before this line, header included)}.
//
// What the pieces prove: the chain shows where a naive edit, a dropped, reordered or inserted event is; the
// signature shows that nobody rebuilt the chain from an edit onwards (that only the signature can catch, and
// then no event can be named). The key travels in the header, so a forger can re-sign with their own key: the
// fingerprint is what an auditor compares with the desk's, and the detached OpenSSH signature (sshsig.ts) lets
// them check the same key with ssh-keygen.
//
// The whole file is built in memory because Node's Ed25519 signs a message, not a stream (no Ed25519ph); at
// ~400 bytes an event that is fine for hundreds of thousands of events, and a range export keeps it smaller.
import { createPublicKey, sign, type KeyObject } from 'node:crypto';
import type { AuditEvent } from './event-hash';
import { ed25519PrivateKey, sshFingerprint } from './sshsig';

export const auditFileFormat = 'privacy-desk-audit';
export const auditFileVersion = 1;

/** An event as the file carries it: the chained event, the hash it was chained to, and its own hash. */
export type ExportedEvent = AuditEvent & { prevHash: string; hash: string };

export interface AuditFileHeader {
  type: 'header';
  format: typeof auditFileFormat;
  version: typeof auditFileVersion;
  installationId: string;
  publicKey: string;
  fingerprint: string;
  from: string | null;
  to: string | null;
  exportedAt: string;
  prevSeq: number;
  prevHash: string;
}

export interface AuditFileTrailer {
  type: 'trailer';
  count: number;
  head: string;
  signature: string;
}

export interface AuditFileInput {
  installationId: string;
  /** Raw 32-byte Ed25519 public key (installation.signing_public_key). */
  publicKey: Uint8Array;
  /** PKCS#8 DER (installation.signing_private_key) or a KeyObject. */
  privateKey: KeyObject | Uint8Array;
  events: readonly ExportedEvent[];
  /** Seq and hash of the event before the first exported one: 0 and genesisHash for an export from the start. */
  prevSeq: number;
  prevHash: string;
  range: { from?: string | null; to?: string | null };
  exportedAt: string;
}

/** One event line; the key order is fixed so that two exports of the same events are byte for byte the same. */
export function eventLine(event: ExportedEvent): string {
  return JSON.stringify({
    type: 'event',
    seq: event.seq,
    at: event.at,
    actorId: event.actorId,
    actorRole: event.actorRole,
    action: event.action,
    outcome: event.outcome,
    targetType: event.targetType,
    targetId: event.targetId,
    fields: event.fields,
    details: event.details,
    prevHash: event.prevHash,
    hash: event.hash,
  });
}

export function buildAuditFile(input: AuditFileInput): string {
  const privateKey = ed25519PrivateKey(input.privateKey);
  // A file signed by a key other than the one in its header would never verify: refuse to write it.
  const derived = Buffer.from(createPublicKey(privateKey).export({ format: 'jwk' }).x ?? '', 'base64url');
  if (!derived.equals(Buffer.from(input.publicKey))) throw new Error('the signing key does not match the public key');

  const header: AuditFileHeader = {
    type: 'header',
    format: auditFileFormat,
    version: auditFileVersion,
    installationId: input.installationId,
    publicKey: Buffer.from(input.publicKey).toString('base64'),
    fingerprint: sshFingerprint(input.publicKey),
    from: input.range.from ?? null,
    to: input.range.to ?? null,
    exportedAt: input.exportedAt,
    prevSeq: input.prevSeq,
    prevHash: input.prevHash,
  };
  const lines = [JSON.stringify(header)];
  for (const event of input.events) lines.push(eventLine(event));
  const signed = Buffer.from(lines.map((line) => `${line}\n`).join(''), 'utf8');

  const last = input.events.at(-1);
  const trailer: AuditFileTrailer = {
    type: 'trailer',
    count: input.events.length,
    head: last ? last.hash : input.prevHash,
    signature: sign(null, signed, privateKey).toString('base64'),
  };
  return `${signed.toString('utf8')}${JSON.stringify(trailer)}\n`;
}
