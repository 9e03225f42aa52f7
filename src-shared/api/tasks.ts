// The company's other systems (order system, mail delivery, ...): who answers for each, and the task per system that
// an approved correction, erasure or cessation creates, confirmed by the system's owner or waived by the officer.
import { z } from 'zod';
import type { CompanySystem, RequestDetail } from '../requests';
import { area, method, type } from './method';

const id = z.uuid({ message: 'id.format' });
const text = (max: number) => z.string().trim().min(1, { message: 'required' }).max(max, { message: 'tooLong' });

export const systems = area('systems', {
  list: method({
    input: z.object({ includeEnded: z.boolean().default(false) }).strict(),
    output: type<{ rows: CompanySystem[] }>(),
    access: 'requests.read',
    audit: 'none',
  }),
  /** Adds a system (no id) or changes one. */
  save: method({
    input: z
      .object({
        id: id.optional(),
        name: text(100),
        key: text(64),
        ownerName: text(100),
        ownerContact: text(254),
        holdsEveryCustomer: z.boolean(),
        ended: z.boolean().default(false),
      })
      .strict(),
    output: type<CompanySystem>(),
    access: 'systems.manage',
    audit: 'write',
  }),
});

export const tasks = area('tasks', {
  /** The owner's confirmation that the change order was carried out: who confirmed, and the evidence. */
  confirm: method({
    input: z.object({ id, confirmedBy: text(100), evidence: text(2000) }).strict(),
    output: type<RequestDetail>(),
    access: 'tasks.confirm',
    audit: 'write',
    needsStatement: true,
  }),
  /** The officer decides a system needs nothing done, with a reason. */
  waive: method({
    input: z.object({ id, reason: text(2000) }).strict(),
    output: type<RequestDetail>(),
    access: 'tasks.waive',
    audit: 'write',
    needsStatement: true,
  }),
});
