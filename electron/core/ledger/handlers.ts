// ledger.*: the personal information ledger (個人情報管理台帳) and its risk assessments (issue #10, JIS Q 15001).
import type { ledger } from '../../../src-shared/api/ledger';
import type { Handlers } from '../handler';
import { exportLedger } from './export';
import { countsOf, ledgerRows, readEntry, shownBy } from './read';
import { approveRisk, assessRisk } from './risk';
import { countEverySource } from './sources';
import { confirmEntry, retireEntry, saveEntry } from './write';

export const ledgerHandlers: Handlers<typeof ledger> = {
  'ledger.list': async (input, ctx) => {
    const { rows } = await ledgerRows(ctx.db, ctx.desk.now());
    return { rows: rows.filter(shownBy(input.show)), counts: countsOf(rows) };
  },

  'ledger.get': async (input, ctx) => readEntry(ctx.db, input.id, ctx.desk.now()),

  'ledger.due': async (_input, ctx) => {
    const { overdue, dueSoon, awaitingApproval } = countsOf((await ledgerRows(ctx.db, ctx.desk.now())).rows);
    return { overdue, dueSoon, awaitingApproval };
  },

  'ledger.sources': async (_input, ctx) => ({ counts: await countEverySource(ctx.db), asOf: ctx.desk.now().toISOString() }),

  'ledger.save': async (input, ctx) => readEntry(ctx.db, await saveEntry(ctx, input), ctx.desk.now()),

  'ledger.confirm': async (input, ctx) => {
    await confirmEntry(ctx, input.id, input.note);
    return readEntry(ctx.db, input.id, ctx.desk.now());
  },

  'ledger.assessRisk': async (input, ctx) => readEntry(ctx.db, await assessRisk(ctx, input.entryId, input.assessment), ctx.desk.now()),

  'ledger.approveRisk': async (input, ctx) => readEntry(ctx.db, await approveRisk(ctx, input.id), ctx.desk.now()),

  'ledger.retire': async (input, ctx) => {
    await retireEntry(ctx, input);
    return readEntry(ctx.db, input.id, ctx.desk.now());
  },

  'ledger.export': async (input, ctx) => exportLedger(ctx, input),
};
