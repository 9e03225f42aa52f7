// Provision with the customer's consent (policy §5.1, APPI Art. 27–28, 35): the check per customer, never a silent inclusion.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Partner, ProvisionCheck, ProvisionConsent, ProvisionDetail } from '../../../../src-shared/registers';
import type { RequestDetail } from '../../../../src-shared/requests';
import { asOfficer, errorOf, signInAs, staffMember, type TestDesk } from '../../helpers/desk';
import { intake, propose, register, verifyIdentity } from '../disclosures/steps';
import { addPartner, advertiser, deliveryAbroad, makeCustomers, openOffice, police, printingDesk, seller } from './office';

let desk: TestDesk;
let ad: Partner;
let abroad: Partner;
let policeStation: Partner;
let shop: Partner;
let a: { id: string; customerNo: string }[];
const db = () => desk.core.desk.requireDb();
const consent = (input: Record<string, unknown>) => desk.ok<{ consents: ProvisionConsent[] }>('provisionConsents.record', { givenOn: '2026-10-01', channel: 'web', ...input });
const create = (input: Record<string, unknown>) => desk.ok<ProvisionDetail>('provisions.create', { providedOn: '2026-11-20', items: '氏名、メールアドレス、購入履歴', basis: 'consent', ...input });

beforeAll(async () => {
  desk = printingDesk();
  await openOffice(desk, [staffMember]);
  ad = await addPartner(desk, advertiser);
  abroad = await addPartner(desk, deliveryAbroad);
  policeStation = await addPartner(desk, police);
  shop = await addPartner(desk, seller);
  a = await makeCustomers(desk, 'A', 50);
  await signInAs(desk, staffMember);
  // 43 of the 50 agreed: 30 to advertisers in general (the role), 13 to this advertiser by name; A-0001 did both.
  for (const c of a.slice(0, 30)) await consent({ customerId: c.id, partnerRole: 'advertiser' });
  for (const c of a.slice(30, 43)) await consent({ customerId: c.id, partnerId: ad.id });
  await consent({ customerId: a[0]!.id, partnerId: ad.id, givenOn: '2026-10-15' });
}, 120_000);
afterAll(async () => desk.dispose());

