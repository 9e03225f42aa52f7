// The operating system's save dialog for exports: the core asks the edge, and hands the page a token for the path chosen.
import { z } from 'zod';
import { area, method, type } from './method';
import { records } from './records';

/**
 * Every kind of file the desk exports, with its default folder under the exports folder and its extension (and the
 * files written beside it). The default name `<base>-<day>.<ext>` (then `-2`, `-3`: never over an earlier export)
 * carries the kind and the day, never a person; the export then writes to the path chosen for it.
 */
export const saveKinds = {
  auditJsonl: { folder: '', base: 'audit', extension: 'jsonl', beside: ['csv'] },
  provisionsCsv: { folder: 'registers', base: 'provisions', extension: 'csv' },
  provisionsPdf: { folder: 'registers', base: 'provisions', extension: 'pdf' },
  receiptsCsv: { folder: 'registers', base: 'receipts', extension: 'csv' },
  receiptsPdf: { folder: 'registers', base: 'receipts', extension: 'pdf' },
  ledgerXlsx: { folder: 'registers', base: 'ledger', extension: 'xlsx' },
  ledgerPdf: { folder: 'registers', base: 'ledger', extension: 'pdf' },
  disclosurePackage: { folder: 'disclosures', base: 'disclosure', extension: 'json', beside: ['pdf'] },
  // A report's name carries its period (report-2026-10), which says more than the day it was saved.
  reportPdf: { folder: 'reports', base: 'report', extension: 'pdf', periodInName: true },
  reportCsv: { folder: 'reports', base: 'report', extension: 'csv', periodInName: true },
  selectionCsv: { folder: 'selections', base: 'selection', extension: 'csv' },
} as const satisfies Record<string, { folder: string; base: string; extension: string; beside?: readonly string[]; periodInName?: true }>;

export type SaveKind = keyof typeof saveKinds;
export const saveKindNames = Object.keys(saveKinds) as [SaveKind, ...SaveKind[]];

export const saveTargetInput = z
  .object({
    kind: z.enum(saveKindNames),
    /** The dialog's file-type name follows the person's language. */
    language: z.enum(['ja', 'en']),
    /**
     * A stem instead of the kind's base, so the dialog proposes `<name>-<day>.<ext>` as the export would have named it
     * (letters, digits, dots, dashes: `R-2026-0042-disclosure`, `report-2026-11`). Never a person's name.
     */
    name: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/)
      .optional(),
  })
  .strict();
export type SaveTargetInput = z.input<typeof saveTargetInput>;

export type SaveTargetChoice = { token: string } | { cancelled: true };

export const saveTargets = {
  ...area('saveTargets', {
    /**
     * Opens the save dialog at `<exportsDir>/<folder>/<default name>` and returns a token for the chosen path (single
     * use, a few minutes), to pass as `saveTo` to the export. The desk's own edge (the test host) accepts the default.
     * Outside the transaction: the dialog waits for a person and must not hold the database.
     */
    choose: method({ input: saveTargetInput, output: type<SaveTargetChoice>(), access: 'session', audit: 'none', outsideTransaction: true }),
  }),
  ...records,
};
