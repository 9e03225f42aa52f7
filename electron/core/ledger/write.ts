// Registering and changing ledger entries, the officer's yearly confirmation, and retiring an entry (never deleted).
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ledgerEntryInput, paperReviewInput } from '../../../src-shared/api/ledger';
import { localDay } from '../dates';
import type { LedgerEntryTable } from '../db/schema-ledger';
import { DeskError } from '../errors';
import type { Ctx } from '../handler';
import { latestPolicyVersion, purposeExists } from '../purposes/store';
import { loadEntry, type EntryRecord } from './read';

type EntryInput = z.output<typeof ledgerEntryInput>;
type PaperReview = z.output<typeof paperReviewInput>;
type Details = Omit<LedgerEntryTable, 'id' | 'number' | 'changed_since_confirmed' | 'paper_reviewed_on' | 'paper_reviewed_by' | 'retired_on' | 'retired_reason' | 'retired_by' | 'created_at' | 'created_by' | 'updated_at' | 'updated_by'>;

/** The columns and the contract's field names, for the audit trail's list of what changed (never the values). */
const fieldNames: Record<keyof Details, string> = {
  name: 'name',
  items: 'items',
  purpose_ids: 'purposeIds',
  other_purposes: 'otherPurposes',
  obtained_how: 'obtainedHow',
  department: 'department',
  responsible: 'responsible',
  storage_kind: 'storageKind',
  storage_place: 'storagePlace',
  access: 'access',
  retention: 'retention',
  disposal: 'disposal',
  disclosable: 'disclosable',
  special_care: 'specialCare',
  count_source: 'count',
  typed_count: 'count',
  typed_count_on: 'count',
};

function detailsOf(input: EntryInput, today: string): Details {
  const count = input.count;
  // A count "as of" a day to come is not a count: the officer counts what is held today or earlier.
  if (count.kind === 'typed' && count.asOf > today) throw new DeskError('VALIDATION', 'ledger.countAsOfFuture', { path: 'entry.count.asOf' });
  return {
    name: input.name,
    items: JSON.stringify([...new Set(input.items)]),
    purpose_ids: JSON.stringify([...new Set(input.purposeIds)]),
    other_purposes: input.otherPurposes ? input.otherPurposes : null,
    obtained_how: input.obtainedHow,
    department: input.department,
    responsible: input.responsible,
    storage_kind: input.storageKind,
    storage_place: input.storagePlace,
    access: input.access,
    retention: input.retention,
    disposal: input.disposal,
    disclosable: input.disclosable ? 1 : 0,
    special_care: input.specialCare ? 1 : 0,
    count_source: count.kind === 'desk' ? count.source : null,
    typed_count: count.kind === 'typed' ? count.people : null,
    typed_count_on: count.kind === 'typed' ? count.asOf : null,
  };
}

/** The same name however it was spaced or typed (全角/半角, case). */
const sameKey = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

async function refuseDuplicate(ctx: Ctx, name: string, self: string | null): Promise<void> {
  const entries = await ctx.db.selectFrom('ledger_entries').select(['id', 'name']).where('retired_on', 'is', null).execute();
  const twin = entries.find((e) => e.id !== self && sameKey(e.name) === sameKey(name));
  if (twin) throw new DeskError('CONFLICT', 'ledger.duplicate', { id: twin.id, path: 'entry.name' });
}

async function checkPurposes(ctx: Ctx, ids: string[]): Promise<void> {
  // The latest version holds every purpose ever in force (a purpose is never dropped) and those announced for later.
  const version = await latestPolicyVersion(ctx.db);
  for (const [i, id] of ids.entries()) {
    if (!(await purposeExists(ctx.db, id, version))) throw new DeskError('VALIDATION', 'ledger.purposeUnknown', { path: `entry.purposeIds.${i}`, purposeId: id });
  }
}

type Links = { outsourcee: string[]; recipient: string[] };

async function checkPartners(ctx: Ctx, input: EntryInput, before: Links): Promise<Links> {
  const today = localDay(ctx.desk.now());
  const links: Links = { outsourcee: [...new Set(input.outsourceeIds)], recipient: [...new Set(input.recipientIds)] };
  for (const relation of ['outsourcee', 'recipient'] as const) {
    const path = relation === 'outsourcee' ? 'entry.outsourceeIds' : 'entry.recipientIds';
    for (const id of links[relation]) {
      const partner = await ctx.db.selectFrom('partners').select(['id', 'roles', 'ended_on']).where('id', '=', id).executeTakeFirst();
      if (!partner) throw new DeskError('VALIDATION', 'ledger.partnerUnknown', { path, id });
      // An outsourcee named here is one the office supervises (APPI Art. 25): it must be one in the partner register.
      if (relation === 'outsourcee' && !(JSON.parse(partner.roles) as string[]).includes('outsourcee')) throw new DeskError('VALIDATION', 'ledger.notOutsourcee', { path, id });
      // A partner the company no longer works with is not newly named; one named before it ended stays as it was.
      if (partner.ended_on !== null && partner.ended_on <= today && !before[relation].includes(id)) throw new DeskError('CONFLICT', 'ledger.partnerEnded', { path, id });
    }
  }
  return links;
}

async function linksOf(ctx: Ctx, entryId: string): Promise<Links> {
  const rows = await ctx.db.selectFrom('ledger_entry_partners').select(['partner_id', 'relation']).where('entry_id', '=', entryId).execute();
  return { outsourcee: rows.filter((r) => r.relation === 'outsourcee').map((r) => r.partner_id), recipient: rows.filter((r) => r.relation === 'recipient').map((r) => r.partner_id) };
}

