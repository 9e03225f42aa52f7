// Writes an audit export to the exports folder: the signed file, its CSV, its OpenSSH signature and allowed_signers.
//
// The handler of `audit.export` calls exportAudit with its transaction, so the events, the hash before them
// and the keys are read at one instant. The four files appear together or not at all: each is written to a
// temporary name and fsynced, and only then are they renamed into place.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { DeskError } from '../errors';
import { eventFromRow, genesisHash } from './chain';
import { buildAuditCsv } from './csv';
import { buildAuditFile, type ExportedEvent } from './export-file';
import { allowedSignersLine, ed25519PrivateKey, sshFingerprint, sshsigSign } from './sshsig';

export interface AuditRange {
  /** ISO time, inclusive. */
  from?: string;
  /** ISO time, exclusive: monthly exports [1 Nov, 1 Dec) and [1 Dec, 1 Jan) hold every event once and chain onto each other. */
  to?: string;
}

export interface AuditExport {
  path: string;
  csvPath: string;
  sigPath: string;
  allowedSignersPath: string;
  events: number;
  head: string;
  fingerprint: string;
}

interface SeqRange {
  events: ExportedEvent[];
  prevSeq: number;
  prevHash: string;
}

/**
 * The events of a time range as a run of consecutive seqs: from the first event at or after `from` to the last
 * before `to`, with everything in between. A clock set back can record a later seq with an earlier time; picking
 * events by time alone would then leave holes, and a file with holes can never verify.
 */
async function readRange(db: Kysely<Database>, range: AuditRange): Promise<SeqRange> {
  let first = db.selectFrom('audit_events').select((eb) => eb.fn.min('seq').as('seq'));
  if (range.from) first = first.where('at', '>=', range.from);
  let last = db.selectFrom('audit_events').select((eb) => eb.fn.max('seq').as('seq'));
  if (range.to) last = last.where('at', '<', range.to);
  const firstSeq = (await first.executeTakeFirst())?.seq ?? null;
  const lastSeq = (await last.executeTakeFirst())?.seq ?? null;

  let prevSeq: number;
  let rows: Awaited<ReturnType<typeof selectRows>> = [];
  if (firstSeq === null) {
    // Nothing at or after `from`: an empty file that ends where the chain ends today.
    const head = await db.selectFrom('audit_head').select('seq').where('id', '=', 1).executeTakeFirst();
    prevSeq = head?.seq ?? 0;
  } else {
    prevSeq = firstSeq - 1;
    if (lastSeq !== null && lastSeq >= firstSeq) rows = await selectRows(db, firstSeq, lastSeq);
  }
  let prevHash = genesisHash;
  if (prevSeq > 0) {
    const before = await db.selectFrom('audit_events').select('hash').where('seq', '=', prevSeq).executeTakeFirst();
    // Without that row (a damaged trail) the first event's own record of its predecessor is the best we have;
    // the verifier will then show where the chain breaks instead of the export failing.
    prevHash = before?.hash ?? rows[0]?.prev_hash ?? genesisHash;
  }
  const events = rows.map((row) => ({ ...eventFromRow(row), prevHash: row.prev_hash, hash: row.hash }));
  return { events, prevSeq, prevHash };
}

function selectRows(db: Kysely<Database>, firstSeq: number, lastSeq: number) {
  return db.selectFrom('audit_events').selectAll().where('seq', '>=', firstSeq).where('seq', '<=', lastSeq).orderBy('seq').execute();
}

/**
 * The contract accepts any offset ("2026-11-25T10:00:00+09:00"), but events are recorded as UTC ISO strings and
 * compared as text: an instant must be brought to the same spelling before it is compared.
 */
function utcInstant(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new DeskError('VALIDATION', 'datetime.format');
  return date.toISOString();
}

/** `20261125T093012Z`: UTC, so two desks' files sort the same way and the name never depends on the workstation. */
function stamp(date: Date): string {
  return date.toISOString().replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '');
}

/** Our line replaces an older one for this installation; lines for other desks exporting to the same folder stay. */
function mergedAllowedSigners(file: string, installationId: string, line: string): string {
  let kept: string[] = [];
  try {
    if (existsSync(file)) {
      kept = readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '' && l.split(/\s+/)[0] !== installationId);
    }
  } catch (err) {
    throw new DeskError('CONFLICT', 'export.writeFailed', { reason: (err as NodeJS.ErrnoException).code ?? 'unknown' });
  }
  return [...kept, line].join('\n') + '\n';
}

