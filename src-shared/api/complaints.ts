// Complaints and consultations (APPI Art. 40; JIS Q 15001 苦情及び相談への対応) (issue #10): the contract and its shapes.
import { z } from 'zod';
import type { CustomerRow } from '../customers';
import type { RequestKind, RequestState } from '../requests';
import type { IncidentState } from '../registers';
import { day } from './customer-input';
import { incidents } from './incidents';
import { area, method, type } from './method';
import { requestIntake } from './requests';

export const complaintKinds = ['complaint', 'consultation'] as const;
export type ComplaintKind = (typeof complaintKinds)[number];

/** The same words as a request's channels where they meet, so a request registered from a complaint keeps its channel. */
export const complaintChannels = ['phone', 'email', 'web', 'post', 'counter', 'other'] as const;
export type ComplaintChannel = (typeof complaintChannels)[number];

export type ComplaintState = 'open' | 'closed';

/** The list's filters: `dueSoon` and `overdue` are open ones; the home screen's counts open the list with them. */
export const complaintShows = ['open', 'dueSoon', 'overdue', 'closed', 'all'] as const;
export type ComplaintShow = (typeof complaintShows)[number];

/**
 * Art. 40 asks for "appropriate and prompt" handling. Two working weeks: a complaint needs no identity check and no
 * change order to the company's systems, so it is answered sooner than a request (14 business days, requests.ts);
 * the officer may change it (complaints.updateSettings).
 */
export const defaultComplaintDueBusinessDays = 10;
export const complaintDueBusinessDaysRange = { min: 1, max: 30 } as const;
/** "Due soon" on the home screen and the list: within three business days, as for requests. */
export const complaintDueSoonBusinessDays = 3;

export interface ComplaintRow {
  id: string;
  /** `C-2026-0001`: numbered in order of registration within the year of registration. */
  number: string;
  kind: ComplaintKind;
  channel: ComplaintChannel;
  receivedOn: string;
  dueOn: string;
  state: ComplaintState;
  /** A short title: what the complaint is about. */
  subject: string;
  overdue: boolean;
  /** Business days left (negative when overdue); null once closed. */
  businessDaysLeft: number | null;
  closedOn: string | null;
  /** Kept after the customer's erasure: the number says whose complaint it was, the record itself is gone. */
  customerNo: string | null;
  handlerName: string | null;
  /** Whether it revealed a problem in the handling of personal information; decided at the latest when it closes. */
  problemFound: boolean | null;
  requestNumbers: string[];
  incidentNumbers: string[];
  personalDataErased: boolean;
}

export interface LinkedRequest {
  id: string;
  number: string;
  kind: RequestKind;
  state: RequestState;
  /** `registered`: made from this complaint; `linked`: an existing request tied to it. */
  how: 'registered' | 'linked';
  linkedAt: string;
  linkedByName: string | null;
}

export interface LinkedIncident {
  id: string;
  number: string;
  state: IncidentState;
  how: 'registered' | 'linked';
  linkedAt: string;
  linkedByName: string | null;
}

export interface ComplaintHistoryEntry {
  at: string;
  actorName: string | null;
  /** An i18n key under `complaints.history.` */
  action: string;
  note: string | null;
}

export interface ComplaintDetail extends ComplaintRow {
  content: string;
  complainantName: string | null;
  complainantContact: string | null;
  customerId: string | null;
  /** The linked customer as this role sees customers: masked for staff (policy §4.2). */
  customer: CustomerRow | null;
  /** The customer record was erased (APPI Art. 35) after the complaint named it. */
  customerErased: boolean;
  handlerId: string | null;
  response: string | null;
  problemDescription: string | null;
  closedAt: string | null;
  closedByName: string | null;
  createdAt: string;
  createdByName: string | null;
  personalDataErasedAt: string | null;
  requests: LinkedRequest[];
  incidents: LinkedIncident[];
  history: ComplaintHistoryEntry[];
}

