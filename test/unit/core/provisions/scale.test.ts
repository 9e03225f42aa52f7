// A provision to 100,000 customers from an imported list: checked set by set, recorded in one call.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCustomers } from '../../../../electron/core/customers/store';
import { customerInput } from '../../../../src-shared/api/customer-input';
import type { Partner, ProvisionCheck, ProvisionDetail } from '../../../../src-shared/registers';
import { asOfficer, type TestDesk } from '../../helpers/desk';
import { addPartner, advertiser, openOffice, printingDesk } from './office';

const customers = 100_000;
let desk: TestDesk;
let ad: Partner;
const number = (i: number) => `M-${String(i).padStart(6, '0')}`;

beforeAll(async () => {
  desk = printingDesk();
  await openOffice(desk, []);
  await asOfficer(desk);
  ad = await addPartner(desk, advertiser);
  const template = customerInput.parse({ customerNo: 'M-0', name: '会員 一括', nameKana: 'カイイン イッカツ', postalCode: '150-0001', prefecture: '東京都', city: '渋谷区', addressLine1: '神宮前1-1-1', provenance: 'registration' });
  await desk.core.desk.transaction(async (tx) => {
    const actor = { accountId: null, now: desk.clock.now };
    for (let start = 1; start <= customers; start += 5000) {
      const batch = Array.from({ length: 5000 }, (_, k) => ({ ...template, customerNo: number(start + k) }));
      const created = await insertCustomers(tx, batch, actor, { index: false });
      // Every customer but each tenth agreed to provision to advertisers: test data written as provisionConsents.record
      // writes it, in multi-row statements (a hundred thousand calls would test the router, not the check).
      const consents = created
        .filter((_, k) => (start + k) % 10 !== 0)
        .map((c) => ({ id: randomUUID(), customer_id: c.id, partner_id: null, partner_role: 'advertiser', countries: '[]', given_on: '2026-10-01', channel: 'web', policy_version: 1, state: 'given' as const, withdrawn_on: null, recorded_at: actor.now.toISOString(), recorded_by: null }));
      for (let k = 0; k < consents.length; k += 2000) await tx.insertInto('provision_consents').values(consents.slice(k, k + 2000)).execute();
    }
  });
}, 600_000);
afterAll(async () => desk.dispose());

describe('an imported list of 100,000 customer numbers', () => {
  it('is checked in one call, each customer decided, those without consent listed', async () => {
    const customerNos = Array.from({ length: customers }, (_, i) => number(i + 1));
    const started = performance.now();
    const check = await desk.ok<ProvisionCheck>('provisions.check', { partnerId: ad.id, basis: 'consent', customerNos });
    const seconds = (performance.now() - started) / 1000;
    expect(check.included).toHaveLength(90_000);
    expect(check.excluded).toHaveLength(10_000);
    expect(check.excluded.every((e) => e.reason === 'noConsent' && Number(e.customerNo.slice(2)) % 10 === 0)).toBe(true);
    // Set-based: a few queries per 500 customers. Generous for a shared 2-core machine; a query per customer takes minutes.
    expect(seconds).toBeLessThan(60);

    const detail = await desk.ok<ProvisionDetail>('provisions.create', { partnerId: ad.id, providedOn: '2026-11-20', items: '氏名、メールアドレス', basis: 'consent', customerNos });
    expect(detail).toMatchObject({ customerCount: 90_000, excludedCount: 10_000 });
  }, 300_000);
});
