// The dashboard: the day's work at a glance for the officer, staff and the auditor; each figure names the list it counts.
import { z } from 'zod';
import type { ChainStatus } from '../domain';
import type { ProposalKind, RequestKind, RequestState } from '../requests';
import { area, method, type } from './method';

/**
 * How many business days ahead "due soon" looks. Three: a disclosure answered late breaks APPI Art. 33 ("without
 * delay"), and three working days leave time to draft, check and send the answer.
 */
export const dueSoonBusinessDays = 3;
/** How far back the officer's "recent denied calls" and the staff's "recently decided proposals" look. */
export const deniedCallDays = 7;
export const decidedProposalDays = 30;
/** The auditor's chart of events per day. */
export const eventDays = 30;

/** An open incident's next report to the PPC (APPI Art. 26): which, due when, and whole days left (negative: late). */
export interface IncidentCountdown {
  id: string;
  number: string;
  report: 'preliminary' | 'final';
  dueOn: string;
  daysLeft: number;
}

export interface OfficerDashboard {
  role: 'officer';
  today: string;
  requests: {
    byState: Record<RequestState, number>;
    /** Open requests due on or before `dueBy` (the 3rd business day from today), the late ones included. */
    dueSoon: number;
    dueBy: string;
    overdue: number;
  };
  decisions: {
    /** Requests waiting for the officer's decision on a proposal (policy §7.2: four eyes). */
    proposals: number;
    /** Provisions under one of the policy's exceptions waiting for approval (APPI Art. 27(1)). */
    provisionExceptions: number;
  };
  incidents: { open: number; countdowns: IncidentCountdown[] };
  statements: { dueSoon: number; overdue: number; missing: number };
  /** ID copy images still kept after their request closed: the desk erases each on its day (policy §5.2 note). */
  idCopies: { awaitingErasure: number; nextEraseOn: string | null };
  accounts: { locked: number };
  /** Calls refused in the last 7 days, from this local day on. */
  deniedCalls: { count: number; fromDay: string };
}

export interface MyRequest {
  id: string;
  number: string;
  kind: RequestKind;
  state: RequestState;
  dueOn: string;
  businessDaysLeft: number | null;
  overdue: boolean;
}

export interface MyDecidedProposal {
  id: string;
  requestId: string;
  requestNumber: string;
  kind: ProposalKind;
  outcome: 'approved' | 'rejected';
  decidedAt: string;
}

export interface StaffDashboard {
  role: 'staff';
  today: string;
  statement: {
    state: 'current' | 'dueSoon' | 'overdue' | 'none';
    renewalOn: string | null;
    /** Whether the desk lets the person open customers' data today (statement current and training not lapsed). */
    mayOpenPersonalData: boolean;
    /** Why not, when not: an i18n key under `dashboard.staff.blocked.`. */
    blockedBy: 'statement' | 'training' | null;
  };
  /** Null while the person may not open requests (their statement or training is missing). */
  myRequests: { total: number; overdue: number; rows: MyRequest[] } | null;
  decidedProposals: MyDecidedProposal[];
  /** Proposals of theirs still waiting for the officer. */
  openProposals: number;
}

export interface AuditorDashboard {
  role: 'auditor';
  today: string;
  /** The same recomputation as the audit screen's chain status (`audit.status`), and the signing key's fingerprint. */
  chain: ChainStatus & { fingerprint: string };
  /** The newest signed export: by role and account id, as the audit screen shows the auditor (names are personal data). */
  lastExport: { at: string; byRole: string | null; byId: string | null; events: number | null } | null;
  /** Local days, oldest first, the 30 days up to today, each with its count of audit events. */
  eventsPerDay: { day: string; events: number }[];
}

export type Dashboard = OfficerDashboard | StaffDashboard | AuditorDashboard;

export const dashboard = area('dashboard', {
  /**
   * The signed-in person's dashboard, by role. Counts, request numbers and dates only: no customer's personal data,
   * so nothing is recorded but a refusal. Each count comes from the very list method the figure links to.
   */
  get: method({
    input: z.object({}).strict(),
    output: type<Dashboard>(),
    access: 'self',
    audit: 'none',
  }),
});
