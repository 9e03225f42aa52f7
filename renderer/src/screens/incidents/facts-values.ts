// An incident's facts as a form holds them, and the contract's input made from them (and back, for editing).
import type { InputOf } from '../../../../src-shared/api/method';
import type { Api } from '../../../../src-shared/api';
import type { IncidentDataCategory, IncidentDetail } from '../../../../src-shared/registers';

export type FactsInput = InputOf<Api['incidents.create']>;

export interface FactsValues {
  /** `datetime-local` values: the desk's local time. */
  discoveredAt: string;
  occurredAt: string;
  summary: string;
  categories: IncidentDataCategory[];
  peopleCount: number | string;
  unlawfulSuspected: boolean;
  cause: string;
  measures: string;
  /** Customer numbers pasted one per line (from a spreadsheet or a system's log). */
  customerNos: string;
}

/** An instant as a `datetime-local` value in this machine's time zone. */
export function localInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value (local time) as the instant the contract takes. */
export function instantOf(local: string): string {
  return new Date(local).toISOString();
}

export function customerNosOf(text: string): string[] {
  return [...new Set(text.split(/[\r\n,、\t]+/).map((s) => s.trim()).filter((s) => s !== ''))];
}

export function blankFacts(): FactsValues {
  return {
    discoveredAt: localInput(new Date().toISOString()),
    occurredAt: '',
    summary: '',
    categories: [],
    peopleCount: '',
    unlawfulSuspected: false,
    cause: '',
    measures: '',
    customerNos: '',
  };
}

export function factsOf(incident: IncidentDetail): FactsValues {
  return {
    discoveredAt: localInput(incident.discoveredAt),
    occurredAt: localInput(incident.occurredAt),
    summary: incident.summary,
    categories: incident.categories,
    peopleCount: incident.peopleCount,
    unlawfulSuspected: incident.unlawfulSuspected,
    cause: incident.cause,
    measures: incident.measures,
    customerNos: incident.people.map((p) => p.customerNo).join('\n'),
  };
}

export function factsInput(v: FactsValues): FactsInput {
  return {
    discoveredAt: instantOf(v.discoveredAt),
    ...(v.occurredAt ? { occurredAt: instantOf(v.occurredAt) } : {}),
    summary: v.summary.trim(),
    categories: v.categories,
    peopleCount: Number(v.peopleCount),
    unlawfulSuspected: v.unlawfulSuspected,
    cause: v.cause.trim(),
    measures: v.measures.trim(),
    customerNos: customerNosOf(v.customerNos),
  };
}

/** The contract's paths as the form's fields (`customerNos.3` is the pasted list; `facts.summary` when editing). */
export function factsFieldOf(path: string): string | null {
  const field = (path.startsWith('facts.') ? path.slice('facts.'.length) : path).split('.')[0]!;
  return field in blankFacts() ? field : null;
}
