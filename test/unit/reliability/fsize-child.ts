// Run by disk-full.test.ts under a small file-size limit (`ulimit -f`): signs in, exports the audit trail, imports a
// large file, and writes a file over an old one; prints each answer as a JSON line. Node ignores SIGXFSZ, so a write
// past the limit fails with EFBIG instead of killing the process.
import { readFileSync } from 'node:fs';
import { createCore } from '../../../electron/core/core';
import { writeFileAtomic } from '../../../electron/core/files';

const [dataDir, exportsDir, csvFile, keptFile, loginId, password] = process.argv.slice(2) as [string, string, string, string, string, string];
const quiet = { warn: () => undefined, error: () => undefined };
const core = createCore({ dataDir, exportsDir, log: quiet });
const say = (step: string, answer: unknown) => process.stdout.write(`${JSON.stringify({ step, answer })}\n`);

say('login', await core.call('auth.login', { loginId, password }));
say('export', await core.call('audit.export', {}));
const csv = readFileSync(csvFile);
say('import', await core.call('customers.importCommit', { file: { fileName: 'large.csv', dataBase64: csv.toString('base64') }, language: 'ja' }));
try {
  writeFileAtomic(keptFile, Buffer.alloc(2 * 1024 * 1024, 0x61));
  say('write', { ok: true });
} catch (err) {
  const e = err as { code?: string; key?: string; details?: unknown };
  say('write', { ok: false, error: { code: e.code, message: e.key, details: e.details } });
}
await core.close();
