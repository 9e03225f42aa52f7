// Dates and times as the desk shows them: in the machine's local time (Japan: Asia/Tokyo), in the person's language and date style.
import type { DateStyle } from '../../../src-shared/preferences';
import { currentDateStyle } from './date-style';

/** "2026年11月25日 14:03" (ja), "Nov 25, 2026, 14:03" (en), or with the era; with seconds when asked. */
export function formatDateTime(iso: string | null | undefined, language: string, seconds = false): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const time = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', ...(seconds ? { second: '2-digit' } : {}), hourCycle: 'h23' }).format(date);
  // The calendar day on this machine (Japan: Asia/Tokyo), printed as a day is.
  const day = formatCalendarDay(date.getFullYear(), date.getMonth() + 1, date.getDate(), language, currentDateStyle());
  return isJapanese(language) ? `${day} ${time}` : `${day}, ${time}`;
}

/** "14:03": the 24-hour clock, as Japanese offices write times. */
export function formatTime(iso: string | null | undefined, language: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
}

/** A calendar day (YYYY-MM-DD, no time zone) as "2026年11月25日", "令和8年11月25日" or "Nov 25, 2026". */
export function formatDay(day: string | null | undefined, language: string, style: DateStyle = currentDateStyle()): string {
  if (!day) return '';
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return formatCalendarDay(y, m, d, language, style);
}

function isJapanese(language: string): boolean {
  return language.startsWith('ja');
}

function formatCalendarDay(y: number, m: number, d: number, language: string, style: DateStyle): string {
  const date = new Date(Date.UTC(y, m - 1, d));
  const day = { year: 'numeric', month: isJapanese(language) ? 'long' : 'short', day: 'numeric', timeZone: 'UTC' } as const;
  if (isJapanese(language)) {
    // ICU writes the first year of an era as 元年 (令和元年5月1日), as Japanese official documents do.
    return new Intl.DateTimeFormat(style === 'era' ? 'ja-JP-u-ca-japanese' : 'ja-JP', { ...day, ...(style === 'era' ? { era: 'long' } : {}) }).format(date);
  }
  const western = new Intl.DateTimeFormat('en-US', day).format(date);
  if (style === 'western') return western;
  // "Nov 25, 8 Reiwa" alone reads oddly in English: the era follows the western date for the reader who wants it.
  const parts = new Intl.DateTimeFormat('en-US-u-ca-japanese', { era: 'long', year: 'numeric', timeZone: 'UTC' }).formatToParts(date);
  const era = parts.find((p) => p.type === 'era')?.value;
  const year = parts.find((p) => p.type === 'year')?.value;
  return era && year ? `${western} (${era} ${year})` : western;
}

/** Today on this machine's calendar, as YYYY-MM-DD. */
export function today(): string {
  return localDay(new Date());
}

export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The same day a year later (29 February becomes 28 February), as the core's default renewal date. */
export function addYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(y + years, m - 1, d);
  if (date.getMonth() !== m - 1) date.setDate(0);
  return localDay(date);
}

/** The start of a local calendar day as an ISO instant with this machine's offset (what the audit search takes). */
export function startOfDayIso(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).toISOString();
}

/** The start of the day after: "to" an end date includes the whole of that day. */
export function endOfDayIso(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + 1).toISOString();
}
