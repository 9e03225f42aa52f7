// The checklist: a copy is verified only when everything matches; not verified needs a reason; viewing is recorded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdCopyRow, RequestDetail } from '../../../../src-shared/requests';
import { asOfficer, errorOf, signInAs, staffMember, type TestDesk } from '../../helpers/desk';
import { deskWithStaff, disclosureRequest, proxyRequest } from './desk-with-request';
import { asBase64, licencePhoto } from './images';

let desk: TestDesk;
let licence: Buffer;
beforeAll(async () => {
  desk = await deskWithStaff();
  licence = await licencePhoto();
});
afterAll(async () => desk.dispose());

const db = () => desk.core.desk.requireDb();
const lastEvent = (action: string) => db().selectFrom('audit_events').selectAll().where('action', '=', action).orderBy('seq', 'desc').executeTakeFirstOrThrow();
const allMatch = { nameMatches: true, addressMatches: true, birthDateMatches: true };

async function attachedLicence(request: RequestDetail): Promise<IdCopyRow> {
  const detail = await desk.ok<RequestDetail>('idcopies.attach', {
    requestId: request.id,
    documentType: 'driversLicence',
    image: { mediaType: 'image/jpeg', dataBase64: asBase64(licence) },
    redactions: [{ x: 0.6, y: 0.7, width: 0.3, height: 0.2 }],
  });
  return detail.idCopies.at(-1)!;
}

describe('staff check the copy against what the person stated', () => {
  it('a copy whose address does not match cannot be marked verified', async () => {
    const copy = await attachedLicence(await disclosureRequest(desk));
    const error = errorOf(await desk.call('idcopies.verify', { id: copy.id, ...allMatch, addressMatches: false, result: 'verified' }));
    expect(error).toEqual({ code: 'VALIDATION', message: 'idCopy.notAllMatch', details: { unmatched: ['addressMatches'] } });
    expect(errorOf(await desk.call('idcopies.verify', { id: copy.id, nameMatches: false, addressMatches: true, birthDateMatches: false, result: 'verified' })).details).toEqual({ unmatched: ['nameMatches', 'birthDateMatches'] });
    const row = await db().selectFrom('id_copies').selectAll().where('id', '=', copy.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ result: null, check_details: null, verified_by: null });
  });

  it('not verified needs a reason; the reason stays on the copy and out of the audit trail', async () => {
    const request = await disclosureRequest(desk);
    const copy = await attachedLicence(request);
    const notVerified = { id: copy.id, ...allMatch, addressMatches: false, result: 'notVerified' };
    expect(errorOf(await desk.call('idcopies.verify', notVerified))).toEqual({ code: 'VALIDATION', message: 'idCopy.reasonRequired' });
    expect(errorOf(await desk.call('idcopies.verify', { ...notVerified, reason: '   ' }))).toEqual({ code: 'VALIDATION', message: 'idCopy.reasonRequired' });
    const reason = '免許証の住所が申出の住所（高円寺南）と異なる';
    const detail = await desk.ok<RequestDetail>('idcopies.verify', { ...notVerified, reason });
    expect(detail.state).toBe('identityCheck');
    expect(detail.identityVerified).toBe(false);
    expect(detail.idCopies[0]).toMatchObject({
      result: 'notVerified',
      notVerifiedReason: reason,
      check: { nameMatches: true, addressMatches: false, birthDateMatches: true, authorityConfirmed: null },
      verifiedByName: '佐藤 健',
      verifiedAt: desk.clock.now.toISOString(),
    });
    const event = await lastEvent('idcopies.verify');
    expect(event).toMatchObject({ target_type: 'idCopy', target_id: copy.id });
    expect(JSON.parse(event.details!)).toEqual({ requestId: request.id, result: 'notVerified' });
    expect(JSON.stringify(event)).not.toContain('高円寺');
  });

  it('a verified copy moves the request from the identity check to the work', async () => {
    const request = await disclosureRequest(desk);
    const copy = await attachedLicence(request);
    expect(errorOf(await desk.call('requests.transition', { id: request.id, to: 'inProgress' })).message).toBe('request.identityNotVerified');
    const detail = await desk.ok<RequestDetail>('idcopies.verify', { id: copy.id, ...allMatch, result: 'verified' });
    expect(detail).toMatchObject({ state: 'inProgress', identityVerified: true });
    expect(detail.idCopies[0]).toMatchObject({ result: 'verified', notVerifiedReason: null, check: { ...allMatch, authorityConfirmed: null } });
    expect(detail.history.map((h) => [h.action, h.fromState, h.toState])).toEqual(
      expect.arrayContaining([
        ['idcopies.attach', 'received', 'identityCheck'],
        ['idcopies.verify', 'identityCheck', 'inProgress'],
      ]),
    );
  });

  it("a proxy's request is verified only once the proof of authority was seen", async () => {
    const request = await proxyRequest(desk);
    const copy = await attachedLicence(request);
    expect(errorOf(await desk.call('idcopies.verify', { id: copy.id, ...allMatch, result: 'verified' })).details).toEqual({ unmatched: ['authorityConfirmed'] });
    expect(errorOf(await desk.call('idcopies.verify', { id: copy.id, ...allMatch, authorityConfirmed: false, result: 'verified' })).message).toBe('idCopy.notAllMatch');
    const detail = await desk.ok<RequestDetail>('idcopies.verify', { id: copy.id, ...allMatch, authorityConfirmed: true, result: 'verified' });
    expect(detail.state).toBe('inProgress');
    expect(detail.idCopies[0]!.check).toEqual({ ...allMatch, authorityConfirmed: true });
  });

  it('an unknown copy is not found, and a closed request is not checked any more', async () => {
    expect(errorOf(await desk.call('idcopies.verify', { id: '00000000-0000-4000-8000-000000000000', ...allMatch, result: 'verified' }))).toMatchObject({ code: 'NOT_FOUND', message: 'idCopy.notFound' });
    const request = await disclosureRequest(desk);
    const copy = await attachedLicence(request);
    await desk.ok('requests.transition', { id: request.id, to: 'withdrawn', note: '取り下げ' });
    expect(errorOf(await desk.call('idcopies.verify', { id: copy.id, ...allMatch, result: 'verified' }))).toMatchObject({ code: 'CONFLICT', message: 'request.closed' });
  });
});

describe('viewing the stored copy', () => {
  it('gives the redacted image with its row, and every viewing is in the trail', async () => {
    const request = await disclosureRequest(desk);
    const copy = await attachedLicence(request);
    await asOfficer(desk);
    const view = await desk.ok<IdCopyRow & { dataBase64: string | null }>('idcopies.view', { id: copy.id });
    const stored = await db().selectFrom('id_copies').select('image').where('id', '=', copy.id).executeTakeFirstOrThrow();
    expect(Buffer.from(view.dataBase64!, 'base64').equals(stored.image!)).toBe(true);
    expect(view).toMatchObject({ id: copy.id, documentType: 'driversLicence', sha256: copy.sha256, attachedByName: '佐藤 健', erasedAt: null });
    const event = await lastEvent('idcopies.view');
    expect(event).toMatchObject({ outcome: 'ok', actor_role: 'officer', target_type: 'idCopy', target_id: copy.id });
    expect(JSON.parse(event.details!)).toEqual({ requestId: request.id });
    await signInAs(desk, staffMember);
  });
});
