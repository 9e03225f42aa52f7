// bulk.*: bulk work on requests and customers: a preview of what will happen to each row, then the run, reported and audited per row.
import type { bulk } from '../../../src-shared/api/bulk';
import type { Handlers } from '../handler';
import { exportCustomers, exportRequests } from './export';
import { bulkAssign, bulkExtend, bulkNotify } from './requests';

export const bulkHandlers: Handlers<typeof bulk> = {
  'bulk.assign': (input, ctx) => bulkAssign(ctx, 'bulk.assign', input),
  'bulk.extend': (input, ctx) => bulkExtend(ctx, 'bulk.extend', input),
  'bulk.notify': (input, ctx) => bulkNotify(ctx, 'bulk.notify', input),
  'bulk.exportRequests': (input, ctx) => exportRequests(ctx, 'bulk.exportRequests', input),
  'bulk.exportCustomers': (input, ctx) => exportCustomers(ctx, 'bulk.exportCustomers', input),
};
