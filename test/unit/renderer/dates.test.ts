// The dates and numbers a Japanese office reads every day: 2026年11月25日, the era when the person asks for it, 1,000円.
import { afterEach, describe, expect, it } from 'vitest';
import { formatDateTime, formatDay, formatTime } from '../../../renderer/src/components/dates';
import { currentDateStyle, setDateStyle } from '../../../renderer/src/components/date-style';
import { formatCount, formatPercent, formatYen } from '../../../renderer/src/components/numbers';

afterEach(() => setDateStyle('western'));

describe('a calendar day on screen', () => {
  it('is written as the Japanese office writes it, and as an English reader expects', () => {
    expect(formatDay('2026-11-25', 'ja')).toBe('2026年11月25日');
    expect(formatDay('2026-11-25', 'en')).toBe('Nov 25, 2026');
    expect(formatDay('2026-01-05', 'ja')).toBe('2026年1月5日');
  });

  it('follows the era style chosen at sign-in, across the change of era on 1 May 2019', () => {
    setDateStyle('era');
    expect(currentDateStyle()).toBe('era');
    expect(formatDay('2026-11-25', 'ja')).toBe('令和8年11月25日');
    expect(formatDay('2019-04-30', 'ja')).toBe('平成31年4月30日');
    // The first year of an era is 元年 on official documents, and ICU writes it so.
    expect(formatDay('2019-05-01', 'ja')).toBe('令和元年5月1日');
    expect(formatDay('2020-01-01', 'ja')).toBe('令和2年1月1日');
    // In English the western date stays first, the era beside it.
    expect(formatDay('2026-11-25', 'en')).toBe('Nov 25, 2026 (Reiwa 8)');
  });

  it('can be asked for one style whatever the person chose (a legal document that must say the western year)', () => {
    setDateStyle('era');
    expect(formatDay('2026-11-25', 'ja', 'western')).toBe('2026年11月25日');
  });

  it('leaves an empty day empty and shows a malformed one as it came', () => {
    expect(formatDay(null, 'ja')).toBe('');
    expect(formatDay('1985', 'ja')).toBe('1985');
  });
});

describe('a moment on screen', () => {
  // The machine's own time zone decides the day and the hour; the test builds the moment in local time.
  const local = new Date(2026, 10, 25, 14, 3, 9).toISOString();

  it('is the day and a 24-hour time', () => {
    expect(formatTime(local, 'ja')).toBe('14:03');
    expect(formatTime(local, 'en')).toBe('14:03');
    expect(formatDateTime(local, 'ja')).toBe('2026年11月25日 14:03');
    expect(formatDateTime(local, 'en')).toBe('Nov 25, 2026, 14:03');
    expect(formatDateTime(local, 'ja', true)).toBe('2026年11月25日 14:03:09');
  });

  it('follows the era style too', () => {
    setDateStyle('era');
    expect(formatDateTime(local, 'ja')).toBe('令和8年11月25日 14:03');
  });
});

describe('counts and fees', () => {
  it('are written with separators, 件 and 円 in Japanese, ¥ in English', () => {
    expect(formatCount(1234, 'ja')).toBe('1,234件');
    expect(formatCount(1234, 'en')).toBe('1,234');
    expect(formatYen(1000, 'ja')).toBe('1,000円');
    expect(formatYen(1000, 'en')).toBe('¥1,000');
    expect(formatPercent(0.925, 'ja')).toBe('92.5%');
  });
});
