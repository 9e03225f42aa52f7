// The officer's dashboard: requests by state and due, decisions waiting, incidents' report countdowns, statements,
// ID copies awaiting erasure, locked accounts and recent refusals; every count read from the list its figure opens.
import { requestStates, type RequestState } from '../../../src-shared/requests';
import { deniedCallDays, dueSoonBusinessDays, type IncidentCountdown, type OfficerDashboard } from '../../../src-shared/api/dashboard';
import { addDays, localDay } from '../dates';
import type { Ctx } from '../handler';
import { addBusinessDays } from '../requests/business-days';
import { startOfLocalDay } from '../retention/periods';
import { accountList, auditSearch, awaitingProvisionTotal, openIncidents, requestTotal, statementsDue } from './lists';

/** The next report the PPC is owed for an open, reportable incident; none once the final report is made. */
function countdownOf(row: Awaited<ReturnType<typeof openIncidents>>['rows'][number]): IncidentCountdown | null {
  if (row.daysToNextReport === null) return null;
  const preliminaryOwed = row.preliminaryReportedAt === null && row.finalReportedAt === null && row.preliminaryDueOn !== null;
  const report = preliminaryOwed ? 'preliminary' : 'final';
  const dueOn = preliminaryOwed ? row.preliminaryDueOn : row.finalDueOn;
  if (dueOn === null) return null;
  return { id: row.id, number: row.number, report, dueOn, daysLeft: row.daysToNextReport };
}

/** The first day of the "recent denied calls" window: today and the six days before it. */
export function deniedCallsFromDay(today: string): string {
  return addDays(today, -(deniedCallDays - 1));
}

export async function officerDashboard(ctx: Ctx): Promise<OfficerDashboard> {
  const now = ctx.desk.now();
  const today = localDay(now);
  const dueBy = addBusinessDays(today, dueSoonBusinessDays);

  const byState = {} as Record<RequestState, number>;
  for (const state of requestStates) byState[state] = await requestTotal(ctx, { states: [state] });

  const incidents = await openIncidents(ctx);
  const countdowns = incidents.rows
    .map(countdownOf)
    .filter((c): c is IncidentCountdown => c !== null)
    .sort((a, b) => a.daysLeft - b.daysLeft);

  const statements = await statementsDue(ctx);
  const accounts = await accountList(ctx);
  const fromDay = deniedCallsFromDay(today);
  const denied = await auditSearch(ctx, { outcome: 'denied', from: startOfLocalDay(fromDay) });

  // Images of closed requests wait for their erasure day; the desk's own run erases them (idcopies/retention.ts).
  const idCopies = await ctx.db
    .selectFrom('id_copies')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('erase_on').as('next')])
    .where('erased_at', 'is', null)
    .where('erase_on', 'is not', null)
    .executeTakeFirstOrThrow();

  return {
    role: 'officer',
    today,
    requests: {
      byState,
      dueSoon: await requestTotal(ctx, { dueBy }),
      dueBy,
      overdue: await requestTotal(ctx, { overdueOnly: true }),
    },
    decisions: {
      proposals: await requestTotal(ctx, { states: ['awaitingApproval'] }),
      provisionExceptions: await awaitingProvisionTotal(ctx),
    },
    incidents: { open: incidents.rows.length, countdowns },
    statements: { dueSoon: statements.dueSoon.length, overdue: statements.overdue.length, missing: statements.missing.length },
    idCopies: { awaitingErasure: Number(idCopies.n), nextEraseOn: (idCopies.next as string | null) ?? null },
    accounts: { locked: accounts.rows.filter((a) => a.lockedUntil !== null).length },
    deniedCalls: { count: denied.total, fromDay },
  };
}
