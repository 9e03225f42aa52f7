// The screen benchmark's own parts: the queries it types are ones the desk finds, and dropped frames are counted by the slots lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseQueries } from '../../../electron/cli/bench/screen-queries';
import { countFrames, frameSlotMs } from '../../../electron/cli/bench/screen-figures';
import { demoCustomer, random } from '../../../electron/cli/demo/generate';
import { rebuildSearchIndex } from '../../../electron/core/customers/search-index';
import { searchCustomers } from '../../../electron/core/customers/search-page';
import { insertCustomers } from '../../../electron/core/customers/store';
import { customerInput } from '../../../src-shared/api/customer-input';
import { asOfficer, setUpDesk, type TestDesk } from '../helpers/desk';

describe('frames of a scroll', () => {
  const steady = (n: number, from = 0) => Array.from({ length: n }, (_, i) => from + i * frameSlotMs);

  it('a scroll drawn every 16.7 ms drops nothing, even with the jitter of a real display', () => {
    const frames = steady(180).map((t, i) => t + (i % 3) * 2);
    expect(countFrames(frames)).toMatchObject({ frames: 180, dropped: 0 });
  });

  it('a 100 ms freeze counts the five frame slots nobody saw, a 30 ms hitch one', () => {
    const before = steady(10);
    const afterFreeze = steady(10, before.at(-1)! + 100);
    const afterHitch = steady(10, afterFreeze.at(-1)! + 30);
    const counted = countFrames([...before, ...afterFreeze, ...afterHitch]);
    expect(counted.dropped).toBe(5 + 1);
    expect(counted.longestMs).toBeCloseTo(100, 5);
    expect(counted.frames).toBe(30);
  });
});

describe('what the screen bench types', () => {
  let desk: TestDesk;
  beforeAll(async () => {
    desk = await setUpDesk();
    await asOfficer(desk);
    const rng = random(3);
    const actor = { accountId: desk.core.desk.session!.accountId, now: desk.clock.now };
    const inputs = Array.from({ length: 200 }, (_, i) => customerInput.parse(demoCustomer(i, rng, { receiptIds: [], today: '2026-11-25' })));
    await desk.core.desk.transaction(async (tx) => {
      await insertCustomers(tx, inputs, actor, { index: false });
      await rebuildSearchIndex(tx);
    });
  });
  afterAll(async () => desk.dispose());

  it('each query is one the desk finds (kanji, kana, romaji, phone, e-mail, number), and the no-match finds nobody', async () => {
    const db = desk.core.desk.requireDb();
    const queries = await chooseQueries(db, 20, 11);
    expect(queries).toHaveLength(20);
    expect(new Set(queries.map((q) => q.kind)).size).toBe(10);
    for (const query of queries) {
      const found = await searchCustomers(db, query.text, { offset: 0, limit: 1, sort: 'kana' });
      if (query.kind === 'no match') expect(found.total, query.text).toBe(0);
      else expect(found.total, `${query.kind}: ${query.text}`).toBeGreaterThan(0);
    }
  });

  it('Japanese is composed from its kana reading, as an input method does, and the same seed types the same queries', async () => {
    const db = desk.core.desk.requireDb();
    const queries = await chooseQueries(db, 10, 5);
    for (const q of queries.filter((q) => q.reading)) expect(q.reading).toMatch(/^[\u3041-\u309f\s]+$/u);
    expect(queries.find((q) => q.kind === 'surname (romaji)')?.reading).toBeUndefined();
    expect(await chooseQueries(db, 10, 5)).toEqual(queries);
  });
});
