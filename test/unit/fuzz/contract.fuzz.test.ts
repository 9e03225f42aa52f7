// Every method of the contract, fed inputs generated from its own zod schema (and broken on purpose), by every role:
// the answer is always a value or a typed error, never a crash or a stack trace, and a refused call changes nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, methodNames, type MethodName } from '../../../src-shared/api';
import type { MethodSpec } from '../../../src-shared/api/method';
import { errorCodes, type Result } from '../../../src-shared/errors';
import type { DeskPool } from '../helpers/arbitraries';
import { contractInputs } from './broken-inputs';
import { copyDesk, openRoleDesk, poolOf, roleNames, seedFuzzDesk, type RoleDesk, type RoleName } from './fuzz-desk';
import { StoredState } from './stored-state';
import { sweepCutEmoji } from './cut-emoji';

/** Fixed, printed, and overridable (FUZZ_SEED=...) to replay a run. */
const seed = Number(process.env.FUZZ_SEED ?? 20261125);

/**
 * Methods whose VALID inputs would have real effects beyond the role's copy of the desk, or would end the session the
 * role's run stands on. They still get every broken input (which must be refused before anything happens).
 */
const notOnTheValidSide: Partial<Record<MethodName, string>> = {
  'auth.logout': 'ends the session the role runs in (sign-out is tested in contract.test.ts and the auth tests)',
  'auth.lock': 'locks the session the role runs in (the lock is tested in contract.test.ts)',
  'auth.unlock': 'a generated password is a wrong one, and five wrong ones lock the account out and end the session',
  'auth.changePassword': 'a generated current password is wrong: five of them lock the account out',
  'settings.regenerateRecoveryKey': 'a generated password is wrong: five of them lock the account out',
  'keys.rotate': 'a generated password is wrong: five of them lock the account out',
  'backup.create': 'a generated folder is relative to the working directory: backups would land in the repository',
  'backup.setFolder': 'a generated folder would become where every later backup goes',
  'requestSettings.update': 'points the outbox and SMTP at generated folders and hosts, where later notices would go',
};

/**
 * Calls per method: roles that get past the permission check need more to reach the handlers. A method that is slow
 * by design (a new account's argon2id wrap takes ~0.4 s) stops after its time budget instead.
 */
const runsFor: Record<RoleName, number> = {
  officer: 10,
  'staff with a statement': 8,
  'staff without a statement': 3,
  auditor: 3,
  'signed out': 2,
  locked: 2,
};
const budgetPerMethodMs = 1_500;

interface Tally {
  calls: number;
  validSent: number;
  ok: number;
  refused: number;
  ms: number;
  failures: string[];
}
const tallies = new Map<MethodName, Tally>();
const tally = (m: MethodName) => tallies.get(m) ?? (tallies.set(m, { calls: 0, validSent: 0, ok: 0, refused: 0, ms: 0, failures: [] }), tallies.get(m)!);

let root: string;
let seededDir: string;
let pool: DeskPool;
const started = Date.now();

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'desk-fuzz-'));
  ({ seededDir } = await seedFuzzDesk(root));
  copyDesk(seededDir, join(root, 'pool'));
  const reader = await openRoleDesk('officer', join(root, 'pool'), join(root, 'pool-exports'), () => new Date());
  pool = await poolOf(reader.core);
  await reader.core.close();
  console.log(`contract fuzz: seed ${seed} (FUZZ_SEED=${seed} replays it); ${Object.values(pool.ids).flat().length} real ids of ${Object.keys(pool.ids).length} kinds, ${pool.strings.length} real values`);
});

