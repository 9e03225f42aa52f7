// The report's period: a calendar month (last month by default) or any range of days, as the screen and its links name it.

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-10` → the first and the last day of that month. */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${pad(last)}` };
}

/** The month before today's, on this machine's calendar: management reports look back at a finished month. */
export function lastMonth(today: Date = new Date()): string {
  const d = new Date(today.getFullYear(), today.getMonth() - 1, 1);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}`;
}

/** The months to choose from, newest first: two years back covers the annual report and the one before it. */
export function recentMonths(today: Date = new Date(), count = 24): string[] {
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(today.getFullYear(), today.getMonth() - i, 1);
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}`;
  });
}

/** "2026年10月" or "October 2026". */
export function monthLabel(month: string, language: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  if (language.startsWith('ja')) return `${y}年${m}月`;
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** The whole month a range covers exactly, if it does (for the file name and the month picker). */
export function wholeMonthOf(range: { from: string; to: string }): string | null {
  const month = range.from.slice(0, 7);
  const whole = monthRange(month);
  return whole.from === range.from && whole.to === range.to ? month : null;
}

/** The name the export would use, offered in the save dialog: `report-2026-10` or `report-2026-10-01_2026-11-15`. */
export function reportName(range: { from: string; to: string }): string {
  const month = wholeMonthOf(range);
  return month ? `report-${month}` : `report-${range.from}_${range.to}`;
}
