// requests.* and requestSettings.*: the register of requests from the person (policy §5.2, §7; APPI Art. 33–38).
import { isAbsolute, join } from 'node:path';
import { sql } from 'kysely';
import type { requests, requestSettings } from '../../../src-shared/api/requests';
import { openRequestStates, type RequestDetail } from '../../../src-shared/requests';
import { refuseCardNumbers } from '../customers/no-card-numbers';
import { localDay } from '../dates';
import { DeskError } from '../errors';
import type { Ctx, Handlers } from '../handler';
import { assignRequest, loadAssignee } from './assign';
import { readAttachment, storeAttachment } from './attachments';
import { recheckDuplicates } from './duplicates';
import { extendRequest } from './extend';
import { registerRequest } from './intake';
import { readRequestDetail, requestRows, toRequestRow } from './read';
import { readRequestSettings, readStoredSmtp, settingKeys, withoutPassword, writeSetting } from './settings';
import { addHistory, loadRequest, requireOpen } from './store';
import { transitionRequest } from './transition';

function detail(ctx: Ctx, id: string): Promise<RequestDetail> {
  return readRequestDetail(ctx.db, id, { accountId: ctx.session!.accountId, role: ctx.session!.role, now: ctx.desk.now() });
}

const actorOf = (ctx: Ctx) => ({ accountId: ctx.session!.accountId, now: ctx.desk.now() });
const openList = sql.join(openRequestStates.map((s) => sql.lit(s)));
const dueInForce = sql<string>`coalesce(r.extended_due_on, r.due_on)`;

