// The leak incident register through the desk: what staff record, whether the PPC must be told, who may see and change it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentDetail, IncidentRow } from '../../../../src-shared/registers';
import { auditorPerson, errorOf, signInAs, staffMember, type TestDesk } from '../../helpers/desk';
import { auditEvents, leak, record, setUpOffice, type Office } from './office';

let office: Office;
let desk: TestDesk;
const db = () => desk.core.desk.requireDb();
const incidentCount = async () => Number((await db().selectFrom('incidents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  office = await setUpOffice();
  desk = office.desk;
});
afterAll(async () => desk.dispose());

describe('staff record a leak and the desk says whether the PPC must be told', () => {
  it('a leak of card data of 1 person is reportable: numbered, with the deadlines counted from discovery', async () => {
    const incident = await record(desk, { categories: ['name', 'financial'], peopleCount: 1, customerIds: [office.customers.yamada.id] });
    expect(incident.number).toMatch(/^I-2026-\d{4}$/);
    expect(incident).toMatchObject({
      reportable: true,
      reportableBecause: ['financial'],
      discoveredAt: '2026-11-20T05:00:00.000Z',
      // Discovered on 20 November: preliminary by the 25th at the latest, final by 20 December.
      preliminaryDueOn: '2026-11-25',
      finalDueOn: '2026-12-20',
      // Today is the 25th: the preliminary report is due today.
      daysToNextReport: 0,
      state: 'open',
      people: [{ customerId: office.customers.yamada.id, customerNo: 'C-0001', notifiedAt: null }],
    });
    expect(incident.timeline.map((e) => [e.kind, e.note, e.actorName])).toEqual([
      ['created', null, staffMember.displayName],
      ['reportable', 'financial', staffMember.displayName],
    ]);
  });

  it('a leak of e-mail addresses of 900 people is not; 1,001 people is; 1,000 is not', async () => {
    const nine = await record(desk, { categories: ['contact'], peopleCount: 900 });
    expect(nine).toMatchObject({ reportable: false, reportableBecause: [], preliminaryDueOn: null, finalDueOn: null, daysToNextReport: null });
    const thousandOne = await record(desk, { categories: ['contact'], peopleCount: 1001 });
    expect(thousandOne).toMatchObject({ reportable: true, reportableBecause: ['overThreshold'], finalDueOn: '2026-12-20' });
    const thousand = await record(desk, { categories: ['contact'], peopleCount: 1000 });
    expect(thousand).toMatchObject({ reportable: false, reportableBecause: [] });
  });

  it('special care or a suspected unlawful purpose is reportable whatever the number; unlawful gives the final report 60 days', async () => {
    expect(await record(desk, { categories: ['specialCare'], peopleCount: 1 })).toMatchObject({ reportable: true, reportableBecause: ['specialCare'], finalDueOn: '2026-12-20' });
    const theft = await record(desk, { categories: ['purchaseHistory'], peopleCount: 2, unlawfulSuspected: true });
    expect(theft).toMatchObject({ reportable: true, reportableBecause: ['unlawful'], preliminaryDueOn: '2026-11-25', finalDueOn: '2027-01-19' });
  });

  it('the people are named by customer numbers too, and there may be more people than are known by name', async () => {
    const incident = await record(desk, { peopleCount: 120, customerNos: ['C-0003', 'C-0002'], customerIds: [office.customers.sato.id] });
    expect(incident.peopleCount).toBe(120);
    expect(incident.people.map((p) => p.customerNo)).toEqual(['C-0002', 'C-0003']);
  });

  it('an unknown customer number is refused with its place in the list, and nothing is stored', async () => {
    const before = await incidentCount();
    const refused = errorOf(await desk.call('incidents.create', leak({ peopleCount: 3, customerNos: ['C-0001', 'C-0404', 'C-0002'] })));
    expect(refused).toMatchObject({ code: 'VALIDATION', message: 'incident.unknownCustomer', details: { path: 'customerNos.1', index: 1 } });
    const unknownId = errorOf(await desk.call('incidents.create', leak({ customerIds: ['7b0e2b1e-3c1a-4f7e-9a55-2f1d8c1c0a01'] })));
    expect(unknownId).toMatchObject({ code: 'VALIDATION', message: 'incident.unknownCustomer', details: { path: 'customerIds.0' } });
    expect(await incidentCount()).toBe(before);
  });

  it('facts that cannot be are refused: fewer people than are known, a discovery tomorrow, an occurrence after the discovery, a card number in the summary', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ peopleCount: 1, customerNos: ['C-0001', 'C-0002'] }, 'incident.peopleCountBelowKnown', 'peopleCount'],
      [{ discoveredAt: '2026-11-26T09:00:00+09:00' }, 'incident.discoveredInFuture', 'discoveredAt'],
      [{ occurredAt: '2026-11-21T09:00:00+09:00' }, 'incident.occurredAfterDiscovery', 'occurredAt'],
      [{ summary: 'カード番号 4111 1111 1111 1111 を含むファイルが流出' }, 'card.number', 'summary'],
    ];
    for (const [overrides, message, path] of cases) {
      expect(errorOf(await desk.call('incidents.create', leak(overrides)))).toMatchObject({ code: 'VALIDATION', message, details: { path } });
    }
  });
});

