// incidents.*: the leak incident register (APPI Art. 26): reportable or not, the report deadlines, the people told.
import { randomUUID } from 'node:crypto';
import type { incidents } from '../../../src-shared/api/incidents';
import type { IncidentDetail } from '../../../src-shared/registers';
import { localDay } from '../dates';
import type { Ctx, Handlers } from '../handler';
import { checkFacts, factsOf, type NewFacts } from './facts';
import { incidentRows, readIncidentDetail } from './read';
import { addEvent, nextNumber, replacePeople, resolvePeople } from './store';
import { noteReportability, rulesOf, updateIncident } from './update';

function detail(ctx: Ctx, id: string): Promise<IncidentDetail> {
  return readIncidentDetail(ctx.db, id, { role: ctx.session!.role, today: localDay(ctx.desk.now()) });
}

/** The names of the facts given, for the audit trail: never their values. */
function givenFields(input: NewFacts): string[] {
  return Object.entries(input)
    .filter(([, value]) => value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0))
    .map(([key]) => key);
}

export const incidentHandlers: Handlers<typeof incidents> = {
  'incidents.create': async (input, ctx) => {
    const now = ctx.desk.now();
    const actor = { accountId: ctx.session!.accountId, now };
    const facts = factsOf(input);
    const people = await resolvePeople(ctx.db, input.customerIds, input.customerNos);
    checkFacts(facts, people.length, now, { preliminary: null, final: null });
    const id = randomUUID();
    const number = await nextNumber(ctx.db, localDay(now).slice(0, 4));
    await ctx.db
      .insertInto('incidents')
      .values({
        id,
        number,
        ...facts,
        categories: JSON.stringify(facts.categories),
        unlawful_suspected: facts.unlawful_suspected ? 1 : 0,
        preliminary_reported_at: null,
        final_reported_at: null,
        state: 'open',
        created_at: now.toISOString(),
        created_by: actor.accountId,
        updated_at: now.toISOString(),
      })
      .execute();
    await replacePeople(ctx.db, id, people);
    await addEvent(ctx.db, id, actor, 'created');
    const rules = rulesOf(facts);
    await noteReportability(ctx.db, id, actor, [], rules);
    Object.assign(ctx.audit, {
      targetType: 'incident',
      targetId: id,
      fields: givenFields(input),
      // The categories and counts decide reportability and are no one's personal data; the summary and the people are.
      details: { number, categories: facts.categories, peopleCount: facts.people_count, knownPeople: people.length, unlawfulSuspected: facts.unlawful_suspected, reportableBecause: rules },
    });
    return detail(ctx, id);
  },

  'incidents.update': async (input, ctx) => {
    Object.assign(ctx.audit, await updateIncident(ctx, input));
    return detail(ctx, input.id);
  },

  'incidents.list': async (input, ctx) => ({ rows: await incidentRows(ctx.db, input.state, localDay(ctx.desk.now())) }),

  'incidents.get': async (input, ctx) => {
    const incident = await detail(ctx, input.id);
    Object.assign(ctx.audit, { targetType: 'incident', targetId: input.id, details: { number: incident.number, knownPeople: incident.people.length, notices: incident.notices.length } });
    return incident;
  },
};
