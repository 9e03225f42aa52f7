// The privacy office of the retention tests: four and a half years of customers, requests and provision records, the
// clock moved through them, so that some have outlived their retention periods by 25 November 2026 and some have not.
import { randomUUID } from 'node:crypto';
import type { CustomerInput } from '../../../../src-shared/api/customer-input';
import type { CustomerRecord } from '../../../../src-shared/customers';
import type { RequestDetail } from '../../../../src-shared/requests';
import { addYears } from '../../../../electron/core/dates';
import { sato, tanaka, yamada, yamamoto } from '../../../fixtures/customers';
import { addAccount, asOfficer, makeDesk, officer, staffMember, type TestDesk } from '../../helpers/desk';

/** Yamada in 2022: came from a partner (his receipt record is kept 3 years, until 2025-05-01), ordered once, consented once. */
export const yamada2022: CustomerInput = {
  ...yamada,
  provenance: 'partner',
  receipt: {
    providerName: '株式会社サンプル通販',
    providerAddress: '東京都千代田区丸の内1-1-1',
    providerRepresentative: '代表取締役 鈴木 一',
    obtainedHow: '同社の会員登録時に本人から取得（第三者提供への同意あり）',
    receivedOn: '2022-05-01',
    items: '氏名、住所、電話番号、メールアドレス',
  },
  orders: [{ orderId: 'ORD-2022-000101', orderedOn: '2022-05-08', items: '緑茶ティーバッグ 2箱', amount: 1980 }],
  identifiers: [{ kind: 'ip', value: '203.0.113.42', system: 'アクセスログ', firstSeen: '2022-05-01', lastSeen: '2022-05-08' }],
  feedback: [{ kind: 'survey', receivedOn: '2022-05-09', text: '配送が早くて助かりました。' }],
  consents: [{ purposeId: '3.1', on: '2022-05-08', channel: 'web' }],
};
export const sato2022: CustomerInput = { ...sato, orders: [{ orderId: 'ORD-2022-000102', orderedOn: '2022-05-09', items: 'ほうじ茶 1袋', amount: 880 }] };
export const tanaka2022: CustomerInput = { ...tanaka, provenance: 'registration', receipt: undefined };
/** A customer of last autumn: active. */
export const suzuki2025: CustomerInput = {
  customerNo: 'C-0005',
  name: '鈴木 一郎',
  nameKana: 'スズキ イチロウ',
  postalCode: '060-0001',
  prefecture: '北海道',
  city: '札幌市中央区',
  addressLine1: '北一条西2-1',
  provenance: 'registration',
  phones: [{ number: '011-222-3333', kind: 'home' }],
  emails: [{ address: 'ichiro.suzuki@example.jp' }],
  orders: [{ orderId: 'ORD-2025-004711', orderedOn: '2025-10-01', items: '抹茶 1缶', amount: 2400 }],
};

export interface RetentionOffice {
  desk: TestDesk;
  officerId: string;
  customers: Record<'yamada' | 'sato' | 'yamamoto' | 'tanaka' | 'suzuki', string>;
  /** Yamamoto's refused request of 2022 (closed long ago) and Suzuki's withdrawn one of 2025. */
  oldRequest: RequestDetail;
  recentRequest: RequestDetail;
  /** Yamamoto's request of this week, still open. */
  openRequest: RequestDetail;
  /** Provision records: of 2022 (kept until 2025-06-01) naming Yamada, and of 2024 (kept until 2027-06-01) naming Tanaka. */
  provisions: { old: string; kept: string };
}

/** Moves the clock to a local time in Japan and signs the officer in again (months away, the idle lock has long fired). */
export async function officerAt(desk: TestDesk, isoJst: string): Promise<void> {
  desk.clock.now = new Date(isoJst);
  await asOfficer(desk);
}

/**
 * A provision record as the provision register keeps it (APPI Art. 29): kept 3 years from the provision. Written
 * straight into the table, so the retention story does not hang on the provision screens' own rules.
 */
async function recordProvision(office: Pick<RetentionOffice, 'desk' | 'officerId'>, partnerId: string, number: string, providedOn: string, customers: { id: string; no: string }[]): Promise<string> {
  const db = office.desk.core.desk.requireDb();
  const id = randomUUID();
  const at = office.desk.clock.now.toISOString();
  await db
    .insertInto('provisions')
    .values({
      id,
      number,
      partner_id: partnerId,
      provided_on: providedOn,
      last_provided_on: null,
      items: '氏名、住所',
      basis: 'consent',
      justification: null,
      state: 'recorded',
      keep_until: addYears(providedOn, 3),
      recorded_at: at,
      recorded_by: office.officerId,
      decided_at: null,
      decided_by: null,
      rejection_reason: null,
    })
    .execute();
  for (const c of customers) await db.insertInto('provision_customers').values({ provision_id: id, customer_id: c.id, customer_no: c.no, consent_id: null }).execute();
  // Someone left out of the provision for want of consent: the exclusion goes with the record.
  await db.insertInto('provision_exclusions').values({ provision_id: id, customer_no: 'C-0002', reason: 'noConsent' }).execute();
  return id;
}

