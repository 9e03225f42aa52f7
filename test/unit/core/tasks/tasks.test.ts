// The company's other systems: an approved erasure or correction gives each system holding the person a change order
// and a task; the request completes only when every owner has confirmed or the officer has waived with a reason.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompanySystem, RequestDetail } from '../../../../src-shared/requests';
import { errorOf } from '../../helpers/desk';
import { asOfficer, setUpOffice, signInAs, staffMember, verifiedRequest, type Office } from '../proposals/office';

let office: Office;
beforeAll(async () => {
  office = await setUpOffice();
});
afterAll(async () => office.desk.dispose());

const desk = () => office.desk;
const db = () => office.desk.core.desk.requireDb();

/** The change order as the system's owner opens it: UTF-8 with a BOM, one header line, then the lines. */
function readOrder(file: string): { raw: Buffer; rows: Record<string, string>[] } {
  const raw = readFileSync(join(office.desk.exportsDir, file));
  return { raw, rows: parse(raw, { bom: true, columns: true }) as Record<string, string>[] };
}

async function approved(kind: 'erasure' | 'correction', proposalBody: object): Promise<RequestDetail> {
  const request = await verifiedRequest(office, kind, 'yamada');
  await signInAs(desk(), staffMember);
  const proposal = (await desk().ok<RequestDetail>('proposals.create', { requestId: request.id, ...proposalBody })).proposals[0]!;
  await asOfficer(desk());
  return desk().ok<RequestDetail>('proposals.decide', { id: proposal.id, decision: 'approve' });
}

describe('the register of systems', () => {
  it('lists the active systems; an ended one only on asking; a key belongs to one system', async () => {
    await asOfficer(desk());
    const active = await desk().ok<{ rows: CompanySystem[] }>('systems.list', {});
    expect(active.rows.map((s) => s.key)).toEqual(['mail-delivery', 'orders']);
    const all = await desk().ok<{ rows: CompanySystem[] }>('systems.list', { includeEnded: true });
    expect(all.rows.find((s) => s.key === 'ad-network')?.endedAt).not.toBeNull();
    const taken = errorOf(await desk().call('systems.save', { name: '別の受注', key: 'orders', ownerName: '木村', ownerContact: 'k@example.co.jp', holdsEveryCustomer: true }));
    expect(taken).toMatchObject({ code: 'CONFLICT', message: 'system.keyTaken', details: { systemId: office.systems.orders.id } });
    await signInAs(desk(), staffMember);
    expect(errorOf(await desk().call('systems.save', { name: 'x', key: 'x', ownerName: 'x', ownerContact: 'x', holdsEveryCustomer: false })).code).toBe('FORBIDDEN');
  });
});

describe('an approved correction', () => {
  it('orders each system holding the person to change the field to its new value, never naming the old one', async () => {
    const detail = await approved('correction', { kind: 'change', changes: [{ field: 'emails', to: ['taro.yamada@example.jp'] }] });
    expect(detail.tasks.map((t) => [t.systemName, t.state])).toEqual([
      ['メール配信', 'open'],
      ['受注管理システム', 'open'],
    ]);
    const order = readOrder(detail.tasks[0]!.orderFile);
    expect(order.rows).toEqual([
      { 請求番号: detail.number, 顧客番号: 'C-0001', システム: 'mail-delivery', 対応: 'correct', 停止の範囲: '', 利用目的: '', 項目: 'emails', 新しい値: 'taro.yamada@example.jp', 識別子の種類: '', 識別子: '' },
    ]);
    expect(order.raw.toString('utf8')).not.toContain('yamada.taro@example.jp');
  });
});

