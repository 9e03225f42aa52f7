// Why an imported row was refused, in Japanese and English: the rejected-rows file and the import screen read the same words.

/** Per reason key: the text for one cell's problem. Keys from the customer schema (email.format ...) and the import's own (import.*). */
export const importReasonTexts: Record<string, { ja: string; en: string }> = {
  'import.cardNumber': {
    ja: 'カード番号と思われる数字があるため取り込みません（この欄は空欄にしています。カード番号は保存できません）',
    en: 'looks like a full card number, so the row was not imported (the cell is left blank here; the desk never keeps card numbers)',
  },
  'import.dateInvalid': { ja: '日付として読めないか、存在しない日付です', en: 'not a date, or a date that does not exist' },
  'import.dateOutsideEra': { ja: 'その元号にない日付です', en: 'the era did not include that day' },
  'import.dateFuture': { ja: '未来の日付です', en: 'a date in the future' },
  'import.consentMark': { ja: '同意の有無が読み取れません（1/0、はい/いいえ、または同意日）', en: 'cannot tell whether this is consent (1/0, yes/no, or the date of consent)' },
  'import.columnCount': { ja: '列の数が見出し行と合いません', en: 'the row has a different number of cells than the header' },
  'import.cardIncomplete': { ja: 'カード情報はカード会社・下4桁・有効期限をそろえてください', en: 'card details need the brand, the last four digits and the expiry together' },
  'import.customerNoExists': { ja: 'この顧客番号の顧客はすでに登録されています', en: 'a customer with this customer number already exists' },
  'import.customerNoRepeated': { ja: '同じ顧客番号がファイル内の前の行にあります', en: 'the same customer number is on an earlier row of the file' },
  'birthDate.range': { ja: '生年月日が1900年より前です', en: 'a date of birth before 1900' },
  'import.tooManyValues': { ja: '値が多すぎます', en: 'too many values' },
  required: { ja: '入力が必要です', en: 'required' },
  tooLong: { ja: '長すぎます', en: 'too long' },
  'kana.format': { ja: 'カナ（ふりがな）で入力してください', en: 'must be written in kana' },
  'romaji.format': { ja: 'ローマ字で入力してください', en: 'must be written in Latin letters' },
  'date.format': { ja: '日付として読めないか、存在しない日付です', en: 'not a date, or a date that does not exist' },
  'postalCode.format': { ja: '郵便番号は7桁の数字です', en: 'a postal code has seven digits' },
  'phone.format': { ja: '電話番号の形式ではありません', en: 'not a phone number' },
  'email.format': { ja: 'メールアドレスの形式ではありません', en: 'not an e-mail address' },
  'prefecture.unknown': { ja: '都道府県名ではありません', en: 'not a prefecture' },
  'customerNo.format': { ja: '顧客番号は英数字とハイフンです', en: 'a customer number has letters, digits and hyphens only' },
  'card.brand': { ja: 'カード会社が読み取れません', en: 'unknown card brand' },
  'card.last4': { ja: 'カード下4桁は4桁の数字です', en: 'the last four digits must be four digits' },
  'card.expiry': { ja: '有効期限が読み取れません（例: 12/27）', en: 'cannot read the expiry (e.g. 12/27)' },
  'card.number': {
    ja: 'カード番号と思われる数字があるため取り込みません（カード番号は保存できません）',
    en: 'looks like a full card number, so the row was not imported (the desk never keeps card numbers)',
  },
};

const fallback = { ja: '値が正しくありません', en: 'invalid value' };

export interface RowProblem {
  /** The row as a spreadsheet numbers it: the header is row 1. */
  row: number;
  /** 1-based column number, and its header; null for a problem of the whole row. */
  column: number | null;
  header: string | null;
  reason: string;
}

/** One line for a refused row: each problem with the column it is in, e.g. 「生年月日」: 存在しない日付です. */
export function describeProblems(problems: readonly Pick<RowProblem, 'header' | 'reason'>[], language: 'ja' | 'en'): string {
  return problems
    .map((p) => {
      const text = (importReasonTexts[p.reason] ?? fallback)[language];
      if (p.header === null) return text;
      return language === 'ja' ? `「${p.header}」: ${text}` : `"${p.header}": ${text}`;
    })
    .join(language === 'ja' ? '／' : '; ');
}
