// systems.* and tasks.*: the register of the company's systems and their owners, and each owner's confirmation (or the
// officer's waiver) of a change order, without which a request cannot complete.
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { systems, tasks } from '../../../src-shared/api/tasks';
import type { CompanySystem } from '../../../src-shared/requests';
import type { CompanySystemTable } from '../db/schema-requests';
import { DeskError } from '../errors';
import type { Ctx, Handlers } from '../handler';
import { readRequestDetail } from '../requests/read';
import { addHistory } from '../requests/store';

const systemOf = (s: Selectable<CompanySystemTable>): CompanySystem => ({
  id: s.id,
  name: s.name,
  key: s.key,
  ownerName: s.owner_name,
  ownerContact: s.owner_contact,
  holdsEveryCustomer: s.holds_every_customer === 1,
  endedAt: s.ended_at,
});

async function openTask(ctx: Ctx, id: string) {
  const task = await ctx.db.selectFrom('request_tasks').selectAll().where('id', '=', id).executeTakeFirst();
  if (!task) throw new DeskError('NOT_FOUND', 'task.notFound');
  if (task.state !== 'open') throw new DeskError('CONFLICT', 'task.notOpen', { taskId: id, state: task.state });
  return task;
}

const viewerOf = (ctx: Ctx) => ({ accountId: ctx.session!.accountId, role: ctx.session!.role, now: ctx.desk.now() });

export const taskHandlers: Handlers<typeof systems & typeof tasks> = {
  'systems.list': async (input, ctx) => {
    let query = ctx.db.selectFrom('company_systems').selectAll();
    if (!input.includeEnded) query = query.where('ended_at', 'is', null);
    const rows = await query.orderBy('name').orderBy('key').execute();
    return { rows: rows.map(systemOf) };
  },

  'systems.save': async (input, ctx) => {
    const now = ctx.desk.now().toISOString();
    const taken = await ctx.db.selectFrom('company_systems').select('id').where('key', '=', input.key).executeTakeFirst();
    if (taken && taken.id !== input.id) throw new DeskError('CONFLICT', 'system.keyTaken', { systemId: taken.id });
    const values = {
      name: input.name,
      key: input.key,
      owner_name: input.ownerName,
      owner_contact: input.ownerContact,
      holds_every_customer: input.holdsEveryCustomer ? 1 : 0,
    };
    let id = input.id;
    if (id) {
      const existing = await ctx.db.selectFrom('company_systems').selectAll().where('id', '=', id).executeTakeFirst();
      if (!existing) throw new DeskError('NOT_FOUND', 'system.notFound');
      // An ended system keeps the day it ended; ending it again does not move the day.
      const endedAt = input.ended ? (existing.ended_at ?? now) : null;
      await ctx.db.updateTable('company_systems').set({ ...values, ended_at: endedAt, updated_at: now }).where('id', '=', id).execute();
    } else {
      id = randomUUID();
      await ctx.db
        .insertInto('company_systems')
        .values({ id, ...values, ended_at: input.ended ? now : null, created_at: now, updated_at: now })
        .execute();
    }
    const saved = await ctx.db.selectFrom('company_systems').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    // The owner is a colleague, but a name all the same: the trail names the fields, not their values.
    Object.assign(ctx.audit, { targetType: 'system', targetId: id, fields: ['name', 'key', 'ownerName', 'ownerContact', 'holdsEveryCustomer', 'ended'], details: { created: !input.id, ended: saved.ended_at !== null } });
    return systemOf(saved);
  },

  'tasks.confirm': async (input, ctx) => {
    const task = await openTask(ctx, input.id);
    const now = ctx.desk.now();
    await ctx.db
      .updateTable('request_tasks')
      .set({ state: 'confirmed', confirmed_by: input.confirmedBy, confirmed_at: now.toISOString(), evidence: input.evidence, recorded_by: ctx.session!.accountId })
      .where('id', '=', task.id)
      .execute();
    await addHistory(ctx.db, task.request_id, { accountId: ctx.session!.accountId, now }, 'tasks.confirmed');
    // Who recorded it is the event's actor; the owner's name and the evidence stay on the task.
    Object.assign(ctx.audit, { targetType: 'task', targetId: task.id, fields: ['confirmedBy', 'evidence'], details: { requestId: task.request_id, systemId: task.system_id, state: 'confirmed' } });
    return readRequestDetail(ctx.db, task.request_id, viewerOf(ctx));
  },

  'tasks.waive': async (input, ctx) => {
    const task = await openTask(ctx, input.id);
    const now = ctx.desk.now();
    await ctx.db
      .updateTable('request_tasks')
      .set({ state: 'waived', waive_reason: input.reason, confirmed_at: now.toISOString(), recorded_by: ctx.session!.accountId })
      .where('id', '=', task.id)
      .execute();
    await addHistory(ctx.db, task.request_id, { accountId: ctx.session!.accountId, now }, 'tasks.waived');
    Object.assign(ctx.audit, { targetType: 'task', targetId: task.id, fields: ['waiveReason'], details: { requestId: task.request_id, systemId: task.system_id, state: 'waived' } });
    return readRequestDetail(ctx.db, task.request_id, viewerOf(ctx));
  },
};