async function writeLinks(ctx: Ctx, entryId: string, links: Links): Promise<void> {
  await ctx.db.deleteFrom('ledger_entry_partners').where('entry_id', '=', entryId).execute();
  const values = (['outsourcee', 'recipient'] as const).flatMap((relation) => links[relation].map((partner_id) => ({ entry_id: entryId, partner_id, relation })));
  if (values.length > 0) await ctx.db.insertInto('ledger_entry_partners').values(values).execute();
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

export function refuseRetired(entry: EntryRecord): void {
  if (entry.retired_on !== null) throw new DeskError('CONFLICT', 'ledger.retired', { id: entry.id, retiredOn: entry.retired_on });
}

async function nextNumber(ctx: Ctx): Promise<string> {
  // Entries are retired, never deleted: the count of entries is the last number given.
  const row = await ctx.db.selectFrom('ledger_entries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return `L-${String(Number(row.n) + 1).padStart(3, '0')}`;
}

export async function saveEntry(ctx: Ctx, input: { id?: string; entry: EntryInput; paperReview?: PaperReview }): Promise<string> {
  const now = ctx.desk.now();
  const today = localDay(now);
  const details = detailsOf(input.entry, today);
  await checkPurposes(ctx, input.entry.purposeIds);
  const accountId = ctx.session!.accountId;

  if (!input.id) {
    // A review on paper is a past fact: it cannot be dated after today.
    if (input.paperReview && input.paperReview.on > today) throw new DeskError('VALIDATION', 'ledger.paperReviewFuture', { path: 'paperReview.on' });
    await refuseDuplicate(ctx, details.name, null);
    const links = await checkPartners(ctx, input.entry, { outsourcee: [], recipient: [] });
    const id = randomUUID();
    const at = now.toISOString();
    await ctx.db
      .insertInto('ledger_entries')
      .values({
        id,
        number: await nextNumber(ctx),
        ...details,
        paper_reviewed_on: input.paperReview?.on ?? null,
        paper_reviewed_by: input.paperReview?.by ?? null,
        retired_on: null,
        retired_reason: null,
        retired_by: null,
        created_at: at,
        created_by: accountId,
        updated_at: at,
        updated_by: accountId,
      })
      .execute();
    await writeLinks(ctx, id, links);
    const given = [...new Set(Object.values(fieldNames)), 'outsourceeIds', 'recipientIds', ...(input.paperReview ? ['paperReview'] : [])];
    Object.assign(ctx.audit, { targetType: 'ledgerEntry', targetId: id, fields: given });
    return id;
  }

  const before = await loadEntry(ctx.db, input.id);
  refuseRetired(before);
  // The review counts from the paper review: moving it later would hide an overdue review.
  if (input.paperReview && (input.paperReview.on !== before.paper_reviewed_on || input.paperReview.by !== before.paper_reviewed_by)) {
    throw new DeskError('VALIDATION', 'ledger.paperReviewAtRegistration', { path: 'paperReview.on' });
  }
  await refuseDuplicate(ctx, details.name, before.id);
  const linksBefore = await linksOf(ctx, before.id);
  const links = await checkPartners(ctx, input.entry, linksBefore);
  const changed = [...new Set((Object.keys(fieldNames) as (keyof Details)[]).filter((k) => before[k] !== details[k]).map((k) => fieldNames[k]))];
  if (!sameSet(links.outsourcee, linksBefore.outsourcee)) changed.push('outsourceeIds');
  if (!sameSet(links.recipient, linksBefore.recipient)) changed.push('recipientIds');
  if (changed.length > 0) {
    await ctx.db.updateTable('ledger_entries').set({ ...details, changed_since_confirmed: 1, updated_at: now.toISOString(), updated_by: accountId }).where('id', '=', before.id).execute();
    await writeLinks(ctx, before.id, links);
  }
  Object.assign(ctx.audit, { targetType: 'ledgerEntry', targetId: before.id, fields: changed });
  return before.id;
}

export async function confirmEntry(ctx: Ctx, id: string, note: string | undefined): Promise<void> {
  const entry = await loadEntry(ctx.db, id);
  refuseRetired(entry);
  await ctx.db
    .insertInto('ledger_confirmations')
    .values({ entry_id: id, confirmed_at: ctx.desk.now().toISOString(), confirmed_by: ctx.session!.accountId, note: note ? note : null })
    .execute();
  await ctx.db.updateTable('ledger_entries').set({ changed_since_confirmed: 0 }).where('id', '=', id).execute();
  Object.assign(ctx.audit, { targetType: 'ledgerEntry', targetId: id, fields: note ? ['confirmedAt', 'note'] : ['confirmedAt'] });
}

export async function retireEntry(ctx: Ctx, input: { id: string; retiredOn: string; reason: string }): Promise<void> {
  const entry = await loadEntry(ctx.db, input.id);
  refuseRetired(entry);
  const today = localDay(ctx.desk.now());
  if (input.retiredOn > today) throw new DeskError('VALIDATION', 'ledger.retiredInFuture', { path: 'retiredOn' });
  if (input.retiredOn < localDay(new Date(entry.created_at)) && (!entry.paper_reviewed_on || input.retiredOn < entry.paper_reviewed_on)) {
    throw new DeskError('VALIDATION', 'ledger.retiredBeforeHeld', { path: 'retiredOn' });
  }
  const at = ctx.desk.now().toISOString();
  await ctx.db
    .updateTable('ledger_entries')
    .set({ retired_on: input.retiredOn, retired_reason: input.reason, retired_by: ctx.session!.accountId, updated_at: at, updated_by: ctx.session!.accountId })
    .where('id', '=', input.id)
    .execute();
  Object.assign(ctx.audit, { targetType: 'ledgerEntry', targetId: input.id, fields: ['retiredOn', 'retiredReason'] });
}
