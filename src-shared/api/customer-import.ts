// The CSV import of customers: a preview of what a file holds, then a commit of its good rows (issue #4).
// An area file of its own beside customers.ts; `area('customers', ...)` gives the fixed names customers.importPreview / importCommit.
import { z } from 'zod';
import type { CustomerRow } from '../customers';
import type { RowProblem } from '../import-reasons';
import { receiptInput } from './customer-input';
import { area, method, type } from './method';

/** The largest file the desk reads: 200 MB, about two million customer rows. Checked on the base64 length, before decoding. */
export const maxImportBytes = 200 * 1024 * 1024;
/** Rows shown in the preview, and problems listed (the total is counted past the cap). */
export const importSampleRows = 20;
export const importProblemCap = 1000;

export const importEncodings = ['utf-8-bom', 'utf-8', 'cp932'] as const;
export type ImportEncoding = (typeof importEncodings)[number];

const importInput = {
  file: z
    .object({
      fileName: z.string().trim().min(1, { message: 'required' }).max(255, { message: 'tooLong' }),
      /** Size and emptiness are the core's to judge (import.tooLarge, import.empty), so that the screen gets one key for each. */
      dataBase64: z.string(),
    })
    .strict(),
  /** header → field (`name`, `phone.mobile`, `consent.3.6` ...) or `ignore`; headers left out are guessed. */
  mapping: z
    .record(z.string().max(500), z.string().max(64))
    .refine((m) => Object.keys(m).length <= 500, { message: 'tooLong' })
    .optional(),
  /** The language of the rejected-rows file's reason column: the user's. */
  language: z.enum(['ja', 'en']),
  /** A file received from a partner: the provider's details for the APPI Art. 30 receipt record. Without it, the rows are registrations. */
  partner: receiptInput.optional(),
};

export interface ImportSampleRow {
  row: number;
  /** The cells as in the file; a cell holding a card number is blank. */
  cells: string[];
  /** field → value as the desk would store it (dates as YYYY-MM-DD, 〒 dropped ...); null for a refused row. */
  values: Record<string, string> | null;
}

export interface ImportPreview {
  encoding: ImportEncoding;
  headers: string[];
  /** header → the field it fills, guessed or as given; headers not in it are in unknownHeaders. */
  mapping: Record<string, string>;
  unknownHeaders: string[];
  /** Required fields that no column fills: the commit refuses until the mapping gives them one. */
  missingFields: string[];
  /** Every field a column can be mapped to, consent columns included. */
  fields: string[];
  rowCount: number;
  goodRows: number;
  rejectedRows: number;
  sample: ImportSampleRow[];
  problems: RowProblem[];
  problemsTotal: number;
  /** Good rows that look like customers the desk already holds (same e-mail, or same reading and date of birth). */
  possibleDuplicates: number;
}

export interface ImportResult {
  importId: string;
  imported: number;
  rejected: number;
  duplicates: number;
  /** Where the rejected-rows file was written (the exports folder); absent when no row was refused. */
  rejectedPath?: string;
  /** The Art. 30 receipt record of a partner import. */
  receiptId?: string;
}

/** What the office decided about a possible duplicate: still to look at, two people, or one person with two records (not merged). */
export const reviewStatuses = ['open', 'distinct', 'samePerson'] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];
export const reviewReasons = ['email', 'readingAndBirthDate'] as const;
export type ReviewReason = (typeof reviewReasons)[number];

/** A list row of a customer in a review, with the date of birth (the year only for staff) to compare the two by. */
export interface ReviewCustomer extends CustomerRow {
  birthDate: string | null;
}

/** An imported customer who may be someone the desk already held, with the possible matches and why. */
export interface ImportReviewRow {
  /** The review's id: decideReview takes it and decides every match of this imported customer at once. */
  id: number;
  importId: string;
  importedAt: string;
  newCustomer: ReviewCustomer;
  existing: ReviewCustomer[];
  reasons: ReviewReason[];
  status: ReviewStatus;
  decidedAt?: string;
  decidedBy?: string;
  /** The reviewer's note, if one was given with the decision. */
  note?: string;
}

export const customerImport = area('customers', {
  importPreview: method({
    input: z.object(importInput).strict(),
    output: type<ImportPreview>(),
    access: 'customers.import',
    audit: 'read',
    needsStatement: true,
  }),
  /** All good rows in one transaction, or none; refused rows go to the rejected-rows file. */
  importCommit: method({
    input: z.object(importInput).strict(),
    output: type<ImportResult>(),
    access: 'customers.import',
    audit: 'write',
    needsStatement: true,
  }),
  /** The possible duplicates imports flagged, newest first; masked for staff like customers.search. Without status: all. */
  importReviews: method({
    input: z
      .object({
        status: z.enum(reviewStatuses).optional(),
        page: z.number().int().min(0).default(0),
        pageSize: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    output: type<{ rows: ImportReviewRow[]; total: number }>(),
    access: 'customers.read',
    audit: 'read',
    needsStatement: true,
  }),
  /** Two people, or one person with two records. 'samePerson' records the fact; it merges nothing (a merge is a correction request). */
  decideReview: method({
    input: z
      .object({
        id: z.number().int().min(1),
        decision: z.enum(['distinct', 'samePerson']),
        note: z.string().trim().max(1000, { message: 'tooLong' }).optional(),
      })
      .strict(),
    output: type<ImportReviewRow>(),
    access: 'customers.write',
    audit: 'write',
    needsStatement: true,
  }),
});
