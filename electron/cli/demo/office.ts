// The demo desk's day-to-day records, made through the desk's own calls: partners, the company's systems, requests in
// several states, a provision with its consent check, and a leak incident, so every register has something to show.
import sharp from 'sharp';
import type { Core } from '../../core/core';
import { addDays, localDay } from '../../core/dates';

export type Must = <T>(core: Core, method: string, input: unknown) => Promise<T>;

/** A plain card picture for the demo ID copy: nobody's document. */
async function demoLicence(): Promise<string> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="856" height="540"><rect width="856" height="540" rx="28" fill="#eaf4e4"/>
    <rect width="856" height="70" rx="28" fill="#7fb069"/><text x="36" y="50" font-size="32" fill="#fff">DEMO LICENCE</text>
    <rect x="600" y="110" width="210" height="270" fill="#9aa5b1"/><rect x="36" y="420" width="500" height="50" fill="#cbd2d9"/></svg>`;
  return (await sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer()).toString('base64');
}

/**
 * Run by the officer, after the customers exist. `switchTo` signs in as another demo account (the staff member
 * proposes, the officer decides: four eyes). False, with nothing recorded, on a desk of fewer than six customers.
 */
export async function seedOffice(core: Core, must: Must, switchTo: (who: 'officer' | 'staff') => Promise<void>): Promise<boolean> {
  const today = localDay(core.desk.now());
  const { rows } = await must<{ rows: { id: string; customerNo: string; name: string }[] }>(core, 'customers.search', { query: '', pageSize: 8 });
  if (rows.length < 6) return false;

  const partner = (name: string, roles: string[], country = 'JP') => ({
    name,
    address: country === 'JP' ? '東京都港区芝公園1-1-1' : '1 Market Street, San Francisco, CA',
    representative: '代表取締役 山本 一',
    roles,
    country,
    contractFrom: '2024-04-01',
    securityMeasures: '個人データの取扱いに関する覚書（安全管理措置・再委託の禁止・事故時の報告）を締結済み',
    contactName: '個人情報窓口',
    contactEmail: 'privacy@partner.example.jp',
  });
  const advertiser = await must<{ id: string }>(core, 'partners.create', partner('株式会社デモ広告', ['advertiser', 'adDeliveryDestination']));
  await must(core, 'partners.create', partner('株式会社デモ物流', ['outsourcee']));
  await must(core, 'partners.create', partner('Demo Analytics Inc.', ['serviceProvider'], 'US'));
  await must(core, 'systems.save', { name: '受注管理システム', key: 'order', ownerName: 'EC運営部 井上', ownerContact: 'order-admin@example.co.jp', holdsEveryCustomer: true });
  await must(core, 'systems.save', { name: 'メール配信システム', key: 'mail-delivery', ownerName: 'マーケティング部 森', ownerContact: 'mail-admin@example.co.jp', holdsEveryCustomer: false });

  // A provision to the advertiser: five customers consented to advertisers, the sixth did not and is left out.
  for (const c of rows.slice(0, 5)) {
    await must(core, 'provisionConsents.record', { customerId: c.id, partnerRole: 'advertiser', givenOn: today, channel: 'web' });
  }
  await must(core, 'provisions.create', { partnerId: advertiser.id, providedOn: today, items: '氏名、メールアドレス、購入履歴（直近1年）', basis: 'consent', customerIds: rows.slice(0, 6).map((c) => c.id) });

  const ask = (kind: string, customer: { id: string; name: string }, receivedOn: string) => ({
    kind,
    channel: 'email',
    receivedOn,
    requesterKind: 'person',
    requester: { name: customer.name, email: 'requester@example.jp' },
    asked: kind === 'disclosure' ? '保有している私の個人情報を開示してください。' : '登録内容の住所を訂正してください。',
    ...(kind === 'disclosure' ? { disclosureForm: 'electronic' } : {}),
    customerId: customer.id,
  });
  // Just received; overdue (received six weeks ago); and one waiting for the officer's decision.
  await must(core, 'requests.create', ask('disclosure', rows[0]!, today));
  await must(core, 'requests.create', ask('correction', rows[1]!, addDays(today, -42)));
  const waiting = await must<{ id: string }>(core, 'requests.create', ask('disclosure', rows[2]!, addDays(today, -3)));
  const attached = await must<{ idCopies: { id: string }[] }>(core, 'idcopies.attach', {
    requestId: waiting.id,
    documentType: 'driversLicence',
    image: { mediaType: 'image/jpeg', dataBase64: await demoLicence() },
    redactions: [{ x: 0.04, y: 0.77, width: 0.6, height: 0.1 }],
  });
  await must(core, 'idcopies.verify', { id: attached.idCopies[0]!.id, nameMatches: true, addressMatches: true, birthDateMatches: true, result: 'verified' });
  await switchTo('staff');
  await must(core, 'proposals.create', { requestId: waiting.id, kind: 'disclose', note: '本人確認済み。開示資料の作成を提案します。' });
  await switchTo('officer');

  // A leak found yesterday: card data of one person, reportable, the preliminary report due in days.
  await must(core, 'incidents.create', {
    discoveredAt: new Date(core.desk.now().getTime() - 24 * 3600_000).toISOString(),
    summary: '決済代行会社への連携ファイルに、1名分のカード情報（下4桁以外）が誤って含まれていた。',
    categories: ['financial', 'name'],
    peopleCount: 1,
    unlawfulSuspected: false,
    cause: '連携ファイル作成手順の変更時の確認漏れ',
    measures: '連携先に削除を依頼し、削除証明を受領予定',
    customerIds: [rows[3]!.id],
  });
  return true;
}
