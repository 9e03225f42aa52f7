// The auditor sees no customer: every method of the contract, called as the auditor, answers without a name, e-mail or phone.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, methodNames } from '../../../../src-shared/api';
import type { MethodSpec } from '../../../../src-shared/api/method';
import type { CustomerRecord } from '../../../../src-shared/customers';
import { roleHas } from '../../../../src-shared/roles';
import { allCustomers } from '../../../fixtures/customers';
import { addAccount, asOfficer, auditorPerson, setUpDesk, signInAs, type TestDesk } from '../../helpers/desk';

let desk: TestDesk;
const ids: string[] = [];

beforeAll(async () => {
  desk = await setUpDesk();
  await addAccount(desk, auditorPerson);
  await asOfficer(desk);
  for (const c of allCustomers) ids.push((await desk.ok<CustomerRecord>('customers.create', c)).id);
  // Leave a trail the auditor will read: the officer searched, opened and revealed.
  await desk.ok('customers.search', { query: '山田' });
  await desk.ok('customers.get', { id: ids[0] });
  await desk.ok('customers.reveal', { id: ids[0], reason: { kind: 'inquiry', text: '山田 太郎様の問い合わせ' } });
  await desk.ok('consents.record', { customerId: ids[1], purposeId: '3.6', channel: 'web', givenOn: '2026-11-01' });
  await signInAs(desk, auditorPerson);
});
afterAll(async () => desk.dispose());

/** What would give a customer away: names, readings, e-mails, phones (as stored and as digits). */
const secrets = allCustomers.flatMap((c) => [
  c.name,
  c.name.split(' ')[0]!,
  c.nameKana,
  ...(c.emails ?? []).map((e) => e.address),
  ...(c.phones ?? []).flatMap((p) => [p.number, p.number.normalize('NFKC').replace(/\D/g, '')]),
]);

function leaks(text: string): string[] {
  return secrets.filter((s) => text.includes(s));
}

// Calls that end the auditor's session are left out: they return nothing about anyone.
const sessionEnders = new Set(['auth.logout', 'auth.lock']);

describe('an auditor cannot see any customer\'s name', () => {
  it('no method the auditor may call returns a customer\'s name, e-mail or phone, whatever it is asked', async () => {
    const callable = methodNames.filter((m) => roleHas('auditor', (api[m] as MethodSpec).access) && !sessionEnders.has(m));
    expect(callable).toContain('audit.search');
    expect(callable).toContain('purposes.list');
    const probes = (m: string) => [{}, { id: ids[0] }, { query: '山田' }, { customerId: ids[1], purposeId: '3.6' }, { version: 1 }, m === 'audit.search' ? { pageSize: 200 } : {}, { targetId: ids[0] }];
    for (const method of callable) {
      for (const input of probes(method)) {
        const result = await desk.call(method, input);
        expect(leaks(JSON.stringify(result)), `${method} ${JSON.stringify(input)}`).toEqual([]);
      }
    }
    // The probes reached real data: the trail of the officer's reads, and an export of it.
    // Oldest first: the auditor's own probes of every method fill the newest pages.
    const trail = await desk.ok<{ rows: { action: string }[] }>('audit.search', { pageSize: 200, order: 'oldest' });
    expect(trail.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['customers.search', 'customers.get', 'customers.reveal', 'consents.record', 'customers.create']));
    expect(readdirSync(desk.exportsDir).length).toBeGreaterThan(0);
    // What the audit export wrote to the exports folder holds no customer either.
    for (const file of readdirSync(desk.exportsDir)) {
      expect(leaks(readFileSync(join(desk.exportsDir, file), 'utf8')), file).toEqual([]);
    }
  });

  it('every customer method refuses the auditor outright, even with a real customer id', async () => {
    const customerMethods = methodNames.filter((m) => /^(customers|consents)\./.test(m));
    expect(customerMethods.length).toBeGreaterThanOrEqual(7);
    for (const method of customerMethods) {
      expect(roleHas('auditor', (api[method] as MethodSpec).access), method).toBe(false);
      const result = await desk.call(method, { id: ids[0], customerId: ids[0], query: '山田', purposeId: '3.6' });
      expect(result, method).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(leaks(JSON.stringify(result))).toEqual([]);
    }
  });

  it('every method that opens customers\' personal data needs a current statement', () => {
    for (const method of methodNames.filter((m) => /^(customers|consents)\./.test(m))) {
      expect((api[method] as MethodSpec).needsStatement, method).toBe(true);
    }
  });
});
