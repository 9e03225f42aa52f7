// The request register (policy §5.2, §7; APPI Art. 33–38): intake, the list, one request, transitions, comments,
// attachments, the one extension, and the office's settings for requests.
import { z } from 'zod';
import {
  disclosureForms,
  noticeLanguages,
  refusalGrounds,
  requestChannels,
  requesterKinds,
  requestKinds,
  requestStates,
  requestTransitionTargets,
  type RequestAttachment,
  type RequestDetail,
  type RequestRow,
  type RequestSettings,
} from '../requests';
import { day, phoneNumber, postalCode } from './customer-input';
import { area, method, type } from './method';

const id = z.uuid({ message: 'id.format' });
const text = (max: number) => z.string().trim().min(1, { message: 'required' }).max(max, { message: 'tooLong' });
const optionalText = (max: number) => z.string().trim().max(max, { message: 'tooLong' }).optional();

/** Attachments and ID copies: PDF, PNG, JPEG or WebP, up to 20 MB (checked again on the bytes in the core). */
export const maxAttachmentBytes = 20 * 1024 * 1024;
export const attachmentMediaTypes = ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'] as const;
export const file = z
  .object({
    fileName: text(255),
    mediaType: z.enum(attachmentMediaTypes, { message: 'file.type' }),
    dataBase64: z
      .string()
      .min(1, { message: 'file.empty' })
      .max(Math.ceil((maxAttachmentBytes * 4) / 3) + 4, { message: 'file.tooLarge' }),
  })
  .strict();

const requester = z
  .object({
    name: text(100),
    nameKana: optionalText(100),
    email: z.email({ message: 'email.format' }).max(254, { message: 'tooLong' }).optional(),
    phone: phoneNumber.optional(),
    postalCode: postalCode.optional(),
    address: optionalText(300),
    birthDate: day.optional(),
  })
  .strict();

const proxy = z
  .object({
    name: text(100),
    /** 法定代理人 (parent, guardian) or 任意代理人 (someone the person appointed). */
    relationship: text(100),
    /** What proves the authority: a power of attorney, a family register extract, ... */
    authority: text(500),
  })
  .strict();

export const requestIntake = z
  .object({
    kind: z.enum(requestKinds, { message: 'request.kind' }),
    /** For `cessationOfPurpose`: the purpose whose use stops (e.g. 3.6 marketing). */
    purposeId: z.string().trim().min(1).max(16).optional(),
    channel: z.enum(requestChannels, { message: 'request.channel' }),
    receivedOn: day,
    requesterKind: z.enum(requesterKinds),
    requester,
    proxy: proxy.optional(),
    /** What exactly is asked, in the requester's words or a faithful summary. */
    asked: text(4000),
    /** Disclosure only: electronic unless the person asks for paper (APPI Art. 33(1)). */
    disclosureForm: z.enum(disclosureForms).optional(),
    /** APPI Art. 38: an optional fee, in yen. */
    feeYen: z.number().int().min(0).max(100_000).optional(),
    noticeLanguage: z.enum(noticeLanguages).default('ja'),
    /** The customer record the request is about, when already matched through the search. */
    customerId: id.optional(),
  })
  .strict()
  .refine((r) => r.kind !== 'cessationOfPurpose' || r.purposeId !== undefined, { message: 'request.purposeRequired', path: ['purposeId'] })
  .refine((r) => r.requesterKind !== 'proxy' || r.proxy !== undefined, { message: 'request.proxyRequired', path: ['proxy'] });
export type RequestIntake = z.input<typeof requestIntake>;

