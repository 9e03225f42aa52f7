// The customer's approved erasure (APPI Art. 35) completes when a complaint names them: the complaint's link gives way,
// the customer number stays, and the complaint keeps nothing of the person once it is closed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComplaintDetail } from '../../../../src-shared/api/complaints';
import type { RequestDetail } from '../../../../src-shared/requests';
import { scrubComplaintsOfErasedCustomer } from '../../../../electron/core/complaints/scrub';
import { erasedMarker } from '../../../../electron/core/requests/scrub';
import { asOfficer, signInAs, staffMember, type TestDesk } from '../../helpers/desk';
import { record, setUpComplaintDesk, verifyIdentity } from './setup';

let desk: TestDesk;
let customers: Record<string, string>;
let open: ComplaintDetail;
let closed: ComplaintDetail;
const db = () => desk.core.desk.requireDb();

/** What 山本 一郎 said and what would give him away. */
const traces = [/山本/, /一郎/, /052-?123-?4567/, /栄2-1-1/, /長男/];

beforeAll(async () => {
  ({ desk, customers } = await setUpComplaintDesk());
  const about = { kind: 'complaint', channel: 'post', receivedOn: '2026-11-10', complainantName: '山本 一郎', complainantContact: '052-123-4567', customerId: customers['C-0003'] } as const;
  closed = await record(desk, { ...about, subject: '山本様: DMの停止', content: '山本一郎様より書面。栄2-1-1 宛のDMを止めてほしい。' });
  closed = await desk.ok<ComplaintDetail>('complaints.close', { id: closed.id, response: '山本様へDM停止済みと書面で回答。', closedOn: '2026-11-12', problemFound: false });
  open = await record(desk, { ...about, channel: 'phone', receivedOn: '2026-11-24', subject: '山本様: 全データの消去', content: '山本一郎様の長男より、父のデータを全て消してほしいとの電話。' });
});
afterAll(async () => desk.dispose());

describe('a customer named in complaints is erased', () => {
  it('the approved erasure completes', async () => {
    const request = await desk.ok<RequestDetail>('requests.create', {
      kind: 'erasure',
      channel: 'post',
      receivedOn: '2026-11-24',
      requesterKind: 'person',
      requester: { name: '山本 一郎' },
      asked: '私の個人情報をすべて消去してください。',
      customerId: customers['C-0003'],
    });
    await verifyIdentity(desk, request.id);
    const proposed = await desk.ok<RequestDetail>('proposals.create', { requestId: request.id, kind: 'erase' });
    await asOfficer(desk);
    await desk.ok('proposals.decide', { id: proposed.proposals[0]!.id, decision: 'approve' });
    expect(await db().selectFrom('customers').select('id').where('id', '=', customers['C-0003']!).execute()).toEqual([]);
    await signInAs(desk, staffMember);
  });

  it('each complaint keeps the customer number; its link to the record went with the record', async () => {
    for (const c of [open, closed]) {
      const now = await desk.ok<ComplaintDetail>('complaints.get', { id: c.id });
      expect(now).toMatchObject({ customerId: null, customer: null, customerNo: 'C-0003', customerErased: true });
    }
  });

  it('the erasure scrubs the closed complaint: kind, dates, handling and problem found stay, the person’s words go', async () => {
    // Done by the erasure itself (proposals/erasure.ts) once the record is deleted: nothing is left for a second pass.
    expect(await scrubComplaintsOfErasedCustomer(db(), 'C-0003', desk.clock.now)).toBe(0);
    const after = await desk.ok<ComplaintDetail>('complaints.get', { id: closed.id });
    expect(after).toMatchObject({ number: closed.number, kind: 'complaint', channel: 'post', receivedOn: '2026-11-10', closedOn: '2026-11-12', problemFound: false, subject: erasedMarker, content: erasedMarker, response: erasedMarker, complainantName: null, complainantContact: null, personalDataErased: true });
    expect(JSON.stringify(await db().selectFrom('complaints').selectAll().where('id', '=', closed.id).execute())).not.toMatch(/山本|栄2-1-1|052-123/);
  });

  it('the open complaint keeps what its handling needs, and nothing of the person once it is closed', async () => {
    expect((await desk.ok<ComplaintDetail>('complaints.get', { id: open.id })).content).toContain('長男');
    const done = await desk.ok<ComplaintDetail>('complaints.close', { id: open.id, response: '山本様のご長男へ、消去の請求として受け付け完了したと回答。', closedOn: '2026-11-25', problemFound: false });
    expect(done).toMatchObject({ state: 'closed', content: erasedMarker, subject: erasedMarker, response: erasedMarker, complainantName: null, personalDataErasedAt: desk.clock.now.toISOString() });
    const stored = JSON.stringify([await db().selectFrom('complaints').selectAll().execute(), await db().selectFrom('complaint_history').selectAll().execute()]);
    for (const trace of traces) expect(stored).not.toMatch(trace);
  });
});
