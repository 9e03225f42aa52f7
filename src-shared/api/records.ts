// records.printed: a printout of a record is a use of personal data, so the trail shows who printed what (APPI Art. 23).
import { z } from 'zod';
import { area, method, type } from './method';

/** The records that can be printed from their view, and the permission that lets one read each. */
export const printableRecords = {
  customer: 'customers.read',
  request: 'requests.read',
  incident: 'incidents.read',
} as const;
export type PrintableRecord = keyof typeof printableRecords;

export const records = area('records', {
  /** Called just before the page prints: records `read` of the record (type and id, nothing printed in the trail). */
  printed: method({
    input: z.object({ type: z.enum(['customer', 'request', 'incident']), id: z.uuid({ message: 'id.format' }) }).strict(),
    output: type<{ recorded: true }>(),
    access: 'session',
    audit: 'read',
    needsStatement: true,
  }),
});