/** A complaint a request or an incident came from, as the other side shows it: numbers and dates, no content. */
export interface ComplaintOrigin {
  id: string;
  number: string;
  kind: ComplaintKind;
  state: ComplaintState;
  receivedOn: string;
}

export interface ComplaintDueCounts {
  open: number;
  dueSoon: number;
  overdue: number;
}

export interface ComplaintAssignee {
  id: string;
  displayName: string;
  role: 'officer' | 'staff';
}

const id = z.uuid({ message: 'id.format' });
const text = (max: number) => z.string().trim().min(1, { message: 'required' }).max(max, { message: 'tooLong' });
/** Left out: unchanged (on update) or none; given empty: cleared. */
const optionalText = (max: number) => z.string().trim().max(max, { message: 'tooLong' }).optional();
const requestNumber = z.string().trim().regex(/^R-\d{4}-\d{4,6}$/, { message: 'complaint.requestNumber' });
const incidentNumber = z.string().trim().regex(/^I-\d{4}-\d{4,6}$/, { message: 'complaint.incidentNumber' });

const facts = {
  kind: z.enum(complaintKinds, { message: 'complaint.kind' }),
  channel: z.enum(complaintChannels, { message: 'complaint.channel' }),
  receivedOn: day,
  subject: text(120),
  /** What the person said, in their words or a faithful summary. It may name them: never in the audit trail. */
  content: text(8000),
  /** The person who complained, when they gave a name (a caller may stay anonymous). */
  complainantName: optionalText(100),
  /** How to reach them back: a phone number, an e-mail address. */
  complainantContact: optionalText(200),
  /** The customer record, when the person is identified (chosen with the audited customer search). */
  customerId: id.nullable().optional(),
  /** Who handles it: an officer's or staff member's account. */
  handlerId: id.nullable().optional(),
};

export const complaintInput = z.object(facts).strict();
export type ComplaintInput = z.input<typeof complaintInput>;

const oneOf = (a: unknown, b: unknown) => (a === undefined) !== (b === undefined);

