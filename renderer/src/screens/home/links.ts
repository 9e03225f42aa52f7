// The dashboard's links and the lists' reading of them: one vocabulary, so a figure opens the list it counts, filtered
// the same way (`requests?state=received`, `requests?overdue=1`, `audit?outcome=denied&from=2026-11-19`, …).
import { requestStates, type RequestState } from '../../../../src-shared/requests';
import type { AuditFilterValues } from '../audit/AuditFilters';
import type { RegisterFilters } from '../requests/RequestsScreen';

const isDay = (v: string | null): v is string => v !== null && /^\d{4}-\d{2}-\d{2}$/.test(v);
const isId = (v: string | null): v is string => v !== null && /^[0-9a-f-]{36}$/i.test(v);

export const links = {
  requestsInState: (state: RequestState) => `requests?state=${state}`,
  requestsOverdue: (assigneeId?: string) => `requests?overdue=1${assigneeId ? `&assignee=${assigneeId}` : ''}`,
  requestsDueBy: (day: string) => `requests?dueBy=${day}`,
  myRequests: (assigneeId: string) => `requests?assignee=${assigneeId}`,
  request: (id: string) => `requests?open=${id}`,
  provisionsAwaitingApproval: () => 'provisions?state=awaitingApproval',
  incidentsOpen: () => 'incidents?state=open',
  incident: (id: string) => `incidents?open=${id}`,
  deniedCalls: (fromDay: string) => `audit?outcome=denied&from=${fromDay}`,
  auditExports: () => 'audit?action=audit.export',
};

/** The request register's first filters: open requests, unless the link asks for a state, the late ones, a due day or an assignee. */
export function requestFiltersFrom(params: URLSearchParams): RegisterFilters {
  const state = params.get('state');
  const dueBy = params.get('dueBy');
  const assignee = params.get('assignee');
  return {
    state: state !== null && (requestStates as readonly string[]).includes(state) ? (state as RequestState) : 'open',
    kind: null,
    overdueOnly: params.get('overdue') === '1',
    page: 0,
    ...(isDay(dueBy) ? { dueBy } : {}),
    ...(isId(assignee) ? { assigneeId: assignee } : {}),
  };
}

/** The record a link asks to open at once (`?open=<id>`), or none. */
export function openedFrom(params: URLSearchParams): string | null {
  const id = params.get('open');
  return isId(id) ? id : null;
}

/** The audit trail's first filters from a link: an outcome, a first day, an action. */
export function auditFiltersFrom(params: URLSearchParams, none: AuditFilterValues): AuditFilterValues {
  const outcome = params.get('outcome');
  const from = params.get('from');
  return {
    ...none,
    outcome: outcome === 'ok' || outcome === 'denied' || outcome === 'failed' ? outcome : '',
    from: isDay(from) ? from : '',
    action: params.get('action')?.slice(0, 64) ?? '',
  };
}

/** The provision register's state filter from a link. */
export function provisionStateFrom(params: URLSearchParams): 'awaitingApproval' | 'recorded' | 'rejected' | null {
  const state = params.get('state');
  return state === 'awaitingApproval' || state === 'recorded' || state === 'rejected' ? state : null;
}

/** The incident register's filter from a link: `open` (the default), `closed` or `all`. */
export function incidentFilterFrom(params: URLSearchParams): 'open' | 'closed' | 'all' {
  const state = params.get('state');
  return state === 'closed' || state === 'all' ? state : 'open';
}
