// The partner register: the officer registers partners at home and abroad, ends them and never deletes them; staff
// and the auditor read it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../../../src-shared/api';
import type { CustomerRecord } from '../../../../src-shared/customers';
import type { Partner } from '../../../../src-shared/registers';
import { requireActivePartner } from '../../../../electron/core/partners/store';
import { tanaka } from '../../../fixtures/customers';
import { addAccount, asOfficer, auditorPerson, errorOf, setUpDesk, signInAs, staffMember, type TestDesk } from '../../helpers/desk';

/** An ad network in the United States: a recipient abroad (APPI Art. 28). */
const adNetwork = {
  name: 'Brightline Ads Inc.',
  address: '500 Howard Street, San Francisco, CA 94105, USA',
  representative: 'CEO Dana Whitfield',
  roles: ['advertiser', 'adDeliveryDestination'],
  country: 'us',
  contractFrom: '2026-04-01',
  contractTo: '2027-03-31',
  securityMeasures: 'Standard contractual clauses; encryption at rest and in transit; annual SOC 2 Type II report.',
  contactName: 'Alex Moreno',
  contactEmail: 'privacy@brightline-ads.example',
  contactPhone: '+1 415 555 0142',
};

/** The warehouse that packs and ships orders: an outsourcee (APPI Art. 25). */
const warehouse = {
  name: '株式会社みなと物流センター',
  address: '神奈川県横浜市中区海岸通3-9',
  representative: '代表取締役 大野 修',
  roles: ['outsourcee'],
  country: 'JP',
  contractFrom: '2025-10-01',
  securityMeasures: '業務委託契約第12条：入退室管理、出荷伝票の施錠保管、再委託の禁止、年1回の監査受入れ。',
  contactName: '出荷管理課 村井 優子',
  contactEmail: 'murai@minato-logi.example.jp',
};

/** The mail-order shop whose members' data the office receives (policy §2.1, an information provider). */
const provider = {
  name: '株式会社サンプル通販',
  address: '東京都千代田区丸の内1-1-1',
  representative: '代表取締役 鈴木 一',
  roles: ['informationProvider', 'advertiser'],
  country: 'JP',
  securityMeasures: 'データ提供契約に基づく暗号化ファイルでの受渡し。',
  contactName: '鈴木 一',
  contactEmail: 'privacy@sample-tsuhan.example.jp',
};