export const requests = area('requests', {
  /** The register: ids, kind, state and due date; the requester's name only in a revealed list (audited). */
  list: method({
    input: z
      .object({
        states: z.array(z.enum(requestStates)).max(requestStates.length).optional(),
        kind: z.enum(requestKinds).optional(),
        overdueOnly: z.boolean().default(false),
        /** Open requests due on or before this day (the dashboard's "due in the next 3 business days"). */
        dueBy: day.optional(),
        /** Requests handled by this account. */
        assigneeId: id.optional(),
        customerId: id.optional(),
        /** Show the requesters' names, for this view only. */
        reveal: z.boolean().default(false),
        page: z.number().int().min(0).default(0),
        pageSize: z.number().int().min(1).max(200).default(100),
      })
      .strict(),
    output: type<{ rows: RequestRow[]; total: number }>(),
    access: 'requests.read',
    audit: 'read',
    needsStatement: true,
  }),
  create: method({
    input: requestIntake,
    output: type<RequestDetail>(),
    access: 'requests.write',
    audit: 'write',
    needsStatement: true,
  }),
  /** One request whole: requester, history, comments, ID copies, proposals, tasks, notices, packages. Every opening is recorded. */
  get: method({
    input: z.object({ id }).strict(),
    output: type<RequestDetail>(),
    access: 'requests.read',
    audit: 'read',
    needsStatement: true,
  }),
  /** Ties the request to the customer record it is about (found through the search); re-checks for a duplicate. */
  link: method({
    input: z.object({ id, customerId: id }).strict(),
    output: type<RequestDetail>(),
    access: 'requests.write',
    audit: 'write',
    needsStatement: true,
  }),
  /** Moves the request on. `refused` needs a ground and text (officer only); `withdrawn` a note; `completed` no blocker left. */
  transition: method({
    input: z
      .object({
        id,
        to: z.enum(requestTransitionTargets, { message: 'request.transition' }),
        ground: z.enum(refusalGrounds).optional(),
        note: optionalText(2000),
      })
      .strict(),
    output: type<RequestDetail>(),
    access: 'requests.write',
    audit: 'write',
    needsStatement: true,
  }),
  /** An internal comment; never sent to the person. */
  comment: method({
    input: z.object({ id, text: text(4000) }).strict(),
    output: type<RequestDetail>(),
    access: 'requests.write',
    audit: 'write',
    needsStatement: true,
  }),
  /** Once per request, by the officer, with a reason; the extension notice is written at the same time. */
  extend: method({
    input: z.object({ id, dueOn: day, reason: text(2000) }).strict(),
    output: type<RequestDetail>(),
    access: 'requests.manage',
    audit: 'write',
    needsStatement: true,
  }),
  /** Hands the request to another officer or staff member (not the auditor, who handles no requests). */
  assign: method({
    input: z.object({ id, assigneeId: id }).strict(),
    output: type<RequestDetail>(),
    access: 'requests.assign',
    audit: 'write',
    needsStatement: true,
  }),
  /** A document that came with the request (a letter, a power of attorney), kept as a BLOB in the encrypted database. */
  attach: method({
    input: z.object({ id, file }).strict(),
    output: type<RequestDetail>(),
    access: 'requests.write',
    audit: 'write',
    needsStatement: true,
  }),
  attachment: method({
    input: z.object({ id: id, attachmentId: id }).strict(),
    output: type<RequestAttachment & { dataBase64: string }>(),
    access: 'requests.read',
    audit: 'read',
    needsStatement: true,
  }),
});

export const requestSettings = area('requestSettings', {
  get: method({
    input: z.object({}).strict(),
    output: type<RequestSettings>(),
    access: 'requests.read',
    audit: 'none',
  }),
  update: method({
    input: z
      .object({
        dueBusinessDays: z.number().int().min(1, { message: 'dueDays.range' }).max(60, { message: 'dueDays.range' }),
        idCopyRetentionDays: z.number().int().min(0, { message: 'retentionDays.range' }).max(365, { message: 'retentionDays.range' }),
        outboxDir: z.string().trim().max(1000, { message: 'tooLong' }).optional(),
        smtp: z
          .object({
            host: text(255),
            port: z.number().int().min(1).max(65535),
            secure: z.boolean(),
            user: optionalText(255),
            /** Kept in the encrypted database; left out, the stored one stays. */
            password: z.string().max(1024).optional(),
            from: z.email({ message: 'email.format' }),
          })
          .strict()
          .nullable(),
      })
      .strict(),
    output: type<RequestSettings>(),
    access: 'settings.manage',
    audit: 'write',
  }),
});
