// Writing the data folder's few plain files and the exports safely (whole or not at all, readable by the owner only),
// and naming what the disk said when it refused a write: full, read-only, not allowed, too large, no such folder.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DeskError } from './errors';

/**
 * The operating system's (errno) and SQLite's codes of a refused write, and the sentence each gets. SQLite reports a
 * file-size limit (EFBIG) and a failing disk alike as SQLITE_IOERR, so both read "could not be written".
 */
const storageKeys: Record<string, string> = {
  ENOSPC: 'storage.full',
  EDQUOT: 'storage.full',
  SQLITE_FULL: 'storage.full',
  EROFS: 'storage.readOnly',
  SQLITE_READONLY: 'storage.readOnly',
  EACCES: 'storage.denied',
  EPERM: 'storage.denied',
  SQLITE_PERM: 'storage.denied',
  EFBIG: 'storage.fileTooLarge',
  ENOTDIR: 'storage.folderUnusable',
  ENOENT: 'storage.folderUnusable',
  EISDIR: 'storage.folderUnusable',
  ELOOP: 'storage.folderUnusable',
  ENAMETOOLONG: 'storage.folderUnusable',
  EIO: 'storage.writeFailed',
  SQLITE_IOERR: 'storage.writeFailed',
  SQLITE_CANTOPEN: 'storage.writeFailed',
};

/**
 * The typed error for a write the disk refused, or null when `err` is something else. `folder` (the exports folder, the
 * data folder) goes into the details so the message can say where; details never hold what was being written.
 */
export function storageError(err: unknown, folder?: string): DeskError | null {
  if (err instanceof DeskError) return err.key.startsWith('storage.') ? err : null;
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !(code in storageKeys)) return null;
  return new DeskError('CONFLICT', storageKeys[code]!, { reason: code, ...(folder ? { folder } : {}) });
}

/** Makes a rename survive a power cut. Windows cannot open a folder, and some file systems refuse: best effort. */
function syncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* the rename is done; only its durability on a power cut is not confirmed */
  }
}

/**
 * Writes `file` whole or not at all: a temporary file beside it, flushed, then renamed over it. The temporary name is
 * random and created exclusively, so a link planted under a guessable name cannot redirect the write. On a refused
 * write the temporary file goes and a typed `storage.*` error names the cause; the old file, if any, is untouched.
 */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  const folder = dirname(file);
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const fd = openSync(tmp, 'wx', 0o600);
    try {
      writeFileSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (err) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      /* the folder itself is unusable: nothing was created in it */
    }
    throw storageError(err, folder) ?? err;
  }
  syncFolder(folder);
}
