// The demo desk's ledger looks like a real office's year: kinds of data counted live from the desk beside typed ones,
// one entry overdue since its paper review, one risk assessment awaiting approval, some confirmed.
import { afterAll, describe, expect, it } from 'vitest';
import { seedLedger } from '../../../../electron/cli/demo/ledger';
import type { Core } from '../../../../electron/core/core';
import type { LedgerCounts, LedgerEntry, LedgerRow } from '../../../../src-shared/api/ledger';
import { asOfficer, setUpDesk, type TestDesk } from '../../helpers/desk';

let desk: TestDesk | undefined;
afterAll(async () => desk?.dispose());

async function must<T>(core: Core, method: string, input: unknown): Promise<T> {
  const result = await core.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message} ${JSON.stringify(result.error.details ?? {})}`);
  return result.value as T;
}

describe('the demo ledger', () => {
  it('has seven entries, the paper-reviewed one overdue, the orders’ assessment awaiting approval', async () => {
    desk = await setUpDesk();
    await asOfficer(desk);
    await desk.ok('partners.create', {
      name: '株式会社デモ物流',
      address: '東京都港区芝公園1-1-1',
      representative: '代表取締役 山本 一',
      roles: ['outsourcee'],
      country: 'JP',
      securityMeasures: '覚書を締結済み',
      contactName: '個人情報窓口',
      contactEmail: 'privacy@partner.example.jp',
    });
    await seedLedger(desk.core, must);
    const { rows, counts } = await desk.ok<{ rows: LedgerRow[]; counts: LedgerCounts }>('ledger.list', {});
    expect(rows.map((r) => [r.number, r.name, r.count.source, r.review.basis, r.review.overdue, r.risk.state])).toEqual([
      ['L-001', '顧客マスタ', 'customers', 'confirmed', false, 'approved'],
      ['L-002', '注文履歴', 'customersWithOrders', 'confirmed', false, 'awaitingApproval'],
      ['L-003', '本人確認書類の写し', 'idCopies', 'registered', false, 'none'],
      ['L-004', '採用応募者', null, 'paper', true, 'approved'],
      ['L-005', '従業員情報（人事給与）', null, 'confirmed', false, 'approved'],
      ['L-006', '取引先担当者', 'partnerContacts', 'registered', false, 'none'],
      ['L-007', '個人情報保護デスクの利用者', 'accounts', 'registered', false, 'none'],
    ]);
    expect(counts).toEqual({ current: 7, overdue: 1, dueSoon: 0, awaitingApproval: 1, retired: 0 });
    const customers = await desk.ok<LedgerEntry>('ledger.get', { id: rows[0]!.id });
    expect(customers.outsourcees.map((p) => p.name)).toEqual(['株式会社デモ物流']);
    expect(rows.find((r) => r.name === '取引先担当者')!.count.people).toBe(1);
  });
});
