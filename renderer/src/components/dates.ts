// Dates and times as the desk shows them: in the machine's local time (Japan: Asia/Tokyo), in the person's language.

/** "2026/11/25 14:03" (ja) or "11/25/2026, 14:03" (en), with seconds when asked. */
export function formatDateTime(iso: string | null | undefined, language: string, seconds = false): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
    hourCycle: 'h23',
  }).format(date);
}

export function formatTime(iso: string | null | undefined, language: string): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/** A calendar day (YYYY-MM-DD, no time zone) as "2026/11/25" or "11/25/2026". */
export function formatDay(day: string | null | undefined, language: string): string {
  if (!day) return '';
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return new Intl.DateTimeFormat(language, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
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
