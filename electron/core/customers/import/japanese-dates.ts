// Reading the dates shop systems write: Western (2023-04-01, 2023/4/1, 2023年4月1日) and Japanese era (令和5年4月1日, R5.4.1).
// Our own small table: the one npm package for eras (@smarthr/wareki) formats dates and does not parse them.

interface Era {
  name: string;
  letter: string;
  /** First day of the era (as used here), in the Gregorian calendar. */
  start: string;
  /** Last day of the era; null for the current one. */
  end: string | null;
}

/**
 * Each era starts on the day after the previous one ends (the change of emperor). 明治 starts here on 1873-01-01,
 * not 1868-10-23: until 明治5年 Japan used the lunisolar calendar, whose month and day are not the Gregorian ones,
 * so an earlier 明治 date cannot be converted without a table we have no use for (nobody alive was born then).
 */
export const eras: readonly Era[] = [
  { name: '明治', letter: 'M', start: '1873-01-01', end: '1912-07-29' },
  { name: '大正', letter: 'T', start: '1912-07-30', end: '1926-12-24' },
  { name: '昭和', letter: 'S', start: '1926-12-25', end: '1989-01-07' },
  { name: '平成', letter: 'H', start: '1989-01-08', end: '2019-04-30' },
  { name: '令和', letter: 'R', start: '2019-05-01', end: null },
];

/** The Gregorian year of an era's first year (元年): 明治 counts from 1868 though we take its dates only from 1873. */
const firstYear: Record<string, number> = { 明治: 1868, 大正: 1912, 昭和: 1926, 平成: 1989, 令和: 2019 };

export type DateResult = { ok: true; date: string } | { ok: false; reason: 'import.dateInvalid' | 'import.dateOutsideEra' };

const sep = '\\s*[-/.]\\s*';
// Excel often writes a date cell as "2023/4/1 0:00": a time part is allowed and dropped.
const time = '(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2})?)?';
const western = new RegExp(`^(\\d{4})(?:${sep}(\\d{1,2})${sep}(\\d{1,2})|\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日)${time}$`);
const compact = /^(\d{4})(\d{2})(\d{2})$/;
const eraNames = eras.map((e) => e.name).join('|');
const eraLetters = eras.map((e) => e.letter).join('');
const japanese = new RegExp(
  `^(${eraNames}|[${eraLetters}${eraLetters.toLowerCase()}])\\s*(元|\\d{1,2})(?:\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日|${sep}(\\d{1,2})${sep}(\\d{1,2}))${time}$`,
);

/**
 * A date as YYYY-MM-DD, or why not. NFKC first: it turns full-width digits into ASCII and the one-character era
 * signs (㍻, ㋿ ...) into their two kanji.
 */
export function parseDate(text: string): DateResult {
  const value = text.normalize('NFKC').trim();
  let m = western.exec(value);
  if (m) return gregorian(Number(m[1]), Number(m[2] ?? m[4]), Number(m[3] ?? m[5]));
  m = compact.exec(value);
  if (m) return gregorian(Number(m[1]), Number(m[2]), Number(m[3]));
  m = japanese.exec(value);
  if (m) {
    const era = eras.find((e) => e.name === m![1] || e.letter === m![1]!.toUpperCase())!;
    const eraYear = m[2] === '元' ? 1 : Number(m[2]);
    if (eraYear < 1) return { ok: false, reason: 'import.dateInvalid' };
    const result = gregorian(firstYear[era.name]! + eraYear - 1, Number(m[3] ?? m[5]), Number(m[4] ?? m[6]));
    if (!result.ok) return result;
    // 平成31年5月1日 or 昭和64年1月8日 name days that the era never had.
    if (result.date < era.start || (era.end !== null && result.date > era.end)) return { ok: false, reason: 'import.dateOutsideEra' };
    return result;
  }
  return { ok: false, reason: 'import.dateInvalid' };
}

/** Refuses 2023-02-30 and 2023-13-01 instead of letting Date roll them over into March or the next year. */
function gregorian(year: number, month: number, day: number): DateResult {
  if (year < 1 || month < 1 || month > 12 || day < 1) return { ok: false, reason: 'import.dateInvalid' };
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return { ok: false, reason: 'import.dateInvalid' };
  return { ok: true, date: `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

/**
 * A card's expiry as YYYY-MM: "12/27" (as printed on the card), "2027/12", "2027-12", "12/2027", "2027年12月".
 * A two-digit year is this century's: cards are valid for a few years, never for decades.
 */
export function parseExpiry(text: string): string | null {
  const value = text.normalize('NFKC').trim();
  let year: number;
  let month: number;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{1,2})\s*\/\s*(\d{2}|\d{4})$/.exec(value))) {
    month = Number(m[1]);
    year = m[2]!.length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
  } else if ((m = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*月?$/.exec(value))) {
    year = Number(m[1]);
    month = Number(m[2]);
  } else return null;
  if (month < 1 || month > 12 || year < 2000 || year > 2099) return null;
  return `${year}-${String(month).padStart(2, '0')}`;
}
