// Customer records (issue #4): search, open (masked for staff), reveal with a reason, create, and the marketing list.
import { z } from 'zod';
import { customerSorts, revealReasonKinds, type CustomerRecord, type CustomerRow } from '../customers';
import { customerInput } from './customer-input';
import { area, method, type } from './method';

const id = z.uuid({ message: 'id.format' });
const paging = {
  page: z.number().int().min(0).default(0),
  pageSize: z.number().int().min(1).max(200).default(50),
};

export const customers = area('customers', {
  /** One box for kanji, kana (either script, either width), romaji, phone, e-mail, customer number, postal code. */
  search: method({
    input: z.object({ query: z.string().max(200, { message: 'tooLong' }).default(''), ...paging, sort: z.enum(customerSorts).default('kana') }).strict(),
    output: type<{ rows: CustomerRow[]; total: number; capped: boolean }>(),
    access: 'customers.read',
    audit: 'read',
    needsStatement: true,
  }),
  /** The record, masked for staff, full for the officer; every opening is recorded. */
  get: method({
    input: z.object({ id }).strict(),
    output: type<CustomerRecord>(),
    access: 'customers.read',
    audit: 'read',
    needsStatement: true,
  }),
  /** The record in full, for this view only, with a reason: a linked request, or one of a fixed list plus text. */
  reveal: method({
    input: z
      .object({
        id,
        reason: z
          .object({
            kind: z.enum(revealReasonKinds, { message: 'reveal.kind' }),
            // The request's number as the register gives it (R-2026-0001): an id, never free text, since it goes into the audit trail.
            requestId: z.string().trim().regex(/^R-\d{4}-\d{4,6}$/, { message: 'reveal.requestId' }).optional(),
            text: z.string().trim().min(1, { message: 'required' }).max(1000, { message: 'tooLong' }),
          })
          .strict()
          .refine((r) => r.kind !== 'request' || r.requestId !== undefined, { message: 'reveal.requestId', path: ['requestId'] }),
      })
      .strict(),
    output: type<CustomerRecord>(),
    access: 'customers.reveal',
    audit: 'read',
    needsStatement: true,
  }),
  create: method({
    input: customerInput,
    output: type<CustomerRecord>(),
    access: 'customers.write',
    audit: 'write',
    needsStatement: true,
  }),
  /** Who may receive marketing (policy §3.6): only customers with a standing prior approval, in kana order. */
  marketingList: method({
    input: z.object({ ...paging }).strict(),
    output: type<{ rows: CustomerRow[]; total: number; capped: boolean }>(),
    access: 'customers.read',
    audit: 'read',
    needsStatement: true,
  }),
});