/** Creates `file` (never an existing one) with all of `content`, or removes what it created and throws. */
function writeTemp(file: string, content: string | Buffer): void {
  const fd = openSync(file, 'wx', 0o644);
  try {
    writeFileSync(fd, content); // with a descriptor, loops until every byte is written
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    rmSync(file, { force: true });
    throw err;
  }
  closeSync(fd);
}

/** Writes every file under a temporary name, then renames them in order; on any failure removes what it wrote. */
function writeAllOrNothing(dir: string, files: { path: string; content: string | Buffer }[]): void {
  const tag = `${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const temps = files.map((f) => ({ ...f, temp: `${f.path}.${tag}` }));
  const written: string[] = [];
  const placed: string[] = [];
  try {
    mkdirSync(dir, { recursive: true });
    for (const f of temps) {
      writeTemp(f.temp, f.content);
      written.push(f.temp);
    }
    for (const f of temps) {
      renameSync(f.temp, f.path);
      placed.push(f.path);
    }
  } catch (err) {
    // Best effort: the first error is the one to report, not a second one from tidying up.
    for (const p of [...written, ...placed]) {
      try {
        rmSync(p, { force: true });
      } catch {
        /* already gone, or the folder itself is unusable */
      }
    }
    throw new DeskError('CONFLICT', 'export.writeFailed', { reason: (err as NodeJS.ErrnoException).code ?? 'unknown' });
  }
}

export async function exportAudit(db: Kysely<Database>, options: { exportsDir: string; chosen?: string; range: AuditRange; now: Date }): Promise<AuditExport> {
  const installation = await db
    .selectFrom('installation')
    .select(['installation_id', 'signing_public_key', 'signing_private_key'])
    .where('id', '=', 1)
    .executeTakeFirst();
  if (!installation) throw new DeskError('INTEGRITY', 'installation.missing');
  const range = { from: utcInstant(options.range.from), to: utcInstant(options.range.to) };
  const { events, prevSeq, prevHash } = await readRange(db, range);

  const publicKey = Buffer.from(installation.signing_public_key);
  const privateKey = ed25519PrivateKey(installation.signing_private_key);
  const text = buildAuditFile({
    installationId: installation.installation_id,
    publicKey,
    privateKey,
    events,
    prevSeq,
    prevHash,
    range: { from: range.from ?? null, to: range.to ?? null },
    exportedAt: options.now.toISOString(),
  });
  const bytes = Buffer.from(text, 'utf8');

  const dir = options.chosen ? dirname(options.chosen) : options.exportsDir;
  const base = options.chosen ? basename(options.chosen, extname(options.chosen)) : `audit-${installation.installation_id.slice(0, 8)}-${stamp(options.now)}`;
  // Two exports in the same second get -2, -3...: an export never replaces an earlier one. A name the person chose in
  // the save dialog is theirs (the dialog asked before replacing a file).
  let name = base;
  for (let n = 2; !options.chosen && (existsSync(join(dir, `${name}.jsonl`)) || existsSync(join(dir, `${name}.csv`))); n += 1) name = `${base}-${n}`;
  const path = join(dir, `${name}.jsonl`);
  const csvPath = join(dir, `${name}.csv`);
  const sigPath = `${path}.sig`;
  const allowedSignersPath = join(dir, 'allowed_signers');

  writeAllOrNothing(dir, [
    { path, content: bytes },
    { path: csvPath, content: buildAuditCsv(events) },
    { path: sigPath, content: sshsigSign(bytes, publicKey, privateKey) },
    // Last: it is the one file that replaces an older one, so a failure before it leaves the old one intact.
    { path: allowedSignersPath, content: mergedAllowedSigners(allowedSignersPath, installation.installation_id, allowedSignersLine(installation.installation_id, publicKey)) },
  ]);

  return { path, csvPath, sigPath, allowedSignersPath, events: events.length, head: events.at(-1)?.hash ?? prevHash, fingerprint: sshFingerprint(publicKey) };
}
