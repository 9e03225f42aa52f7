// Leak incidents (APPI Art. 26): the register, whether the PPC must be told, the report deadlines, the people told.
import { z } from 'zod';
import { incidentDataCategories, type IncidentDetail, type IncidentRow } from '../registers';
import { area, method, type } from './method';

const id = z.uuid({ message: 'id.format' });
const text = (max: number) => z.string().trim().min(1, { message: 'required' }).max(max, { message: 'tooLong' });
const instant = z.iso.datetime({ offset: true, message: 'datetime.format' });

const facts = {
  discoveredAt: instant,
  occurredAt: instant.optional(),
  summary: text(4000),
  categories: z.array(z.enum(incidentDataCategories, { message: 'incident.category' })).min(1, { message: 'incident.categoriesRequired' }).max(incidentDataCategories.length),
  peopleCount: z.number().int().min(0).max(100_000_000),
  /** Suspected unlawful purpose (an attack, theft, an insider): reportable, and the final report is due in 60 days. */
  unlawfulSuspected: z.boolean(),
  cause: z.string().trim().max(4000, { message: 'tooLong' }),
  measures: z.string().trim().max(4000, { message: 'tooLong' }),
  /** The people affected, when known: customer ids (from the search) or numbers. */
  customerIds: z.array(id).max(100_000),
  customerNos: z.array(z.string().trim().min(1).max(40)).max(100_000),
};
/** What a new incident may leave out. An update has no defaults: left out is unchanged, given empty is cleared. */
const newFacts = { ...facts, cause: facts.cause.default(''), measures: facts.measures.default(''), customerIds: facts.customerIds.default([]), customerNos: facts.customerNos.default([]) };

export const incidents = area('incidents', {
  create: method({
    input: z.object(newFacts).strict(),
    output: type<IncidentDetail>(),
    access: 'incidents.write',
    audit: 'write',
    needsStatement: true,
  }),
  /**
   * Changes the facts as they become known, records a report made to the PPC (`preliminary` / `final`), writes the
   * notices to the people affected (`notifyPeople`: .eml per person with an e-mail address), or closes the incident.
   */
  update: method({
    input: z
      .object({
        id,
        facts: z.object(facts).partial().strict().optional(),
        reportMade: z.object({ kind: z.enum(['preliminary', 'final']), at: instant, note: z.string().trim().max(2000).optional() }).strict().optional(),
        notifyPeople: z.object({ language: z.enum(['ja', 'en']).default('ja') }).strict().optional(),
        note: z.string().trim().max(2000, { message: 'tooLong' }).optional(),
        close: z.boolean().optional(),
      })
      .strict(),
    output: type<IncidentDetail>(),
    access: 'incidents.write',
    audit: 'write',
    needsStatement: true,
  }),
  list: method({
    input: z.object({ state: z.enum(['open', 'closed']).optional() }).strict(),
    output: type<{ rows: IncidentRow[] }>(),
    access: 'incidents.read',
    audit: 'none',
  }),
  get: method({
    input: z.object({ id }).strict(),
    output: type<IncidentDetail>(),
    access: 'incidents.read',
    audit: 'read',
    needsStatement: true,
  }),
});
