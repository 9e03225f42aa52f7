// Customer records as both sides speak of them (policy §1–3, issue #4): fixed lists and the shapes the core returns.

export const provenances = ['registration', 'partner'] as const;
export type Provenance = (typeof provenances)[number];

export const phoneKinds = ['mobile', 'home', 'work', 'other'] as const;
export const identifierKinds = ['cookie', 'device', 'advertising', 'ip', 'location'] as const;
export type IdentifierKind = (typeof identifierKinds)[number];
export const feedbackKinds = ['feedback', 'survey'] as const;
export const consentChannels = ['web', 'email', 'post', 'phone', 'counter', 'import'] as const;
export type ConsentChannel = (typeof consentChannels)[number];
export const consentStates = ['given', 'withdrawn'] as const;
export type ConsentState = (typeof consentStates)[number];
export const cardBrands = ['visa', 'mastercard', 'jcb', 'amex', 'diners', 'discover', 'unionpay', 'other'] as const;

/** Why a staff member asks to see a record in full (policy §4.2: need-to-know). */
export const revealReasonKinds = ['request', 'inquiry', 'correction', 'delivery', 'payment', 'other'] as const;
export type RevealReasonKind = (typeof revealReasonKinds)[number];

/** Policy §3.6: marketing and promotional material, only with the customer's prior approval (opt-in). */
export const marketingPurposeId = '3.6';

/** How search results can be ordered. Kana order is the index's own order, hence the default and the fastest. */
export const customerSorts = ['kana', 'customerNo'] as const;
export type CustomerSort = (typeof customerSorts)[number];
/** Counting stops here: the list shows "10,000+" (FACTS.md: an exact count of a common name costs a scan). */
export const searchCountCap = 10_000;

export const prefectures = [
  '北海道', '青森県', '岩手県', '宮城県', '秋田県', '山形県', '福島県', '茨城県', '栃木県', '群馬県', '埼玉県', '千葉県',
  '東京都', '神奈川県', '新潟県', '富山県', '石川県', '福井県', '山梨県', '長野県', '岐阜県', '静岡県', '愛知県', '三重県',
  '滋賀県', '京都府', '大阪府', '兵庫県', '奈良県', '和歌山県', '鳥取県', '島根県', '岡山県', '広島県', '山口県', '徳島県',
  '香川県', '愛媛県', '高知県', '福岡県', '佐賀県', '長崎県', '熊本県', '大分県', '宮崎県', '鹿児島県', '沖縄県',
] as const;

/** One line of a search result or a list. For staff, contact details are masked (see `masked`). */
export interface CustomerRow {
  id: string;
  customerNo: string;
  name: string;
  nameKana: string;
  /** Prefecture and city only: the list never shows street addresses. */
  area: string;
  /** Masked for staff (`090-****-5678`), full for the officer. */
  phone: string | null;
  /** Masked for staff (`y***@example.jp`), full for the officer. */
  email: string | null;
  masked: boolean;
}

export interface ReceiptRecord {
  id: string;
  partnerId: string | null;
  providerName: string;
  providerAddress: string;
  providerRepresentative: string;
  /** How the provider obtained the data (APPI Art. 30(1)(ii)). */
  obtainedHow: string;
  receivedOn: string;
  items: string;
  /** Kept at least 3 years (APPI Art. 30(4), rules Art. 23). */
  keepUntil: string;
}

export interface ConsentRecord {
  purposeId: string;
  state: ConsentState;
  /** The day given or withdrawn. */
  on: string;
  channel: ConsentChannel;
  policyVersion: number;
}

/** A whole record. With `masked: true` the contact details, address and date of birth are cut as §4.2 asks. */
export interface CustomerRecord {
  id: string;
  customerNo: string;
  name: string;
  nameKana: string;
  nameRomaji: string | null;
  /** `1985` when masked, `1985-04-12` in full. */
  birthDate: string | null;
  /** `150-****` when masked. */
  postalCode: string;
  prefecture: string;
  city: string;
  /** Null when masked. */
  addressLine1: string | null;
  addressLine2: string | null;
  provenance: Provenance;
  receipt: ReceiptRecord | null;
  phones: { number: string; kind: string }[];
  emails: { address: string }[];
  paymentMethods: { brand: string; last4: string; expiry: string }[];
  orders: { orderId: string; orderedOn: string; items: string; amount: number }[];
  identifiers: { kind: IdentifierKind; value: string; system: string; firstSeen: string | null; lastSeen: string | null }[];
  feedback: { kind: string; receivedOn: string; subject: string | null; text: string }[];
  consents: ConsentRecord[];
  /** Cessations in force (APPI Art. 35, issue #5): every list, export and provision check obeys them. */
  cessations: { scope: 'use' | 'provision' | 'purpose'; purposeId: string | null; since: string; requestId: string | null }[];
  /** Newest first: who changed which fields, when, and through which request. Never the values. */
  history: { at: string; actorId: string | null; actorName: string | null; action: string; fields: string[]; requestId: string | null }[];
  createdAt: string;
  updatedAt: string;
  masked: boolean;
}

export interface Purpose {
  id: string;
  titleJa: string;
  titleEn: string;
  descriptionJa: string;
  descriptionEn: string;
  /** Needs the customer's prior approval (3.6). */
  optIn: boolean;
}

export interface PolicyVersion {
  version: number;
  effectiveOn: string;
  createdAt: string;
}
