// chain-head.json: the audit chain's head as last committed, kept beside the database and compared at every unlock.
// SQLite drops committed transactions without a word when its -wal file is cut short or a frame in it is damaged
// (measured here: 20 committed rows came back as 12, or as 1, and every integrity check still passed); an older copy
// of desk.db put back does the same. Every change is audited in its own transaction, so a database whose chain ends
// before the recorded head has lost committed work, and one whose event at that place differs is another history.
import { createHash } from 'node:crypto';
import { closeSync, constants, existsSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { genesisHash } from '../audit/chain';
import { DeskError } from '../errors';
import type { Database } from './schema';

export interface ChainHead {
  seq: number;
  hash: string;
}

export type HeadRecord = { state: 'missing' } | { state: 'damaged' } | { state: 'found'; head: ChainHead };

/** One fixed-size record, rewritten in place by a single write: a killed process leaves the old one or the new one. */
const recordBytes = 256;
const format = 'privacy-desk-chain-head';

function checkOf(head: ChainHead): string {
  return createHash('sha256').update(`${format}/1|${head.seq}|${head.hash}`).digest('hex');
}

function encode(head: ChainHead): Buffer {
  const text = JSON.stringify({ format, version: 1, seq: head.seq, hash: head.hash, check: checkOf(head) });
  const buffer = Buffer.alloc(recordBytes, ' ');
  buffer.write(text, 'utf8');
  buffer[recordBytes - 1] = 0x0a;
  return buffer;
}

export function readHeadRecord(file: string): HeadRecord {
  if (!existsSync(file)) return { state: 'missing' };
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const head = { seq: parsed.seq, hash: parsed.hash };
    const valid =
      parsed.format === format &&
      parsed.version === 1 &&
      Number.isSafeInteger(head.seq) &&
      (head.seq as number) >= 0 &&
      typeof head.hash === 'string' &&
      /^[0-9a-f]{64}$/.test(head.hash) &&
      parsed.check === checkOf(head as ChainHead);
    return valid ? { state: 'found', head: head as ChainHead } : { state: 'damaged' };
  } catch {
    return { state: 'damaged' };
  }
}

/** The head as the database holds it (seq 0 and the genesis hash before the first event). */
export async function databaseHead(db: Kysely<Database>): Promise<ChainHead> {
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  return head ? { seq: head.seq, hash: head.hash } : { seq: 0, hash: genesisHash };
}

/**
 * The database must hold the recorded head: ahead of it is fine (a commit whose record was not yet written when the
 * process died), behind it or different is committed work gone. Throws INTEGRITY naming which.
 */
export async function checkAgainstRecord(db: Kysely<Database>, record: HeadRecord, folder: string): Promise<void> {
  if (record.state !== 'found') return;
  const recorded = record.head;
  const found = await databaseHead(db);
  if (found.seq < recorded.seq) throw new DeskError('INTEGRITY', 'database.behind', { folder, recordedEvents: recorded.seq, foundEvents: found.seq });
  if (recorded.seq === 0) return;
  const event = await db.selectFrom('audit_events').select('hash').where('seq', '=', recorded.seq).executeTakeFirst();
  if (event?.hash !== recorded.hash) throw new DeskError('INTEGRITY', 'database.replaced', { folder, event: recorded.seq });
}

/** Keeps the record file open and rewrites it in place after each commit that moved the head. */
export class HeadRecorder {
  private fd: number | null = null;
  private last: ChainHead | null = null;

  constructor(readonly file: string) {}

  /**
   * Records `head` unless an equal or later one is recorded already. No fsync: the database's own commit was synced
   * before this (synchronous = FULL), so after a power cut the record can only be older than the database, which the
   * check allows; a torn record reads as damaged, which is noted in the trail and rewritten.
   */
  write(head: ChainHead): void {
    if (this.last && this.last.seq >= head.seq) return;
    if (this.fd === null) {
      this.fd = openSync(this.file, constants.O_RDWR | constants.O_CREAT, 0o600);
      ftruncateSync(this.fd, recordBytes);
    }
    writeSync(this.fd, encode(head), 0, recordBytes, 0);
    this.last = { ...head };
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    this.last = null;
  }
}