afterAll(() => {
  const lines = [...tallies.entries()].map(([m, t]) => `${m.padEnd(32)} ${String(t.calls).padStart(5)} ${String(t.validSent).padStart(6)} ${String(t.ok).padStart(5)} ${String(t.refused).padStart(7)} ${String(t.failures.length).padStart(8)} ${String(Math.round(t.ms / Math.max(1, t.calls))).padStart(5)}`);
  const total = [...tallies.values()].reduce((a, t) => ({ calls: a.calls + t.calls, failures: a.failures + t.failures.length }), { calls: 0, failures: 0 });
  console.log([`${'method'.padEnd(32)} calls  valid    ok refused failures ms/call`, ...lines].join('\n'));
  console.log(`contract fuzz: ${tallies.size} methods, ${total.calls} calls, ${total.failures} failures, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (root) rmSync(root, { recursive: true, force: true });
});

/** What a caller may see: a value, or a typed error whose message is an i18n key. Anything else is a finding. */
function problemsWith(result: Result<unknown>, dataDir: string): string[] {
  if (result === null || typeof result !== 'object') return ['the answer is not an object'];
  if (result.ok === true) return 'value' in result ? [] : ['ok without a value'];
  if (result.ok !== false) return ['neither ok nor refused'];
  const { code, message, details } = result.error ?? ({} as never);
  const problems: string[] = [];
  if (!(errorCodes as readonly string[]).includes(code)) problems.push(`unknown code ${String(code)}`);
  if (code === 'INTERNAL') problems.push('INTERNAL: the desk crashed');
  if (typeof message !== 'string' || !/^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)*$/.test(message)) problems.push(`message is not an i18n key: ${String(message).slice(0, 80)}`);
  const shown = JSON.stringify(details ?? {});
  if (/\n\s+at |\bat .+:\d+:\d+/.test(shown)) problems.push('a stack trace in the details');
  if (shown.includes(dataDir) || shown.includes(tmpdir())) problems.push('a path of the desk in the details');
  return problems;
}

const describeInput = (input: unknown) => {
  const text = JSON.stringify(input, (_k, v) => (typeof v === 'string' && v.length > 60 ? `${v.slice(0, 60)}…(${v.length})` : typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
  return (text ?? String(input)).slice(0, 300);
};

async function fuzzRole(role: RoleName): Promise<void> {
  const dataDir = join(root, role.replace(/\W+/g, '-'));
  const exportsDir = `${dataDir}-exports`;
  copyDesk(seededDir, dataDir);
  // Time moves a quarter second per call: files named by the second stay apart, and the idle lock never fires.
  let now = Date.now();
  const desk: RoleDesk = await openRoleDesk(role, dataDir, exportsDir, () => new Date(now));
  const stored = new StoredState(desk.core, dataDir, exportsDir);
  let restorations = 0;
  try {
    for (const [index, method] of methodNames.entries()) {
      const spec = api[method] as MethodSpec;
      const t = tally(method);
      const methodStarted = performance.now();
      const property = fc.asyncProperty(contractInputs(method, spec.input, pool, { valid: !notOnTheValidSide[method] }), async ({ input }) => {
        // Past its budget a method is not called again (a call is never cut off midway: it would run on unwatched).
        if (performance.now() - methodStarted > budgetPerMethodMs) return true;
        now += 250;
        desk.logged.length = 0;
        const session = desk.expected();
        await stored.mark();
        const began = performance.now();
        const result = await desk.core.call(method, input);
        t.ms += performance.now() - began;
        t.calls += 1;
        if (spec.input.safeParse(input ?? {}).success) t.validSent += 1;
        const problems = problemsWith(result, dataDir);
        problems.push(...(await stored.settle(!result.ok)));
        const s = desk.core.desk.session;
        const drifted = session !== null && (s?.accountId !== session.accountId || s.locked !== session.locked);
        if (result.ok) t.ok += 1;
        else t.refused += 1;
        if (drifted && !result.ok) problems.push('a refused call changed the session');
        if (problems.length) {
          const logged = desk.logged.map((l) => l.split('\n').slice(0, 4).join(' | ')).join(' || ');
          t.failures.push(`${role}: ${method}: ${problems.join('; ')} — input ${describeInput(input)} → ${JSON.stringify(result).slice(0, 200)}${logged ? ` — log: ${logged.slice(0, 600)}` : ''}`);
        }
        if (drifted) {
          // An accepted call may rightly end or lock a session (the settings' idle lock, an account change): sign in again.
          await desk.restore();
          restorations += 1;
        }
        return problems.length === 0;
      });
      // A failure is recorded above with its input and the desk's log; the run goes on to the next method.
      await fc.assert(property, { seed: seed + index, numRuns: runsFor[role], endOnFailure: true }).catch(() => undefined);
    }
  } finally {
    await desk.core.close();
  }
  console.log(`contract fuzz: ${role}: ${stored.fullHashes} full hashes of the database${restorations ? `; the session was restored ${restorations} time(s) after an accepted call changed it` : ''}`);
}

describe('fuzzing every method of the contract from its schema, as every role', () => {
  it.each(roleNames)('as %s: every answer is a value or a typed error, and a refused call changes nothing', async (role) => {
    await fuzzRole(role);
    const failures = [...tallies.values()].flatMap((t) => t.failures).filter((f) => f.startsWith(`${role}:`));
    expect(failures, failures.slice(0, 15).join('\n')).toEqual([]);
  });

  it('half an emoji (a lone surrogate) in any free-text field is refused or stored, never a crash', async () => {
    const dataDir = join(root, 'cut-emoji');
    copyDesk(seededDir, dataDir);
    const desk = await openRoleDesk('officer', dataDir, `${dataDir}-exports`, () => new Date());
    try {
      const { tried, accepted, crashed } = await sweepCutEmoji(desk, pool, seed);
      console.log(`contract fuzz: half an emoji: ${tried} calls, ${accepted} accepted, ${crashed.length} crashed`);
      expect(crashed, crashed.join('\n')).toEqual([]);
    } finally {
      await desk.core.close();
    }
  });
});
