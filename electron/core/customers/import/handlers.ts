// customers.importPreview and customers.importCommit: the CSV import's two calls; importReviews and decideReview: its possible duplicates (issue #4).
import type { customerImport } from '../../../../src-shared/api/customer-import';
import { localDay } from '../../dates';
import type { Handlers } from '../../handler';
import { commitImport } from './commit';
import { previewImport } from './preview';
import { decideReview, listReviews } from './reviews';

export const customerImportHandlers: Handlers<typeof customerImport> = {
  'customers.importPreview': async (input, ctx) => {
    const preview = await previewImport(ctx.db, input, localDay(ctx.desk.now()));
    // Counts only: the file's contents are personal data and stay out of the audit trail.
    Object.assign(ctx.audit, { targetType: 'customerImport', details: { rows: preview.rowCount, rejected: preview.rejectedRows, duplicates: preview.possibleDuplicates, encoding: preview.encoding } });
    return preview;
  },
  'customers.importCommit': async (input, ctx) => commitImport(ctx, input),
  'customers.importReviews': async (input, ctx) => listReviews(ctx, input),
  'customers.decideReview': async (input, ctx) => decideReview(ctx, input),
};
