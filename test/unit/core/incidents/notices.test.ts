// Telling the people affected (APPI Art. 26(2)): an .eml per person with an e-mail address, letters counted for the rest.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { simpleParser, type AddressObject } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentDetail } from '../../../../src-shared/registers';
import { auditorPerson, errorOf, officer, signInAs, staffMember, type TestDesk } from '../../helpers/desk';
import { auditEvents, record, setUpOffice, type Office } from './office';

let office: Office;
let desk: TestDesk;
const outbox = () => join(desk.exportsDir, 'outbox');
const emlFiles = () => (existsSync(outbox()) ? readdirSync(outbox()).filter((f) => f.endsWith('.eml')) : []);
const addressOf = (a: AddressObject | AddressObject[] | undefined) => (Array.isArray(a) ? a[0] : a)?.value[0]?.address;

beforeAll(async () => {
  office = await setUpOffice();
  desk = office.desk;
});
afterAll(async () => desk.dispose());

describe('notifying the people affected', () => {
  it('writes an .eml per person with an e-mail address, with a Japanese subject naming the incident and the manager-in-charge in the body, and counts those without', async () => {
    const { yamada, sato, tanaka } = office.customers;
    const incident = await record(desk, {
      summary: '決済代行会社のサーバーへの不正アクセスにより、カード情報が閲覧された可能性があります。',
      categories: ['name', 'financial'],
      peopleCount: 3,
      unlawfulSuspected: true,
      cause: '決済代行会社のシステムの脆弱性',
      measures: '該当システムを停止し、カード会社へ不正利用の監視を依頼しました。',
      customerIds: [yamada.id, sato.id, tanaka.id],
    });
    const before = emlFiles().length;
    const notified = await desk.ok<IncidentDetail>('incidents.update', { id: incident.id, notifyPeople: {} });

    const written = emlFiles().slice(before);
    expect(written).toHaveLength(2);
    for (const file of written) expect(file).toMatch(new RegExp(`^${incident.number}-notice-\\d{8}-\\d{6}-\\d{4}\\.eml$`));

    const mails = await Promise.all(notified.notices.filter((n) => n.emlFile).map(async (n) => ({ notice: n, mail: await simpleParser(readFileSync(n.emlFile!)) })));
    expect(mails.map(({ mail }) => addressOf(mail.to)).sort()).toEqual(['hanako.sato@example.com', 'yamada.taro@example.jp']);
    for (const { notice, mail } of mails) {
      expect(mail.subject).toBe(`【${incident.number}】個人情報の漏えい等に関するお知らせとお詫び`);
      expect(mail.subject).toBe(notice.subject);
      expect(addressOf(mail.from)).toBe(officer.manager.email);
      const text = mail.text ?? '';
      expect(text).toContain(`事案番号: ${incident.number}`);
      expect(text).toContain('判明した日: 2026年11月20日');
      expect(text).toContain(incident.summary);
      expect(text).toContain('クレジットカード番号・口座情報等の決済に関する情報');
      expect(text).toContain('該当システムを停止し');
      expect(text).toContain('カード会社・金融機関へご連絡ください');
      expect(text).toContain(`個人情報保護管理者　${officer.manager.name}`);
      expect(text).toContain(officer.manager.email);
      expect(text).toContain(officer.manager.phone);
    }
    const toYamada = mails.find(({ mail }) => addressOf(mail.to) === 'yamada.taro@example.jp')!;
    expect(toYamada.mail.text).toMatch(/^山田 太郎 様/);
    expect(toYamada.notice.customerNo).toBe('C-0001');
    // The file's name says which incident, never whom.
    expect(basename(toYamada.notice.emlFile!)).not.toMatch(/C-0001|yamada/i);

    // Tanaka gave no e-mail address: her notice is kept for a letter, and she is not yet told.
    expect(notified.notices.find((n) => n.customerNo === 'C-0004')).toMatchObject({ recipient: null, emlFile: null });
    expect(notified.people.map((p) => [p.customerNo, p.notifiedAt])).toEqual([
      ['C-0001', desk.clock.now.toISOString()],
      ['C-0002', desk.clock.now.toISOString()],
      ['C-0004', null],
    ]);
    expect(notified.timeline.at(-1)).toMatchObject({ kind: 'peopleNotified', note: 'emailed=2 withoutEmail=1 unreachable=0', actorName: staffMember.displayName });
    const letter = await desk.core.desk.requireDb().selectFrom('incident_notices').select(['body']).where('incident_id', '=', incident.id).where('customer_no', '=', 'C-0004').executeTakeFirstOrThrow();
    expect(letter.body).toMatch(/^田中 美咲 様/);

    // The audit trail counts; it names no address, no person and says nothing of the text.
    const event = (await auditEvents(desk, incident.id)).at(-1)!;
    expect(JSON.parse(event.fields!)).toEqual(['notices']);
    expect(JSON.parse(event.details!)).toEqual({ number: incident.number, notices: { language: 'ja', emailed: 2, withoutEmail: 1, unreachable: 0 }, reportableBecause: ['financial', 'unlawful'] });
    expect(JSON.stringify(event)).not.toMatch(/example\.(jp|com)|山田|田中|C-000/);
  });

  it('in English on request; notifying again reaches only people added since, and never twice', async () => {
    const { yamada, yamamoto } = office.customers;
    const incident = await record(desk, { categories: ['contact', 'credentials'], peopleCount: 2, customerIds: [yamada.id] });
    const first = await desk.ok<IncidentDetail>('incidents.update', { id: incident.id, notifyPeople: { language: 'en' } });
    const mail = await simpleParser(readFileSync(first.notices[0]!.emlFile!));
    expect(mail.subject).toBe(`[${incident.number}] Notice and apology: an incident involving your personal information`);
    expect(mail.text).toContain('Dear 山田 太郎,');
    expect(mail.text).toContain('Discovered on: 20 November 2026');
    expect(mail.text).toContain('your login ID and password');
    expect(mail.text).toContain('we recommend that you change it');
    expect(mail.text).toContain(`Manager-in-charge of personal information: ${officer.manager.name}`);

    expect(errorOf(await desk.call('incidents.update', { id: incident.id, notifyPeople: {} }))).toMatchObject({ code: 'CONFLICT', message: 'incident.nobodyToNotify' });
    // Someone already told stays on the incident: the notice must keep saying whom it was about.
    expect(errorOf(await desk.call('incidents.update', { id: incident.id, facts: { customerIds: [yamamoto.id] } }))).toMatchObject({ code: 'CONFLICT', message: 'incident.personNotified' });

    await desk.ok('incidents.update', { id: incident.id, facts: { customerIds: [yamada.id, yamamoto.id] } });
    const second = await desk.ok<IncidentDetail>('incidents.update', { id: incident.id, notifyPeople: {} });
    expect(second.notices.map((n) => [n.customerNo, n.recipient])).toEqual([
      ['C-0001', 'yamada.taro@example.jp'],
      ['C-0003', 'ichiro@example.org'],
    ]);
    expect(second.people.every((p) => p.notifiedAt !== null)).toBe(true);
  });

  it('the auditor sees whom the notices went to only masked, and cannot write them', async () => {
    const incident = await record(desk, { peopleCount: 1, customerIds: [office.customers.sato.id] });
    await desk.ok('incidents.update', { id: incident.id, notifyPeople: {} });
    await signInAs(desk, auditorPerson);
    const seen = await desk.ok<IncidentDetail>('incidents.get', { id: incident.id });
    expect(seen.notices.map((n) => n.recipient)).toEqual(['h***@example.com']);
    expect(errorOf(await desk.call('incidents.update', { id: incident.id, notifyPeople: {} }))).toMatchObject({ code: 'FORBIDDEN' });
    await signInAs(desk, staffMember);
  });
});