describe('staff records a provision to an advertiser for 50 customers', () => {
  let detail: ProvisionDetail;

  it('the 7 without consent are excluded and listed, by customer number and reason', async () => {
    const check = await desk.ok<ProvisionCheck>('provisions.check', { partnerId: ad.id, basis: 'consent', customerIds: a.map((c) => c.id) });
    expect(check.included).toHaveLength(43);
    expect(check.excluded).toEqual(a.slice(43).map((c) => ({ customerId: c.id, customerNo: c.customerNo, reason: 'noConsent' })));
    // The check saves nothing.
    expect(await db().selectFrom('provisions').select('id').execute()).toEqual([]);

    detail = await create({ partnerId: ad.id, customerIds: a.map((c) => c.id) });
    expect(detail).toMatchObject({
      number: 'P-2026-0001',
      state: 'recorded',
      basis: 'consent',
      partnerName: '株式会社アドネット',
      partnerCountry: 'JP',
      customerCount: 43,
      excludedCount: 7,
      combined: false,
      keepUntil: '2029-11-20',
      recordedByName: staffMember.displayName,
      justification: null,
    });
    expect(detail.customers.map((c) => c.customerNo)).toEqual(a.slice(0, 43).map((c) => c.customerNo));
    expect(detail.excluded).toEqual(a.slice(43).map((c) => ({ customerNo: c.customerNo, reason: 'noConsent' })));
    expect(detail.customers.every((c) => c.consentId !== null)).toBe(true);
  });

  it('the record names the consent relied on: the one naming this advertiser before the one naming advertisers in general', async () => {
    const consents = await desk.ok<{ consents: ProvisionConsent[] }>('provisionConsents.list', { customerId: a[0]!.id });
    const byName = consents.consents.find((k) => k.partnerId === ad.id)!;
    expect(consents.consents).toHaveLength(2);
    expect(byName).toMatchObject({ state: 'given', policyVersion: 1, countries: [] });
    expect(detail.customers.find((c) => c.customerNo === 'A-0001')!.consentId).toBe(byName.id);
  });

  it('the audit trail holds the ids, the counts and the basis, never a customer', async () => {
    const event = await db().selectFrom('audit_events').selectAll().where('action', '=', 'provisions.create').where('outcome', '=', 'ok').executeTakeFirstOrThrow();
    expect(event).toMatchObject({ target_type: 'provision', target_id: detail.id });
    expect(JSON.parse(event.details!)).toEqual({ number: 'P-2026-0001', partnerId: ad.id, basis: 'consent', state: 'recorded', included: 43, excluded: 7, reasons: { noConsent: 7 } });
    const trail = (await db().selectFrom('audit_events').select(['details', 'fields']).execute()).map((e) => `${e.details} ${e.fields}`).join('\n');
    expect(trail).not.toMatch(/A-00\d\d|顧客 A|@example\.jp/);
  });

  it('a withdrawn consent counts at once: the next check leaves the customer out', async () => {
    const [, second] = a;
    const given = (await desk.ok<{ consents: ProvisionConsent[] }>('provisionConsents.list', { customerId: second!.id })).consents[0]!;
    const after = await desk.ok<{ consents: ProvisionConsent[] }>('provisionConsents.withdraw', { customerId: second!.id, consentId: given.id, withdrawnOn: '2026-11-25' });
    expect(after.consents[0]).toMatchObject({ id: given.id, state: 'withdrawn', withdrawnOn: '2026-11-25' });
    expect(errorOf(await desk.call('provisionConsents.withdraw', { customerId: second!.id, consentId: given.id, withdrawnOn: '2026-11-25' }))).toMatchObject({ code: 'CONFLICT', message: 'provisionConsent.notGiven' });
    const check = await desk.ok<ProvisionCheck>('provisions.check', { partnerId: ad.id, basis: 'consent', customerIds: [second!.id, a[2]!.id] });
    expect(check.excluded).toEqual([{ customerId: second!.id, customerNo: 'A-0002', reason: 'noConsent' }]);
    expect(check.included.map((c) => c.customerNo)).toEqual(['A-0003']);
  });

  it('an imported list of numbers, typed as people type them, is read like the register: repeats count once, unknown numbers are listed', async () => {
    const unknownId = '3f0c8a4e-1b2d-4c5e-9f60-7a8b9c0d1e2f';
    const check = await desk.ok<ProvisionCheck>('provisions.check', {
      partnerId: ad.id,
      basis: 'consent',
      customerIds: [a[3]!.id, unknownId],
      customerNos: ['ａ－０００４', 'a-0005', 'A-0004', 'A-9999'],
    });
    expect(check.included.map((c) => c.customerNo)).toEqual(['A-0004', 'A-0005']);
    expect(check.excluded).toEqual([
      { customerId: null, customerNo: unknownId, reason: 'unknownCustomer' },
      { customerId: null, customerNo: 'A-9999', reason: 'unknownCustomer' },
    ]);
  });

  it('a provision nobody may receive is refused, the exclusions in the refusal, and nothing is stored', async () => {
    const before = await db().selectFrom('provisions').select('id').execute();
    const refused = errorOf(await desk.call('provisions.create', { partnerId: ad.id, providedOn: '2026-11-21', items: '氏名', basis: 'consent', customerIds: a.slice(45).map((c) => c.id) }));
    expect(refused).toMatchObject({ code: 'VALIDATION', message: 'provision.nobodyIncluded' });
    expect(refused.details).toEqual({
      excluded: a.slice(45).map((c) => ({ customerNo: c.customerNo, reason: 'noConsent' })),
      excludedTotal: 5,
      reasons: { noConsent: 5 },
    });
    expect(await db().selectFrom('provisions').select('id').execute()).toEqual(before);
  });

  it('a combined record of repeated provision is kept 3 years from the last provision it covers (rules Art. 21), and needs consent from the first', async () => {
    const combined = await create({ partnerId: ad.id, providedOn: '2026-10-05', lastProvidedOn: '2026-11-20', customerIds: [a[5]!.id] });
    expect(combined).toMatchObject({ number: 'P-2026-0002', combined: true, providedOn: '2026-10-05', lastProvidedOn: '2026-11-20', keepUntil: '2029-11-20' });
    // The consents were given on 1 October: they do not cover a provision that began in January.
    expect(errorOf(await desk.call('provisions.create', { partnerId: ad.id, providedOn: '2026-01-10', lastProvidedOn: '2026-10-31', items: '氏名', basis: 'consent', customerIds: [a[5]!.id] }))).toMatchObject({
      code: 'VALIDATION',
      message: 'provision.nobodyIncluded',
      details: { excluded: [{ customerNo: 'A-0006', reason: 'noConsent' }] },
    });
    expect(errorOf(await desk.call('provisions.create', { partnerId: ad.id, providedOn: '2026-10-31', lastProvidedOn: '2026-01-10', items: '氏名', basis: 'consent', customerIds: [a[5]!.id] }))).toMatchObject({ code: 'VALIDATION' });
  });
});

