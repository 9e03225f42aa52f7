// Business days as the privacy office counts a request's due date: Saturdays, Sundays and Japan's public holidays skipped.
import holidayJp from '@holiday-jp/holiday_jp';
import { addDays } from '../dates';

/** Days are YYYY-MM-DD calendar days; the weekday is taken in UTC so the workstation's time zone cannot shift it. */
function weekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

/**
 * Holidays come from the maintained table of @holiday-jp (national holidays, substitute holidays and citizens'
 * holidays, as the Cabinet Office publishes them); looked up by key, not through `isHoliday`, which scans the table.
 */
export function isHoliday(day: string): boolean {
  return Object.hasOwn(holidayJp.holidays, day);
}

export function isBusinessDay(day: string): boolean {
  const w = weekday(day);
  return w !== 0 && w !== 6 && !isHoliday(day);
}

/** The n-th business day after `day` (the day itself does not count, as a request received today starts tomorrow). */
export function addBusinessDays(day: string, n: number): string {
  let current = day;
  for (let left = n; left > 0; ) {
    current = addDays(current, 1);
    if (isBusinessDay(current)) left--;
  }
  return current;
}

/**
 * The business days from `from` to `to`: the business days after `from` up to and including `to`, negative when `to`
 * is before `from`. 0 on the due date itself; -1 one business day after it.
 */
export function businessDaysBetween(from: string, to: string): number {
  if (from === to) return 0;
  const [start, end, sign] = from < to ? [from, to, 1] : [to, from, -1];
  let count = 0;
  for (let current = addDays(start, 1); current <= end; current = addDays(current, 1)) if (isBusinessDay(current)) count++;
  return count === 0 ? 0 : sign * count;
}
