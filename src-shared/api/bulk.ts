// Bulk work on requests and customers: a preview of what will happen to each row, then the run, reported and audited per row.
import { z } from 'zod';
import { noticeKinds, noticeLanguages, type NoticeKind } from '../requests';
import { day } from './customer-input';
import { area, method, type } from './method';
import { saveTo } from './save-target';

const id = z.uuid({ message: 'id.format' });

/**
 * At most this many rows per call: one call is one transaction, and 200 rows (a full page of the register) keep it
 * to a few seconds on the workstation, so the desk stays responsive for everyone else's calls.
 */
export const bulkLimit = 200;

const ids = z
  .array(id)
  .min(1, { message: 'bulk.empty' })
  .max(bulkLimit, { message: 'bulk.tooMany' })
  .refine((list) => new Set(list).size === list.length, { message: 'bulk.duplicateIds' });

/** `preview` changes nothing and says per row what `run` would do; `run` does it and says per row what happened. */
export const bulkSteps = ['preview', 'run'] as const;
export type BulkStep = (typeof bulkSteps)[number];
const step = z.enum(bulkSteps);

/**
 * The one new due date for every request, or N business days after each request's own due date (after today for a
 * request already overdue, since a date in the past is no extension). Either way each row passes `requests.extend`'s rules.
 */
export const bulkExtension = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('businessDays'), days: z.number().int().min(1, { message: 'bulk.days' }).max(60, { message: 'bulk.days' }) }).strict(),
  z.object({ mode: z.literal('dueOn'), dueOn: day }).strict(),
]);
export type BulkExtension = z.infer<typeof bulkExtension>;

/**
 * What happened (or, in a preview, will happen) to one row. `will`/`done`, `skip`/`skipped` with the reason's i18n
 * key under `errors.` (the rule that stopped it), `failed` with the error's key (a row that failed is undone, alone).
 */
export type BulkOutcome = 'will' | 'skip' | 'done' | 'skipped' | 'failed';
export interface BulkRow {
  id: string;
  /** The request's number (R-2026-0001) or the customer's (C-0001). */
  number: string;
  outcome: BulkOutcome;
  reason: string | null;
  reasonDetails?: Record<string, unknown>;
  /** What changes, as shown in the preview: the due date or the assignee before and after. */
  from: string | null;
  to: string | null;
  /** A notice's outcome: an .eml written to the outbox, or the text kept for a letter (no e-mail address). */
  notice?: { id: string | null; kind: NoticeKind; byEmail: boolean };
}

export interface BulkResult {
  step: BulkStep;
  rows: BulkRow[];
  counts: Record<BulkOutcome, number>;
}

export const bulk = area('bulk', {
  /** Hands many requests to one officer or staff member (policy §7: who handles the request). */
  assign: method({
    input: z.object({ step, ids, assigneeId: id }).strict(),
    output: type<BulkResult>(),
    access: 'requests.assign',
    audit: 'write',
  }),
  /** Extends many requests with one reason (APPI Art. 33/35 answer periods; once per request, each told by notice). */
  extend: method({
    input: z.object({ step, ids, extension: bulkExtension, reason: z.string().trim().min(1, { message: 'required' }).max(2000, { message: 'tooLong' }) }).strict(),
    output: type<BulkResult>(),
    access: 'requests.manage',
    audit: 'write',
    needsStatement: true,
  }),
  /** Writes one notice template to each request's requester (policy §7.2), as `notices.render` does for one. */
  notify: method({
    input: z.object({ step, ids, kind: z.enum(noticeKinds, { message: 'notice.kind' }), language: z.enum(noticeLanguages).optional() }).strict(),
    output: type<BulkResult>(),
    access: 'notices.render',
    audit: 'write',
    needsStatement: true,
  }),
  /** The selected requests as a CSV, as the register shows them: the requesters' names only when revealed (audited). */
  exportRequests: method({
    input: z.object({ ids, reveal: z.boolean().default(false), saveTo }).strict(),
    output: type<{ file: string; rows: number }>(),
    access: 'requests.read',
    audit: 'read',
    needsStatement: true,
  }),
  /** The selected customers as a CSV, masked for staff as the customer list is (policy §4.2). */
  exportCustomers: method({
    input: z.object({ ids, saveTo }).strict(),
    output: type<{ file: string; rows: number }>(),
    access: 'customers.read',
    audit: 'read',
    needsStatement: true,
  }),
});
