// The demo desk's internal audit looks like a real office's year (two plans, findings tied to the ledger and to a
// late request, actions open, reported and closed, last December's review), and every sentence of the screens is
// written in both languages.
import { afterAll, describe, expect, it } from 'vitest';
import { seedInternalAudit } from '../../../../electron/cli/demo/internal-audit';
import type { Core } from '../../../../electron/core/core';
import { internalAuditEn } from '../../../../renderer/src/i18n/en/internal-audit';
import { internalAuditJa } from '../../../../renderer/src/i18n/ja/internal-audit';
import type { AuditPlan, CorrectionRow, FindingRow, InternalAuditDue, ManagementReview } from '../../../../src-shared/api/internal-audit';
import type { TestDesk } from '../../helpers/desk';
import { yamadaAsksDisclosure } from '../requests/setup';
import { setUpAuditDesk } from './steps';

let desk: TestDesk | undefined;
afterAll(async () => desk?.dispose());

async function must<T>(core: Core, method: string, input: unknown): Promise<T> {
  const result = await core.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message} ${JSON.stringify(result.error.details ?? {})}`);
  return result.value as T;
}

/** Every key of a bundle, with the plural endings of a language taken off (ja needs none). */
function keysOf(bundle: object, prefix = ''): string[] {
  return Object.entries(bundle).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keysOf(v as object, `${prefix}${k}.`) : [`${prefix}${k.replace(/_(one|other)$/, '')}`]));
}

describe('the demo desk', () => {
  it('has last year’s audit and this year’s, their findings, actions in every state and last December’s review', async () => {
    desk = (await setUpAuditDesk()).desk;
    const request = await desk.ok<{ number: string }>('requests.create', yamadaAsksDisclosure);
    await desk.ok('ledger.save', {
      entry: { name: '顧客マスタ', items: ['氏名', '住所'], otherPurposes: '商品の発送', obtainedHow: '会員登録', department: 'EC運営部', responsible: 'EC運営部長', storageKind: 'cloud', storagePlace: '受注管理システム', access: 'EC運営部', retention: '退会後3年', disposal: '完全削除', disclosable: true, count: { kind: 'desk', source: 'customers' } },
    });
    await seedInternalAudit(desk.core, must);

    const plans = (await desk.ok<{ rows: AuditPlan[] }>('auditplans.list', {})).rows;
    expect(plans.map((p) => [p.year, p.state, p.leadAuditor.displayName, p.findings])).toEqual([
      [2026, 'done', '高橋 監査', 3],
      [2025, 'done', '高橋 監査', 1],
    ]);
    const findings = (await desk.ok<{ rows: FindingRow[] }>('findings.list', {})).rows;
    expect(findings.map((f) => [f.number, f.grade, f.target?.label ?? null, f.status])).toEqual([
      ['F-2026-003', 'observation', null, 'noActionNeeded'],
      ['F-2026-002', 'minorNonconformity', request.number, 'inProgress'],
      ['F-2026-001', 'minorNonconformity', '顧客マスタ', 'inProgress'],
      ['F-2025-001', 'minorNonconformity', null, 'closed'],
    ]);
    const actions = (await desk.ok<{ rows: CorrectionRow[] }>('corrections.list', { show: 'all' })).rows;
    expect(actions.map((a) => a.state).sort()).toEqual(['closed', 'open', 'reported']);
    const [review] = (await desk.ok<{ rows: ManagementReview[] }>('managementReviews.list', {})).rows;
    expect(review).toMatchObject({ heldOn: '2025-12-15', nextReviewOn: '2026-12-15' });
    expect(await desk.ok<InternalAuditDue>('corrections.dueCounts', {})).toEqual({ overdue: 0, awaitingVerification: 1, active: 2, review: { lastHeldOn: '2025-12-15', nextReviewOn: '2026-12-15', due: null } });
  });

  it('every sentence of the screens is written in Japanese and in English', () => {
    expect([...new Set(keysOf(internalAuditEn))].sort()).toEqual(keysOf(internalAuditJa).sort());
  });
});
