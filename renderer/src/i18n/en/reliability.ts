// English messages of faults: a full disk, a read-only folder, damaged files and how to recover (issue #8).
import type { reliabilityJa } from '../ja/reliability';

export const reliabilityEn: typeof reliabilityJa = {
  errors: {
    database: {
      behind:
        'The database is missing changes that were saved: the record says its audit trail holds {{recordedEvents}} events, but only {{foundEvents}} are there. Its write-ahead file (desk.db-wal) may have been cut short, or an older copy of desk.db put in its place.',
      replaced:
        'The database does not match what this desk saved (audit event {{event}} differs): it may have been replaced by another copy.',
    },
    storage: {
      full: 'The disk holding {{folder}} is full, so nothing could be written. Nothing was saved or changed. Free some space and try again.',
      readOnly: '{{folder}} is read-only, so nothing could be written. Nothing was saved or changed. Choose a folder that can be written to, or ask the computer’s administrator.',
      denied: 'Writing to {{folder}} is not allowed. Nothing was saved or changed. Ask the computer’s administrator about the folder’s permissions.',
      fileTooLarge: 'The file would be larger than this computer allows, so it could not be written. Nothing was saved or changed. Ask the computer’s administrator.',
      folderUnusable: '{{folder}} cannot be used as a folder (it is not there, or a file has that name). Nothing was saved or changed. Check the folder and try again.',
      writeFailed: 'Writing to {{folder}} failed. Nothing was saved or changed. Check the disk’s free space and health, then try again.',
    },
  },
  damagedData: {
    title: 'How to recover',
    untouched: 'Nothing was repaired or overwritten: the damaged files are as they were found, so the steps below bring the data back safely.',
    steps: {
      close: 'Close the desk.',
      moveAside: 'Rename the data folder, for example by adding “-damaged” to its name, and keep it. Do not delete it.',
      restore: 'Start the desk again: it opens as a new installation, on the setup screen. Choose “Restore from a backup”, then the latest backup file, and enter the recovery key.',
      after: 'The records come back as they were when the backup was made; enter later changes again from the paper records.',
    },
    folder: 'Data folder',
    copy: 'Copy the path',
    copied: 'Copied',
    noBackup: 'Without a backup, keep the folder as it is and contact the privacy officer.',
  },
  audit: {
    actions: {
      desk: {
        chainHeadReset: 'Commit record (chain-head.json) started anew',
        damaged: 'Database found damaged',
      },
    },
  },
};
