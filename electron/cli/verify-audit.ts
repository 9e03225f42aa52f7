// `npm run verify-audit -- FILE`: checks an exported audit file without the app or its database.
// Exit codes: 0 valid, 1 invalid, 2 usage (no file given, or it cannot be read).
import { readFileSync } from 'node:fs';
import { describeCheck, verifyAuditFile } from '../core/audit/verify-file';

const usage = 'usage: npm run verify-audit -- FILE\n  checks the hashes, the sequence and the signature of an audit file exported by the desk';

function main(args: string[]): number {
  const file = args[0];
  if (!file || file === '-h' || file === '--help' || args.length > 1) {
    console.error(usage);
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unreadable';
    console.error(`verify-audit: cannot read ${file} (${code})\n${usage}`);
    return 2;
  }
  const check = verifyAuditFile(bytes);
  console.log(describeCheck(check));
  return check.valid ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
