// An auditor checks an audit file on its own: every kind of tampering is caught, and the failing event is named.
import { createHash, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { genesisHash, hashEvent } from '../../../../electron/core/audit/chain';
import { sshFingerprint } from '../../../../electron/core/audit/sshsig';
import { describeCheck, verifyAuditFile } from '../../../../electron/core/audit/verify-file';
import { joinLines, linesOf, newSigningKey, sampleEvents, sampleFile } from './sample-trail';

const key = newSigningKey();
const file = sampleFile(key);
const lines = linesOf(file); // 0: header, 1..6: events 1..6, 7: trailer

function edit(lineIndex: number, change: (line: Record<string, unknown>) => void): string[] {
  const copy = [...lines];
  const line = JSON.parse(copy[lineIndex]!) as Record<string, unknown>;
  change(line);
  copy[lineIndex] = JSON.stringify(line);
  return copy;
}

function rehash(line: Record<string, unknown>): void {
  const { type: _type, prevHash, hash: _hash, ...event } = line;
  line.hash = hashEvent(prevHash as string, event as never);
}

function resign(fileLines: string[], signer = key): string {
  const body = joinLines(fileLines.slice(0, -1));
  const trailer = JSON.parse(fileLines.at(-1)!) as Record<string, unknown>;
  trailer.signature = sign(null, Buffer.from(body), signer.privateKey).toString('base64');
  return body + `${JSON.stringify(trailer)}\n`;
}

function failure(text: string | Uint8Array): { reason: string; seq?: number } {
  const check = verifyAuditFile(text);
  if (check.valid) throw new Error('expected the file to be invalid');
  return check.seq === undefined ? { reason: check.reason } : { reason: check.reason, seq: check.seq };
}

describe('an auditor verifies an untouched audit file', () => {
  it('reports the number of events, the chain head and the signing key as ssh-keygen prints it', () => {
    const events = sampleEvents();
    const check = verifyAuditFile(file);
    expect(check).toMatchObject({ valid: true, events: 6, head: events[5]!.hash, fingerprint: sshFingerprint(key.publicKey) });
    expect(describeCheck(check)).toBe(`valid: 6 events, head ${events[5]!.hash}, signed by ${sshFingerprint(key.publicKey)}`);
    // The same check from bytes, as the CLI reads it; Japanese text in a detail survives.
    expect(verifyAuditFile(Buffer.from(file)).valid).toBe(true);
    expect(file).toContain('開示請求への対応');
  });

  it('the fingerprint is SHA-256 over the OpenSSH key blob, without base64 padding', () => {
    const blob = Buffer.concat([Buffer.from([0, 0, 0, 11]), Buffer.from('ssh-ed25519'), Buffer.from([0, 0, 0, 32]), key.publicKey]);
    expect(sshFingerprint(key.publicKey)).toBe(`SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`);
  });

  it('a date-range export verifies on its own from the hash of the event before it', () => {
    const before = sampleEvents(10);
    const range = sampleEvents(4, 10, before[9]!.hash);
    const text = sampleFile(key, range, { prevSeq: 10, prevHash: before[9]!.hash });
    expect(verifyAuditFile(text)).toMatchObject({ valid: true, events: 4, head: range[3]!.hash, prevHash: before[9]!.hash });
  });

  it('an export of an empty range is a valid file whose head is the hash before it', () => {
    const text = sampleFile(key, [], { prevSeq: 6, prevHash: sampleEvents()[5]!.hash });
    expect(verifyAuditFile(text)).toMatchObject({ valid: true, events: 0, head: sampleEvents()[5]!.hash });
  });
});

describe('an auditor finds the tampered event', () => {
  it('an edited field of event 3 is named', () => {
    const check = verifyAuditFile(joinLines(edit(3, (l) => (l.targetId = 'c-2001'))));
    expect(check).toMatchObject({ valid: false, reason: 'edited-event', seq: 3 });
    expect(describeCheck(check)).toBe('invalid: edited event at event 3');
  });

  it('event 3 edited with its hash recomputed is still named, by the hash event 4 recorded for it', () => {
    expect(failure(joinLines(edit(3, (l) => ((l.outcome = 'denied'), rehash(l)))))).toEqual({ reason: 'edited-event', seq: 3 });
  });

  it('an edited sequence number is named by its place in the file', () => {
    expect(failure(joinLines(edit(3, (l) => (l.seq = 30))))).toEqual({ reason: 'missing-event', seq: 3 });
  });

  it('a dropped event 3 is named', () => {
    const check = verifyAuditFile(joinLines(lines.filter((_, i) => i !== 3)));
    expect(check).toMatchObject({ valid: false, reason: 'missing-event', seq: 3 });
    expect(describeCheck(check)).toBe('invalid: missing event at event 3');
  });

  it('the last event dropped is caught by the trailer count', () => {
    expect(failure(joinLines(lines.filter((_, i) => i !== 6)))).toEqual({ reason: 'count-mismatch' });
  });

  it('events 2 and 3 swapped are reported at event 2', () => {
    const swapped = [...lines];
    [swapped[2], swapped[3]] = [swapped[3]!, swapped[2]!];
    expect(failure(joinLines(swapped))).toEqual({ reason: 'out-of-order', seq: 2 });
  });

  it('a forged event slipped in as event 3, correctly chained to event 2, is named', () => {
    const events = sampleEvents();
    const forged = { seq: 3, at: '2026-11-25T00:02:30.000Z', actorId: 'a1', actorRole: 'officer', action: 'customers.export', outcome: 'ok' as const, targetType: 'customer', targetId: 'c-1042', fields: null, details: null };
    const line = JSON.stringify({ type: 'event', ...forged, prevHash: events[1]!.hash, hash: hashEvent(events[1]!.hash, forged) });
    expect(failure(joinLines([...lines.slice(0, 3), line, ...lines.slice(3)]))).toEqual({ reason: 'inserted-event', seq: 3 });
  });

  it('a forged event with a made-up hash is named as inserted, not as an edit', () => {
    const forged = JSON.parse(lines[3]!) as Record<string, unknown>;
    forged.action = 'customers.export';
    forged.hash = 'f'.repeat(64);
    expect(failure(joinLines([...lines.slice(0, 3), JSON.stringify(forged), ...lines.slice(3)]))).toEqual({ reason: 'inserted-event', seq: 3 });
  });

  it('a file cut in the middle of event 4 is truncated at event 4', () => {
    const cut = file.slice(0, file.indexOf(lines[4]!) + 40);
    const check = verifyAuditFile(cut);
    expect(check).toMatchObject({ valid: false, reason: 'truncated', seq: 4 });
    expect(describeCheck(check)).toBe('invalid: truncated file at event 4');
  });

  it('a file without its trailer is truncated', () => {
    const check = verifyAuditFile(joinLines(lines.slice(0, -1)));
    expect(check).toMatchObject({ valid: false, reason: 'truncated' });
    expect(describeCheck(check)).toBe('invalid: truncated file');
  });

  it('a changed signature is caught', () => {
    const tampered = edit(7, (l) => {
      const sig = Buffer.from(l.signature as string, 'base64');
      sig[10]! ^= 1;
      l.signature = sig.toString('base64');
    });
    expect(failure(joinLines(tampered))).toEqual({ reason: 'bad-signature' });
  });

  it('a chain rebuilt from an edit onwards, head and all, is caught by the signature alone', () => {
    const rebuilt = [...lines];
    let prev = (JSON.parse(rebuilt[2]!) as { hash: string }).hash;
    for (let i = 3; i <= 6; i += 1) {
      const line = JSON.parse(rebuilt[i]!) as Record<string, unknown>;
      if (i === 3) line.outcome = 'denied';
      line.prevHash = prev;
      rehash(line);
      prev = line.hash as string;
      rebuilt[i] = JSON.stringify(line);
    }
    rebuilt[7] = JSON.stringify({ ...(JSON.parse(rebuilt[7]!) as object), head: prev });
    expect(failure(joinLines(rebuilt))).toEqual({ reason: 'bad-signature' });
  });

  it('a file re-signed by another key under this header is caught', () => {
    expect(failure(resign([...lines], newSigningKey()))).toEqual({ reason: 'bad-signature' });
  });

  it('a forger who puts their own key in the header gets a different fingerprint, which the auditor compares with the desk', () => {
    const forger = newSigningKey();
    const swapped = edit(0, (h) => ((h.publicKey = forger.publicKey.toString('base64')), (h.fingerprint = sshFingerprint(forger.publicKey))));
    const check = verifyAuditFile(resign(swapped, forger));
    expect(check).toMatchObject({ valid: true, fingerprint: sshFingerprint(forger.publicKey) });
    expect(sshFingerprint(forger.publicKey)).not.toBe(sshFingerprint(key.publicKey));
    // Swapping the key but keeping the old fingerprint is caught at once.
    expect(failure(joinLines(edit(0, (h) => (h.publicKey = forger.publicKey.toString('base64')))))).toEqual({ reason: 'fingerprint-mismatch' });
  });

  it('the trailer count and head must match the events', () => {
    expect(failure(joinLines(edit(7, (t) => (t.count = 5))))).toEqual({ reason: 'count-mismatch' });
    expect(failure(joinLines(edit(7, (t) => (t.head = genesisHash))))).toEqual({ reason: 'head-mismatch' });
  });

  it('an unreadable line in the middle is named by its place, and data after the trailer is refused', () => {
    const junk = [...lines];
    junk[5] = 'not json at all';
    expect(failure(joinLines(junk))).toEqual({ reason: 'malformed-event', seq: 5 });
    expect(failure(joinLines(edit(5, (l) => (l.extra = 'x'))))).toEqual({ reason: 'malformed-event', seq: 5 });
    expect(failure(`${file}{"type":"event"}\n`)).toEqual({ reason: 'trailing-data' });
  });

  it('a range export missing its first event, or pointing at another predecessor, is caught', () => {
    const before = sampleEvents(10);
    const range = sampleEvents(4, 10, before[9]!.hash);
    const rangeLines = linesOf(sampleFile(key, range, { prevSeq: 10, prevHash: before[9]!.hash }));
    expect(failure(joinLines(rangeLines.filter((_, i) => i !== 1)))).toEqual({ reason: 'missing-event', seq: 11 });
    const header = JSON.parse(rangeLines[0]!) as Record<string, unknown>;
    header.prevHash = before[8]!.hash;
    expect(failure(joinLines([JSON.stringify(header), ...rangeLines.slice(1)]))).toEqual({ reason: 'broken-link', seq: 11 });
  });
});

describe('an auditor is told when a file is not an audit file at all', () => {
  it('a PNG image', () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from([0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe, 0x00])]);
    const check = verifyAuditFile(png);
    expect(check).toMatchObject({ valid: false, reason: 'not-audit-file' });
    expect(describeCheck(check)).toBe('invalid: not an audit file');
  });

  it('an empty file', () => {
    expect(failure('')).toEqual({ reason: 'empty' });
    expect(failure(Buffer.alloc(0))).toEqual({ reason: 'empty' });
    expect(failure('\n\n')).toEqual({ reason: 'empty' });
  });

  it('other JSON, and JSON lines of another kind', () => {
    expect(failure('{"name":"privacy-office-desk","version":"0.1.0"}\n')).toEqual({ reason: 'not-audit-file' });
    expect(failure('[1,2,3]\n')).toEqual({ reason: 'not-audit-file' });
    expect(failure('{"level":"info","msg":"started"}\n{"level":"warn","msg":"slow"}\n')).toEqual({ reason: 'not-audit-file' });
    expect(failure('連番,日時\r\n1,2026-11-25\r\n')).toEqual({ reason: 'not-audit-file' });
  });

  it('an audit file from a future version', () => {
    expect(failure(joinLines(edit(0, (h) => (h.version = 2))))).toEqual({ reason: 'unsupported-version' });
  });
});