export const requestHandlers: Handlers<typeof requests & typeof requestSettings> = {
  'requests.list': async (input, ctx) => {
    const today = localDay(ctx.desk.now());
    let filtered = requestRows(ctx.db);
    if (input.states && input.states.length > 0) filtered = filtered.where('r.state', 'in', input.states);
    if (input.kind) filtered = filtered.where('r.kind', '=', input.kind);
    if (input.customerId) filtered = filtered.where('r.customer_id', '=', input.customerId);
    if (input.overdueOnly) filtered = filtered.where('r.state', 'in', openRequestStates).where(dueInForce, '<', today);
    if (input.dueBy) filtered = filtered.where('r.state', 'in', openRequestStates).where(dueInForce, '<=', input.dueBy);
    if (input.assigneeId) filtered = filtered.where('r.assignee_id', '=', input.assigneeId);
    const rows = await filtered
      // Open requests by the date they are due, the closed ones after, the most recently closed first.
      .orderBy(sql`case when r.state in (${openList}) then 0 else 1 end`)
      .orderBy(sql`case when r.state in (${openList}) then ${dueInForce} else '' end`)
      .orderBy(sql`case when r.state in (${openList}) then '' else r.closed_at end`, 'desc')
      .orderBy('r.number')
      .limit(input.pageSize)
      .offset(input.page * input.pageSize)
      .execute();
    const count = await filtered
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const total = Number(count.n);
    Object.assign(ctx.audit, {
      targetType: 'requestList',
      details: {
        filters: { states: input.states ?? null, kind: input.kind ?? null, overdueOnly: input.overdueOnly, dueBy: input.dueBy ?? null, assigneeId: input.assigneeId ?? null, customerId: input.customerId ?? null },
        page: input.page,
        total,
        shown: rows.length,
        revealed: input.reveal,
        // Whose names were shown, by request id: where a leak investigation starts.
        ...(input.reveal ? { requestIds: rows.map((r) => r.id) } : {}),
      },
    });
    return { rows: rows.map((r) => toRequestRow(r, today, input.reveal)), total };
  },

  'requests.create': async (input, ctx) => {
    const { id, fields, duplicateOf } = await registerRequest(ctx, input);
    Object.assign(ctx.audit, { targetType: 'request', targetId: id, fields, details: { kind: input.kind, channel: input.channel, duplicateOf, customerId: input.customerId ?? null } });
    return detail(ctx, id);
  },

  'requests.get': async (input, ctx) => {
    const request = await detail(ctx, input.id);
    Object.assign(ctx.audit, { targetType: 'request', targetId: input.id, details: { view: 'full' } });
    return request;
  },

  'requests.link': async (input, ctx) => {
    const request = await loadRequest(ctx.db, input.id);
    requireOpen(request);
    const customer = await ctx.db.selectFrom('customers').select('customer_no').where('id', '=', input.customerId).executeTakeFirst();
    if (!customer) throw new DeskError('NOT_FOUND', 'customer.notFound', { path: 'customerId' });
    const actor = actorOf(ctx);
    await ctx.db
      .updateTable('requests')
      .set({ customer_id: input.customerId, customer_no: customer.customer_no, updated_at: actor.now.toISOString() })
      .where('id', '=', request.id)
      .execute();
    await addHistory(ctx.db, request.id, actor, 'linked');
    const duplicateOf = await recheckDuplicates(ctx.db, { ...request, customer_id: input.customerId });
    Object.assign(ctx.audit, {
      targetType: 'request',
      targetId: request.id,
      fields: ['customerId'],
      details: { customerId: input.customerId, previousCustomerId: request.customer_id, duplicateOf },
    });
    return detail(ctx, request.id);
  },

  'requests.transition': async (input, ctx) => {
    const details = await transitionRequest(ctx, input);
    // With secure_delete the old values are overwritten in the database; the WAL's copies go at the checkpoint.
    if (details.personalDataErased) ctx.afterCommit(() => ctx.desk.flushErasedPages());
    Object.assign(ctx.audit, { targetType: 'request', targetId: input.id, fields: input.to === 'refused' ? ['state', 'outcome'] : ['state'], details });
    return detail(ctx, input.id);
  },

  'requests.comment': async (input, ctx) => {
    const request = await loadRequest(ctx.db, input.id);
    requireOpen(request);
    refuseCardNumbers(input.text, 'text');
    const actor = actorOf(ctx);
    const inserted = await ctx.db
      .insertInto('request_comments')
      .values({ request_id: request.id, at: actor.now.toISOString(), actor_id: actor.accountId, text: input.text })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.db.updateTable('requests').set({ updated_at: actor.now.toISOString() }).where('id', '=', request.id).execute();
    Object.assign(ctx.audit, { targetType: 'request', targetId: request.id, fields: ['comment'], details: { commentId: inserted.id } });
    return detail(ctx, request.id);
  },

  'requests.extend': async (input, ctx) => {
    Object.assign(ctx.audit, await extendRequest(ctx, input));
    return detail(ctx, input.id);
  },

  'requests.assign': async (input, ctx) => {
    Object.assign(ctx.audit, await assignRequest(ctx, input.id, await loadAssignee(ctx.db, input.assigneeId)));
    return detail(ctx, input.id);
  },

  'requests.attach': async (input, ctx) => {
    const request = await loadRequest(ctx.db, input.id);
    requireOpen(request);
    const { id, size } = await storeAttachment(ctx, request.id, input.file);
    await addHistory(ctx.db, request.id, actorOf(ctx), 'attached');
    Object.assign(ctx.audit, { targetType: 'request', targetId: request.id, fields: ['attachment'], details: { attachmentId: id, mediaType: input.file.mediaType, bytes: size } });
    return detail(ctx, request.id);
  },

  'requests.attachment': async (input, ctx) => {
    await loadRequest(ctx.db, input.id);
    const attachment = await readAttachment(ctx, input.id, input.attachmentId);
    Object.assign(ctx.audit, { targetType: 'requestAttachment', targetId: input.attachmentId, details: { requestId: input.id } });
    return attachment;
  },

  'requestSettings.get': async (_input, ctx) => withoutPassword(await readRequestSettings(ctx.db, ctx.desk.exportsDir)),

  'requestSettings.update': async (input, ctx) => {
    const before = await readRequestSettings(ctx.db, ctx.desk.exportsDir);
    const defaultOutbox = join(ctx.desk.exportsDir, 'outbox');
    const outbox = input.outboxDir && input.outboxDir !== '' ? input.outboxDir : defaultOutbox;
    if (!isAbsolute(outbox)) throw new DeskError('VALIDATION', 'outbox.notAbsolute', { path: 'outboxDir' });
    await writeSetting(ctx.db, settingKeys.dueBusinessDays, input.dueBusinessDays);
    await writeSetting(ctx.db, settingKeys.idCopyRetentionDays, input.idCopyRetentionDays);
    // The default follows the exports folder; only a folder of the officer's choosing is stored.
    await writeSetting(ctx.db, settingKeys.outboxDir, outbox === defaultOutbox ? null : outbox);
    const stored = await readStoredSmtp(ctx.db);
    let passwordChanged = false;
    if (input.smtp === null) {
      passwordChanged = stored?.password != null;
      await writeSetting(ctx.db, settingKeys.smtp, null);
    } else {
      // Left out, the stored password stays; an empty one removes it.
      const password = input.smtp.password === undefined ? (stored?.password ?? null) : input.smtp.password === '' ? null : input.smtp.password;
      passwordChanged = password !== (stored?.password ?? null);
      const { password: _given, ...smtp } = input.smtp;
      await writeSetting(ctx.db, settingKeys.smtp, { ...smtp, user: smtp.user || null, password });
    }
    const after = await readRequestSettings(ctx.db, ctx.desk.exportsDir);
    const changed = (['dueBusinessDays', 'idCopyRetentionDays', 'outboxDir', 'smtp'] as const).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
    Object.assign(ctx.audit, {
      targetType: 'requestSettings',
      fields: passwordChanged ? [...changed, 'smtp.password'] : changed,
      details: { dueBusinessDays: after.dueBusinessDays, idCopyRetentionDays: after.idCopyRetentionDays, smtpConfigured: after.smtp !== null },
    });
    return withoutPassword(after);
  },
};

