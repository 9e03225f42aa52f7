// Reading the complaints register: its rows with countdowns, the home screen's counts, one complaint whole, and the
// complaints a request or an incident came from.
import type { Kysely } from 'kysely';
import {
  complaintDueSoonBusinessDays,
  type ComplaintDetail,
  type ComplaintDueCounts,
  type ComplaintOrigin,
  type ComplaintRow,
  type ComplaintShow,
  type LinkedIncident,
  type LinkedRequest,
} from '../../../src-shared/api/complaints';
import type { Role } from '../../../src-shared/roles';
import { maskRow, seesFullRecords } from '../customers/masking';
import { readRows } from '../customers/read';
import type { Database } from '../db/schema';
import { addBusinessDays, businessDaysBetween } from '../requests/business-days';
import { loadComplaint, type ComplaintRecord } from './store';

type Db = Kysely<Database>;

/** The register's columns with the handler's name. */
export function complaintRows(db: Db) {
  return db.selectFrom('complaints as c').leftJoin('accounts as h', 'h.id', 'c.handler_id').selectAll('c').select('h.display_name as handler_name');
}

/** Narrows the register to what the list shows; `dueSoon` and `overdue` are open complaints by their due date. */
export function whereShown(query: ReturnType<typeof complaintRows>, show: ComplaintShow, today: string) {
  switch (show) {
    case 'open':
      return query.where('c.state', '=', 'open');
    case 'closed':
      return query.where('c.state', '=', 'closed');
    case 'overdue':
      return query.where('c.state', '=', 'open').where('c.due_on', '<', today);
    case 'dueSoon':
      return query.where('c.state', '=', 'open').where('c.due_on', '>=', today).where('c.due_on', '<=', addBusinessDays(today, complaintDueSoonBusinessDays));
    case 'all':
      return query;
  }
}

interface LinkNumbers {
  requests: Map<string, string[]>;
  incidents: Map<string, string[]>;
}

async function linkNumbers(db: Db, complaintIds: string[]): Promise<LinkNumbers> {
  const out: LinkNumbers = { requests: new Map(), incidents: new Map() };
  if (complaintIds.length === 0) return out;
  const rows = await db
    .selectFrom('complaint_links as l')
    .leftJoin('requests as r', 'r.id', 'l.request_id')
    .leftJoin('incidents as i', 'i.id', 'l.incident_id')
    .select(['l.complaint_id', 'r.number as request_number', 'i.number as incident_number'])
    .where('l.complaint_id', 'in', complaintIds)
    .orderBy('l.id')
    .execute();
  const push = (map: Map<string, string[]>, key: string, value: string) => map.set(key, [...(map.get(key) ?? []), value]);
  for (const r of rows) {
    if (r.request_number) push(out.requests, r.complaint_id, r.request_number);
    if (r.incident_number) push(out.incidents, r.complaint_id, r.incident_number);
  }
  return out;
}

function toRow(c: ComplaintRecord & { handler_name: string | null }, today: string, links: LinkNumbers): ComplaintRow {
  const open = c.state === 'open';
  return {
    id: c.id,
    number: c.number,
    kind: c.kind,
    channel: c.channel,
    receivedOn: c.received_on,
    dueOn: c.due_on,
    state: c.state,
    subject: c.subject,
    overdue: open && today > c.due_on,
    businessDaysLeft: open ? businessDaysBetween(today, c.due_on) : null,
    closedOn: c.closed_on,
    customerNo: c.customer_no,
    handlerName: c.handler_name,
    problemFound: c.problem_found === null ? null : c.problem_found === 1,
    requestNumbers: links.requests.get(c.id) ?? [],
    incidentNumbers: links.incidents.get(c.id) ?? [],
    personalDataErased: c.personal_data_erased_at !== null,
  };
}

export async function listComplaints(db: Db, filter: { show: ComplaintShow; kind?: string; page: number; pageSize: number }, today: string): Promise<{ rows: ComplaintRow[]; total: number }> {
  let query = whereShown(complaintRows(db), filter.show, today);
  if (filter.kind) query = query.where('c.kind', '=', filter.kind as ComplaintRecord['kind']);
  // Open complaints by the day they are due, the closed ones after them, the most recently closed first.
  const rows = await query
    .orderBy((eb) => eb.case().when('c.state', '=', 'open').then(0).else(1).end())
    .orderBy((eb) => eb.case().when('c.state', '=', 'open').then(eb.ref('c.due_on')).else('').end())
    .orderBy('c.closed_on', 'desc')
    .orderBy('c.number', 'desc')
    .limit(filter.pageSize)
    .offset(filter.page * filter.pageSize)
    .execute();
  const count = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const links = await linkNumbers(
    db,
    rows.map((r) => r.id),
  );
  return { rows: rows.map((r) => toRow(r, today, links)), total: Number(count.n) };
}

