// Checks an audit file on its own (no database, no app): every hash, the sequence, the trailer and the signature.
//
// Order of the checks, and why: the chain is walked first, because it can NAME the event that fails (an edit,
// a dropped, reordered or inserted event); then the lines that could not be read (a cut line, junk); then the
// trailer and the signature, which can only say "the file was changed". A valid file still only proves that
// the key in its header signed it: the fingerprint is returned so the auditor compares it with the desk's.
// The format is described at the top of export-file.ts.
import { verify } from 'node:crypto';
import { hashEvent, type AuditEvent } from './event-hash';
import { auditFileFormat, auditFileVersion, type ExportedEvent } from './export-file';
import { ed25519PublicKey, sshFingerprint } from './sshsig';

export const invalidReasons = {
  empty: 'empty file',
  'not-audit-file': 'not an audit file',
  'unsupported-version': 'unsupported audit file version',
  'bad-header': 'unreadable header',
  'fingerprint-mismatch': 'the header fingerprint does not match its public key',
  'edited-event': 'edited event',
  'missing-event': 'missing event',
  'out-of-order': 'events out of order',
  'inserted-event': 'inserted event',
  'broken-link': 'the first event does not follow the hash the header gives',
  'malformed-event': 'unreadable event line',
  truncated: 'truncated file',
  'bad-trailer': 'unreadable trailer',
  'trailing-data': 'data after the trailer',
  'count-mismatch': 'the trailer count does not match the events',
  'head-mismatch': 'the trailer head does not match the last event',
  'bad-signature': 'bad signature (the file was changed, or signed by another key)',
} as const;

export type InvalidReason = keyof typeof invalidReasons;

export type AuditFileCheck =
  | { valid: true; events: number; head: string; fingerprint: string; installationId: string; from: string | null; to: string | null; prevHash: string }
  | { valid: false; reason: InvalidReason; message: string; seq?: number };

function invalid(reason: InvalidReason, seq?: number): AuditFileCheck {
  return seq === undefined ? { valid: false, reason, message: invalidReasons[reason] } : { valid: false, reason, message: invalidReasons[reason], seq };
}

/** The CLI's line: `invalid: <reason> at event <seq>`, or without the event when none applies. */
export function describeCheck(check: AuditFileCheck): string {
  if (check.valid) return `valid: ${check.events} events, head ${check.head}, signed by ${check.fingerprint}`;
  return check.seq === undefined ? `invalid: ${check.message}` : `invalid: ${check.message} at event ${check.seq}`;
}

const hex64 = /^[0-9a-f]{64}$/;
const strictBase64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function base64Bytes(value: unknown, length: number): Buffer | null {
  if (typeof value !== 'string' || !strictBase64.test(value)) return null;
  const bytes = Buffer.from(value, 'base64');
  return bytes.length === length ? bytes : null;
}

type Json = Record<string, unknown>;

function parseObject(line: string): Json | null {
  try {
    const value: unknown = JSON.parse(line);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : null;
  } catch {
    return null;
  }
}

const isStringOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';
const eventKeys = ['type', 'seq', 'at', 'actorId', 'actorRole', 'action', 'outcome', 'targetType', 'targetId', 'fields', 'details', 'prevHash', 'hash'];

/** An event line's fields, exactly the ones that are hashed; null when a field is missing, extra or of the wrong kind. */
function toEvent(line: Json): ExportedEvent | null {
  const keys = Object.keys(line);
  if (keys.length !== eventKeys.length || !eventKeys.every((k) => k in line)) return null;
  const { seq, at, actorId, actorRole, action, outcome, targetType, targetId, fields, details, prevHash, hash } = line;
  if (!Number.isSafeInteger(seq) || (seq as number) < 1) return null;
  if (typeof at !== 'string' || typeof action !== 'string' || typeof outcome !== 'string') return null;
  if (!isStringOrNull(actorId) || !isStringOrNull(actorRole) || !isStringOrNull(targetType) || !isStringOrNull(targetId)) return null;
  if (fields !== null && !(Array.isArray(fields) && fields.every((f) => typeof f === 'string'))) return null;
  if (details !== null && (typeof details !== 'object' || Array.isArray(details))) return null;
  if (typeof prevHash !== 'string' || !hex64.test(prevHash) || typeof hash !== 'string' || !hex64.test(hash)) return null;
  return {
    seq: seq as number,
    at,
    actorId,
    actorRole,
    action,
    // The verifier does not judge the app's vocabulary: whatever outcome was recorded is what was hashed.
    outcome: outcome as AuditEvent['outcome'],
    targetType,
    targetId,
    fields: fields as string[] | null,
    details: details as Record<string, unknown> | null,
    prevHash,
    hash,
  };
}

function selfConsistent(event: ExportedEvent): boolean {
  const { prevHash, hash, ...chained } = event;
  return hashEvent(prevHash, chained) === hash;
}

/**
 * Walks the events from the header's prevSeq/prevHash and names the first that fails, or returns null.
 * Each line is judged against its own recorded prevHash (was it edited?) and against the chain so far (does it
 * belong here?); one line of look-ahead tells an inserted event from an edited one.
 */
