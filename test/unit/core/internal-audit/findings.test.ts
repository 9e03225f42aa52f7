// What a finding concerns: a ledger entry, a request, an incident or an account, checked to exist and shown by number
// or name; one audit plan a year, fixed once carried out; a finding put right until its first action.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPlan, FindingDetail, FindingRow, TargetOption } from '../../../../src-shared/api/internal-audit';
import type { RequestDetail } from '../../../../src-shared/requests';
import { errorOf, type TestDesk } from '../../helpers/desk';
import { leak } from '../incidents/office';
import { yamadaAsksDisclosure } from '../requests/setup';
import { as, auditTrail, planThisYear, setUpAuditDesk, type AuditDesk } from './steps';

let desk: TestDesk;
let ids: AuditDesk['ids'];
let plan: AuditPlan;
const records: Record<'request' | 'incident' | 'ledgerEntry', string> = { request: '', incident: '', ledgerEntry: '' };
const db = () => desk.core.desk.requireDb();
const findingCount = async () => Number((await db().selectFrom('audit_findings').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

/** The ledger's own entry for the order records, as the ledger helper's form would send it. */
const ordersEntry = {
  name: '受注・配送情報',
  items: ['氏名', '配送先住所', '電話番号', '購入履歴'],
  otherPurposes: '商品の発送とアフターサービス',
  obtainedHow: '通販サイトの注文フォームから本人が入力',
  department: 'EC運営部',
  responsible: 'EC運営部長',
  storageKind: 'system',
  storagePlace: '受注管理システム（クラウド、国内リージョン）',
  access: 'EC運営部・カスタマーサポート部',
  retention: '最終注文から7年',
  disposal: 'システムから完全削除',
  disclosable: true,
  count: { kind: 'typed', people: 1200, asOf: '2026-11-01' },
};

beforeAll(async () => {
  ({ desk, ids } = await setUpAuditDesk());
  // The office's records the auditor will look at: a disclosure request, a leak, a ledger entry.
  records.request = (await desk.ok<RequestDetail>('requests.create', yamadaAsksDisclosure)).id;
  records.incident = (await desk.ok<{ id: string }>('incidents.create', leak())).id;
  records.ledgerEntry = (await desk.ok<{ id: string }>('ledger.save', { entry: ordersEntry })).id;
  await as.auditor(desk);
  plan = await planThisYear(desk, ids.auditor);
});
afterAll(async () => desk.dispose());

const finding = (target?: { kind: string; id: string }, more: Record<string, unknown> = {}) => ({
  planId: plan.id,
  foundOn: '2026-11-16',
  grade: 'minorNonconformity',
  requirement: 'A.3.4.4 開示等の請求等への対応',
  description: '回答期限の管理表が更新されていなかった。',
  ...(target ? { target } : {}),
  ...more,
});

describe('a finding names a record that exists', () => {
  it('a request that is not in the desk is refused with a clear key, and no finding is written', async () => {
    const error = errorOf(await desk.call('findings.record', finding({ kind: 'request', id: '0b7f3c1e-5d1a-4f7e-9a51-2c3d4e5f6a7b' })));
    expect(error).toEqual({ code: 'VALIDATION', message: 'finding.requestNotFound', details: { path: 'target.id', kind: 'request', id: '0b7f3c1e-5d1a-4f7e-9a51-2c3d4e5f6a7b' } });
    expect(await findingCount()).toBe(0);
    const [refusal] = (await auditTrail(desk)).filter((r) => r.action === 'findings.record');
    expect(refusal).toMatchObject({ outcome: 'failed', details: JSON.stringify({ code: 'VALIDATION', reason: 'finding.requestNotFound' }) });
  });

  it('an incident’s id given as a request is not taken for one', async () => {
    expect(errorOf(await desk.call('findings.record', finding({ kind: 'request', id: records.incident }))).message).toBe('finding.requestNotFound');
    expect(errorOf(await desk.call('findings.record', finding({ kind: 'ledgerEntry', id: records.request }))).message).toBe('finding.ledgerEntryNotFound');
  });

  it('a finding dated tomorrow, or under a plan that does not exist, is refused too', async () => {
    expect(errorOf(await desk.call('findings.record', finding(undefined, { foundOn: '2026-11-26' })))).toMatchObject({ code: 'VALIDATION', message: 'finding.foundInFuture' });
    expect(errorOf(await desk.call('findings.record', finding(undefined, { planId: '0b7f3c1e-5d1a-4f7e-9a51-2c3d4e5f6a7b' })))).toMatchObject({ code: 'NOT_FOUND', message: 'auditPlan.notFound' });
    expect(await findingCount()).toBe(0);
  });

  it('the records offered to link to show numbers and names only, never the requester', async () => {
    const requests = await desk.ok<{ rows: TargetOption[] }>('findings.targets', { kind: 'request', query: '0001' });
    expect(requests.rows).toEqual([{ id: records.request, label: 'R-2026-0001', on: '2026-11-20', code: 'disclosure' }]);
    expect(JSON.stringify(requests)).not.toMatch(/山田/);
    expect((await desk.ok<{ rows: TargetOption[] }>('findings.targets', { kind: 'request', query: '%' })).rows).toEqual([]);
    expect((await desk.ok<{ rows: TargetOption[] }>('findings.targets', { kind: 'ledgerEntry', query: '配送' })).rows.map((r) => r.label)).toEqual(['受注・配送情報']);
    expect((await desk.ok<{ rows: TargetOption[] }>('findings.targets', { kind: 'account', query: 'sato' })).rows).toEqual([{ id: ids.staff, label: '佐藤 健', on: null, code: 'staff' }]);
  });

  it('each kind of record is linked and shown by its number or name', async () => {
    for (const kind of ['ledgerEntry', 'request', 'incident'] as const) await desk.ok('findings.record', finding({ kind, id: records[kind] }));
    await desk.ok('findings.record', finding({ kind: 'account', id: ids.otherStaff }, { grade: 'observation' }));
    await desk.ok('findings.record', finding(undefined, { grade: 'improvement' }));
    const { rows } = await desk.ok<{ rows: FindingRow[] }>('findings.list', { planId: plan.id });
    expect(rows.map((r) => [r.number, r.target?.kind ?? null, r.target?.label ?? null, r.status])).toEqual([
      ['F-2026-005', null, null, 'noActionNeeded'],
      ['F-2026-004', 'account', '田中 美咲', 'noActionNeeded'],
      ['F-2026-003', 'incident', 'I-2026-0001', 'awaitingAction'],
      ['F-2026-002', 'request', 'R-2026-0001', 'awaitingAction'],
      ['F-2026-001', 'ledgerEntry', '受注・配送情報', 'awaitingAction'],
    ]);
    expect((await desk.ok<{ rows: FindingRow[] }>('findings.list', { show: 'open' })).rows).toHaveLength(3);
    expect((await desk.ok<{ rows: FindingRow[] }>('findings.list', { grade: 'observation' })).rows.map((r) => r.number)).toEqual(['F-2026-004']);
    expect((await desk.ok<{ rows: AuditPlan[] }>('auditplans.list', {})).rows[0]).toMatchObject({ year: 2026, findings: 5 });
  });

  it('a finding from last December’s audit, written up now, is one of last year’s', async () => {
    const late = await desk.ok<FindingDetail>('findings.record', finding(undefined, { planId: undefined, foundOn: '2025-12-08' }));
    expect(late).toMatchObject({ number: 'F-2025-001', planId: null, planYear: null });
  });
});

describe('the auditor puts a finding right before any action is opened', () => {
  it('the grade and the record concerned change, and the trail names the fields changed', async () => {
    const { rows } = await desk.ok<{ rows: FindingRow[] }>('findings.list', { grade: 'improvement' });
    const before = rows[0]!;
    const after = await desk.ok<FindingDetail>('findings.update', { id: before.id, finding: finding({ kind: 'request', id: records.request }, { grade: 'minorNonconformity', description: before.description }) });
    expect(after).toMatchObject({ number: before.number, grade: 'minorNonconformity', status: 'awaitingAction', target: { kind: 'request', label: 'R-2026-0001' } });
    const [event] = (await auditTrail(desk)).filter((r) => r.action === 'findings.update').slice(-1);
    expect(JSON.parse(event!.fields!)).toEqual(['grade', 'target']);
  });
});

describe('one audit plan a year, fixed once carried out', () => {
  it('a second plan for 2026 is refused; the existing one is to be changed instead', async () => {
    expect(errorOf(await desk.call('auditplans.create', { year: 2026, scope: '全部署', periodFrom: '2026-12-01', periodTo: '2026-12-10', leadAuditorId: ids.auditor }))).toMatchObject({ code: 'CONFLICT', message: 'auditPlan.yearTaken' });
  });

  it('a period that ends before it starts, or starts years away, is refused by the contract', async () => {
    const input = { year: 2027, scope: '全部署', periodFrom: '2027-06-10', periodTo: '2027-06-01', leadAuditorId: ids.auditor };
    expect(errorOf(await desk.call('auditplans.create', input)).details).toEqual({ issues: [{ path: 'periodTo', message: 'auditPlan.periodOrder' }] });
    expect(errorOf(await desk.call('auditplans.create', { ...input, periodFrom: '2072-06-01', periodTo: '2072-06-10' })).details).toEqual({ issues: [{ path: 'periodFrom', message: 'auditPlan.periodOutsideYear' }] });
  });

  it('carried out on 20 November with a summary; it cannot be changed after, nor carried out twice', async () => {
    expect(errorOf(await desk.call('auditplans.complete', { id: plan.id, doneOn: '2026-11-26', summary: '…' })).message).toBe('auditPlan.doneInFuture');
    expect(errorOf(await desk.call('auditplans.complete', { id: plan.id, doneOn: '2026-11-01', summary: '…' })).message).toBe('auditPlan.doneBeforePeriod');
    const done = await desk.ok<AuditPlan>('auditplans.complete', { id: plan.id, doneOn: '2026-11-20', summary: '2部署を監査し、軽微な不適合4件、観察事項1件。' });
    expect(done).toMatchObject({ state: 'done', doneOn: '2026-11-20' });
    const again = { year: 2026, scope: '変更', periodFrom: '2026-11-09', periodTo: '2026-11-20', leadAuditorId: ids.auditor };
    expect(errorOf(await desk.call('auditplans.update', { id: plan.id, plan: again })).message).toBe('auditPlan.done');
    expect(errorOf(await desk.call('auditplans.complete', { id: plan.id, doneOn: '2026-11-20', summary: 'x' })).message).toBe('auditPlan.done');
  });

  it('staff cannot read the audit plans at all', async () => {
    await as.staff(desk);
    expect(errorOf(await desk.call('auditplans.list', {})).code).toBe('FORBIDDEN');
    expect(errorOf(await desk.call('findings.record', finding())).code).toBe('FORBIDDEN');
  });
});
