// provisions.*, receipts.* and provisionConsents.*: third-party provision with the consent checked per customer
// (policy §5.1, APPI Art. 27–29), the officer's approval of exceptions, and the provision and receipt registers (Art. 30).
import { basename } from 'node:path';
import type { provisionConsents, provisions, receipts } from '../../../src-shared/api/provisions';
import { localDay } from '../dates';
import type { Handlers } from '../handler';
import { requireActivePartner } from '../partners/store';
import { checkProvision, exclusionCounts } from './consent-check';
import { provisionConsentHandlers } from './consents';
import { exportProvisions, exportReceipts, type ExportInput } from './export';
import { provisionPage, readProvisionDetail, receiptPage } from './read';
import { decideException, recordProvision } from './record';

/** The filters of a register call as the audit trail keeps them: ids and days, nothing else. */
const filtersOf = (input: Omit<ExportInput, 'format'> & { state?: string | undefined }) => ({
  partnerId: input.partnerId ?? null,
  customerId: input.customerId ?? null,
  from: input.from ?? null,
  to: input.to ?? null,
  ...(input.state !== undefined ? { state: input.state } : {}),
});

export const provisionHandlers: Handlers<typeof provisions & typeof receipts & typeof provisionConsents> = {
  ...provisionConsentHandlers,

  'provisions.check': async (input, ctx) => {
    // As of the provision's day, as provisions.create checks it: the screen's preview is what will be recorded.
    const onDay = input.providedOn ?? localDay(ctx.desk.now());
    await requireActivePartner(ctx.db, input.partnerId, onDay);
    const check = await checkProvision(ctx.db, input, onDay);
    // Counts and reasons, never who: the screen shows the numbers, the trail that a check was made and its outcome.
    Object.assign(ctx.audit, {
      targetType: 'partner',
      targetId: input.partnerId,
      details: { view: 'provisionCheck', basis: input.basis, included: check.included.length, excluded: check.excluded.length, reasons: exclusionCounts(check) },
    });
    return check;
  },

  'provisions.create': async (input, ctx) => {
    const recorded = await recordProvision(ctx, input);
    const fields = ['partnerId', 'providedOn', 'items', 'basis', 'customers'];
    if (input.lastProvidedOn) fields.push('lastProvidedOn');
    if (input.basis !== 'consent') fields.push('justification');
    Object.assign(ctx.audit, {
      targetType: 'provision',
      targetId: recorded.id,
      fields,
      details: {
        number: recorded.number,
        partnerId: input.partnerId,
        basis: input.basis,
        state: recorded.state,
        included: recorded.check.included.length,
        excluded: recorded.check.excluded.length,
        reasons: exclusionCounts(recorded.check),
      },
    });
    return readProvisionDetail(ctx.db, recorded.id);
  },

  'provisions.approveException': async (input, ctx) => {
    const decided = await decideException(ctx, input);
    Object.assign(ctx.audit, {
      targetType: 'provision',
      targetId: input.id,
      fields: input.decision === 'reject' ? ['state', 'rejectionReason'] : ['state'],
      details: { decision: input.decision, state: decided.state, basis: decided.basis },
    });
    return readProvisionDetail(ctx.db, input.id);
  },

  'provisions.list': async (input, ctx) => {
    const page = await provisionPage(ctx.db, input, input);
    Object.assign(ctx.audit, { targetType: 'provisionList', details: { filters: filtersOf(input), page: input.page, total: page.total, shown: page.rows.length } });
    return page;
  },

  'provisions.get': async (input, ctx) => {
    const detail = await readProvisionDetail(ctx.db, input.id);
    Object.assign(ctx.audit, { targetType: 'provision', targetId: input.id, details: { view: 'full', customers: detail.customers.length } });
    return detail;
  },

  // A name typed in the save dialog is free text (it could name a person): the trail keeps only the default names.
  'provisions.export': async (input, ctx) => {
    const result = await exportProvisions(ctx, input);
    Object.assign(ctx.audit, { targetType: 'provisionRegister', details: { format: input.format, ...(input.saveTo ? { chosen: true } : { file: basename(result.file) }), rows: result.rows, filters: filtersOf(input) } });
    return result;
  },

  'receipts.list': async (input, ctx) => {
    const page = await receiptPage(ctx.db, input, input);
    Object.assign(ctx.audit, { targetType: 'receiptList', details: { filters: filtersOf(input), page: input.page, total: page.total, shown: page.rows.length } });
    return page;
  },

  'receipts.export': async (input, ctx) => {
    const result = await exportReceipts(ctx, input);
    Object.assign(ctx.audit, { targetType: 'receiptRegister', details: { format: input.format, ...(input.saveTo ? { chosen: true } : { file: basename(result.file) }), rows: result.rows, filters: filtersOf(input) } });
    return result;
  },
};
