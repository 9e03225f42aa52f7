// Rendering a notice to the person (policy §7.2, APPI Art. 32/36): text kept on the request, .eml to the outbox, SMTP after commit.
import { createHash, randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { Selectable } from 'kysely';
import type { CorrectableField, NoticeKind, NoticeLanguage, NoticeRow, RefusalGround } from '../../../src-shared/requests';
import { correctableFields, refusalGrounds } from '../../../src-shared/requests';
import { appendEvent } from '../audit/chain';
import { localDay } from '../dates';
import type { RequestTable } from '../db/schema-requests';
import { DeskError } from '../errors';
import type { AuditNote, Ctx } from '../handler';
import { currentPolicyVersion } from '../purposes/store';
import { readRequestSettings } from '../requests/settings';
import { composeEml, emlPath, fileStamp, writeEml } from './eml';
import { sendFailure, sendNotice } from './smtp';
import { composeNotice, type NoticeFacts, type NoticeResult } from './templates';

type Db = Ctx['db'];
type Request = Selectable<RequestTable>;

/** The workstation's calendar day of a stored instant (or a stored day as it is). */
const day = (at: string | null | undefined): string | null => (at ? (at.length > 10 ? localDay(new Date(at)) : at) : null);

async function approvedProposals(db: Db, requestId: string) {
  return db.selectFrom('proposals').select(['kind', 'changes', 'decided_at']).where('request_id', '=', requestId).where('state', '=', 'approved').orderBy('decided_at').execute();
}

/** A result is told once something was done: the request completed, or a proposal for it was approved. */
async function resultFacts(db: Db, request: Request, today: string): Promise<NoticeResult | null> {
  const approved = await approvedProposals(db, request.id);
  if (request.state !== 'completed' && approved.length === 0) return null;
  const lastDecided = day(approved.at(-1)?.decided_at) ?? day(request.closed_at) ?? today;
  switch (request.kind) {
    case 'disclosure': {
      const built = await db.selectFrom('disclosure_packages').select('built_at').where('request_id', '=', request.id).orderBy('built_at', 'desc').executeTakeFirst();
      return { kind: 'disclosure', form: request.disclosure_form ?? 'electronic', preparedOn: day(built?.built_at) };
    }
    case 'correction': {
      const named = new Set(approved.filter((p) => p.kind === 'change').flatMap((p) => (JSON.parse(p.changes) as { field: CorrectableField }[]).map((c) => c.field)));
      return { kind: 'correction', fields: correctableFields.filter((f) => named.has(f)), on: lastDecided };
    }
    case 'erasure': {
      const tomb = await db.selectFrom('customer_tombstones').select('erased_at').where('request_id', '=', request.id).executeTakeFirst();
      return { kind: 'erasure', on: day(tomb?.erased_at) ?? lastDecided };
    }
    default: {
      const ceased = await db.selectFrom('customer_cessations').select('since').where('request_id', '=', request.id).orderBy('since').executeTakeFirst();
      return { kind: 'cessation', since: day(ceased?.since) ?? lastDecided };
    }
  }
}

/** APPI Art. 36: the ground and the officer's words, from the request's outcome or else the rejected proposal. */
async function refusalFacts(db: Db, request: Request): Promise<NoticeFacts['refusal']> {
  const asGround = (g: string | null): RefusalGround | null => ((refusalGrounds as readonly string[]).includes(g ?? '') ? (g as RefusalGround) : null);
  if (request.outcome_ground || request.outcome_text) return { ground: asGround(request.outcome_ground), text: request.outcome_text };
  const rejected = await db
    .selectFrom('proposals')
    .select(['refusal_ground', 'reason_text'])
    .where('request_id', '=', request.id)
    .where('state', '=', 'rejected')
    .orderBy('decided_at', 'desc')
    .executeTakeFirst();
  return { ground: asGround(rejected?.refusal_ground ?? null), text: rejected?.reason_text ?? null };
}

async function gatherFacts(db: Db, request: Request, kind: NoticeKind, language: NoticeLanguage, today: string): Promise<NoticeFacts> {
  let purposeTitle: string | null = null;
  if (request.purpose_id) {
    const purpose = await db
      .selectFrom('purposes')
      .select(['title_ja', 'title_en'])
      .where('id', '=', request.purpose_id)
      .where('policy_version', '=', await currentPolicyVersion(db, today))
      .executeTakeFirst();
    purposeTitle = purpose ? (language === 'ja' ? purpose.title_ja : purpose.title_en) : request.purpose_id;
  }
  const facts: NoticeFacts = {
    number: request.number,
    requestKind: request.kind,
    // Addressed to whoever asked: the proxy when a proxy asked. Nothing else of theirs goes into the notice.
    addressee: request.requester_kind === 'proxy' ? request.proxy_name : request.requester_name,
    purposeTitle,
    receivedOn: request.received_on,
    dueOn: request.extended_due_on ?? request.due_on,
    extension: request.extended_due_on ? { dueOn: request.extended_due_on, reason: request.extension_reason ?? '' } : null,
    result: null,
    refusal: null,
  };
  const notApplicable = () => new DeskError('CONFLICT', 'notice.notApplicable', { requestId: request.id, kind, state: request.state });
  if (kind === 'extension' && !facts.extension) throw notApplicable();
  if (kind === 'result') {
    facts.result = await resultFacts(db, request, today);
    if (!facts.result) throw notApplicable();
  }
  if (kind === 'refusal') {
    if (request.state !== 'refused') throw notApplicable();
    facts.refusal = await refusalFacts(db, request);
  }
  return facts;
}

/**
 * Renders and keeps the notice and writes its .eml; the audit note is returned for the caller to record. Without an
 * e-mail address the text is still kept, for a letter by post.
 */
export async function writeNotice(ctx: Ctx, requestId: string, kind: NoticeKind, language?: NoticeLanguage): Promise<{ row: NoticeRow; audit: AuditNote }> {
  const db = ctx.db;
  const now = ctx.desk.now();
  const request = await db.selectFrom('requests').selectAll().where('id', '=', requestId).executeTakeFirst();
  if (!request) throw new DeskError('NOT_FOUND', 'request.notFound', { requestId });
  const lang = language ?? request.notice_language;
  const facts = await gatherFacts(db, request, kind, lang, localDay(now));
  const manager = await db.selectFrom('manager_in_charge').select(['name', 'title', 'email', 'phone']).where('id', '=', 1).executeTakeFirstOrThrow();
  const { subject, body } = composeNotice(kind, lang, facts, manager);

  const settings = await readRequestSettings(db, ctx.desk.exportsDir);
  const recipient = request.requester_email;
  const from = settings.smtp?.from ?? manager.email;
  const id = randomUUID();
  const createdAt = now.toISOString();
  let eml: Buffer | null = null;
  let emlFile: string | null = null;
  if (recipient) {
    eml = await composeEml({ from, to: recipient, subject, text: body, date: now });
    emlFile = emlPath(settings.outboxDir, `${request.number}-${kind}-${fileStamp(now)}`);
  }
  await db
    .insertInto('notices')
    .values({
      id,
      request_id: request.id,
      kind,
      language: lang,
      recipient,
      subject,
      body,
      eml_file: emlFile,
      body_sha256: createHash('sha256').update(body).digest('hex'),
      created_at: createdAt,
      created_by: ctx.session?.accountId ?? null,
      sent_at: null,
      send_error: null,
    })
    .execute();
  await db
    .insertInto('request_history')
    .values({ request_id: request.id, at: createdAt, actor_id: ctx.session?.accountId ?? null, action: `notice.${kind}`, from_state: null, to_state: null, note: emlFile ? basename(emlFile) : null })
    .execute();
  // Written last, once the rows are in: a file that cannot be written undoes the notice, never the other way round.
  if (eml && emlFile) writeEml(emlFile, eml);

  const row: NoticeRow = { id, kind, language: lang, recipient, subject, body, emlFile, createdAt, createdByName: ctx.session?.displayName ?? null, sentAt: null, sendError: null };
  if (eml && recipient && settings.smtp) {
    const smtp = settings.smtp;
    const password = settings.smtpPassword;
    const message = eml;
    // Sent only once the notice is committed; a failed send is written down on the notice, which is never lost.
    // The router waits for this work before it answers, so the row it returns shows the outcome too.
    ctx.afterCommit(async () => {
      try {
        await sendNotice(smtp, password, { from, to: recipient }, message);
        row.sentAt = ctx.desk.now().toISOString();
      } catch (err) {
        row.sendError = sendFailure(err);
      }
      await ctx.desk.requireDb().updateTable('notices').set({ sent_at: row.sentAt, send_error: row.sendError }).where('id', '=', id).execute();
    });
  }
  // Ids, the kind and whether there was an address: never the address or the text.
  const audit: AuditNote = { targetType: 'notice', targetId: id, details: { requestId: request.id, kind, language: lang, hasRecipient: recipient !== null } };
  return { row, audit };
}

/**
 * For other parts of the core (the extension notice from `requests.extend`): renders the notice and records it in the
 * audit trail as an event of its own, so the calling method's own audit note stays as it is.
 */
export async function renderNotice(ctx: Ctx, requestId: string, kind: NoticeKind, language?: NoticeLanguage): Promise<NoticeRow> {
  const { row, audit } = await writeNotice(ctx, requestId, kind, language);
  await appendEvent(ctx.db, {
    at: ctx.desk.now().toISOString(),
    actorId: ctx.session?.accountId ?? null,
    actorRole: ctx.session?.role ?? null,
    action: 'notices.render',
    outcome: 'ok',
    ...audit,
  });
  return row;
}
