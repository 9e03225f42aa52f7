// Appending to the audit chain skips reading the head when it knows it, and never links an event to the wrong one:
// after a rolled-back call, and with two desks open in one process, every chain still verifies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendEvent, headAppendedIn, verifyChain } from '../../../../electron/core/audit/chain';
import { captureStatements } from '../../../../electron/cli/bench/raw';
import { asOfficer, makeDesk, officer, setUpDesk, type TestDesk } from '../../helpers/desk';

let first: TestDesk;
let second: TestDesk;
beforeAll(async () => {
  first = await setUpDesk();
  second = makeDesk();
  await second.ok('setup.createOfficer', { ...officer, loginId: 'second-officer' });
  await second.ok('auth.login', { loginId: 'second-officer', password: officer.password });
  await asOfficer(first);
});
afterAll(async () => {
  await first.dispose();
  await second.dispose();
});

const event = (action: string) => ({ at: new Date().toISOString(), action, outcome: 'ok' as const });

describe('the audit chain as calls append to it', () => {
  it('a call that appends and then rolls back leaves no trace, and the next event links to the last one that stayed', async () => {
    const before = await verifyChain(first.core.desk.requireDb());
    await expect(
      first.core.desk.transaction(async (tx) => {
        await appendEvent(tx, event('test.rolledBack'));
        throw new Error('the call fails after its event');
      }),
    ).rejects.toThrow('the call fails after its event');
    await first.ok('customers.search', { query: '佐藤' });
    const after = await verifyChain(first.core.desk.requireDb());
    expect(after).toMatchObject({ valid: true, events: (before.valid ? before.events : 0) + 1 });
  });

  it('two desks open in one process keep two chains, each whole', async () => {
    for (let i = 0; i < 3; i++) {
      await first.ok('customers.search', { query: '山田' });
      await second.core.desk.transaction((tx) => appendEvent(tx, event('test.second')));
    }
    expect(await verifyChain(first.core.desk.requireDb())).toMatchObject({ valid: true });
    expect(await verifyChain(second.core.desk.requireDb())).toMatchObject({ valid: true });
  });

  it('in the usual case an event costs two statements, and the transaction knows the head it left', async () => {
    await first.ok('customers.search', { query: '鈴木' });
    const { value: head, statements } = await captureStatements(() =>
      first.core.desk.transaction(async (tx) => {
        const appended = await appendEvent(tx, event('test.usual'));
        expect(headAppendedIn(tx)).toEqual({ seq: appended.seq, hash: appended.hash });
        return appended;
      }),
    );
    const chainStatements = statements.filter((s) => /audit_(events|head)/.test(s.sql) && !/^select "seq", "hash" from "audit_head"/.test(s.sql.trim()));
    expect(chainStatements.map((s) => s.sql.trim().split(/\s+/).slice(0, 3).join(' '))).toEqual(['insert into audit_events', 'insert into "audit_head"']);
    expect(await verifyChain(first.core.desk.requireDb())).toMatchObject({ valid: true, head: head.hash });
  });
});
