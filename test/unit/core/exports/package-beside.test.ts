// The disclosure package saved through the save dialog: the JSON where the officer chose, its PDF beside it, and the
// request's register pointing at both (so the retention run later erases them where they are).
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPrinter } from '../../../../electron/host/printer';
import { createCore } from '../../../../electron/core/core';
import type { DisclosurePackage } from '../../../../src-shared/requests';
import { yamada } from '../../../fixtures/customers';
import { asUpload, scannedPdf } from '../../../fixtures/scans';
import { addAccount, asOfficer, makeDesk, officer, signInAs, staffMember, type TestDesk } from '../../helpers/desk';
import { intake, propose, register, verifyIdentity } from '../disclosures/steps';

let desk: TestDesk;
let requestId: string;
let requestNumber: string;
const proposed: string[] = [];

beforeAll(async () => {
  desk = makeDesk();
  await desk.core.close();
  const chosenDir = join(desk.exportsDir, '..', '本人への郵送');
  mkdirSync(chosenDir, { recursive: true });
  // The officer accepts the proposed name but saves in the folder of letters to post.
  const saveDialog = { choose: async ({ defaultPath }: { defaultPath: string }) => (proposed.push(defaultPath), join(chosenDir, defaultPath.split(/[\\/]/).pop()!)) };
  desk.core = createCore({ dataDir: desk.dataDir, exportsDir: desk.exportsDir, clock: () => desk.clock.now, log: { warn: () => undefined, error: () => undefined }, printer: chromiumPrinter(), saveDialog });
  await desk.ok('setup.createOfficer', officer);
  const staffId = await addAccount(desk, staffMember);
  await desk.ok('statements.record', { accountId: staffId, templateVersion: 1, signedOn: '2026-11-01', trainingOn: '2026-11-01', scan: asUpload(scannedPdf(), 's.pdf', 'application/pdf') });
  const customerId = (await desk.ok<{ id: string }>('customers.create', yamada)).id;
  await signInAs(desk, staffMember);
  const request = await register(desk, intake({ kind: 'disclosure', customerId, requester: { name: '山田 太郎', email: 'yamada.taro@example.jp' } }));
  requestId = request.id;
  requestNumber = request.number;
  await verifyIdentity(desk, request.id);
  const proposalId = await propose(desk, { requestId: request.id, kind: 'disclose' });
  await asOfficer(desk);
  await desk.ok('proposals.decide', { id: proposalId, decision: 'approve' });
}, 120_000);
afterAll(() => desk.dispose());

describe('the disclosure package in the place the officer chose', () => {
  it('writes the JSON there and the PDF beside it, under the name the package always had', async () => {
    const choice = await desk.ok<{ token: string }>('saveTargets.choose', { kind: 'disclosurePackage', language: 'ja', name: `${requestNumber}-disclosure` });
    expect(proposed).toEqual([join(desk.exportsDir, 'disclosures', `${requestNumber}-disclosure-2026-11-25.json`)]);
    const pkg = await desk.ok<DisclosurePackage>('disclosures.build', { requestId, saveTo: choice.token });
    const folder = join(desk.exportsDir, '..', '本人への郵送');
    expect(pkg.jsonFile).toBe(join(folder, `${requestNumber}-disclosure-2026-11-25.json`));
    expect(pkg.pdfFile).toBe(join(folder, `${requestNumber}-disclosure-2026-11-25.pdf`));
    expect(readFileSync(pkg.jsonFile, 'utf8')).toContain(requestNumber);
    expect(readFileSync(pkg.pdfFile).subarray(0, 5).toString()).toBe('%PDF-');
    expect(existsSync(join(desk.exportsDir, 'disclosures', `${requestNumber}-disclosure-2026-11-25.pdf`))).toBe(false);
    const row = await desk.core.desk.requireDb().selectFrom('disclosure_packages').select(['json_file', 'pdf_file']).where('request_id', '=', requestId).executeTakeFirstOrThrow();
    expect(row).toEqual({ json_file: pkg.jsonFile, pdf_file: pkg.pdfFile });
  });
});
