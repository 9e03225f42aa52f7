// dashboard.*: the day's work at a glance for the officer, staff and the auditor; each figure names the list it counts.
import type { dashboard } from '../../../src-shared/api/dashboard';
import type { Handlers } from '../handler';
import { auditorDashboard } from './auditor';
import { officerDashboard } from './officer';
import { staffDashboard } from './staff';

export const dashboardHandlers: Handlers<typeof dashboard> = {
  'dashboard.get': async (_input, ctx) => {
    const role = ctx.session!.role;
    if (role === 'officer') return officerDashboard(ctx);
    if (role === 'staff') return staffDashboard(ctx);
    return auditorDashboard(ctx);
  },
};