describe('the facts change as they become known', () => {
  it('each change is a timeline event naming the fields, and the reportability and deadlines follow the new facts', async () => {
    const incident = await record(desk, { categories: ['contact'], peopleCount: 900, cause: '委託先担当者の宛先確認漏れ' });
    const more = await desk.ok<IncidentDetail>('incidents.update', { id: incident.id, facts: { peopleCount: 1500 } });
    expect(more).toMatchObject({ reportable: true, reportableBecause: ['overThreshold'], finalDueOn: '2026-12-20', cause: '委託先担当者の宛先確認漏れ' });

    const attack = await desk.ok<IncidentDetail>('incidents.update', {
      id: incident.id,
      facts: { unlawfulSuspected: true, discoveredAt: '2026-11-18T10:00:00+09:00', measures: '該当サーバーを隔離しました。' },
    });
    expect(attack).toMatchObject({ reportableBecause: ['unlawful', 'overThreshold'], preliminaryDueOn: '2026-11-23', finalDueOn: '2027-01-17', daysToNextReport: -2 });
    // Left out, the cause stays as it was written.
    expect(attack.cause).toBe('委託先担当者の宛先確認漏れ');

    const fewer = await desk.ok<IncidentDetail>('incidents.update', { id: incident.id, facts: { peopleCount: 40, unlawfulSuspected: false } });
    expect(fewer).toMatchObject({ reportable: false, preliminaryDueOn: null, daysToNextReport: null });

    expect(fewer.timeline.map((e) => [e.kind, e.note])).toEqual([
      ['created', null],
      ['factsChanged', 'peopleCount'],
      ['reportable', 'overThreshold'],
      ['factsChanged', 'discoveredAt, unlawfulSuspected, measures'],
      ['reportable', 'unlawful, overThreshold'],
      ['factsChanged', 'peopleCount, unlawfulSuspected'],
      ['notReportable', null],
    ]);
    // Given empty, the measures are cleared (a wrong entry taken back); the cause, left out, stays.
    const cleared = await desk.ok<IncidentDetail>('incidents.update', { id: incident.id, facts: { measures: '' } });
    expect(cleared).toMatchObject({ measures: '', cause: '委託先担当者の宛先確認漏れ' });
  });

  it('the known people can be replaced, and a change that changes nothing adds nothing to the timeline', async () => {
    const incident = await record(desk, { peopleCount: 2, customerNos: ['C-0001'] });
    const changed = await desk.ok<IncidentDetail>('incidents.update', { id: incident.id, facts: { customerNos: ['C-0002', 'C-0003'] } });
    expect(changed.people.map((p) => p.customerNo)).toEqual(['C-0002', 'C-0003']);
    expect(changed.timeline.at(-1)).toMatchObject({ kind: 'factsChanged', note: 'people' });
    const same = await desk.ok<IncidentDetail>('incidents.update', { id: incident.id, facts: { peopleCount: 2, customerIds: [office.customers.sato.id, office.customers.yamamoto.id] } });
    expect(same.timeline).toHaveLength(changed.timeline.length);
    expect(errorOf(await desk.call('incidents.update', { id: incident.id, facts: { peopleCount: 1 } }))).toMatchObject({ code: 'VALIDATION', message: 'incident.peopleCountBelowKnown' });
    expect(errorOf(await desk.call('incidents.update', { id: incident.id }))).toMatchObject({ code: 'VALIDATION', message: 'incident.nothingToChange' });
  });
});

