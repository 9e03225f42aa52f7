// The auditor runs `npm run verify-audit -- FILE` on their own machine: one line of answer, an exit code a script can use.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sshFingerprint } from '../../../electron/core/audit/sshsig';
import { joinLines, linesOf, newSigningKey, sampleEvents, sampleFile } from '../core/audit/sample-trail';

const root = join(__dirname, '../../..');
const cli = join(root, 'electron/cli/verify-audit.ts');
let dir: string;

function run(...args: string[]) {
  const result = spawnSync('npx', ['tsx', cli, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function write(name: string, content: string | Buffer): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'verify-audit-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the auditor checks an audit file from the command line', () => {
  const key = newSigningKey();
  const file = sampleFile(key);

  it('an untouched file: "valid: N events, head <hash>, signed by <fingerprint>" and exit 0', () => {
    const out = run(write('good.jsonl', file));
    expect(out.stdout).toBe(`valid: 6 events, head ${sampleEvents()[5]!.hash}, signed by ${sshFingerprint(key.publicKey)}\n`);
    expect(out.status).toBe(0);
  });

  it('an edited event: "invalid: <reason> at event <seq>" and exit 1', () => {
    const lines = linesOf(file);
    lines[3] = lines[3]!.replace('"outcome":"ok"', '"outcome":"denied"');
    const out = run(write('edited.jsonl', joinLines(lines)));
    expect(out.stdout).toBe('invalid: edited event at event 3\n');
    expect(out.status).toBe(1);
  });

  it('a file that is not an audit file: "invalid: <reason>" and exit 1', () => {
    const out = run(write('picture.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe])));
    expect(out.stdout).toBe('invalid: not an audit file\n');
    expect(out.status).toBe(1);
  });

  it('no file, or a file that does not exist: the usage and exit 2', () => {
    const none = run();
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('usage: npm run verify-audit -- FILE');
    expect(none.stdout).toBe('');
    const missing = run(join(dir, 'no-such-file.jsonl'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('cannot read');
    expect(missing.stderr).toContain('usage: npm run verify-audit -- FILE');
  });

  it('needs neither the database nor the app: it imports only the verifier, the chain hash and node built-ins', async () => {
    const result = await build({ entryPoints: [cli], bundle: true, platform: 'node', format: 'esm', write: false, metafile: true, packages: 'external', logLevel: 'silent' });
    const ours = Object.keys(result.metafile.inputs).map((p) => relative(root, join(root, p))).sort();
    expect(ours).toEqual(['electron/cli/verify-audit.ts', 'electron/core/audit/event-hash.ts', 'electron/core/audit/export-file.ts', 'electron/core/audit/sshsig.ts', 'electron/core/audit/verify-file.ts']);
    const packages = new Set(Object.values(result.metafile.outputs).flatMap((o) => o.imports.map((i) => i.path)));
    expect([...packages].filter((p) => !p.startsWith('node:')).sort()).toEqual(['canonicalize']);
  });
});
