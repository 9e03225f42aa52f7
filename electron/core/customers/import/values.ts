// Cleaning single cells the way shop exports write them: full-width digits, 〒 postal codes, phone numbers, prefectures, card brands, consent marks.
import { cardBrands, prefectures } from '../../../../src-shared/customers';

/** Dashes people and IMEs type for a hyphen; the long-vowel mark ー too, since it is what a kana IME gives. */
const dashes = /[‐‑‒–—―−ー－﹣]/g;

/** 〒150-0001, １５００００１, 150 0001 → 150-0001; null when it is not seven digits. */
export function normalisePostalCode(value: string): string | null {
  const digits = value.normalize('NFKC').replace(/^\s*〒\s*/, '').replace(dashes, '-').replace(/[\s-]/g, '');
  return /^\d{7}$/.test(digits) ? `${digits.slice(0, 3)}-${digits.slice(3)}` : null;
}

/**
 * A Japanese phone number with hyphens: ０９０-１２３４-５６７８, 090 1234 5678, 03(1234)5678, +81 90-1234-5678.
 * Mobile and free-dial numbers have one grouping, so a bare 09012345678 gets its hyphens; other numbers keep the
 * grouping given, because a landline's area code has 1 to 5 digits and only a table of them could place the hyphen.
 * Null when it cannot be a phone number.
 */
export function normalisePhone(value: string): string | null {
  let v = value.normalize('NFKC').trim().replace(dashes, '-');
  v = v.replace(/^\+81[\s-]*\(?0?\)?/, '0').replace(/\(\s*/g, '-').replace(/\s*\)/g, '-').replace(/\s+/g, '-');
  v = v.replace(/-+/g, '-').replace(/^-|-$/g, '');
  if (!/^\+?[\d-]+$/.test(v)) return null;
  const digits = v.replace(/\D/g, '');
  if (v.startsWith('+')) return digits.length >= 8 && digits.length <= 15 ? `+${digits}` : null;
  // Landlines and free dial have 10 digits; mobile and IP phones (050/070/080/090) have 11.
  if (!/^0\d{9,10}$/.test(digits) || /^0[5789]0/.test(digits) !== (digits.length === 11)) return null;
  if (v.includes('-')) return v;
  if (/^0[5789]0\d{8}$/.test(digits)) return `${digits.slice(0, 3)}-${digits.slice(3, 7)}-${digits.slice(7)}`;
  if (/^0120\d{6}$/.test(digits)) return `${digits.slice(0, 4)}-${digits.slice(4, 7)}-${digits.slice(7)}`;
  return digits;
}

/** Mobile prefixes (070/080/090): a number in a plain "電話番号" column that is a mobile one is stored as such. */
export function phoneKindOf(number: string, fromHeader: 'mobile' | 'home' | 'work' | null): 'mobile' | 'home' | 'work' | 'other' {
  if (fromHeader) return fromHeader;
  return /^0[789]0-?\d{4}-?\d{4}$/.test(number) ? 'mobile' : 'other';
}

/** An e-mail address with full-width ＠ and letters folded, and the domain in lower case (the local part is the owner's). */
export function normaliseEmail(value: string): string {
  const v = value.normalize('NFKC').trim();
  const at = v.lastIndexOf('@');
  return at < 0 ? v : v.slice(0, at + 1) + v.slice(at + 1).toLowerCase();
}

/** 東京 → 東京都, 大阪 → 大阪府, 神奈川 → 神奈川県: shop systems often drop the suffix. Null when not a prefecture. */
export function normalisePrefecture(value: string): string | null {
  const v = value.normalize('NFKC').trim();
  if ((prefectures as readonly string[]).includes(v)) return v;
  return prefectures.find((p) => p !== '北海道' && p.slice(0, -1) === v) ?? null;
}

type CardBrand = (typeof cardBrands)[number];
const brandNames: [RegExp, CardBrand][] = [
  [/^(visa|ビザ)$/, 'visa'],
  [/^(master|mastercard|master card|マスター|マスターカード)$/, 'mastercard'],
  [/^(jcb|ジェーシービー)$/, 'jcb'],
  [/^(amex|american express|americanexpress|アメックス|アメリカンエキスプレス|アメリカン・エキスプレス)$/, 'amex'],
  [/^(diners|diners club|dinersclub|ダイナース|ダイナースクラブ)$/, 'diners'],
  [/^(discover|ディスカバー)$/, 'discover'],
  [/^(unionpay|union pay|銀聯|銀联|ぎんれん)$/, 'unionpay'],
];

/** The brand as the desk lists it; a brand it does not list is "other", not a reason to refuse the row. */
export function normaliseCardBrand(value: string): CardBrand {
  const v = value.normalize('NFKC').trim().toLowerCase();
  return brandNames.find(([re]) => re.test(v))?.[1] ?? 'other';
}

/** Four digits, full-width allowed; "****1234" as some exports mask it. */
export function normaliseLast4(value: string): string | null {
  const v = value.normalize('NFKC').trim().replace(/^[*＊xX•●\s-]+/, '');
  return /^\d{4}$/.test(v) ? v : null;
}

/** Marks that mean "consented" and "did not"; a date means consented on that day (handled by the caller). */
const yes = new Set(['1', 'y', 'yes', 'true', 'on', 'はい', '同意', '同意する', '同意済', '同意済み', '有', 'あり', '可', '○', '◯', '〇', '済']);
const no = new Set(['0', 'n', 'no', 'false', 'off', 'いいえ', '同意しない', '不同意', '拒否', '無', 'なし', '不可', '×', '✕', '-']);

export function consentMark(value: string): 'yes' | 'no' | null {
  const v = value.normalize('NFKC').trim().toLowerCase();
  if (yes.has(v)) return 'yes';
  if (no.has(v)) return 'no';
  return null;
}
