// The officer exports the audit trail; the auditor checks it with our verifier, with ssh-keygen, and opens the CSV.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../../../electron/core/audit/chain';
import { auditCsvColumns } from '../../../../electron/core/audit/csv';
import { exportAudit, type AuditRange } from '../../../../electron/core/audit/export';
import { sshPublicKeyLine } from '../../../../electron/core/audit/sshsig';
import { verifyAuditFile } from '../../../../electron/core/audit/verify-file';
import { DeskError } from '../../../../electron/core/errors';
import { officer, setUpDesk, type TestDesk } from '../../helpers/desk';

let desk: TestDesk;
let scratch: string;
let installationId: string;
let publicKey: Buffer;

/** Exports as the `audit.export` handler will: inside one transaction, at the desk's clock. */
function exportRange(range: AuditRange = {}, exportsDir = desk.exportsDir) {
  return desk.core.desk.transaction((tx) => exportAudit(tx, { exportsDir, range, now: desk.clock.now }));
}

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'audit-export-'));
  desk = await setUpDesk();
  await desk.ok('auth.login', { loginId: officer.loginId, password: officer.password });
  // A morning of work: an event every five minutes (under the idle lock), so a range can be cut between them.
  for (const minutes of [15, 20, 25, 30, 35, 40]) {
    desk.clock.advanceMinutes(5);
    await desk.ok('settings.update', { idleLockMinutes: minutes });
  }
  const installation = await desk.core.desk.requireDb().selectFrom('installation').selectAll().executeTakeFirstOrThrow();
  installationId = installation.installation_id;
  publicKey = Buffer.from(installation.signing_public_key);
});

afterAll(async () => {
  await desk.dispose();
  rmSync(scratch, { recursive: true, force: true });
});

