// `npm run seed-demo`: a ready desk whose accounts sign in with the printed passwords, with searchable demo customers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts, seedDemo } from '../../../electron/cli/seed-demo';
import { demoCustomer, random } from '../../../electron/cli/demo/generate';
import { customerInput } from '../../../src-shared/api/customer-input';
import { createCore, type Core } from '../../../electron/core/core';
import type { CustomerRecord, CustomerRow } from '../../../src-shared/customers';
import type { IncidentRow, Partner, ProvisionRow } from '../../../src-shared/registers';
import type { RequestDetail, RequestRow } from '../../../src-shared/requests';

let root: string;
let core: Core;

async function ok<T>(method: string, input: unknown = {}): Promise<T> {
  const result = await core.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'seed-demo-'));
  await seedDemo({ dataDir: join(root, 'data'), exportsDir: join(root, 'exports'), customers: 300, seed: 42 });
  core = createCore({ dataDir: join(root, 'data'), exportsDir: join(root, 'exports'), log: { warn: () => undefined, error: () => undefined } });
});
afterAll(async () => {
  await core.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the demo desk', () => {
  it('the same seed gives the same customers, and every one passes the contract', () => {
    const a = random(42);
    const b = random(42);
    const options = { receiptIds: ['00000000-0000-4000-8000-000000000001'], today: '2026-11-25' };
    for (let i = 0; i < 500; i++) {
      const one = demoCustomer(i, a, options);
      expect(demoCustomer(i, b, options)).toEqual(one);
      expect(customerInput.safeParse(one).success).toBe(true);
    }
  });

  it('staff member with a statement signs in with the printed password and searches the demo customers', async () => {
    await ok('auth.login', { loginId: demoAccounts.staff.loginId, password: demoAccounts.staff.password });
    const all = await ok<{ rows: CustomerRow[]; total: number }>('customers.search', { query: '', pageSize: 200 });
    expect(all.total).toBe(300);
    const first = all.rows[0]!;
    expect(first.phone).toMatch(/^0\d\d-\*\*\*\*-\d{4}$/);
    const byName = await ok<{ rows: CustomerRow[] }>('customers.search', { query: first.name.split(' ')[0] });
    expect(byName.rows.map((r) => r.id)).toContain(first.id);
    const record = await ok<CustomerRecord>('customers.get', { id: first.id });
    expect(record.nameRomaji).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
    // Some opted into marketing, not everyone.
    const marketing = await ok<{ total: number }>('customers.marketingList', {});
    expect(marketing.total).toBeGreaterThan(30);
    expect(marketing.total).toBeLessThan(150);
    await ok('auth.logout');
  });

  it('the newcomer without a statement is refused customers; the auditor has no customer method at all', async () => {
    await ok('auth.login', { loginId: demoAccounts.newcomer.loginId, password: demoAccounts.newcomer.password });
    expect(await core.call('customers.search', { query: '' })).toMatchObject({ ok: false, error: { message: 'statements.required' } });
    await ok('auth.logout');
    await ok('auth.login', { loginId: demoAccounts.auditor.loginId, password: demoAccounts.auditor.password });
    expect(await core.call('customers.search', { query: '' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'auth.forbidden' } });
    await ok('auth.logout');
  });

  it('the officer sees partner records with their Art. 30 receipt', async () => {
    await ok('auth.login', { loginId: demoAccounts.officer.loginId, password: demoAccounts.officer.password });
    const db = core.desk.requireDb();
    const partner = await db.selectFrom('customers').select('id').where('provenance', '=', 'partner').executeTakeFirstOrThrow();
    const record = await ok<CustomerRecord>('customers.get', { id: partner.id });
    expect(record.receipt?.providerName).toBeTruthy();
    await ok('auth.logout');
  });

  it('every register has something to show: partners, requests in several states, a provision and an incident', async () => {
    await ok('auth.login', { loginId: demoAccounts.officer.loginId, password: demoAccounts.officer.password });
    const partners = await ok<{ rows: Partner[] }>('partners.list');
    // The office's advertiser, delivery company and US analytics provider; the call centre and the maintenance company
    // that the outsourcee supervision's demo adds.
    expect(partners.rows.map((p) => p.country).sort()).toEqual(['JP', 'JP', 'JP', 'JP', 'US']);
    expect(partners.rows.filter((p) => p.roles.includes('outsourcee'))).toHaveLength(3);
    const requests = await ok<{ rows: RequestRow[] }>('requests.list', {});
    expect(requests.rows.map((r) => r.state).sort()).toEqual(['awaitingApproval', 'received', 'received']);
    expect(requests.rows.filter((r) => r.overdue)).toHaveLength(1);
    // The proposal waiting is the staff member's: the officer may decide it.
    const waiting = await ok<RequestDetail>('requests.get', { id: requests.rows.find((r) => r.state === 'awaitingApproval')!.id });
    expect(waiting.proposals[0]).toMatchObject({ state: 'open', proposedByName: demoAccounts.staff.displayName });
    const provisions = await ok<{ rows: ProvisionRow[] }>('provisions.list', {});
    expect(provisions.rows).toMatchObject([{ basis: 'consent', state: 'recorded', customerCount: 5, excludedCount: 1 }]);
    const incidents = await ok<{ rows: IncidentRow[] }>('incidents.list', {});
    expect(incidents.rows).toMatchObject([{ reportable: true, reportableBecause: ['financial'] }]);
    await ok('auth.logout');
  });

  it('a year of Privacy Mark records, with something due in each for the home screen', async () => {
    await ok('auth.login', { loginId: demoAccounts.officer.loginId, password: demoAccounts.officer.password });
    expect((await ok<{ rows: unknown[] }>('ledger.list', {})).rows.length).toBeGreaterThanOrEqual(5);
    expect(await ok<{ overdue: number }>('ledger.due', {})).toMatchObject({ overdue: 1 });
    expect((await ok<{ overdue: number }>('complaints.dueCounts', {})).overdue).toBeGreaterThanOrEqual(1);
    expect((await ok<{ rows: unknown[] }>('training.list', {})).rows).toHaveLength(3);
    expect((await ok<{ untrained: number }>('training.due', {})).untrained).toBeGreaterThanOrEqual(1);
    const outsourcees = await ok<{ rows: unknown[]; counts: Record<string, number> }>('outsourcees.list', {});
    expect(outsourcees.rows).toHaveLength(3);
    expect((await ok<{ rows: unknown[] }>('auditplans.list', {})).rows.length).toBeGreaterThanOrEqual(1);
    expect((await ok<{ active: number }>('corrections.dueCounts', {})).active).toBeGreaterThanOrEqual(1);
    await ok('auth.logout');
  });
});
