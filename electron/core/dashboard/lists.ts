// The lists the dashboard counts, read through their own handlers so a figure and the list it opens cannot drift.
import type { ParsedInputOf } from '../../../src-shared/api/method';
import type { requests } from '../../../src-shared/api/requests';
import { accountHandlers } from '../accounts/handlers';
import { auditHandlers } from '../audit/handlers';
import type { Ctx } from '../handler';
import { incidentHandlers } from '../incidents/handlers';
import { provisionHandlers } from '../provisions/handlers';
import { requestHandlers } from '../requests/handlers';
import { statementHandlers } from '../statements/handlers';

/**
 * The list handlers note what they showed in the call's audit event; the dashboard records nothing (it returns
 * counts), so each runs with a note of its own that is dropped, inside the dashboard call's one transaction.
 */
function quiet(ctx: Ctx): Ctx {
  return { ...ctx, audit: {} };
}

type RequestFilter = Partial<Omit<ParsedInputOf<(typeof requests)['requests.list']>, 'page' | 'pageSize' | 'reveal'>>;

/** `requests.list` with the filter a figure's link carries; `pageSize` rows (none when only the total is wanted). */
export async function requestList(ctx: Ctx, filter: RequestFilter, pageSize = 1) {
  return requestHandlers['requests.list']({ overdueOnly: false, ...filter, reveal: false, page: 0, pageSize }, quiet(ctx));
}

export async function requestTotal(ctx: Ctx, filter: RequestFilter): Promise<number> {
  return (await requestList(ctx, filter)).total;
}

export async function awaitingProvisionTotal(ctx: Ctx): Promise<number> {
  return (await provisionHandlers['provisions.list']({ state: 'awaitingApproval', page: 0, pageSize: 1 }, quiet(ctx))).total;
}

export function openIncidents(ctx: Ctx) {
  return incidentHandlers['incidents.list']({ state: 'open' }, quiet(ctx));
}

export function statementsDue(ctx: Ctx) {
  return statementHandlers['statements.due']({}, quiet(ctx));
}

export function accountList(ctx: Ctx) {
  return accountHandlers['accounts.list']({}, quiet(ctx));
}

export function auditSearch(ctx: Ctx, input: { from?: string; to?: string; action?: string; outcome?: 'ok' | 'denied' | 'failed'; pageSize?: number }) {
  return auditHandlers['audit.search']({ page: 0, order: 'newest', ...input, pageSize: input.pageSize ?? 1 }, quiet(ctx));
}

export function auditStatus(ctx: Ctx) {
  return auditHandlers['audit.status']({}, quiet(ctx));
}