describe('who may see and change the register', () => {
  it('the register lists counts and the office’s own summary, never who was affected; one incident shows them as customer numbers', async () => {
    const incident = await record(desk, { peopleCount: 2, customerIds: [office.customers.yamada.id, office.customers.sato.id] });
    const { rows } = await desk.ok<{ rows: IncidentRow[] }>('incidents.list', {});
    const row = rows.find((r) => r.id === incident.id)!;
    expect(row).toMatchObject({ number: incident.number, summary: incident.summary, peopleCount: 2 });
    expect(row).not.toHaveProperty('people');
    const listed = JSON.stringify(rows);
    for (const c of Object.values(office.customers)) {
      expect(listed).not.toContain(c.name);
      expect(listed).not.toContain(c.customerNo);
    }
    const detail = await desk.ok<IncidentDetail>('incidents.get', { id: incident.id });
    expect(detail.people.map((p) => p.customerNo)).toEqual(['C-0001', 'C-0002']);
    expect(JSON.stringify(detail)).not.toContain(office.customers.yamada.name);
  });

  it('the auditor may read the register but not write to it', async () => {
    const incident = await record(desk, { categories: ['financial'] });
    await signInAs(desk, auditorPerson);
    expect((await desk.ok<{ rows: IncidentRow[] }>('incidents.list', {})).rows.map((r) => r.id)).toContain(incident.id);
    expect((await desk.ok<IncidentDetail>('incidents.get', { id: incident.id })).number).toBe(incident.number);
    expect(errorOf(await desk.call('incidents.create', leak()))).toMatchObject({ code: 'FORBIDDEN', message: 'auth.forbidden' });
    expect(errorOf(await desk.call('incidents.update', { id: incident.id, note: '監査で確認' }))).toMatchObject({ code: 'FORBIDDEN' });
    expect((await desk.ok<IncidentDetail>('incidents.get', { id: incident.id })).timeline).toHaveLength(2);
    await signInAs(desk, staffMember);
  });

  it('the audit trail holds ids, field names, counts and the rules that apply: no names, no summary, no notes', async () => {
    const summary = '倉庫で顧客台帳（紙）1冊の紛失が判明しました。';
    const note = '山田様より電話で問い合わせあり';
    const incident = await record(desk, { summary, categories: ['name', 'address', 'specialCare'], peopleCount: 2, customerIds: [office.customers.yamada.id, office.customers.sato.id] });
    await desk.ok('incidents.update', { id: incident.id, facts: { cause: '保管庫の施錠漏れ' }, note });
    await desk.ok('incidents.get', { id: incident.id });
    const events = await auditEvents(desk, incident.id);
    expect(events.map((e) => [e.action, e.target_type, e.outcome])).toEqual([
      ['incidents.create', 'incident', 'ok'],
      ['incidents.update', 'incident', 'ok'],
      ['incidents.get', 'incident', 'ok'],
    ]);
    expect(JSON.parse(events[0]!.fields!)).toEqual(['discoveredAt', 'summary', 'categories', 'peopleCount', 'unlawfulSuspected', 'customerIds']);
    expect(JSON.parse(events[0]!.details!)).toEqual({
      number: incident.number,
      categories: ['name', 'address', 'specialCare'],
      peopleCount: 2,
      knownPeople: 2,
      unlawfulSuspected: false,
      reportableBecause: ['specialCare'],
    });
    expect(JSON.parse(events[1]!.fields!)).toEqual(['cause', 'note']);
    const trail = JSON.stringify(events);
    for (const secret of [summary, note, '保管庫の施錠漏れ', office.customers.yamada.name, office.customers.sato.name, 'C-0001', 'yamada.taro@example.jp']) {
      expect(trail).not.toContain(secret);
    }
  });
});