export async function dueCounts(db: Db, today: string): Promise<ComplaintDueCounts> {
  const count = async (show: ComplaintShow) =>
    Number(
      (
        await whereShown(complaintRows(db), show, today)
          .clearSelect()
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { open: await count('open'), dueSoon: await count('dueSoon'), overdue: await count('overdue') };
}

async function linkedRecords(db: Db, complaintId: string): Promise<{ requests: LinkedRequest[]; incidents: LinkedIncident[] }> {
  const requests = await db
    .selectFrom('complaint_links as l')
    .innerJoin('requests as r', 'r.id', 'l.request_id')
    .leftJoin('accounts as a', 'a.id', 'l.linked_by')
    .select(['r.id', 'r.number', 'r.kind', 'r.state', 'l.how', 'l.linked_at', 'a.display_name'])
    .where('l.complaint_id', '=', complaintId)
    .orderBy('l.id')
    .execute();
  const incidents = await db
    .selectFrom('complaint_links as l')
    .innerJoin('incidents as i', 'i.id', 'l.incident_id')
    .leftJoin('accounts as a', 'a.id', 'l.linked_by')
    .select(['i.id', 'i.number', 'i.state', 'l.how', 'l.linked_at', 'a.display_name'])
    .where('l.complaint_id', '=', complaintId)
    .orderBy('l.id')
    .execute();
  return {
    requests: requests.map((r) => ({ id: r.id, number: r.number, kind: r.kind, state: r.state, how: r.how, linkedAt: r.linked_at, linkedByName: r.display_name })),
    incidents: incidents.map((i) => ({ id: i.id, number: i.number, state: i.state, how: i.how, linkedAt: i.linked_at, linkedByName: i.display_name })),
  };
}

/** One complaint whole. The customer comes as the customer list shows this role: masked for staff (policy §4.2). */
export async function readComplaintDetail(db: Db, id: string, viewer: { role: Role; today: string }): Promise<ComplaintDetail> {
  const record = await loadComplaint(db, id);
  const c = await complaintRows(db).where('c.id', '=', id).executeTakeFirstOrThrow();
  const names = await db
    .selectFrom('accounts')
    .select(['id', 'display_name'])
    .where('id', 'in', [record.created_by ?? '', record.closed_by ?? ''])
    .execute();
  const nameOf = (accountId: string | null) => names.find((n) => n.id === accountId)?.display_name ?? null;
  const [customerRow] = record.customer_id ? await readRows(db, [record.customer_id]) : [];
  const history = await db
    .selectFrom('complaint_history as h')
    .leftJoin('accounts as a', 'a.id', 'h.actor_id')
    .select(['h.at', 'a.display_name', 'h.action', 'h.note'])
    .where('h.complaint_id', '=', id)
    .orderBy('h.id')
    .execute();
  const links = await linkedRecords(db, id);
  return {
    ...toRow(c, viewer.today, { requests: new Map([[id, links.requests.map((r) => r.number)]]), incidents: new Map([[id, links.incidents.map((i) => i.number)]]) }),
    content: record.content,
    complainantName: record.complainant_name,
    complainantContact: record.complainant_contact,
    customerId: record.customer_id,
    customer: customerRow ? (seesFullRecords(viewer.role) ? customerRow : maskRow(customerRow)) : null,
    // The link goes to null only when the record is deleted, which only an erasure does.
    customerErased: record.customer_id === null && record.customer_no !== null,
    handlerId: record.handler_id,
    response: record.response,
    problemDescription: record.problem_description,
    closedAt: record.closed_at,
    closedByName: nameOf(record.closed_by),
    createdAt: record.created_at,
    createdByName: nameOf(record.created_by),
    personalDataErasedAt: record.personal_data_erased_at,
    ...links,
    history: history.map((h) => ({ at: h.at, actorName: h.display_name, action: h.action, note: h.note })),
  };
}

/** The other side of the link: the complaints a request or an incident came from, numbers and dates only. */
export async function originsOf(db: Db, target: { requestId?: string; incidentId?: string }): Promise<ComplaintOrigin[]> {
  let query = db.selectFrom('complaint_links as l').innerJoin('complaints as c', 'c.id', 'l.complaint_id').select(['c.id', 'c.number', 'c.kind', 'c.state', 'c.received_on']);
  query = target.requestId !== undefined ? query.where('l.request_id', '=', target.requestId) : query.where('l.incident_id', '=', target.incidentId!);
  const rows = await query.orderBy('c.number').execute();
  return rows.map((r) => ({ id: r.id, number: r.number, kind: r.kind, state: r.state, receivedOn: r.received_on }));
}
