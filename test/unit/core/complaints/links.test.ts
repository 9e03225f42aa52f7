// A complaint that leads to a request or an incident is linked both ways, from one stored link: the complaint shows the
// request it led to, the request shows the complaint it came from.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComplaintDetail, ComplaintOrigin } from '../../../../src-shared/api/complaints';
import type { IncidentDetail } from '../../../../src-shared/registers';
import type { RequestDetail } from '../../../../src-shared/requests';
import { asOfficer, auditorPerson, addAccount, errorOf, signInAs, staffMember, type TestDesk } from '../../helpers/desk';
import { auditRows, record, setUpComplaintDesk, wrongAddressCall } from './setup';

let desk: TestDesk;
let customers: Record<string, string>;
let complaint: ComplaintDetail;
let request: RequestDetail;

beforeAll(async () => {
  ({ desk, customers } = await setUpComplaintDesk());
  complaint = await record(desk, wrongAddressCall(customers['C-0001']));
});
afterAll(async () => desk.dispose());

describe('a complaint that leads to a correction request', () => {
  it('the staff member registers the correction request from the complaint, in one step', async () => {
    const after = await desk.ok<ComplaintDetail>('complaints.registerRequest', {
      id: complaint.id,
      request: {
        kind: 'correction',
        channel: 'phone',
        receivedOn: '2026-11-20',
        requesterKind: 'person',
        requester: { name: '山田 太郎', phone: '090-1234-5678' },
        asked: '登録住所を世田谷区若林4-5-6に訂正してほしい。',
        customerId: customers['C-0001'],
      },
    });
    expect(after.requests).toEqual([expect.objectContaining({ number: 'R-2026-0001', kind: 'correction', state: 'received', how: 'registered', linkedByName: staffMember.displayName })]);
    expect(after.requestNumbers).toEqual(['R-2026-0001']);
    expect(after.history.map((h) => h.action)).toEqual(['created', 'requestRegistered']);
    request = await desk.ok<RequestDetail>('requests.get', { id: after.requests[0]!.id });
    // The request is a request like any other: its due date, its customer, its own history.
    expect(request).toMatchObject({ kind: 'correction', customerNo: 'C-0001', dueOn: '2026-12-11' });
  });

  it('the request shows the complaint it came from, read from the same link', async () => {
    const { rows } = await desk.ok<{ rows: ComplaintOrigin[] }>('complaints.origins', { requestId: request.id });
    expect(rows).toEqual([{ id: complaint.id, number: 'C-2026-0001', kind: 'complaint', state: 'open', receivedOn: '2026-11-20' }]);
    // One row holds the link; there is no second copy on the request's side to drift.
    const links = await desk.core.desk.requireDb().selectFrom('complaint_links').selectAll().execute();
    expect(links).toHaveLength(1);
  });

  it('the trail has the request’s own creation, saying which complaint it came from, and the complaint’s link', async () => {
    const [created] = await auditRows(desk, 'requests.create');
    expect(created).toMatchObject({ target_type: 'request', target_id: request.id, outcome: 'ok', actor_role: 'staff' });
    expect(JSON.parse(created!.details!)).toMatchObject({ kind: 'correction', fromComplaint: complaint.id });
    const [linked] = await auditRows(desk, 'complaints.registerRequest');
    expect(linked).toMatchObject({ target_type: 'complaint', target_id: complaint.id });
    expect(JSON.parse(linked!.details!)).toMatchObject({ requestId: request.id, requestNumber: 'R-2026-0001' });
  });

  it('a request refused by its own rules leaves neither a request nor a link', async () => {
    const error = errorOf(
      await desk.call('complaints.registerRequest', {
        id: complaint.id,
        request: { kind: 'correction', channel: 'phone', receivedOn: '2026-11-30', requesterKind: 'person', requester: { name: '山田 太郎' }, asked: '住所の訂正' },
      }),
    );
    expect(error).toMatchObject({ code: 'VALIDATION', message: 'request.receivedInFuture' });
    expect(await desk.core.desk.requireDb().selectFrom('requests').select('id').execute()).toHaveLength(1);
    expect((await desk.ok<ComplaintDetail>('complaints.get', { id: complaint.id })).requests).toHaveLength(1);
  });
});

