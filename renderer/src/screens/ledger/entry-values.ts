// The ledger form's values, from an entry and to the contract's input, and where the core's paths land on the form.
import { ledgerSources, type LedgerEntry, type LedgerEntryInput, type LedgerSource, type LedgerStorageKind } from '../../../../src-shared/api/ledger';
import { today } from '../../components/dates';

export interface EntryValues {
  name: string;
  items: string[];
  purposeIds: string[];
  otherPurposes: string;
  obtainedHow: string;
  department: string;
  responsible: string;
  storageKind: LedgerStorageKind;
  storagePlace: string;
  access: string;
  retention: string;
  disposal: string;
  outsourceeIds: string[];
  recipientIds: string[];
  disclosable: boolean;
  specialCare: boolean;
  countKind: 'desk' | 'typed';
  source: LedgerSource | '';
  people: number | string;
  asOf: string;
  paperReview: boolean;
  paperReviewOn: string;
  paperReviewBy: string;
}

export function valuesOf(e: LedgerEntry | null): EntryValues {
  return {
    name: e?.name ?? '',
    items: e?.items ?? [],
    purposeIds: e?.purposes.map((p) => p.id) ?? [],
    otherPurposes: e?.otherPurposes ?? '',
    obtainedHow: e?.obtainedHow ?? '',
    department: e?.department ?? '',
    responsible: e?.responsible ?? '',
    storageKind: e?.storageKind ?? 'system',
    storagePlace: e?.storagePlace ?? '',
    access: e?.access ?? '',
    retention: e?.retention ?? '',
    disposal: e?.disposal ?? '',
    outsourceeIds: e?.outsourcees.map((p) => p.id) ?? [],
    recipientIds: e?.recipients.map((p) => p.id) ?? [],
    disclosable: e?.disclosable ?? true,
    specialCare: e?.specialCare ?? false,
    countKind: e && e.count.source === null ? 'typed' : 'desk',
    source: e?.count.source ?? '',
    people: e && e.count.source === null ? e.count.people : '',
    asOf: e && e.count.source === null ? e.count.asOf : today(),
    paperReview: Boolean(e?.review.paperReviewedOn),
    paperReviewOn: e?.review.paperReviewedOn ?? '',
    paperReviewBy: e?.review.paperReviewedBy ?? '',
  };
}

export function entryInputOf(v: EntryValues): LedgerEntryInput {
  return {
    name: v.name,
    items: v.items.map((i) => i.trim()).filter(Boolean),
    purposeIds: v.purposeIds,
    otherPurposes: v.otherPurposes.trim() || undefined,
    obtainedHow: v.obtainedHow,
    department: v.department,
    responsible: v.responsible,
    storageKind: v.storageKind,
    storagePlace: v.storagePlace,
    access: v.access,
    retention: v.retention,
    disposal: v.disposal,
    outsourceeIds: v.outsourceeIds,
    recipientIds: v.recipientIds,
    disclosable: v.disclosable,
    specialCare: v.specialCare,
    count: v.countKind === 'desk' ? { kind: 'desk', source: v.source as LedgerSource } : { kind: 'typed', people: typeof v.people === 'number' ? v.people : Number.NaN, asOf: v.asOf },
  };
}

/** The contract's path of a refusal → the form's field (null: the form's alert says it). */
export function fieldOf(path: string): string | null {
  const p = path.replace(/^entry\./, '');
  if (p === 'paperReview.on') return 'paperReviewOn';
  if (p === 'paperReview.by') return 'paperReviewBy';
  if (p.startsWith('count.')) return { 'count.source': 'source', 'count.people': 'people', 'count.asOf': 'asOf' }[p] ?? 'countKind';
  const head = p.split('.')[0]!;
  return head in valuesOf(null) ? head : null;
}

export const isSource = (s: string): s is LedgerSource => (ledgerSources as readonly string[]).includes(s);