describe('the officer exports the audit trail and the auditor verifies it', () => {
  it('a full export of a real desk verifies, with the chain head the desk itself reports', async () => {
    const result = await exportRange();
    const chain = await verifyChain(desk.core.desk.requireDb());
    expect(chain.valid).toBe(true);
    if (!chain.valid) return;
    expect(chain.events).toBeGreaterThanOrEqual(8);
    expect(basename(result.path)).toMatch(new RegExp(`^audit-${installationId.slice(0, 8)}-\\d{8}T\\d{6}Z\\.jsonl$`));
    expect(result).toMatchObject({ events: chain.events, head: chain.head, sigPath: `${result.path}.sig`, allowedSignersPath: join(desk.exportsDir, 'allowed_signers') });
    const check = verifyAuditFile(readFileSync(result.path));
    expect(check).toMatchObject({ valid: true, events: chain.events, head: chain.head, fingerprint: result.fingerprint, installationId });
  });

  it('the fingerprint in the file is the one ssh-keygen prints for the installation key', async () => {
    const result = await exportRange();
    const pub = join(scratch, 'installation.pub');
    writeFileSync(pub, `${sshPublicKeyLine(publicKey)}\n`);
    expect(execFileSync('ssh-keygen', ['-lf', pub], { encoding: 'utf8' })).toContain(` ${result.fingerprint} `);
  });

  it('an auditor finds the edited event in a tampered export', async () => {
    const result = await exportRange();
    const lines = readFileSync(result.path, 'utf8').split('\n');
    const event3 = JSON.parse(lines[3]!) as { seq: number; outcome: string };
    expect(event3.seq).toBe(3);
    lines[3] = JSON.stringify({ ...event3, outcome: 'denied' });
    expect(verifyAuditFile(lines.join('\n'))).toMatchObject({ valid: false, reason: 'edited-event', seq: 3 });
  });

  it("an export of the afternoon verifies on its own and chains onto the morning's", async () => {
    const midday = new Date(desk.clock.now.getTime() - 12.5 * 60_000).toISOString();
    const morning = await exportRange({ to: midday });
    const afternoon = await exportRange({ from: midday });
    const m = verifyAuditFile(readFileSync(morning.path));
    const a = verifyAuditFile(readFileSync(afternoon.path));
    expect(m.valid && a.valid).toBe(true);
    if (!m.valid || !a.valid) return;
    expect(a.events).toBeGreaterThan(0);
    expect(m.events).toBeGreaterThan(0);
    // Together they hold every event once, and the afternoon starts from the morning's last hash.
    expect(m.events + a.events).toBe((await exportRange()).events);
    expect(a.prevHash).toBe(m.head);
    expect({ from: a.from, to: m.to }).toEqual({ from: midday, to: midday });
  });

  it('a range given in Japan time selects the same events as the same instant in UTC', async () => {
    const midday = new Date(desk.clock.now.getTime() - 12.5 * 60_000);
    const jst = new Date(midday.getTime() + 9 * 3600_000).toISOString().replace('Z', '+09:00');
    const inJst = await exportRange({ from: jst });
    const inUtc = await exportRange({ from: midday.toISOString() });
    expect(inJst.events).toBe(inUtc.events);
    expect(inJst.head).toBe(inUtc.head);
    expect(verifyAuditFile(readFileSync(inJst.path))).toMatchObject({ valid: true, from: midday.toISOString() });
  });

  it('an export of a range with no events is still a signed file that verifies', async () => {
    const result = await exportRange({ from: '2030-01-01T00:00:00.000Z' });
    expect(result.events).toBe(0);
    expect(verifyAuditFile(readFileSync(result.path))).toMatchObject({ valid: true, events: 0 });
  });

  it('an export never replaces an earlier one made in the same second', async () => {
    const first = await exportRange();
    const second = await exportRange();
    expect(second.path).not.toBe(first.path);
    expect(existsSync(first.path) && existsSync(second.path)).toBe(true);
    // One allowed_signers line per installation, however many exports.
    expect(readFileSync(second.allowedSignersPath, 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('the exported files hold no personal data of the officer', async () => {
    const result = await exportRange();
    for (const file of [result.path, result.csvPath, result.sigPath, result.allowedSignersPath]) {
      const text = readFileSync(file, 'utf8');
      for (const value of [officer.displayName, officer.manager.email, officer.manager.phone, officer.password]) expect(text).not.toContain(value);
    }
  });
});

describe('the auditor checks the signature with the tools they already have', () => {
  function sshVerify(file: string, sigPath: string, allowedSigners: string) {
    return spawnSync('ssh-keygen', ['-Y', 'verify', '-f', allowedSigners, '-I', installationId, '-n', 'privacy-desk-audit', '-s', sigPath], { input: readFileSync(file), encoding: 'utf8' });
  }

  it('ssh-keygen -Y verify accepts the detached signature of an untouched export', async () => {
    const result = await exportRange();
    expect(readFileSync(result.allowedSignersPath, 'utf8')).toBe(`${installationId} namespaces="privacy-desk-audit" ${sshPublicKeyLine(publicKey)}\n`);
    expect(readFileSync(result.sigPath, 'utf8')).toMatch(/^-----BEGIN SSH SIGNATURE-----\n[A-Za-z0-9+/=\n]+\n-----END SSH SIGNATURE-----\n$/);
    const run = sshVerify(result.path, result.sigPath, result.allowedSignersPath);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Good "privacy-desk-audit" signature for ${installationId} with ED25519 key ${result.fingerprint}`);
  });

  it('ssh-keygen -Y verify rejects the signature for an edited export, another signer or another namespace', async () => {
    const result = await exportRange();
    const edited = join(scratch, 'edited.jsonl');
    writeFileSync(edited, readFileSync(result.path, 'utf8').replace('"outcome":"ok"', '"outcome":"denied"'));
    expect(sshVerify(edited, result.sigPath, result.allowedSignersPath).status).not.toBe(0);

    const other = join(scratch, 'other_signers');
    writeFileSync(other, `someone-else namespaces="privacy-desk-audit" ${sshPublicKeyLine(publicKey)}\n`);
    expect(sshVerify(result.path, result.sigPath, other).status).not.toBe(0);
    const wrongNamespace = spawnSync('ssh-keygen', ['-Y', 'verify', '-f', result.allowedSignersPath, '-I', installationId, '-n', 'file', '-s', result.sigPath], { input: readFileSync(result.path) });
    expect(wrongNamespace.status).not.toBe(0);
  });
});

describe('the office opens the CSV in a spreadsheet', () => {
  it('the CSV is UTF-8 with a BOM and CRLF, with the Japanese headers and one row an event', async () => {
    const result = await exportRange();
    const bytes = readFileSync(result.csvPath);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const rows = text.split('\r\n');
    expect(rows[0]).toBe(auditCsvColumns.join(','));
    expect(rows.at(-1)).toBe('');
    expect(rows).toHaveLength(result.events + 2);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
  it.skipIf(!soffice)('the CSV opens in LibreOffice with the Japanese headers and every row intact', async () => {
    const result = await exportRange();
    const profile = `-env:UserInstallation=file://${join(scratch, 'lo-profile')}`;
    const xlsxDir = join(scratch, 'xlsx');
    const backDir = join(scratch, 'back');
    mkdirSync(xlsxDir);
    mkdirSync(backDir);
    // Headless LibreOffice 7.4 ignores the BOM (the BOM is for Excel) and, with no filter options, reads a CSV as
    // Windows-1252; the import dialog's "Unicode (UTF-8)" is the filter option 76, given here.
    execFileSync(soffice!, [profile, '--headless', '--infilter=CSV:44,34,76,1', '--convert-to', 'xlsx', '--outdir', xlsxDir, result.csvPath], { stdio: 'pipe', timeout: 120_000 });
    const xlsx = join(xlsxDir, basename(result.csvPath).replace(/\.csv$/, '.xlsx'));
    expect(existsSync(xlsx)).toBe(true);
    execFileSync(soffice!, [profile, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', backDir, xlsx], { stdio: 'pipe', timeout: 120_000 });
    const back = readFileSync(join(backDir, basename(result.csvPath)), 'utf8').split(/\r?\n/).filter((l) => l !== '');
    expect(back[0]).toBe(auditCsvColumns.join(','));
    expect(back).toHaveLength(result.events + 1);
    const original = readFileSync(result.csvPath, 'utf8').slice(1).split('\r\n').filter((l) => l !== '');
    // Every cell survives the trip through a spreadsheet, the JSON details with their quotes included.
    expect(back).toEqual(original);
  });
});

describe('an export that cannot be written leaves nothing behind', () => {
  it('an exports folder that cannot be created fails with export.writeFailed', async () => {
    const blocker = join(scratch, 'not-a-folder');
    writeFileSync(blocker, 'a file where the folder should be');
    const error = await exportRange({}, join(blocker, 'exports')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeskError);
    expect(error).toMatchObject({ code: 'CONFLICT', key: 'export.writeFailed', details: { reason: 'ENOTDIR' } });
  });

  it('a failure after some files were placed removes them all', async () => {
    const dir = join(scratch, 'half');
    mkdirSync(dir);
    // Rename cannot replace a non-empty folder: the third file of the four fails after two are in place.
    const stamp = desk.clock.now.toISOString().replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '');
    const sigBlocker = join(dir, `audit-${installationId.slice(0, 8)}-${stamp}.jsonl.sig`);
    mkdirSync(join(sigBlocker, 'inside'), { recursive: true });
    const error = await exportRange({}, dir).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CONFLICT', key: 'export.writeFailed' });
    expect(readdirSync(dir)).toEqual([basename(sigBlocker)]);
  });
});
