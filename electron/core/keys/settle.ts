// A key rotation that stopped half-way (a crash, a power cut) is finished or undone from the files on disk alone, before
// the next unlock reads the keyring: the database and the keyring are never left opening with different keys.
//
// The rotation's order (keys/rotate.ts): 1. desk.db.next (the database under the new key) written and checked;
// 2. keyring.next.json written; 3. desk.db.next renamed over desk.db; 4. keyring.next.json renamed over keyring.json.
// So: keyring.next.json without desk.db.next means step 3 happened (finish: step 4); desk.db.next still there means it
// did not (undo: the database and keyring.json still agree on the old key).
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface RotationFiles {
  keyring: string;
  database: string;
  nextKeyring: string;
  nextDatabase: string;
}

export function rotationFiles(paths: { keyring: string; database: string }): RotationFiles {
  return {
    keyring: paths.keyring,
    database: paths.database,
    nextKeyring: join(dirname(paths.keyring), 'keyring.next.json'),
    nextDatabase: `${paths.database}.next`,
  };
}

/** Makes a rename durable: the folder's entry is on disk before the next step counts on it. */
export function syncFolder(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dirname(path), 'r');
    fsyncSync(fd);
  } catch {
    // Some platforms (Windows) cannot open a folder for fsync; their rename is already durable enough.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function removeDatabaseFile(file: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}

export type Settled = 'nothing' | 'finished' | 'undone';

export function settleRotation(paths: { keyring: string; database: string }): Settled {
  const files = rotationFiles(paths);
  const nextKeyring = existsSync(files.nextKeyring);
  const nextDatabase = existsSync(files.nextDatabase);
  if (nextKeyring && !nextDatabase) {
    renameSync(files.nextKeyring, files.keyring);
    syncFolder(files.keyring);
    return 'finished';
  }
  if (nextDatabase) {
    // The keyring goes first: were this cut short, a lone desk.db.next is still read as "undo", never as "finish".
    if (nextKeyring) rmSync(files.nextKeyring, { force: true });
    syncFolder(files.nextKeyring);
    removeDatabaseFile(files.nextDatabase);
    return 'undone';
  }
  return 'nothing';
}
