// The facts of an incident as the office learns them: checked, stored, and each change named on the timeline.
import type { z } from 'zod';
import type { incidents } from '../../../src-shared/api/incidents';
import type { IncidentDataCategory } from '../../../src-shared/registers';
import { refuseCardNumbers } from '../customers/no-card-numbers';
import { DeskError } from '../errors';
import type { IncidentRecord, KnownPerson } from './store';

export type NewFacts = z.output<(typeof incidents)['incidents.create']['input']>;
export type FactChanges = NonNullable<z.output<(typeof incidents)['incidents.update']['input']>['facts']>;

/** The facts as stored: instants in UTC, so that they sort and compare as text. */
export interface StoredFacts {
  discovered_at: string;
  occurred_at: string | null;
  summary: string;
  categories: IncidentDataCategory[];
  people_count: number;
  unlawful_suspected: boolean;
  cause: string;
  measures: string;
}

const instant = (value: string) => new Date(value).toISOString();

export function storedFacts(incident: IncidentRecord): StoredFacts {
  return {
    discovered_at: incident.discovered_at,
    occurred_at: incident.occurred_at,
    summary: incident.summary,
    categories: JSON.parse(incident.categories) as IncidentDataCategory[],
    people_count: incident.people_count,
    unlawful_suspected: incident.unlawful_suspected === 1,
    cause: incident.cause,
    measures: incident.measures,
  };
}

export function factsOf(input: NewFacts): StoredFacts {
  return {
    discovered_at: instant(input.discoveredAt),
    occurred_at: input.occurredAt ? instant(input.occurredAt) : null,
    summary: input.summary,
    categories: [...new Set(input.categories)],
    people_count: input.peopleCount,
    unlawful_suspected: input.unlawfulSuspected,
    cause: input.cause,
    measures: input.measures,
  };
}

/** The facts after a change: a field left out stays as it was; a cause or measures given empty is cleared. */
export function changedFacts(before: StoredFacts, change: FactChanges): { after: StoredFacts; fields: string[] } {
  const after: StoredFacts = {
    discovered_at: change.discoveredAt !== undefined ? instant(change.discoveredAt) : before.discovered_at,
    occurred_at: change.occurredAt !== undefined ? instant(change.occurredAt) : before.occurred_at,
    summary: change.summary ?? before.summary,
    categories: change.categories !== undefined ? [...new Set(change.categories)] : before.categories,
    people_count: change.peopleCount ?? before.people_count,
    unlawful_suspected: change.unlawfulSuspected ?? before.unlawful_suspected,
    cause: change.cause ?? before.cause,
    measures: change.measures ?? before.measures,
  };
  const names: Record<keyof StoredFacts, string> = {
    discovered_at: 'discoveredAt',
    occurred_at: 'occurredAt',
    summary: 'summary',
    categories: 'categories',
    people_count: 'peopleCount',
    unlawful_suspected: 'unlawfulSuspected',
    cause: 'cause',
    measures: 'measures',
  };
  const same = (a: unknown, b: unknown) => JSON.stringify(Array.isArray(a) ? [...a].sort() : a) === JSON.stringify(Array.isArray(b) ? [...b].sort() : b);
  const fields = (Object.keys(names) as (keyof StoredFacts)[]).filter((k) => !same(before[k], after[k])).map((k) => names[k]);
  return { after, fields };
}

/**
 * Facts that cannot be: a discovery in the future, an occurrence after the discovery, fewer people than are known by
 * name, a report made before the discovery. And no full card number in the office's words, even about a card leak.
 */
export function checkFacts(facts: StoredFacts, knownPeople: number, now: Date, reports: { preliminary: string | null; final: string | null }): void {
  if (facts.discovered_at > now.toISOString()) throw new DeskError('VALIDATION', 'incident.discoveredInFuture', { path: 'discoveredAt' });
  if (facts.occurred_at !== null && facts.occurred_at > facts.discovered_at) throw new DeskError('VALIDATION', 'incident.occurredAfterDiscovery', { path: 'occurredAt' });
  if (facts.people_count < knownPeople) throw new DeskError('VALIDATION', 'incident.peopleCountBelowKnown', { path: 'peopleCount', known: knownPeople });
  for (const at of [reports.preliminary, reports.final]) {
    if (at !== null && at < facts.discovered_at) throw new DeskError('VALIDATION', 'incident.reportBeforeDiscovery', { path: 'discoveredAt' });
  }
  refuseCardNumbers({ summary: facts.summary, cause: facts.cause, measures: facts.measures });
}

export function samePeople(before: readonly { customerNo: string }[], after: readonly KnownPerson[]): boolean {
  const a = before.map((p) => p.customerNo).sort();
  const b = after.map((p) => p.customerNo).sort();
  return a.length === b.length && a.every((no, i) => no === b[i]);
}