export const complaints = area('complaints', {
  /** The register: subjects and due dates (the subject may hint at the person, so staff need a statement). */
  list: method({
    input: z
      .object({
        show: z.enum(complaintShows).default('open'),
        kind: z.enum(complaintKinds).optional(),
        page: z.number().int().min(0).default(0),
        pageSize: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    output: type<{ rows: ComplaintRow[]; total: number }>(),
    access: 'complaints.read',
    audit: 'read',
    needsStatement: true,
  }),
  /** The home screen's counts: numbers only, no one's data. */
  dueCounts: method({
    input: z.object({}).strict(),
    output: type<ComplaintDueCounts>(),
    access: 'complaints.read',
    audit: 'none',
  }),
  /** One complaint whole, with the customer (masked for staff), its links and history. Every opening is recorded. */
  get: method({
    input: z.object({ id }).strict(),
    output: type<ComplaintDetail>(),
    access: 'complaints.read',
    audit: 'read',
    needsStatement: true,
  }),
  create: method({
    input: complaintInput,
    output: type<ComplaintDetail>(),
    access: 'complaints.write',
    audit: 'write',
    needsStatement: true,
  }),
  /** Changes what is known while the complaint is open, and records the response being prepared. */
  update: method({
    input: z
      .object({
        id,
        ...facts,
        kind: facts.kind.optional(),
        channel: facts.channel.optional(),
        receivedOn: day.optional(),
        subject: facts.subject.optional(),
        content: facts.content.optional(),
        response: optionalText(8000),
        problemFound: z.boolean().nullable().optional(),
        /** What went wrong in the handling of personal information; kept after an erasure, so written without the person. */
        problemDescription: optionalText(4000),
      })
      .strict(),
    output: type<ComplaintDetail>(),
    access: 'complaints.write',
    audit: 'write',
    needsStatement: true,
  }),
  /** Closing needs the response given and the day; whether it revealed a problem is decided now, with what it was. */
  close: method({
    input: z
      .object({ id, response: text(8000), closedOn: day, problemFound: z.boolean({ message: 'complaint.problemDecision' }), problemDescription: optionalText(4000) })
      .strict()
      .refine((c) => !c.problemFound || (c.problemDescription ?? '') !== '', { message: 'complaint.problemDescriptionRequired', path: ['problemDescription'] }),
    output: type<ComplaintDetail>(),
    access: 'complaints.write',
    audit: 'write',
    needsStatement: true,
  }),
  /** A closed complaint is the record of what the office did: only the officer reopens it, with a reason. */
  reopen: method({
    input: z.object({ id, reason: text(2000) }).strict(),
    output: type<ComplaintDetail>(),
    access: 'complaints.write',
    audit: 'write',
    needsStatement: true,
  }),
  /** The request the complaint leads to, registered by the requests' own intake in the same transaction, and linked. */
  registerRequest: method({
    input: z.object({ id, request: requestIntake }).strict(),
    output: type<ComplaintDetail>(),
    access: 'complaints.write',
    audit: 'write',
    needsStatement: true,
  }),
  /** The leak incident the complaint revealed, recorded by the incidents' own code in the same transaction, and linked. */
  registerIncident: method({
    input: z.object({ id, incident: incidents['incidents.create'].input }).strict(),
    output: type<ComplaintDetail>(),
    access: 'complaints.write',
    audit: 'write',
    needsStatement: true,
  }),
  /** Ties an existing request or incident to the complaint, by its number. */
  link: method({
    input: z
      .object({ id, requestNumber: requestNumber.optional(), incidentNumber: incidentNumber.optional() })
      .strict()
      .refine((l) => oneOf(l.requestNumber, l.incidentNumber), { message: 'complaint.linkOne', path: ['requestNumber'] }),
    output: type<ComplaintDetail>(),
    access: 'complaints.write',
    audit: 'write',
    needsStatement: true,
  }),
  /** Removes a link made by mistake; the request or incident itself stays. */
  unlink: method({
    input: z
      .object({ id, requestId: id.optional(), incidentId: id.optional() })
      .strict()
      .refine((l) => oneOf(l.requestId, l.incidentId), { message: 'complaint.linkOne', path: ['requestId'] }),
    output: type<ComplaintDetail>(),
    access: 'complaints.write',
    audit: 'write',
    needsStatement: true,
  }),
  /** The complaints a request or an incident came from: the other side of the same stored link. */
  origins: method({
    input: z
      .object({ requestId: id.optional(), incidentId: id.optional() })
      .strict()
      .refine((o) => oneOf(o.requestId, o.incidentId), { message: 'complaint.linkOne', path: ['requestId'] }),
    output: type<{ rows: ComplaintOrigin[] }>(),
    access: 'complaints.read',
    audit: 'none',
  }),
  /** Who may handle a complaint: the active officers and staff (colleagues' names, no customer's data). */
  assignees: method({
    input: z.object({}).strict(),
    output: type<{ rows: ComplaintAssignee[] }>(),
    access: 'complaints.read',
    audit: 'none',
  }),
  settings: method({
    input: z.object({}).strict(),
    output: type<{ dueBusinessDays: number }>(),
    access: 'complaints.read',
    audit: 'none',
  }),
  /** The number of business days a response is due in, for complaints received from now on. */
  updateSettings: method({
    input: z
      .object({
        dueBusinessDays: z
          .number()
          .int({ message: 'complaint.dueDays' })
          .min(complaintDueBusinessDaysRange.min, { message: 'complaint.dueDays' })
          .max(complaintDueBusinessDaysRange.max, { message: 'complaint.dueDays' }),
      })
      .strict(),
    output: type<{ dueBusinessDays: number }>(),
    access: 'settings.manage',
    audit: 'write',
  }),
});