function walkChain(events: readonly ExportedEvent[], prevSeq: number, prevHash: string): AuditFileCheck | null {
  const seqs = new Set(events.map((e) => e.seq));
  let expected = prevSeq + 1;
  let running = prevHash;
  for (let i = 0; i < events.length; i += 1) {
    const event = events[i]!;
    const next = events[i + 1];
    const intact = selfConsistent(event);
    if (event.seq === expected && intact && event.prevHash === running) {
      running = event.hash;
      expected += 1;
      continue;
    }
    if (event.seq < expected) return invalid('inserted-event', event.seq); // a seq seen before: a second "event N"
    if (event.seq > expected) return invalid(seqs.has(expected) ? 'out-of-order' : 'missing-event', expected);
    if (!intact) {
      // Two lines claim this seq and the second is the one the chain expects: the first was slipped in.
      if (next && next.seq === expected && next.prevHash === running && selfConsistent(next)) return invalid('inserted-event', expected);
      return invalid('edited-event', expected);
    }
    // Intact, but chained to a different predecessor: the event before was edited and its hash recomputed.
    return expected - 1 > prevSeq ? invalid('edited-event', expected - 1) : invalid('broken-link', expected);
  }
  return null;
}

/** Splits the bytes into lines at LF, keeping where each starts (the signature covers the bytes before the trailer). */
function splitLines(bytes: Buffer): { text: string; start: number; ended: boolean }[] {
  const lines: { text: string; start: number; ended: boolean }[] = [];
  let start = 0;
  while (start < bytes.length) {
    const end = bytes.indexOf(0x0a, start);
    const stop = end === -1 ? bytes.length : end;
    lines.push({ text: bytes.subarray(start, stop).toString('utf8'), start, ended: end !== -1 });
    start = stop + 1;
  }
  return lines;
}

export function verifyAuditFile(content: string | Uint8Array): AuditFileCheck {
  let bytes: Buffer;
  if (typeof content === 'string') bytes = Buffer.from(content, 'utf8');
  else {
    bytes = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes); // a PNG, a zip, a Shift_JIS file: not ours
    } catch {
      return invalid('not-audit-file');
    }
  }
  if (bytes.toString('utf8').trim() === '') return invalid('empty');

  const lines = splitLines(bytes);
  const header = parseObject(lines[0]!.text);
  if (!header || header.type !== 'header' || header.format !== auditFileFormat) return invalid('not-audit-file');
  if (header.version !== auditFileVersion) return invalid('unsupported-version');
  const publicKey = base64Bytes(header.publicKey, 32);
  const { installationId, fingerprint, from, to, exportedAt, prevSeq, prevHash } = header;
  if (
    !publicKey ||
    typeof installationId !== 'string' ||
    typeof fingerprint !== 'string' ||
    !isStringOrNull(from) ||
    !isStringOrNull(to) ||
    typeof exportedAt !== 'string' ||
    !Number.isSafeInteger(prevSeq) ||
    (prevSeq as number) < 0 ||
    typeof prevHash !== 'string' ||
    !hex64.test(prevHash)
  ) {
    return invalid('bad-header');
  }
  let key;
  try {
    key = ed25519PublicKey(publicKey);
  } catch {
    return invalid('bad-header');
  }
  const keyFingerprint = sshFingerprint(publicKey);
  if (fingerprint !== keyFingerprint) return invalid('fingerprint-mismatch');
  if (!lines[0]!.ended) return invalid('truncated');

  // Read event lines up to the trailer or the first line that cannot be read; judge the chain before the junk.
  const events: ExportedEvent[] = [];
  let unreadable: 'malformed-event' | 'truncated' | null = null;
  let trailerIndex = -1;
  for (let i = 1; i < lines.length; i += 1) {
    const line = lines[i]!;
    const parsed = parseObject(line.text);
    if (parsed?.type === 'trailer') {
      trailerIndex = i;
      break;
    }
    const event = parsed?.type === 'event' ? toEvent(parsed) : null;
    if (!event || !line.ended) {
      // A last line without its newline was cut short (a copy that stopped, a disk that filled up).
      unreadable = line.ended ? 'malformed-event' : 'truncated';
      break;
    }
    events.push(event);
  }
  const broken = walkChain(events, prevSeq as number, prevHash);
  if (broken) return broken;
  const nextSeq = (prevSeq as number) + events.length + 1;
  if (unreadable) return invalid(unreadable, nextSeq);
  if (trailerIndex === -1) return invalid('truncated');

  const trailerLine = lines[trailerIndex]!;
  const trailer = parseObject(trailerLine.text)!;
  const signature = base64Bytes(trailer.signature, 64);
  if (!Number.isSafeInteger(trailer.count) || typeof trailer.head !== 'string' || !signature) return invalid('bad-trailer');
  // Only the trailer's own newline may follow it; an editor that drops that newline changes nothing signed.
  if (lines.length > trailerIndex + 1) return invalid('trailing-data');
  if (trailer.count !== events.length) return invalid('count-mismatch');
  const head = events.at(-1)?.hash ?? prevHash;
  if (trailer.head !== head) return invalid('head-mismatch');
  if (!verify(null, bytes.subarray(0, trailerLine.start), key, signature)) return invalid('bad-signature');

  return { valid: true, events: events.length, head, fingerprint: keyFingerprint, installationId, from, to, prevHash };
}