describe('a complaint that reveals a leak, and an existing record linked by its number', () => {
  it('records the incident from the complaint, and the incident shows where it came from', async () => {
    const after = await desk.ok<ComplaintDetail>('complaints.registerIncident', {
      id: complaint.id,
      incident: {
        discoveredAt: '2026-11-20T11:00:00+09:00',
        summary: '住所変更後も旧住所に配送された。旧住所の現居住者に氏名と購入品が知られた。',
        categories: ['name', 'address', 'purchaseHistory'],
        peopleCount: 1,
        unlawfulSuspected: false,
      },
    });
    expect(after.incidents).toEqual([expect.objectContaining({ number: 'I-2026-0001', state: 'open', how: 'registered' })]);
    const incidentId = after.incidents[0]!.id;
    expect((await desk.ok<{ rows: ComplaintOrigin[] }>('complaints.origins', { incidentId })).rows.map((o) => o.number)).toEqual(['C-2026-0001']);
    const [created] = await auditRows(desk, 'incidents.create');
    expect(JSON.parse(created!.details!)).toMatchObject({ number: 'I-2026-0001', fromComplaint: complaint.id });
  });

  it('a second complaint about the same delivery is linked to the existing request by its number, once', async () => {
    const second = await record(desk, { ...wrongAddressCall(), kind: 'consultation', channel: 'email', subject: '配送先の確認', content: '家族から、住所変更の手続きが正しく済んでいるか確認したいとの相談。' });
    const linked = await desk.ok<ComplaintDetail>('complaints.link', { id: second.id, requestNumber: 'R-2026-0001' });
    expect(linked.requests).toEqual([expect.objectContaining({ number: 'R-2026-0001', how: 'linked' })]);
    expect(errorOf(await desk.call('complaints.link', { id: second.id, requestNumber: 'R-2026-0001' }))).toMatchObject({ code: 'CONFLICT', message: 'complaint.alreadyLinked' });
    expect(errorOf(await desk.call('complaints.link', { id: second.id, requestNumber: 'R-2026-0099' }))).toMatchObject({ code: 'NOT_FOUND', message: 'complaint.requestNotFound' });
    expect(errorOf(await desk.call('complaints.link', { id: second.id }))).toMatchObject({ code: 'VALIDATION' });
    const origins = await desk.ok<{ rows: ComplaintOrigin[] }>('complaints.origins', { requestId: request.id });
    expect(origins.rows.map((o) => o.number)).toEqual(['C-2026-0001', 'C-2026-0002']);
  });

  it('a link made by mistake can be removed; the request made from the complaint stays its origin', async () => {
    const second = (await desk.ok<{ rows: ComplaintOrigin[] }>('complaints.origins', { requestId: request.id })).rows[1]!;
    const after = await desk.ok<ComplaintDetail>('complaints.unlink', { id: second.id, requestId: request.id });
    expect(after.requests).toEqual([]);
    expect(after.history.map((h) => h.action)).toEqual(['created', 'requestLinked', 'requestUnlinked']);
    expect(errorOf(await desk.call('complaints.unlink', { id: complaint.id, requestId: request.id }))).toMatchObject({ code: 'CONFLICT', message: 'complaint.registeredLinkStays' });
  });

  it('the auditor, who sees no complaint, cannot ask where a request came from', async () => {
    await addAccount(desk, auditorPerson);
    await signInAs(desk, auditorPerson);
    expect(errorOf(await desk.call('complaints.origins', { requestId: request.id }))).toMatchObject({ code: 'FORBIDDEN' });
    // The incident register is the auditor's to read; the complaint behind it is not.
    const incidents = await desk.ok<{ rows: IncidentDetail[] }>('incidents.list', {});
    expect(incidents.rows).toHaveLength(1);
    await asOfficer(desk);
  });
});