describe('a provision to a recipient abroad (APPI Art. 28)', () => {
  it('is refused for customers whose consent does not name the country', async () => {
    const b = await makeCustomers(desk, 'B', 4);
    await signInAs(desk, staffMember);
    await consent({ customerId: b[0]!.id, partnerRole: 'adDeliveryDestination' });
    const named = await consent({ customerId: b[1]!.id, partnerId: abroad.id, countries: ['us', 'sg', 'US'] });
    await consent({ customerId: b[2]!.id, partnerId: abroad.id, countries: ['SG'] });
    await consent({ customerId: b[3]!.id, partnerRole: 'adDeliveryDestination', countries: ['US'] });
    // The countries are kept as the partner register keeps them: upper case, each once.
    expect(named.consents[0]!.countries).toEqual(['SG', 'US']);

    const detail = await create({ partnerId: abroad.id, customerIds: b.map((c) => c.id) });
    expect(detail.partnerCountry).toBe('US');
    expect(detail.customers.map((c) => c.customerNo)).toEqual(['B-0002', 'B-0004']);
    expect(detail.excluded).toEqual([
      { customerNo: 'B-0001', reason: 'countryNotNamed' },
      { customerNo: 'B-0003', reason: 'countryNotNamed' },
    ]);
  });

  it('a consent naming something that is no country is refused', async () => {
    const [c] = await makeCustomers(desk, 'BX', 1);
    await signInAs(desk, staffMember);
    expect(errorOf(await desk.call('provisionConsents.record', { customerId: c!.id, partnerId: abroad.id, countries: ['US', 'UK'], givenOn: '2026-10-01', channel: 'web' }))).toMatchObject({
      code: 'VALIDATION',
      message: 'partner.country',
      details: { path: 'countries.1' },
    });
    expect(errorOf(await desk.call('provisionConsents.record', { customerId: c!.id, partnerId: abroad.id, countries: ['US'], givenOn: '2026-12-01', channel: 'web' }))).toMatchObject({
      code: 'VALIDATION',
      message: 'consent.inFuture',
    });
  });
});

describe('a customer who asked for cessation', () => {
  let d: { id: string; customerNo: string }[];

  /** The real request flow of #5: registered, identity checked, cessation proposed by staff and approved by the officer. */
  async function cessation(customerId: string, kind: 'cessationOfProvision' | 'cessationOfUse'): Promise<void> {
    await signInAs(desk, staffMember);
    const request: RequestDetail = await register(desk, intake({ kind, customerId, asked: '第三者への提供をやめてください。', requester: { name: '顧客 本人', email: 'd@example.jp' } }));
    await verifyIdentity(desk, request.id);
    const proposalId = await propose(desk, { requestId: request.id, kind: 'cease' });
    await asOfficer(desk);
    await desk.ok('proposals.decide', { id: proposalId, decision: 'approve' });
  }

  beforeAll(async () => {
    d = await makeCustomers(desk, 'D', 3);
    await signInAs(desk, staffMember);
    for (const c of d) await consent({ customerId: c.id, partnerRole: 'advertiser' });
    await cessation(d[0]!.id, 'cessationOfProvision');
    await cessation(d[1]!.id, 'cessationOfUse');
  }, 60_000);

  it('of provision is excluded though their consent stands; one who asked for all use to stop likewise', async () => {
    await signInAs(desk, staffMember);
    const detail = await create({ partnerId: ad.id, customerIds: d.map((c) => c.id) });
    expect(detail.customers.map((c) => c.customerNo)).toEqual(['D-0003']);
    expect(detail.excluded).toEqual([
      { customerNo: 'D-0001', reason: 'cessationOfProvision' },
      { customerNo: 'D-0002', reason: 'cessationOfUse' },
    ]);
  });

  it('is still included in a provision the law requires (an exception), which waits for the officer', async () => {
    // APPI Art. 35(3) covers provision in breach of Art. 27(1) only; a request under a law binds the company.
    await signInAs(desk, staffMember);
    const detail = await create({ partnerId: policeStation.id, basis: 'publicInstitution', justification: '捜査関係事項照会書（刑事訴訟法第197条第2項）による照会', customerIds: [d[0]!.id] });
    expect(detail).toMatchObject({ state: 'awaitingApproval', customerCount: 1, excludedCount: 0 });
    expect(detail.customers).toEqual([{ customerId: d[0]!.id, customerNo: 'D-0001', consentId: null }]);
  });
});

describe('an ended partner', () => {
  it('receives nothing after its end; a provision made before the end can still be recorded', async () => {
    const [c] = await makeCustomers(desk, 'E', 1);
    await signInAs(desk, staffMember);
    await consent({ customerId: c!.id, partnerId: shop.id });
    await asOfficer(desk);
    await desk.ok('partners.update', { id: shop.id, partner: seller, endedOn: '2026-11-10' });
    await signInAs(desk, staffMember);
    expect(errorOf(await desk.call('provisions.create', { partnerId: shop.id, providedOn: '2026-11-20', items: '氏名', basis: 'consent', customerIds: [c!.id] }))).toMatchObject({
      code: 'CONFLICT',
      message: 'partner.ended',
    });
    expect(errorOf(await desk.call('provisions.check', { partnerId: shop.id, basis: 'consent', customerIds: [c!.id] }))).toMatchObject({ code: 'CONFLICT', message: 'partner.ended' });
    const before = await create({ partnerId: shop.id, providedOn: '2026-11-05', items: '氏名、住所', customerIds: [c!.id] });
    expect(before).toMatchObject({ state: 'recorded', customerCount: 1 });
  });
});
