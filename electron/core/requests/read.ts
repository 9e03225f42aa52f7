// Reading requests: the register's rows (no personal data unless revealed) and one request whole, with its parts.
import type { Kysely } from 'kysely';
import type { Role } from '../../../src-shared/roles';
import {
  isOpenState,
  type CessationScope,
  type FieldChange,
  type IdCopyCheck,
  type RefusalGround,
  type RequestDetail,
  type RequestRow,
} from '../../../src-shared/requests';
import { localDay } from '../dates';
import { maskChange, seesFullRecords } from '../customers/masking';
import { idCopyColumns } from '../idcopies/read';
import type { Database } from '../db/schema';
import type { RequestTable } from '../db/schema-requests';
import { completionBlockers } from './blockers';
import { businessDaysBetween } from './business-days';
import { dueOnInForce, loadRequest } from './store';

type Db = Kysely<Database>;

/** The register's columns, with the number of the request this one repeats and the assignee's name. */
export function requestRows(db: Db) {
  return db
    .selectFrom('requests as r')
    .leftJoin('requests as d', 'd.id', 'r.duplicate_of')
    .leftJoin('accounts as c', 'c.id', 'r.assignee_id')
    .selectAll('r')
    .select((eb) => [
      'd.number as duplicate_number',
      'c.display_name as creator_name',
      eb
        .exists(eb.selectFrom('id_copies as i').select('i.id').whereRef('i.request_id', '=', 'r.id').where('i.result', '=', 'verified'))
        .$castTo<number>()
        .as('identity_verified'),
    ]);
}

type RowSource = RequestTable & { duplicate_number: string | null; creator_name: string | null; identity_verified: number | boolean };

export function toRequestRow(r: RowSource, today: string, reveal: boolean): RequestRow {
  const open = isOpenState(r.state);
  const dueOn = dueOnInForce(r);
  return {
    id: r.id,
    number: r.number,
    kind: r.kind,
    purposeId: r.purpose_id,
    channel: r.channel,
    state: r.state,
    receivedOn: r.received_on,
    dueOn,
    extended: r.extended_due_on !== null,
    overdue: open && today > dueOn,
    businessDaysLeft: open ? businessDaysBetween(today, dueOn) : null,
    duplicateOf: r.duplicate_of && r.duplicate_number ? { id: r.duplicate_of, number: r.duplicate_number } : null,
    identityVerified: Boolean(r.identity_verified),
    customerNo: r.customer_no,
    assigneeId: r.assignee_id,
    assigneeName: r.creator_name,
    ...(reveal ? { requesterName: r.requester_name ?? '' } : {}),
  };
}

