// Which customer field each CSV column holds: Japanese and English headers as shop systems write them, or the mapping the user chose.
import { DeskError } from '../../errors';

/** The fields a column can fill. Phones and e-mails may come from several columns; a consent column names its purpose. */
export const importFields = [
  'customerNo',
  'name',
  'nameKana',
  'nameRomaji',
  'birthDate',
  'postalCode',
  'prefecture',
  'city',
  'addressLine1',
  'addressLine2',
  'phone',
  'phone.mobile',
  'phone.home',
  'phone.work',
  'email',
  'card.brand',
  'card.last4',
  'card.expiry',
] as const;
export type FixedImportField = (typeof importFields)[number];
/** `consent.3.6`: the column says whether the customer consented to purpose 3.6. */
export type ImportField = FixedImportField | `consent.${string}`;
export type ColumnTarget = ImportField | 'ignore';

/** Fields that several columns may fill (電話番号1, 電話番号2, 携帯電話 ...). */
export function isRepeatable(field: ImportField): boolean {
  return field === 'email' || field.startsWith('phone');
}

/**
 * Headers are compared folded: NFKC (full-width letters, half-width kana), lower case, without spaces, brackets,
 * underscores, hyphens or middle dots, so that "E-mail", "ｅ_mail" and "Ｅメール" are the same header.
 */
export function foldHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-‐・･()（）[\]［］「」【】:：/／]/g, '');
}

const aliases: Record<FixedImportField, string[]> = {
  customerNo: ['顧客番号', '会員番号', '顧客id', '会員id', '顧客コード', 'お客様番号', 'customerno', 'customernumber', 'customerid', 'memberid', 'memberno', 'membernumber'],
  name: ['氏名', '名前', 'お名前', '顧客名', '氏名漢字', '姓名', 'name', 'fullname', 'customername'],
  nameKana: ['フリガナ', 'ふりがな', 'カナ', '氏名カナ', '氏名フリガナ', 'お名前フリガナ', 'お名前カナ', 'よみがな', '読み', 'namekana', 'kana', 'furigana', 'reading', 'namereading'],
  nameRomaji: ['ローマ字', '氏名ローマ字', 'ローマ字氏名', '氏名英字', 'romaji', 'nameromaji', 'namelatin', 'nameroman'],
  birthDate: ['生年月日', '誕生日', 'birthdate', 'dateofbirth', 'dob', 'birthday'],
  postalCode: ['郵便番号', '〒', 'postalcode', 'postcode', 'zip', 'zipcode'],
  prefecture: ['都道府県', '都道府県名', 'prefecture'],
  city: ['市区町村', '市区郡町村', '市町村', 'city'],
  addressLine1: ['住所1', '住所', '番地', '町名番地', 'address', 'address1', 'addressline1', 'street'],
  addressLine2: ['住所2', '建物名', '建物名部屋番号', 'マンション名', 'address2', 'addressline2', 'building'],
  phone: ['電話番号', '電話', 'tel', 'phone', 'phonenumber', 'telephone'],
  'phone.mobile': ['携帯電話', '携帯電話番号', '携帯番号', '携帯', 'mobile', 'mobilephone', 'cellphone', 'cell'],
  'phone.home': ['自宅電話', '自宅電話番号', '自宅', 'homephone', 'home'],
  'phone.work': ['勤務先電話', '勤務先電話番号', '会社電話番号', 'workphone', 'officephone'],
  email: ['メールアドレス', 'メール', 'eメール', 'eメールアドレス', 'email', 'mail', 'emailaddress', 'mailaddress'],
  'card.brand': ['カード会社', 'カードブランド', 'カード種別', 'カード種類', 'cardbrand', 'brand', 'cardcompany', 'cardtype'],
  'card.last4': ['カード下4桁', 'カード番号下4桁', '下4桁', 'cardlast4', 'last4', 'cardlastfour', 'lastfourdigits'],
  'card.expiry': ['有効期限', 'カード有効期限', 'cardexpiry', 'expiry', 'expires', 'expirationdate', 'expiration'],
};

const byAlias = new Map<string, FixedImportField>();
for (const [field, names] of Object.entries(aliases) as [FixedImportField, string[]][]) for (const n of names) byAlias.set(foldHeader(n), field);

/** 同意3.6, 同意（3.6）, consent 3.6, consent_3.6: a consent column for a purpose of the policy (§3.1–3.8). */
const consentHeader = /^(?:同意|consent)(\d+(?:\.\d+)*)$/;

/** The field a header names by itself, or null when the user has to say. */
export function fieldForHeader(header: string, purposeIds: ReadonlySet<string>): ImportField | null {
  const folded = foldHeader(header);
  const known = byAlias.get(folded);
  if (known) return known;
  // 電話番号2, メールアドレス1: numbered copies of a repeatable field.
  const numbered = byAlias.get(folded.replace(/\d+$/, ''));
  if (numbered && isRepeatable(numbered)) return numbered;
  const consent = consentHeader.exec(folded);
  if (consent && purposeIds.has(consent[1]!)) return `consent.${consent[1]!}`;
  return null;
}

export function isImportField(value: string, purposeIds: ReadonlySet<string>): value is ImportField {
  if ((importFields as readonly string[]).includes(value)) return true;
  return value.startsWith('consent.') && purposeIds.has(value.slice('consent.'.length));
}

export interface ColumnMapping {
  /** Per column, in the file's order: what it fills. */
  columns: (ColumnTarget | null)[];
  /** header → target, for the preview (and for the user to edit and send back). */
  mapping: Record<string, ColumnTarget>;
  /** Headers the desk could not place and the user did not map: the mapping step asks about them. */
  unknownHeaders: string[];
}

/**
 * Maps the columns, the user's choice first. A field that is not repeatable may come from one column only:
 * two "氏名" columns would make the desk choose which name is right, so it asks instead (a guessed second column
 * becomes unknown; a second column the user mapped is refused).
 */
export function mapColumns(headers: string[], explicit: Record<string, string> | undefined, purposeIds: ReadonlySet<string>): ColumnMapping {
  const columns: (ColumnTarget | null)[] = [];
  const mapping: Record<string, ColumnTarget> = {};
  const unknownHeaders: string[] = [];
  const taken = new Map<ImportField, string>();
  headers.forEach((header) => {
    const chosen = explicit?.[header];
    let target: ColumnTarget | null;
    if (chosen !== undefined) {
      if (chosen !== 'ignore' && !isImportField(chosen, purposeIds)) throw new DeskError('VALIDATION', 'import.mappingUnknownField', { header, field: chosen });
      target = chosen;
    } else target = fieldForHeader(header, purposeIds);
    if (target && target !== 'ignore' && !isRepeatable(target)) {
      const other = taken.get(target);
      if (other !== undefined) {
        if (chosen !== undefined) throw new DeskError('VALIDATION', 'import.mappingTwice', { field: target, headers: [other, header] });
        // Guessed twice ("住所" and "住所1"): the first keeps the field, the user says what the second is.
        target = null;
      } else taken.set(target, header);
    }
    columns.push(target);
    if (target) mapping[header] = target;
    else if (!unknownHeaders.includes(header)) unknownHeaders.push(header);
  });
  return { columns, mapping, unknownHeaders };
}

/** The fields every row needs (the customer record's required ones): without a column for one, no row can import. */
export const requiredFields: readonly FixedImportField[] = ['customerNo', 'name', 'nameKana', 'postalCode', 'prefecture', 'city', 'addressLine1'];

export function missingRequired(columns: (ColumnTarget | null)[]): FixedImportField[] {
  return requiredFields.filter((f) => !columns.includes(f));
}
