// A small, hand-made audit trail and its signed file, for the tests that need no desk.
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { genesisHash, hashEvent, type AuditEvent } from '../../../../electron/core/audit/chain';
import { buildAuditFile, type ExportedEvent } from '../../../../electron/core/audit/export-file';

export interface SigningKey {
  publicKey: Buffer;
  privateKey: KeyObject;
}

export function newSigningKey(): SigningKey {
  const pair = generateKeyPairSync('ed25519');
  return { publicKey: pair.publicKey.export({ format: 'der', type: 'spki' }).subarray(-32), privateKey: pair.privateKey };
}

export const installationId = '3f2b8c1e-5d4a-4e6f-9a7b-2c1d0e9f8a7b';

const actions: Omit<AuditEvent, 'seq' | 'at'>[] = [
  { actorId: 'a1', actorRole: 'officer', action: 'setup.createOfficer', outcome: 'ok', targetType: 'account', targetId: 'a1', fields: ['displayName', 'loginId', 'manager'], details: null },
  { actorId: 'a1', actorRole: 'officer', action: 'auth.login', outcome: 'ok', targetType: null, targetId: null, fields: null, details: null },
  { actorId: 'a1', actorRole: 'officer', action: 'customers.read', outcome: 'ok', targetType: 'customer', targetId: 'c-1042', fields: null, details: { purpose: '開示請求への対応' } },
  { actorId: 's7', actorRole: 'staff', action: 'customers.read', outcome: 'denied', targetType: 'customer', targetId: 'c-1042', fields: null, details: { code: 'FORBIDDEN' } },
  { actorId: 'a1', actorRole: 'officer', action: 'customers.update', outcome: 'ok', targetType: 'customer', targetId: 'c-1042', fields: ['phone'], details: { phone: 'hmac:5b1e' } },
  { actorId: 'a1', actorRole: 'officer', action: 'auth.logout', outcome: 'ok', targetType: null, targetId: null, fields: null, details: { reason: 'quit' } },
];

/** `count` chained events starting after `prevSeq`/`prevHash`, one a minute from 2026-11-25 09:00 JST. */
export function sampleEvents(count = 6, prevSeq = 0, prevHash = genesisHash): ExportedEvent[] {
  const events: ExportedEvent[] = [];
  let prev = prevHash;
  for (let i = 0; i < count; i += 1) {
    const seq = prevSeq + i + 1;
    const event: AuditEvent = { seq, at: new Date(Date.UTC(2026, 10, 25, 0, i)).toISOString(), ...actions[i % actions.length]! };
    const hash = hashEvent(prev, event);
    events.push({ ...event, prevHash: prev, hash });
    prev = hash;
  }
  return events;
}

export function sampleFile(key: SigningKey, events = sampleEvents(), prev = { prevSeq: 0, prevHash: genesisHash }): string {
  return buildAuditFile({
    installationId,
    publicKey: key.publicKey,
    privateKey: key.privateKey,
    events,
    ...prev,
    range: {},
    exportedAt: '2026-11-25T09:00:00.000Z',
  });
}

/** The file's lines without the final empty string; join with `joinLines` to put it back together. */
export function linesOf(text: string): string[] {
  return text.split('\n').slice(0, -1);
}

export function joinLines(lines: string[]): string {
  return lines.map((l) => `${l}\n`).join('');
}
