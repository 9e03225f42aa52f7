// A person's disclosure and erasure at scale: each request taken through the desk's real steps (intake, ID copy
// check, a staff member's proposal, the officer's approval), and only the step that does the work timed.
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import type { RequestDetail } from '../../../src-shared/requests';
import type { Core } from '../../core/core';
import { localDay } from '../../core/dates';
import { demoAccounts } from '../seed-demo';
import { all, close, openRaw } from './raw';

export interface RequestFigures {
  /** disclosures.build: the package's JSON and Japanese PDF (printed by the system Chromium) in the exports folder. */
  disclosureMs: number;
  /** proposals.decide approving an erasure: tombstone, rows, search entry, the checkpoint after commit. */
  erasureMs: number;
}

async function must<T>(core: Core, method: string, input: unknown): Promise<T> {
  const result = await core.call(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message} ${JSON.stringify(result.error.details ?? {})}`);
  return result.value as T;
}

async function signInAs(core: Core, who: 'officer' | 'staff'): Promise<void> {
  if (core.desk.session) await must(core, 'auth.logout', {});
  const account = demoAccounts[who];
  await must(core, 'auth.login', { loginId: account.loginId, password: account.password });
}

/** A licence photographed for the request: nobody's document. */
async function licence(): Promise<string> {
  const jpeg = await sharp({ create: { width: 640, height: 400, channels: 3, background: { r: 220, g: 230, b: 215 } } }).jpeg({ quality: 85 }).toBuffer();
  return jpeg.toString('base64');
}

/** Registers the request and checks the ID copy, as the officer; returns the request's id. */
async function verified(core: Core, customer: { id: string; name: string }, kind: 'disclosure' | 'erasure'): Promise<string> {
  const request = await must<RequestDetail>(core, 'requests.create', {
    kind,
    channel: 'email',
    receivedOn: localDay(core.desk.now()),
    requesterKind: 'person',
    requester: { name: customer.name, email: 'requester@example.jp' },
    asked: kind === 'disclosure' ? '保有個人データの開示を請求します。' : '保有個人データの消去を請求します。',
    ...(kind === 'disclosure' ? { disclosureForm: 'electronic' } : {}),
    customerId: customer.id,
  });
  const attached = await must<RequestDetail>(core, 'idcopies.attach', {
    requestId: request.id,
    documentType: 'driversLicence',
    side: 'front',
    image: { mediaType: 'image/jpeg', dataBase64: await licence() },
    redactions: [{ x: 0.55, y: 0.7, width: 0.4, height: 0.15 }],
  });
  await must(core, 'idcopies.verify', { id: attached.idCopies[0]!.id, nameMatches: true, addressMatches: true, birthDateMatches: true, result: 'verified' });
  return request.id;
}

/** Two customers from the middle of the desk with orders (the package has something to list), neither in a request yet. */
async function twoCustomers(desk: { dataDir: string; dataKeyHex: string; size: number }): Promise<{ id: string; name: string }[]> {
  const db = await openRaw(`${desk.dataDir}/desk.db`, desk.dataKeyHex, { readOnly: true });
  try {
    const rows = await all<{ id: string; name: string }>(
      db,
      `select c.id, c.name from customers c where c.rowid >= ? and exists (select 1 from orders o where o.customer_id = c.id)
         and not exists (select 1 from requests r where r.customer_id = c.id) order by c.rowid limit 2`,
      [Math.max(1, Math.floor(desk.size / 2))],
    );
    if (rows.length < 2) throw new Error('no customers with orders to take a request about');
    return rows;
  } finally {
    await close(db);
  }
}

export async function measureRequests(core: Core, desk: { dataDir: string; dataKeyHex: string; size: number }): Promise<RequestFigures> {
  const [discloseTo, eraseFor] = await twoCustomers(desk);
  await signInAs(core, 'officer');
  const disclosure = await verified(core, discloseTo!, 'disclosure');
  const erasure = await verified(core, eraseFor!, 'erasure');
  // Four eyes: the staff member proposes, the officer decides. Two sign-ins in all: each starts the check of every
  // page beside the work (db/guard.ts), which is waited for so that it shares the CPU with neither figure.
  await signInAs(core, 'staff');
  const proposalOf = async (requestId: string, kind: 'disclose' | 'erase') =>
    (await must<RequestDetail>(core, 'proposals.create', { requestId, kind })).proposals.find((p) => p.state === 'open')!.id;
  const discloseProposal = await proposalOf(disclosure, 'disclose');
  const eraseProposal = await proposalOf(erasure, 'erase');
  await signInAs(core, 'officer');
  await core.desk.wholeFileChecked;

  await must(core, 'proposals.decide', { id: discloseProposal, decision: 'approve' });
  let start = performance.now();
  await must(core, 'disclosures.build', { requestId: disclosure });
  const disclosureMs = performance.now() - start;
  start = performance.now();
  await must(core, 'proposals.decide', { id: eraseProposal, decision: 'approve' });
  const erasureMs = performance.now() - start;
  return { disclosureMs, erasureMs };
}
