// An ID copy is kept only as long as the check needs it: erased 30 days after its request closes, leaving hash and result.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { verifyChain } from '../../../../electron/core/audit/chain';
import { eraseDueIdCopies } from '../../../../electron/core/idcopies/retention';
import type { IdCopyRow, RequestDetail } from '../../../../src-shared/requests';
import { asOfficer, errorOf, signInAs, staffMember, type TestDesk } from '../../helpers/desk';
import { decryptedPages } from './decrypted-pages';
import { deskWithStaff, disclosureRequest } from './desk-with-request';
import { asBase64, licencePhoto } from './images';

let desk: TestDesk;
beforeAll(async () => {
  desk = await deskWithStaff();
});
afterAll(async () => desk.dispose());

const db = () => desk.core.desk.requireDb();
const allMatch = { nameMatches: true, addressMatches: true, birthDateMatches: true };
const days = (n: number) => n * 24 * 60;
const storedRow = (id: string) => db().selectFrom('id_copies').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const erasures = () => db().selectFrom('audit_events').selectAll().where('action', '=', 'idcopies.erased').orderBy('seq').execute();

/** Each copy is its own photo with its own box, so that no two stored images share bytes. */
async function checkedCopy(photo: Buffer, boxX: number): Promise<{ request: RequestDetail; copy: IdCopyRow }> {
  const request = await disclosureRequest(desk);
  const attached = await desk.ok<RequestDetail>('idcopies.attach', {
    requestId: request.id,
    documentType: 'driversLicence',
    image: { mediaType: 'image/jpeg', dataBase64: asBase64(photo) },
    redactions: [{ x: boxX, y: 0.1, width: 0.2, height: 0.1 }],
  });
  const verified = await desk.ok<RequestDetail>('idcopies.verify', { id: attached.idCopies[0]!.id, ...allMatch, result: 'verified' });
  return { request, copy: verified.idCopies[0]! };
}

/** 48-byte slices of the stored image that the decrypted pages hold now (one may straddle an overflow page's link). */
async function slicesFoundInPages(image: Buffer): Promise<Buffer[]> {
  const pages = await decryptedPages(desk);
  const slices = [0.2, 0.4, 0.6, 0.8].map((at) => image.subarray(Math.floor(image.length * at), Math.floor(image.length * at) + 48));
  return slices.filter((s) => pages.includes(s));
}

describe('retention of ID copies', () => {
  it('the copy disappears 30 days after its request closes; its hash and the check result stay, and the erasure is in the chain', async () => {
    const { request, copy } = await checkedCopy(await licencePhoto(480, 304), 0.05);
    const stillOpen = await checkedCopy(await licencePhoto(512, 320), 0.3);
    const image = (await storedRow(copy.id)).image!;
    const before = await slicesFoundInPages(image);
    expect(before.length).toBeGreaterThanOrEqual(3);

    const closed = await desk.ok<RequestDetail>('requests.transition', { id: request.id, to: 'withdrawn', note: '本人より取り下げ' });
    expect(closed.idCopies[0]!.eraseOn).toBe('2026-12-25');

    // Day 29: the sign-in's retention run leaves it alone.
    desk.clock.advanceMinutes(days(29));
    await signInAs(desk, staffMember);
    expect((await storedRow(copy.id)).image).not.toBeNull();
    expect(await erasures()).toEqual([]);

    // Day 30: gone at the next unlock.
    desk.clock.advanceMinutes(days(1));
    await signInAs(desk, staffMember);
    const row = await storedRow(copy.id);
    expect(row).toMatchObject({ image: null, erased_at: desk.clock.now.toISOString(), sha256: copy.sha256, result: 'verified', verified_at: copy.verifiedAt });
    expect(JSON.parse(row.check_details!)).toEqual({ ...allMatch, authorityConfirmed: null });
    const view = await desk.ok<IdCopyRow & { dataBase64: string | null }>('idcopies.view', { id: copy.id });
    expect(view).toMatchObject({ dataBase64: null, sha256: copy.sha256, result: 'verified', erasedAt: row.erased_at, eraseOn: '2026-12-25' });
    expect((await desk.ok<RequestDetail>('requests.get', { id: request.id })).idCopies[0]).toMatchObject({ erasedAt: row.erased_at, sha256: copy.sha256, result: 'verified' });
    expect(errorOf(await desk.call('idcopies.verify', { id: copy.id, ...allMatch, result: 'verified' }))).toMatchObject({ code: 'CONFLICT', message: 'idCopy.erased' });

    // The copy of the request still open is kept: its clock has not started.
    expect((await storedRow(stillOpen.copy.id)).image).not.toBeNull();

    const events = await erasures();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor_id: null, actor_role: null, outcome: 'ok', target_type: 'idCopy', target_id: copy.id, at: row.erased_at });
    expect(JSON.parse(events[0]!.details!)).toEqual({ requestId: request.id, sha256: copy.sha256 });
    expect(await verifyChain(db())).toMatchObject({ valid: true });

    // With secure_delete and the checkpoint, the image's pages were overwritten: none of its bytes are left in the file.
    const pages = await decryptedPages(desk);
    for (const slice of before) expect(pages.includes(slice)).toBe(false);

    // A later run finds nothing more to do, and a new sign-in does not erase twice.
    expect(await desk.core.desk.transaction((tx) => eraseDueIdCopies(tx, desk.clock.now))).toBe(0);
    await asOfficer(desk);
    expect(await erasures()).toHaveLength(1);
    await signInAs(desk, staffMember);
  });

  it('while the desk stays open, the hourly run erases what has come due', async () => {
    const { request, copy } = await checkedCopy(await licencePhoto(400, 256), 0.55);
    await desk.ok('requests.transition', { id: request.id, to: 'withdrawn', note: '取り下げ' });
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      // The sign-in opens the database and starts the hourly run (on the fake timer).
      await signInAs(desk, staffMember);
      desk.clock.advanceMinutes(days(30));
      expect((await storedRow(copy.id)).image).not.toBeNull();
      vi.advanceTimersByTime(60 * 60 * 1000);
      await vi.waitFor(async () => expect((await storedRow(copy.id)).erased_at).not.toBeNull());
      expect((await storedRow(copy.id)).image).toBeNull();
      expect((await erasures()).at(-1)).toMatchObject({ target_id: copy.id, actor_id: null });
      expect(await verifyChain(db())).toMatchObject({ valid: true });
      // Signing out closes the database and stops the timer.
      await desk.ok('auth.logout');
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