let desk: TestDesk;
const ids: Record<string, string> = {};
const db = () => desk.core.desk.requireDb();
const countPartners = async () => Number((await db().selectFrom('partners').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const lastEvent = (action: string) => db().selectFrom('audit_events').selectAll().where('action', '=', action).where('outcome', '=', 'ok').orderBy('seq', 'desc').executeTakeFirstOrThrow();
const listed = async (input: object = {}) => (await desk.ok<{ rows: Partner[] }>('partners.list', input)).rows.map((p) => p.name);

beforeAll(async () => {
  desk = await setUpDesk();
  await addAccount(desk, staffMember);
  await addAccount(desk, auditorPerson);
  await asOfficer(desk);
});
afterAll(async () => desk.dispose());

describe('the officer registers partners', () => {
  it('an advertiser abroad gets its country as an upper-case code, no end and no records yet', async () => {
    const created = await desk.ok<Partner>('partners.create', adNetwork);
    ids.adNetwork = created.id;
    expect(created).toMatchObject({ name: adNetwork.name, country: 'US', roles: ['advertiser', 'adDeliveryDestination'], contractFrom: '2026-04-01', contractTo: '2027-03-31', contactPhone: '+1 415 555 0142', endedOn: null, referenced: false });
    expect(created.createdAt).toBe(created.updatedAt);
  });

  it('an outsourcee at home, without a contract end or a phone', async () => {
    const created = await desk.ok<Partner>('partners.create', warehouse);
    ids.warehouse = created.id;
    expect(created).toMatchObject({ country: 'JP', roles: ['outsourcee'], contractFrom: '2025-10-01', contractTo: null, contactPhone: null, referenced: false });
  });

  it('the trail names the partner and the fields given, never the names, addresses or contacts', async () => {
    const event = await lastEvent('partners.create');
    expect(event).toMatchObject({ target_type: 'partner', target_id: ids.warehouse });
    expect(JSON.parse(event.fields!)).toEqual(['name', 'address', 'representative', 'roles', 'country', 'contractFrom', 'securityMeasures', 'contactName', 'contactEmail']);
    const trail = JSON.stringify(await db().selectFrom('audit_events').selectAll().where('action', 'like', 'partners.%').execute());
    expect(trail).not.toMatch(/みなと|村井|murai|Brightline|Moreno|Howard|横浜/);
  });

  it('a partner of two roles keeps each role once, in the register order', async () => {
    const created = await desk.ok<Partner>('partners.create', { ...provider, roles: ['advertiser', 'informationProvider', 'advertiser'] });
    ids.provider = created.id;
    expect(created.roles).toEqual(['informationProvider', 'advertiser']);
  });

  it('the list filters by role', async () => {
    // By name as written: Latin letters, then hiragana, then katakana.
    expect(await listed()).toEqual([adNetwork.name, warehouse.name, provider.name]);
    expect(await listed({ role: 'advertiser' })).toEqual([adNetwork.name, provider.name]);
    expect(await listed({ role: 'outsourcee' })).toEqual([warehouse.name]);
    expect(await listed({ role: 'informationProvider' })).toEqual([provider.name]);
    expect(await listed({ role: 'seller' })).toEqual([]);
  });
});

describe('bad input gets a clear reason and nothing is stored', () => {
  const issuesOf = async (input: object) => errorOf(await desk.call('partners.create', input)).details?.issues;

  it('no role, a country that is not a code, a contract ending before it starts, a bad e-mail', async () => {
    const before = await countPartners();
    const other = { ...adNetwork, name: 'Northwind Media LLC' };
    expect(await issuesOf({ ...other, roles: [] })).toEqual([{ path: 'roles', message: 'partner.rolesRequired' }]);
    expect(await issuesOf({ ...other, country: 'USA' })).toEqual([{ path: 'country', message: 'partner.country' }]);
    expect(await issuesOf({ ...other, contractFrom: '2027-04-01', contractTo: '2027-03-31' })).toEqual([{ path: 'contractTo', message: 'partner.contractDates' }]);
    expect(await issuesOf({ ...other, contactEmail: 'privacy at northwind' })).toEqual([{ path: 'contactEmail', message: 'email.format' }]);
    expect(await countPartners()).toBe(before);
  });

  it('two letters that name no country (UK is GB) are refused by the core', async () => {
    const before = await countPartners();
    for (const country of ['XX', 'uk']) {
      expect(errorOf(await desk.call('partners.create', { ...adNetwork, name: 'Northwind Media LLC', country }))).toEqual({ code: 'VALIDATION', message: 'partner.country', details: { path: 'country' } });
    }
    expect(await countPartners()).toBe(before);
  });

  it('the same company at the same address is registered once, however it is spaced or typed', async () => {
    const before = await countPartners();
    const again = await desk.call('partners.create', { ...warehouse, name: '株式会社　みなと物流センター', address: '神奈川県 横浜市中区 海岸通３－９' });
    expect(errorOf(again)).toEqual({ code: 'CONFLICT', message: 'partner.duplicate', details: { id: ids.warehouse } });
    expect(await countPartners()).toBe(before);
    // Another branch of the same company is another partner.
    const branch = await desk.ok<Partner>('partners.create', { ...warehouse, address: '大阪府大阪市住之江区南港北1-5' });
    ids.branch = branch.id;
  });

  it('an update with bad input leaves the partner as it was', async () => {
    const stored = await db().selectFrom('partners').selectAll().where('id', '=', ids.warehouse!).executeTakeFirstOrThrow();
    expect(errorOf(await desk.call('partners.update', { id: ids.warehouse, partner: { ...warehouse, roles: [] } })).message).toBe('validation.input');
    expect(errorOf(await desk.call('partners.update', { id: ids.branch, partner: warehouse }))).toMatchObject({ code: 'CONFLICT', message: 'partner.duplicate' });
    expect(errorOf(await desk.call('partners.update', { id: ids.warehouse, partner: warehouse, endedOn: '2025-09-30' }))).toEqual({ code: 'VALIDATION', message: 'partner.endedBeforeContract', details: { path: 'endedOn' } });
    expect(errorOf(await desk.call('partners.update', { id: '00000000-0000-4000-8000-000000000000', partner: warehouse }))).toMatchObject({ code: 'NOT_FOUND', message: 'partner.notFound' });
    expect(await db().selectFrom('partners').selectAll().where('id', '=', ids.warehouse!).executeTakeFirstOrThrow()).toEqual(stored);
  });
});

describe('partners are ended, never deleted', () => {
  it('a change of details records the changed fields only', async () => {
    desk.clock.advanceMinutes(5);
    const changed = await desk.ok<Partner>('partners.update', { id: ids.adNetwork, partner: { ...adNetwork, contactName: 'Sam Ito', contactEmail: 'dpo@brightline-ads.example' } });
    expect(changed).toMatchObject({ contactName: 'Sam Ito', country: 'US', endedOn: null });
    expect(changed.updatedAt > changed.createdAt).toBe(true);
    expect(JSON.parse((await lastEvent('partners.update')).fields!)).toEqual(['contactName', 'contactEmail']);
  });

  it('an ended partner leaves the list, stays in the register, and is refused as a recipient from its end on', async () => {
    const ended = await desk.ok<Partner>('partners.update', { id: ids.branch, partner: { ...warehouse, address: '大阪府大阪市住之江区南港北1-5' }, endedOn: '2026-11-25' });
    expect(ended.endedOn).toBe('2026-11-25');
    expect(JSON.parse((await lastEvent('partners.update')).fields!)).toEqual(['endedOn']);
    expect((await desk.ok<{ rows: Partner[] }>('partners.list', { role: 'outsourcee' })).rows.map((p) => p.id)).toEqual([ids.warehouse]);
    expect((await desk.ok<{ rows: Partner[] }>('partners.list', { role: 'outsourcee', includeEnded: true })).rows.map((p) => p.id).sort()).toEqual([ids.warehouse, ids.branch].sort());

    await expect(requireActivePartner(db(), ids.branch!, '2026-11-25')).rejects.toMatchObject({ code: 'CONFLICT', key: 'partner.ended', details: { id: ids.branch, endedOn: '2026-11-25' } });
    // A provision made before the end was made to a partner then still active.
    await expect(requireActivePartner(db(), ids.branch!, '2026-11-24')).resolves.toMatchObject({ id: ids.branch });
    await expect(requireActivePartner(db(), '00000000-0000-4000-8000-000000000000', '2026-11-24')).rejects.toMatchObject({ code: 'NOT_FOUND', key: 'partner.notFound' });
  });

  it('a partner whose contract ends later is listed and active until that day', async () => {
    await desk.ok<Partner>('partners.update', { id: ids.adNetwork, partner: adNetwork, endedOn: '2027-03-31' });
    expect(await listed({ role: 'advertiser' })).toContain(adNetwork.name);
    await expect(requireActivePartner(db(), ids.adNetwork!, '2027-03-30')).resolves.toMatchObject({ id: ids.adNetwork });
    await expect(requireActivePartner(db(), ids.adNetwork!, '2027-03-31')).rejects.toMatchObject({ key: 'partner.ended' });
    // Taken back on: the end is cleared.
    expect((await desk.ok<Partner>('partners.update', { id: ids.adNetwork, partner: adNetwork, endedOn: null })).endedOn).toBeNull();
    await expect(requireActivePartner(db(), ids.adNetwork!, '2027-03-31')).resolves.toMatchObject({ id: ids.adNetwork });
  });

  it('there is no way to delete a partner', async () => {
    expect(Object.keys(api).filter((m) => m.startsWith('partners.')).sort()).toEqual(['partners.create', 'partners.list', 'partners.update']);
    expect(errorOf(await desk.call('partners.delete', { id: ids.warehouse }))).toEqual({ code: 'NOT_FOUND', message: 'method.unknown' });
  });

  it('a partner is referenced once a receipt names it, and ending it keeps it in the register', async () => {
    await desk.ok<CustomerRecord>('customers.create', { ...tanaka, receipt: { ...tanaka.receipt!, partnerId: ids.provider } });
    const rows = (await desk.ok<{ rows: Partner[] }>('partners.list', {})).rows;
    expect(Object.fromEntries(rows.map((p) => [p.id, p.referenced]))).toEqual({ [ids.adNetwork!]: false, [ids.provider!]: true, [ids.warehouse!]: false });
    const ended = await desk.ok<Partner>('partners.update', { id: ids.provider, partner: provider, endedOn: '2026-11-25' });
    expect(ended).toMatchObject({ referenced: true, endedOn: '2026-11-25' });
    expect((await desk.ok<{ rows: Partner[] }>('partners.list', { includeEnded: true })).rows.find((p) => p.id === ids.provider)).toMatchObject({ referenced: true, endedOn: '2026-11-25' });
  });
});

describe('who may see and keep the register', () => {
  it('staff may read it, not register, change or end a partner', async () => {
    await signInAs(desk, staffMember);
    const before = await countPartners();
    expect(await listed()).toEqual([adNetwork.name, warehouse.name]);
    expect(errorOf(await desk.call('partners.create', { ...adNetwork, name: 'Staff Pick Ads' }))).toMatchObject({ code: 'FORBIDDEN', message: 'auth.forbidden' });
    expect(errorOf(await desk.call('partners.update', { id: ids.warehouse, partner: warehouse, endedOn: '2026-11-25' }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await countPartners()).toBe(before);
    expect((await db().selectFrom('partners').select('ended_on').where('id', '=', ids.warehouse!).executeTakeFirstOrThrow()).ended_on).toBeNull();
  });

  it('the auditor may read it, ended partners included, and change nothing', async () => {
    await signInAs(desk, auditorPerson);
    expect((await desk.ok<{ rows: Partner[] }>('partners.list', { includeEnded: true })).rows).toHaveLength(4);
    expect(errorOf(await desk.call('partners.update', { id: ids.warehouse, partner: warehouse, endedOn: '2026-11-25' }))).toMatchObject({ code: 'FORBIDDEN' });
  });
});
