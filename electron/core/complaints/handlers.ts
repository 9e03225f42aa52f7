// complaints.*: the register of complaints and consultations (APPI Art. 40; JIS Q 15001), linked to requests and incidents.
import type { ComplaintDetail, complaints } from '../../../src-shared/api/complaints';
import { localDay } from '../dates';
import type { Ctx, Handlers } from '../handler';
import { linkExisting, registerIncident, registerRequest, unlink } from './links';
import { dueCounts, listComplaints, originsOf, readComplaintDetail } from './read';
import { readDueBusinessDays, writeDueBusinessDays } from './store';
import { closeComplaint, createComplaint, reopenComplaint, updateComplaint } from './write';

function detail(ctx: Ctx, id: string): Promise<ComplaintDetail> {
  return readComplaintDetail(ctx.db, id, { role: ctx.session!.role, today: localDay(ctx.desk.now()) });
}

export const complaintsHandlers: Handlers<typeof complaints> = {
  'complaints.list': async (input, ctx) => {
    const result = await listComplaints(ctx.db, input, localDay(ctx.desk.now()));
    Object.assign(ctx.audit, {
      targetType: 'complaintList',
      // Whose subjects were shown, by complaint id: where a leak investigation starts. Never the subjects themselves.
      details: { filters: { show: input.show, kind: input.kind ?? null }, page: input.page, total: result.total, complaintIds: result.rows.map((r) => r.id) },
    });
    return result;
  },

  'complaints.dueCounts': async (_input, ctx) => dueCounts(ctx.db, localDay(ctx.desk.now())),

  'complaints.get': async (input, ctx) => {
    const complaint = await detail(ctx, input.id);
    Object.assign(ctx.audit, { targetType: 'complaint', targetId: input.id, details: { number: complaint.number, customerId: complaint.customerId } });
    return complaint;
  },

  'complaints.create': async (input, ctx) => {
    const { id, audit } = await createComplaint(ctx, input);
    Object.assign(ctx.audit, audit);
    return detail(ctx, id);
  },

  'complaints.update': async (input, ctx) => {
    Object.assign(ctx.audit, await updateComplaint(ctx, input));
    return detail(ctx, input.id);
  },

  'complaints.close': async (input, ctx) => {
    Object.assign(ctx.audit, await closeComplaint(ctx, input));
    return detail(ctx, input.id);
  },

  'complaints.reopen': async (input, ctx) => {
    Object.assign(ctx.audit, await reopenComplaint(ctx, input));
    return detail(ctx, input.id);
  },

  'complaints.registerRequest': async (input, ctx) => {
    Object.assign(ctx.audit, await registerRequest(ctx, input));
    return detail(ctx, input.id);
  },

  'complaints.registerIncident': async (input, ctx) => {
    Object.assign(ctx.audit, await registerIncident(ctx, input));
    return detail(ctx, input.id);
  },

  'complaints.link': async (input, ctx) => {
    Object.assign(ctx.audit, await linkExisting(ctx, input));
    return detail(ctx, input.id);
  },

  'complaints.unlink': async (input, ctx) => {
    Object.assign(ctx.audit, await unlink(ctx, input));
    return detail(ctx, input.id);
  },

  'complaints.origins': async (input, ctx) => ({ rows: await originsOf(ctx.db, input) }),

  'complaints.assignees': async (_input, ctx) => {
    const rows = await ctx.db
      .selectFrom('accounts')
      .select(['id', 'display_name', 'role'])
      .where('status', '=', 'active')
      .where('role', 'in', ['officer', 'staff'])
      .orderBy('role')
      .orderBy('display_name')
      .execute();
    return { rows: rows.map((r) => ({ id: r.id, displayName: r.display_name, role: r.role as 'officer' | 'staff' })) };
  },

  'complaints.settings': async (_input, ctx) => ({ dueBusinessDays: await readDueBusinessDays(ctx.db) }),

  'complaints.updateSettings': async (input, ctx) => {
    const before = await readDueBusinessDays(ctx.db);
    await writeDueBusinessDays(ctx.db, input.dueBusinessDays);
    Object.assign(ctx.audit, { targetType: 'complaintSettings', fields: before === input.dueBusinessDays ? [] : ['dueBusinessDays'], details: { dueBusinessDays: input.dueBusinessDays, before } });
    return { dueBusinessDays: input.dueBusinessDays };
  },
};