async function accountNames(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('accounts').select(['id', 'display_name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

function parseJson<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** One request whole. `viewer.now` is the desk's clock: overdue and days left depend on it. */
export async function readRequestDetail(db: Db, id: string, viewer: { accountId: string; role: Role; now: Date }): Promise<RequestDetail> {
  const request = await loadRequest(db, id);
  const row = await requestRows(db).where('r.id', '=', id).executeTakeFirstOrThrow();
  const [history, comments, attachments, idCopies, proposals, tasks, notices, packages, blockers] = [
    await db.selectFrom('request_history').selectAll().where('request_id', '=', id).orderBy('id').execute(),
    await db.selectFrom('request_comments').selectAll().where('request_id', '=', id).orderBy('id').execute(),
    await db
      .selectFrom('request_attachments')
      .select(['id', 'at', 'actor_id', 'file_name', 'media_type', 'size', 'sha256', 'erased_at'])
      .where('request_id', '=', id)
      .orderBy('at')
      .execute(),
    await db.selectFrom('id_copies').select(idCopyColumns).where('request_id', '=', id).orderBy('attached_at').execute(),
    await db.selectFrom('proposals').selectAll().where('request_id', '=', id).orderBy('proposed_at').execute(),
    await db
      .selectFrom('request_tasks as t')
      .innerJoin('company_systems as s', 's.id', 't.system_id')
      .selectAll('t')
      .select(['s.name as system_name', 's.owner_name', 's.owner_contact'])
      .where('t.request_id', '=', id)
      .orderBy('t.created_at')
      .orderBy('s.name')
      .execute(),
    await db.selectFrom('notices').selectAll().where('request_id', '=', id).orderBy('created_at').execute(),
    await db.selectFrom('disclosure_packages').selectAll().where('request_id', '=', id).orderBy('built_at').execute(),
    await completionBlockers(db, request),
  ];
  const names = await accountNames(db, [
    request.created_by,
    request.extended_by,
    ...history.map((h) => h.actor_id),
    ...comments.map((c) => c.actor_id),
    ...attachments.map((a) => a.actor_id),
    ...idCopies.flatMap((c) => [c.attached_by, c.verified_by]),
    ...proposals.flatMap((p) => [p.proposed_by, p.decided_by]),
    ...tasks.map((t) => t.recorded_by),
    ...notices.map((n) => n.created_by),
    ...packages.map((p) => p.built_by),
  ]);
  const nameOf = (accountId: string | null) => (accountId === null ? null : (names.get(accountId) ?? null));
  const today = localDay(viewer.now);
  const recordUpdatedAt = request.customer_id
    ? ((await db.selectFrom('customers').select('updated_at').where('id', '=', request.customer_id).executeTakeFirst())?.updated_at ?? null)
    : null;

  return {
    ...toRequestRow(row as RowSource, today, false),
    requesterKind: request.requester_kind,
    requester:
      request.requester_name === null
        ? null
        : {
            name: request.requester_name,
            nameKana: request.requester_kana,
            email: request.requester_email,
            phone: request.requester_phone,
            postalCode: request.requester_postal_code,
            address: request.requester_address,
            birthDate: request.requester_birth_date,
          },
    proxy:
      request.proxy_name === null ? null : { name: request.proxy_name, relationship: request.proxy_relationship ?? '', authority: request.proxy_authority ?? '' },
    asked: request.asked ?? '',
    disclosureForm: request.disclosure_form,
    feeYen: request.fee_yen,
    noticeLanguage: request.notice_language,
    customerId: request.customer_id,
    extension:
      request.extended_due_on === null
        ? null
        : { dueOn: request.extended_due_on, reason: request.extension_reason ?? '', at: request.extended_at ?? '', byName: nameOf(request.extended_by) },
    outcome:
      request.outcome_ground === null && request.outcome_text === null
        ? null
        : { ground: request.outcome_ground as RefusalGround | null, text: request.outcome_text },
    closedAt: request.closed_at,
    personalDataErasedAt: request.personal_data_erased_at,
    createdAt: request.created_at,
    createdByName: nameOf(request.created_by),
    history: history.map((h) => ({ at: h.at, actorName: nameOf(h.actor_id), action: h.action, fromState: h.from_state, toState: h.to_state, note: h.note })),
    comments: comments.map((c) => ({ id: c.id, at: c.at, actorName: nameOf(c.actor_id), text: c.text })),
    attachments: attachments.map((a) => ({
      id: a.id,
      at: a.at,
      actorName: nameOf(a.actor_id),
      fileName: a.file_name,
      mediaType: a.media_type,
      bytes: a.size,
      sha256: a.sha256,
      erased: a.erased_at !== null,
    })),
    idCopies: idCopies.map((c) => ({
      id: c.id,
      documentType: c.document_type,
      side: c.side,
      mediaType: c.media_type,
      width: c.width,
      height: c.height,
      sha256: c.sha256,
      redactions: parseJson<unknown[]>(c.redactions, []).length,
      attachedAt: c.attached_at,
      attachedByName: nameOf(c.attached_by),
      result: c.result,
      check: parseJson<IdCopyCheck | null>(c.check_details, null),
      notVerifiedReason: c.not_verified_reason,
      verifiedAt: c.verified_at,
      verifiedByName: nameOf(c.verified_by),
      eraseOn: c.erase_on,
      erasedAt: c.erased_at,
    })),
    proposals: proposals.map((p) => ({
      id: p.id,
      kind: p.kind,
      // Staff see the record masked (policy §4.2): the values a proposal carries are masked for them alike.
      changes: parseJson<FieldChange[]>(p.changes, []).map((c) => (seesFullRecords(viewer.role) ? c : maskChange(c))),
      cessation: parseJson<{ scope: CessationScope; purposeId: string | null } | null>(p.cessation, null),
      note: p.note,
      state: p.state === 'rejected' && p.decided_by === null ? 'superseded' : p.state,
      stale: p.state === 'open' && p.kind === 'change' && recordUpdatedAt !== null && p.base_updated_at !== recordUpdatedAt,
      proposedAt: p.proposed_at,
      proposedById: p.proposed_by,
      proposedByName: nameOf(p.proposed_by),
      decidedAt: p.decided_at,
      decidedByName: nameOf(p.decided_by),
      refusalGround: p.refusal_ground as RefusalGround | null,
      reasonText: p.reason_text,
    })),
    tasks: tasks.map((t) => ({
      id: t.id,
      systemId: t.system_id,
      systemName: t.system_name,
      ownerName: t.owner_name,
      ownerContact: t.owner_contact,
      orderFile: t.order_file,
      orderSha256: t.order_sha256,
      state: t.state,
      confirmedBy: t.confirmed_by,
      confirmedAt: t.confirmed_at,
      evidence: t.evidence,
      waiveReason: t.waive_reason,
      recordedByName: nameOf(t.recorded_by),
    })),
    notices: notices.map((n) => ({
      id: n.id,
      kind: n.kind,
      language: n.language,
      recipient: n.recipient,
      subject: n.subject,
      body: n.body,
      emlFile: n.eml_file,
      createdAt: n.created_at,
      createdByName: nameOf(n.created_by),
      sentAt: n.sent_at,
      sendError: n.send_error,
    })),
    packages: packages.map((p) => ({
      id: p.id,
      jsonFile: p.json_file,
      pdfFile: p.pdf_file,
      jsonSha256: p.json_sha256,
      pdfSha256: p.pdf_sha256,
      builtAt: p.built_at,
      builtByName: nameOf(p.built_by),
    })),
    completionBlockers: blockers,
  };
}
