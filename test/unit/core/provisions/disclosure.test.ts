// A customer's disclosure package (#5, APPI Art. 33(5)) lists the records of provision and receipt about them.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DisclosureContent } from '../../../../electron/core/disclosures/package';
import type { CustomerRecord } from '../../../../src-shared/customers';
import type { Partner, ProvisionDetail } from '../../../../src-shared/registers';
import type { DisclosurePackage } from '../../../../src-shared/requests';
import { tanaka } from '../../../fixtures/customers';
import { asOfficer, signInAs, staffMember, type TestDesk } from '../../helpers/desk';
import { intake, propose, register, verifyIdentity } from '../disclosures/steps';
import { addPartner, advertiser, deliveryAbroad, openOffice, police, pdfText, printingDesk } from './office';

let desk: TestDesk;
let ad: Partner;
let abroad: Partner;
let station: Partner;
let tanakaId: string;
let consentGiven: ProvisionDetail;
let combined: ProvisionDetail;
let pkg: DisclosurePackage;


beforeAll(async () => {
  desk = printingDesk();
  await openOffice(desk, [staffMember]);
  ad = await addPartner(desk, advertiser);
  abroad = await addPartner(desk, deliveryAbroad);
  station = await addPartner(desk, police);
  // Tanaka came to us from a mail-order company (a record of receipt, APPI Art. 30).
  tanakaId = (await desk.ok<CustomerRecord>('customers.create', tanaka)).id;

  await signInAs(desk, staffMember);
  await desk.ok('provisionConsents.record', { customerId: tanakaId, partnerRole: 'advertiser', givenOn: '2026-09-10', channel: 'web' });
  await desk.ok('provisionConsents.record', { customerId: tanakaId, partnerId: abroad.id, countries: ['US'], givenOn: '2026-09-12', channel: 'email' });
  consentGiven = await desk.ok<ProvisionDetail>('provisions.create', { partnerId: ad.id, providedOn: '2026-10-01', items: '氏名、メールアドレス', basis: 'consent', customerIds: [tanakaId] });
  combined = await desk.ok<ProvisionDetail>('provisions.create', {
    partnerId: abroad.id,
    providedOn: '2026-10-05',
    lastProvidedOn: '2026-11-20',
    items: '広告識別子',
    basis: 'consent',
    customerIds: [tanakaId],
  });
  // A police inquiry about the same person, approved: no record the law asks for, and telling could hinder an investigation.
  const inquiry = await desk.ok<ProvisionDetail>('provisions.create', {
    partnerId: station.id,
    providedOn: '2026-11-24',
    items: '氏名、住所、注文履歴',
    basis: 'publicInstitution',
    justification: '捜査関係事項照会書（刑事訴訟法第197条第2項）による照会',
    customerIds: [tanakaId],
  });
  await asOfficer(desk);
  await desk.ok('provisions.approveException', { id: inquiry.id, decision: 'approve' });

  // The person asks for disclosure: the real #5 flow, staff register and check the licence, the officer approves.
  await signInAs(desk, staffMember);
  const request = await register(desk, intake({ kind: 'disclosure', customerId: tanakaId, requester: { name: '田中 美咲', email: 'misaki.tanaka@example.net' } }));
  await verifyIdentity(desk, request.id);
  const proposalId = await propose(desk, { requestId: request.id, kind: 'disclose' });
  await asOfficer(desk);
  await desk.ok('proposals.decide', { id: proposalId, decision: 'approve' });
  await signInAs(desk, staffMember);
  pkg = await desk.ok<DisclosurePackage>('disclosures.build', { requestId: request.id });
}, 180_000);
afterAll(async () => desk.dispose());

describe("a customer's disclosure package", () => {
  it('lists the provisions made with their consent and the receipt their record came with, in the JSON', () => {
    const json = JSON.parse(readFileSync(pkg.jsonFile, 'utf8')) as DisclosureContent;
    expect(json.provisionRecords.note).toContain('次のとおり');
    expect(json.provisionRecords.records).toEqual([
      {
        number: consentGiven.number,
        providedOn: '2026-10-01',
        lastProvidedOn: null,
        recipientName: '株式会社アドネット',
        recipientAddress: '東京都港区六本木1-1-1',
        recipientRepresentative: '代表取締役 青木 一郎',
        recipientCountry: 'JP',
        items: '氏名、メールアドレス',
        basis: 'consent',
        consentGivenOn: '2026-09-10',
        keepUntil: '2029-10-01',
      },
      expect.objectContaining({ number: combined.number, providedOn: '2026-10-05', lastProvidedOn: '2026-11-20', recipientCountry: 'US', consentGivenOn: '2026-09-12', keepUntil: '2029-11-20' }),
    ]);
    // The police inquiry is not a record the person may ask for (APPI Art. 29(1) proviso, 33(5)).
    expect(JSON.stringify(json.provisionRecords)).not.toContain('警察');
    expect(json.receiptRecords).toEqual([
      {
        providerName: '株式会社サンプル通販',
        providerAddress: '東京都千代田区丸の内1-1-1',
        providerRepresentative: '代表取締役 鈴木 一',
        obtainedHow: '同社の会員登録時に本人から取得（第三者提供への同意あり）',
        receivedOn: '2026-09-01',
        items: '氏名、フリガナ、住所、電話番号、メールアドレス',
        keepUntil: '2029-09-01',
      },
    ]);
    expect(json.receiptRecord).toEqual(json.receiptRecords[0]);
    expect(json.changeHistory.filter((h) => h.fields.includes('provisionConsents')).map((h) => h.action)).toEqual(['consent.given', 'consent.given']);
  });

  it('and in the PDF: recipients, countries, items, the consent relied on, and the provider of the receipt', () => {
    const words = pdfText(pkg.pdfFile);
    for (const expected of [
      '第三者提供に関する記録',
      '株式会社アドネット',
      'Pacific Ad Delivery Inc.',
      '広告識別子',
      'ご本人の同意',
      '（2026年9月10日）',
      '2026年10月5日〜',
      '第三者からの受領に関する記録',
      '株式会社サンプル通販',
      '第三者提供への同意',
    ]) {
      expect(words, expected).toContain(expected);
    }
    expect(words).not.toContain('警察署');
    expect(words).not.toContain('記録されていません');
  });
});