describe('an approved erasure', () => {
  let request: RequestDetail;

  it('creates tasks for the order and mail systems with change orders naming only what must change', async () => {
    // The correction above left its request open; it is withdrawn so that the erasure may go ahead.
    await asOfficer(desk());
    const open = await db().selectFrom('requests').select('id').where('state', 'not in', ['completed', 'refused', 'withdrawn']).execute();
    for (const r of open) await desk().ok('requests.transition', { id: r.id, to: 'withdrawn', note: '消去請求に切り替え' });

    request = await approved('erasure', { kind: 'erase' });
    const tasks = request.tasks;
    // The old ad network still names him in an identifier, but it has ended: it holds nobody any more.
    expect(tasks.map((t) => [t.systemName, t.ownerName, t.state])).toEqual([
      ['メール配信', '販促チーム 森', 'open'],
      ['受注管理システム', '受注チーム 木村', 'open'],
    ]);
    expect(request.completionBlockers).toContain('tasksOpen');

    const [mail, orders] = tasks.map((t) => readOrder(t.orderFile));
    for (const [i, order] of [mail!, orders!].entries()) {
      expect(order.raw.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      expect(createHash('sha256').update(order.raw).digest('hex')).toBe(tasks[i]!.orderSha256);
      // Only how the system knows him: never his name, address, phone or e-mail.
      expect(order.raw.toString('utf8')).not.toMatch(/山田|ヤマダ|Yamada|神宮前|090-|@example/);
    }
    expect(mail!.rows).toEqual([
      { 請求番号: request.number, 顧客番号: 'C-0001', システム: 'mail-delivery', 対応: 'erase', 停止の範囲: '', 利用目的: '', 項目: '', 新しい値: '', 識別子の種類: 'cookie', 識別子: 'mlsub-7f3a9c21' },
    ]);
    expect(orders!.rows).toEqual([{ 請求番号: request.number, 顧客番号: 'C-0001', システム: 'orders', 対応: 'erase', 停止の範囲: '', 利用目的: '', 項目: '', 新しい値: '', 識別子の種類: '', 識別子: '' }]);
  });

  it('cannot complete until the owners confirmed or the officer waived with a reason; the audit shows who confirmed what', async () => {
    const [mail, orders] = request.tasks;
    await asOfficer(desk());
    expect(errorOf(await desk().call('requests.transition', { id: request.id, to: 'completed' }))).toMatchObject({ code: 'CONFLICT', message: 'request.blocked' });

    desk().clock.advanceMinutes(60);
    await signInAs(desk(), staffMember);
    const confirmed = await desk().ok<RequestDetail>('tasks.confirm', { id: orders!.id, confirmedBy: '受注チーム 木村', evidence: '受注管理システムで会員C-0001を削除、削除ログ ORD-DEL-2026-1125 を保存' });
    expect(confirmed.tasks.find((t) => t.id === orders!.id)).toMatchObject({ state: 'confirmed', confirmedBy: '受注チーム 木村', confirmedAt: desk().clock.now.toISOString(), recordedByName: staffMember.displayName });
    expect(errorOf(await desk().call('tasks.confirm', { id: orders!.id, confirmedBy: '木村', evidence: '二重' }))).toMatchObject({ code: 'CONFLICT', message: 'task.notOpen' });
    // Staff record confirmations; only the officer waives.
    expect(errorOf(await desk().call('tasks.waive', { id: mail!.id, reason: '配信停止済み' })).code).toBe('FORBIDDEN');

    await asOfficer(desk());
    expect(errorOf(await desk().call('requests.transition', { id: request.id, to: 'completed' }))).toMatchObject({ code: 'CONFLICT', message: 'request.blocked' });
    expect(errorOf(await desk().call('tasks.waive', { id: mail!.id, reason: '' })).code).toBe('VALIDATION');
    const waived = await desk().ok<RequestDetail>('tasks.waive', { id: mail!.id, reason: '配信リストは毎晩受注管理から作り直されるため、受注側の削除で足りる' });
    expect(waived.tasks.find((t) => t.id === mail!.id)).toMatchObject({ state: 'waived', waiveReason: expect.stringContaining('毎晩'), recordedByName: '南 真美' });
    expect(waived.completionBlockers).not.toContain('tasksOpen');
    expect((await desk().ok<RequestDetail>('requests.transition', { id: request.id, to: 'completed' })).state).toBe('completed');

    const events = await db().selectFrom('audit_events').selectAll().where('action', 'in', ['tasks.confirm', 'tasks.waive']).where('outcome', '=', 'ok').orderBy('seq').execute();
    expect(events.map((e) => [e.action, e.actor_id, e.target_id, JSON.parse(e.details!).systemId])).toEqual([
      ['tasks.confirm', office.staffId, orders!.id, office.systems.orders.id],
      ['tasks.waive', office.officerId, mail!.id, office.systems.mail.id],
    ]);
    expect(events.map((e) => e.at)).toEqual([expect.any(String), desk().clock.now.toISOString()]);
    expect(JSON.stringify(events)).not.toMatch(/木村|毎晩|ORD-DEL/);
  });
});
