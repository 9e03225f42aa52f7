// Four-eyes decisions (policy §7.2): what the desk will do for a request is proposed, and only an officer other than
// the proposer decides. Approval applies the change in one transaction; a record changed since gives CONFLICT.
import { z } from 'zod';
import { cessationScopes, correctableFields, proposalKinds, refusalGrounds, type RequestDetail } from '../requests';
import { area, method, type } from './method';

const id = z.uuid({ message: 'id.format' });
const value = z.union([z.string().trim().max(300, { message: 'tooLong' }), z.array(z.string().trim().min(1).max(254, { message: 'tooLong' })).max(20), z.null()]);

export const proposals = area('proposals', {
  /**
   * `disclose`: disclose everything held (disclosure requests); `change`: field changes, old values taken by the core;
   * `erase`: erase the customer's data; `cease`: stop use, provision, or one purpose.
   */
  create: method({
    input: z
      .object({
        requestId: id,
        kind: z.enum(proposalKinds, { message: 'proposal.kind' }),
        changes: z
          .array(z.object({ field: z.enum(correctableFields, { message: 'proposal.field' }), to: value }).strict())
          .max(correctableFields.length)
          .default([]),
        cessation: z.object({ scope: z.enum(cessationScopes), purposeId: z.string().trim().min(1).max(16).optional() }).strict().optional(),
        note: z.string().trim().max(2000, { message: 'tooLong' }).optional(),
      })
      .strict(),
    output: type<RequestDetail>(),
    access: 'proposals.create',
    audit: 'write',
    needsStatement: true,
  }),
  /** A refusal needs a ground from the fixed list and text; both go into the refusal notice (APPI Art. 36). */
  decide: method({
    input: z
      .object({
        id,
        decision: z.enum(['approve', 'reject']),
        reason: z
          .object({ ground: z.enum(refusalGrounds, { message: 'proposal.ground' }), text: z.string().trim().min(1, { message: 'required' }).max(2000, { message: 'tooLong' }) })
          .strict()
          .optional(),
      })
      .strict()
      .refine((d) => d.decision === 'approve' || d.reason !== undefined, { message: 'proposal.reasonRequired', path: ['reason'] }),
    output: type<RequestDetail>(),
    access: 'proposals.decide',
    audit: 'write',
    needsStatement: true,
  }),
});
