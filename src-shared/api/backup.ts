// Backups of the whole desk, their restore on a fresh installation, and the rotation of the data key (issue #8).
import { z } from 'zod';
import { area, method, type } from './method';
import { password, recoveryKey } from './fields';

/** A folder or file on this workstation, as the officer chose it (the edge's dialog, or typed). */
const localPath = z.string().trim().min(1, { message: 'path.required' }).max(1024, { message: 'path.tooLong' });

export interface BackupFile {
  /** Absolute path of the backup file. */
  file: string;
  bytes: number;
  /** When the snapshot was taken (ISO). */
  createdAt: string;
  /** Audit events in the snapshot, and its chain head: what a restore must bring back. */
  events: number;
  chainHead: string;
}

export interface BackupSettings {
  /** The folder backups go to unless another is chosen; the exports folder's `backups` by default. */
  folder: string;
  /** The latest backup made by this desk, if any. */
  last: { file: string; createdAt: string; bytes: number } | null;
}

export interface RestoreResult {
  /** When the restored snapshot was taken. */
  createdAt: string;
  events: number;
  chainHead: string;
  accounts: number;
  customers: number;
}

export const backup = area('backup', {
  settings: method({
    input: z.object({}).strict(),
    output: type<BackupSettings>(),
    access: 'backup.manage',
    audit: 'none',
  }),
  setFolder: method({
    input: z.object({ folder: localPath }).strict(),
    output: type<BackupSettings>(),
    access: 'backup.manage',
    audit: 'write',
  }),
  /** A consistent, encrypted snapshot of the whole desk, written whole or not at all. */
  create: method({
    input: z.object({ folder: localPath.optional() }).strict(),
    output: type<BackupFile>(),
    access: 'backup.manage',
    audit: 'write',
  }),
  /** The backups found in a folder (the backup folder by default), newest first; reading their headers needs no key. */
  list: method({
    input: z.object({ folder: localPath.optional() }).strict(),
    output: type<{ folder: string; backups: BackupFile[] }>(),
    access: 'backup.manage',
    audit: 'none',
  }),
  /** On a fresh installation only (nothing set up yet): brings back a backup with the recovery key. */
  restore: method({
    input: z.object({ file: localPath, recoveryKey }).strict(),
    output: type<RestoreResult>(),
    access: 'public',
    audit: 'self',
  }),
});

export const keys = area('keys', {
  /**
   * A new data key: the database re-encrypted with it, rewrapped for every account and for the recovery key; the
   * old wraps (an old copy of keyring.json) no longer open the database. The officer confirms with their password.
   */
  rotate: method({
    input: z.object({ password }).strict(),
    output: type<{ rotatedAt: string; accounts: number }>(),
    access: 'keys.rotate',
    audit: 'self',
  }),
});
