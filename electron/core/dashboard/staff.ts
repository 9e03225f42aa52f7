// A staff member's dashboard: the requests they handle with their due dates, what became of their proposals, and
// whether their own written statement is current (without it the desk refuses them customers' data).
import { decidedProposalDays, type MyDecidedProposal, type StaffDashboard } from '../../../src-shared/api/dashboard';
import { openRequestStates } from '../../../src-shared/requests';
import { localDay } from '../dates';
import type { Ctx } from '../handler';
import { hasCurrentStatement, statementStates } from '../statements/store';
import { trainingShortfall } from '../training/requirement';
import { requestList, requestTotal } from './lists';

/** Enough rows for a day's work on one screen; the link opens the whole list. */
const myRequestRows = 20;

export async function staffDashboard(ctx: Ctx): Promise<StaffDashboard> {
  const now = ctx.desk.now();
  const today = localDay(now);
  const me = ctx.session!.accountId;

  const own = (await statementStates(ctx.db, today)).get(me);
  // The same two checks as the router's gate (policy §4.1, APPI Art. 24): a statement on file and training not lapsed.
  const blockedBy = !(await hasCurrentStatement(ctx.db, me, today)) ? 'statement' : (await trainingShortfall(ctx.db, me, today)) ? 'training' : null;

  let myRequests: StaffDashboard['myRequests'] = null;
  if (blockedBy === null) {
    const mine = { states: [...openRequestStates], assigneeId: me };
    const list = await requestList(ctx, mine, myRequestRows);
    myRequests = {
      total: list.total,
      overdue: await requestTotal(ctx, { assigneeId: me, overdueOnly: true }),
      rows: list.rows.map((r) => ({ id: r.id, number: r.number, kind: r.kind, state: r.state, dueOn: r.dueOn, businessDaysLeft: r.businessDaysLeft, overdue: r.overdue })),
    };
  }

  const since = new Date(now.getTime() - decidedProposalDays * 86_400_000).toISOString();
  const decided = await ctx.db
    .selectFrom('proposals as p')
    .innerJoin('requests as r', 'r.id', 'p.request_id')
    .select(['p.id', 'p.request_id', 'r.number', 'p.kind', 'p.state', 'p.decided_at'])
    .where('p.proposed_by', '=', me)
    .where('p.state', 'in', ['approved', 'rejected'])
    .where('p.decided_at', '>=', since)
    .orderBy('p.decided_at', 'desc')
    .limit(10)
    .execute();
  const open = await ctx.db
    .selectFrom('proposals')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('proposed_by', '=', me)
    .where('state', '=', 'open')
    .executeTakeFirstOrThrow();

  return {
    role: 'staff',
    today,
    statement: { state: own?.state ?? 'none', renewalOn: own?.renewalOn ?? null, mayOpenPersonalData: blockedBy === null, blockedBy },
    myRequests,
    decidedProposals: decided.map(
      (p): MyDecidedProposal => ({ id: p.id, requestId: p.request_id, requestNumber: p.number, kind: p.kind, outcome: p.state as 'approved' | 'rejected', decidedAt: p.decided_at! }),
    ),
    openProposals: Number(open.n),
  };
}
