// Handing many requests to a colleague, writing one notice template to many people, and exporting a selection of
// requests or customers as the lists show them to the person exporting (masked for staff), each row in the trail.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulkResult } from '../../../../src-shared/api/bulk';
import type { RequestDetail, RequestRow } from '../../../../src-shared/requests';
import { addAccount, asOfficer, auditorPerson, errorOf, signInAs, staffMember, type Person, type TestDesk } from '../../helpers/desk';
import { setUpRequestDesk } from '../requests/setup';
import { db, events, registerRequests } from './setup';

const suzuki: Person = { displayName: '鈴木 一郎', loginId: 'suzuki', role: 'staff', department: 'カスタマーサポート', temporaryPassword: 'karipasu-suzuki-2026', password: 'suzuki-no-aikotoba-2026' };

describe('bulk work on requests and customers', () => {
  let desk: TestDesk;
  let staffId: string;
  let suzukiId: string;
  let auditorId: string;
  let customers: Record<string, string>;
  let made: RequestDetail[];
  let closed: RequestDetail;

  beforeAll(async () => {
    ({ desk, staffId, customers } = await setUpRequestDesk());
    made = await registerRequests(desk, 4);
    closed = (await registerRequests(desk, 1, '2026-11-20'))[0]!;
    await desk.ok('requests.transition', { id: closed.id, to: 'withdrawn', note: '本人より取り下げ' });
    suzukiId = await addAccount(desk, suzuki);
    auditorId = await addAccount(desk, auditorPerson);
  }, 60_000);
  afterAll(() => desk.dispose());

  it('the officer hands three open requests to Suzuki; the closed one and the one already his are skipped', async () => {
    await desk.ok('requests.assign', { id: made[3]!.id, assigneeId: suzukiId });
    const ids = [made[0]!.id, made[1]!.id, made[2]!.id, made[3]!.id, closed.id];
    const preview = await desk.ok<BulkResult>('bulk.assign', { step: 'preview', ids, assigneeId: suzukiId });
    expect(preview.rows.map((r) => [r.number, r.outcome, r.reason, r.from, r.to])).toEqual([
      [made[0]!.number, 'will', null, staffMember.displayName, suzuki.displayName],
      [made[1]!.number, 'will', null, staffMember.displayName, suzuki.displayName],
      [made[2]!.number, 'will', null, staffMember.displayName, suzuki.displayName],
      [made[3]!.number, 'skip', 'request.alreadyAssigned', suzuki.displayName, suzuki.displayName],
      [closed.number, 'skip', 'request.closed', staffMember.displayName, suzuki.displayName],
    ]);
    const stillSato = await desk.ok<{ total: number }>('requests.list', { assigneeId: staffId });
    expect(stillSato.total).toBe(4);

    const run = await desk.ok<BulkResult>('bulk.assign', { step: 'run', ids, assigneeId: suzukiId });
    expect(run.counts).toMatchObject({ done: 3, skipped: 2, failed: 0 });
    const his = await desk.ok<{ rows: RequestRow[]; total: number }>('requests.list', { assigneeId: suzukiId });
    expect(his.rows.map((r) => r.number).sort()).toEqual(made.map((r) => r.number).sort());
    expect(his.rows.every((r) => r.assigneeName === suzuki.displayName)).toBe(true);
    const opened = await desk.ok<RequestDetail>('requests.get', { id: made[0]!.id });
    expect(opened.history.at(-1)).toMatchObject({ action: 'assigned', note: suzuki.displayName });
    const rowEvents = (await events(desk, 'bulk.assign')).filter((e) => e.target_type === 'request');
    expect(rowEvents.map((e) => e.target_id).sort()).toEqual([made[0]!.id, made[1]!.id, made[2]!.id].sort());
    expect(JSON.parse(rowEvents[0]!.details!)).toMatchObject({ previousAssigneeId: staffId, assigneeId: suzukiId });
  });

  it('a request is not handed to the auditor, who checks the work and does none of it', async () => {
    expect(errorOf(await desk.call('requests.assign', { id: made[0]!.id, assigneeId: auditorId }))).toMatchObject({ code: 'VALIDATION', message: 'request.assigneeNotAllowed' });
    expect(errorOf(await desk.call('bulk.assign', { step: 'run', ids: [made[0]!.id], assigneeId: auditorId }))).toMatchObject({ code: 'VALIDATION', message: 'request.assigneeNotAllowed' });
  });

  it('staff cannot hand requests on: the officer shares out the work', async () => {
    await signInAs(desk, staffMember);
    expect(errorOf(await desk.call('bulk.assign', { step: 'preview', ids: [made[0]!.id], assigneeId: staffId }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await desk.call('requests.assign', { id: made[0]!.id, assigneeId: staffId }))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('staff write the receipt notice to each selected requester; a refusal notice for open requests is skipped as not applicable', async () => {
    const ids = made.slice(0, 2).map((r) => r.id);
    const refusal = await desk.ok<BulkResult>('bulk.notify', { step: 'preview', ids, kind: 'refusal' });
    expect(refusal.rows.map((r) => [r.outcome, r.reason])).toEqual([
      ['skip', 'notice.notApplicable'],
      ['skip', 'notice.notApplicable'],
    ]);
    const before = await db(desk).selectFrom('notices').select('id').where('kind', '=', 'receipt').execute();
    const run = await desk.ok<BulkResult>('bulk.notify', { step: 'run', ids, kind: 'receipt', language: 'en' });
    expect(run.counts).toMatchObject({ done: 2 });
    const written = await db(desk).selectFrom('notices').select(['id', 'request_id', 'language', 'eml_file']).where('kind', '=', 'receipt').execute();
    expect(written).toHaveLength(before.length + 2);
    for (const row of run.rows) {
      const notice = written.find((n) => n.id === row.notice!.id)!;
      expect(notice).toMatchObject({ request_id: row.id, language: 'en' });
      expect(readFileSync(notice.eml_file!, 'latin1')).toMatch(/^To: person\d@example\.jp/m);
    }
    expect((await events(desk, 'bulk.notify')).filter((e) => e.target_type === 'request')).toHaveLength(2);
  });

  it("staff export the selected customers with phone and e-mail masked, as their list shows them; the officer's copy is full", async () => {
    const ids = [customers['C-0001']!, customers['C-0002']!];
    const { file, rows } = await desk.ok<{ file: string; rows: number }>('bulk.exportCustomers', { ids });
    expect(rows).toBe(2);
    expect(file.startsWith(desk.exportsDir)).toBe(true);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('C-0001,山田 太郎,ヤマダ タロウ,東京都渋谷区,090-****-5678,y***@example.jp\r\n');
    expect(text).not.toMatch(/1234-5678|yamada\.taro|神宮前/);
    const rowEvents = (await events(desk, 'bulk.exportCustomers')).filter((e) => e.target_type === 'customer');
    expect(rowEvents.map((e) => e.target_id).sort()).toEqual([...ids].sort());
    expect(rowEvents.every((e) => e.actor_role === 'staff' && JSON.parse(e.details!).masked === true)).toBe(true);

    await asOfficer(desk);
    const full = readFileSync((await desk.ok<{ file: string }>('bulk.exportCustomers', { ids })).file, 'utf8');
    expect(full).toContain('090-1234-5678,yamada.taro@example.jp');
  });

  it('staff without a current statement cannot export customers', async () => {
    await asOfficer(desk);
    await addAccount(desk, { ...suzuki, loginId: 'suzuki2', displayName: '鈴木 次郎' });
    await signInAs(desk, { ...suzuki, loginId: 'suzuki2' });
    expect(errorOf(await desk.call('bulk.exportCustomers', { ids: [customers['C-0001']!] }))).toMatchObject({ code: 'FORBIDDEN', message: 'statements.required' });
    await asOfficer(desk);
  });

  it("the request CSV carries no requester's name unless the list was revealed, and the reveal is recorded", async () => {
    const ids = made.map((r) => r.id);
    const plain = readFileSync((await desk.ok<{ file: string }>('bulk.exportRequests', { ids })).file, 'utf8');
    expect(plain.split('\r\n')[0]).toBe('\ufeff受付番号,種別,状態,受付日,期限,延長,期限超過,担当者,顧客番号');
    expect(plain).toContain(`${made[0]!.number},開示,受付,2026-10-01,${made[0]!.dueOn},,超過,${suzuki.displayName},`);
    expect(plain).not.toContain('依頼者');
    const revealed = readFileSync((await desk.ok<{ file: string }>('bulk.exportRequests', { ids, reveal: true })).file, 'utf8');
    expect(revealed).toContain('依頼者 1');
    const last = (await events(desk, 'bulk.exportRequests')).filter((e) => e.target_type === 'request').slice(-4);
    expect(last.every((e) => JSON.parse(e.details!).revealed === true)).toBe(true);
  });
});
