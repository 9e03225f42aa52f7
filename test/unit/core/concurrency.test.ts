// The window loads several things at once: calls that arrive together wait their turn on the one connection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asOfficer, setUpDesk, type TestDesk } from '../helpers/desk';

let desk: TestDesk;
beforeAll(async () => {
  desk = await setUpDesk();
  await asOfficer(desk);
});
afterAll(async () => desk.dispose());

describe('calls that arrive together', () => {
  it('all succeed, reads and writes alike, and each is recorded once', async () => {
    const before = (await desk.ok<{ total: number }>('audit.search', { pageSize: 1 })).total;
    const results = await Promise.all([
      desk.call('settings.get'),
      desk.call('statements.templates'),
      desk.call('accounts.list'),
      desk.call('settings.update', { idleLockMinutes: 12 }),
      desk.call('statements.due'),
      desk.call('settings.update', { idleLockMinutes: 13 }),
      desk.call('audit.status'),
    ]);
    expect(results.map((r) => r.ok)).toEqual(results.map(() => true));
    const after = await desk.ok<{ total: number; rows: { action: string }[] }>('audit.search', { pageSize: 10 });
    // Two settings changes; the reads of this test are not personal data and record nothing.
    expect(after.total - before).toBe(2);
    expect((await desk.ok<{ chain: { valid: boolean } }>('audit.status')).chain.valid).toBe(true);
  });
});