export async function setUpRetentionOffice(): Promise<RetentionOffice> {
  const desk = makeDesk();
  desk.clock.now = new Date('2022-05-10T10:00:00+09:00');
  await desk.ok('setup.createOfficer', officer);
  await addAccount(desk, staffMember);
  const officerId = desk.core.desk.session!.accountId;
  const create = async (c: CustomerInput) => (await desk.ok<CustomerRecord>('customers.create', c)).id;
  const customers = { yamada: await create(yamada2022), sato: await create(sato2022), yamamoto: await create(yamamoto), tanaka: await create(tanaka2022), suzuki: '' };

  // Yamamoto asked for a correction in 2022, with a comment quoting him; it was refused and he was told why.
  const asked = await desk.ok<RequestDetail>('requests.create', {
    kind: 'correction',
    channel: 'phone',
    receivedOn: '2022-05-10',
    requesterKind: 'person',
    requester: { name: '山本 一郎', email: 'ichiro@example.org', phone: '052-123-4567' },
    asked: '住所を栄2-1-1から栄3-3-3に直してください。山本一郎',
    customerId: customers.yamamoto,
  });
  await desk.ok('requests.comment', { id: asked.id, text: '山本一郎様より052-123-4567で再度お電話あり。' });
  const oldRequest = await desk.ok<RequestDetail>('requests.transition', { id: asked.id, to: 'refused', ground: 'identityNotVerified', note: '山本一郎様の本人確認書類が届かなかったため' });

  await officerAt(desk, '2022-06-01T10:00:00+09:00');
  const db = desk.core.desk.requireDb();
  const partnerId = randomUUID();
  await db
    .insertInto('partners')
    .values({
      id: partnerId,
      name: '株式会社アドネット',
      address: '東京都港区芝公園4-2-8',
      representative: '代表取締役 高田 誠',
      roles: JSON.stringify(['advertiser']),
      country: 'JP',
      contract_from: '2022-04-01',
      contract_to: null,
      security_measures: '個人データの取扱いに関する覚書を締結',
      contact_name: '営業部 石井',
      contact_email: 'ishii@adnet.example.co.jp',
      contact_phone: null,
      ended_on: null,
      created_at: desk.clock.now.toISOString(),
      created_by: officerId,
      updated_at: desk.clock.now.toISOString(),
    })
    .execute();
  const old = await recordProvision({ desk, officerId }, partnerId, 'P-2022-0001', '2022-06-01', [{ id: customers.yamada, no: 'C-0001' }]);
  await officerAt(desk, '2024-06-01T10:00:00+09:00');
  const kept = await recordProvision({ desk, officerId }, partnerId, 'P-2024-0001', '2024-06-01', [{ id: customers.tanaka, no: 'C-0004' }]);

  await officerAt(desk, '2025-10-01T10:00:00+09:00');
  customers.suzuki = await create(suzuki2025);
  const suzukiAsked = await desk.ok<RequestDetail>('requests.create', {
    kind: 'disclosure',
    channel: 'email',
    receivedOn: '2025-10-01',
    requesterKind: 'person',
    requester: { name: '鈴木 一郎', email: 'ichiro.suzuki@example.jp' },
    asked: '保有個人データの開示を求めます。鈴木一郎',
    customerId: customers.suzuki,
  });
  const recentRequest = await desk.ok<RequestDetail>('requests.transition', { id: suzukiAsked.id, to: 'withdrawn', note: '鈴木一郎様より取り下げの連絡' });

  await officerAt(desk, '2026-11-24T10:00:00+09:00');
  const openRequest = await desk.ok<RequestDetail>('requests.create', {
    kind: 'disclosure',
    channel: 'email',
    receivedOn: '2026-11-24',
    requesterKind: 'person',
    requester: { name: '山本 一郎', email: 'ichiro@example.org' },
    asked: '保有個人データの開示を求めます。',
    customerId: customers.yamamoto,
  });
  await officerAt(desk, '2026-11-25T10:00:00+09:00');
  return { desk, officerId, customers, oldRequest, recentRequest, openRequest, provisions: { old, kept } };
}
