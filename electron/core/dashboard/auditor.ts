// The auditor's dashboard: whether the audit chain verifies, the newest signed export, and events per day for 30 days.
import { eventDays, type AuditorDashboard } from '../../../src-shared/api/dashboard';
import { sql } from 'kysely';
import { addDays, localDay } from '../dates';
import type { Ctx } from '../handler';
import { startOfLocalDay } from '../retention/periods';
import { auditSearch, auditStatus } from './lists';

/** Audit events per local day: counted per UTC hour in SQL (at most 30 × 24 rows), then put on the office's calendar. */
async function eventsPerDay(ctx: Ctx, today: string): Promise<AuditorDashboard['eventsPerDay']> {
  const firstDay = addDays(today, -(eventDays - 1));
  const hours = await ctx.db
    .selectFrom('audit_events')
    .select([sql<string>`substr(at, 1, 13)`.as('hour'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('at', '>=', startOfLocalDay(firstDay))
    .where('at', '<', startOfLocalDay(addDays(today, 1)))
    .groupBy(sql`substr(at, 1, 13)`)
    .execute();
  const days = new Map<string, number>();
  for (let i = 0; i < eventDays; i++) days.set(addDays(firstDay, i), 0);
  for (const h of hours) {
    const day = localDay(new Date(`${h.hour}:00:00Z`));
    if (days.has(day)) days.set(day, days.get(day)! + Number(h.n));
  }
  return [...days].map(([day, events]) => ({ day, events }));
}

export async function auditorDashboard(ctx: Ctx): Promise<AuditorDashboard> {
  const today = localDay(ctx.desk.now());
  const status = await auditStatus(ctx);
  const exports = await auditSearch(ctx, { action: 'audit.export', outcome: 'ok' });
  const last = exports.rows[0];
  return {
    role: 'auditor',
    today,
    chain: { ...status.chain, fingerprint: status.fingerprint },
    lastExport: last
      ? { at: last.at, byRole: last.actorRole, byId: last.actorId, events: typeof last.details?.events === 'number' ? last.details.events : null }
      : null,
    eventsPerDay: await eventsPerDay(ctx, today),
  };
}
