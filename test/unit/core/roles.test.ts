// Every method × every role, derived from the contract and the role table: allowed calls pass the permission
// step, the others are FORBIDDEN and leave an audit event.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, methodNames, type MethodName } from '../../../src-shared/api';
import type { MethodSpec } from '../../../src-shared/api/method';
import { roleHas, roles, type Role } from '../../../src-shared/roles';
import { asUpload, scannedPdf } from '../../fixtures/scans';
import { addAccount, asOfficer, auditorPerson, setUpDesk, signInAs, staffMember, type Person, type TestDesk } from '../helpers/desk';

let desk: TestDesk;
const people: Record<Role, Person | 'officer'> = { officer: 'officer', staff: staffMember, auditor: auditorPerson };

beforeAll(async () => {
  desk = await setUpDesk();
  const staffId = await addAccount(desk, staffMember);
  await addAccount(desk, auditorPerson);
  // The staff member has a current statement, so what is refused is refused for the role, not for the statement.
  await asOfficer(desk);
  await desk.ok('statements.record', { accountId: staffId, templateVersion: 1, signedOn: '2026-11-01', trainingOn: '2026-11-01', scan: asUpload(scannedPdf(), 's.pdf', 'application/pdf') });
  for (const person of [staffMember, auditorPerson]) await signInAs(desk, person);
});
afterAll(async () => desk.dispose());

// Methods that need a permission (not public, not merely a session), which the matrix is about.
const guarded = methodNames.filter((m) => {
  const access = (api[m] as MethodSpec).access;
  return access !== 'public' && access !== 'session';
});

async function signIn(role: Role): Promise<void> {
  const person = people[role];
  if (person === 'officer') await asOfficer(desk);
  else await signInAs(desk, person);
}

describe.each([...roles])('as %s', (role) => {
  beforeAll(async () => signIn(role));

  it.each(guarded.map((m) => [m, roleHas(role, (api[m] as MethodSpec).access)] as [MethodName, boolean]))('%s (allowed: %s)', async (method, allowed) => {
    const before = await desk.core.desk.requireDb().selectFrom('audit_events').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirstOrThrow();
    // An empty input: an allowed call is stopped at validation at worst, never at permission.
    const result = await desk.call(method, {});
    if (allowed) {
      if (!result.ok) expect(result.error.code, `${method} as ${role}`).not.toBe('FORBIDDEN');
      return;
    }
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toEqual({ code: 'FORBIDDEN', message: 'auth.forbidden', details: { method } });
    const denial = await desk.core.desk
      .requireDb()
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>', Number(before.seq ?? 0))
      .where('action', '=', method)
      .where('outcome', '=', 'denied')
      .executeTakeFirst();
    expect(denial, `a denial of ${method} as ${role} is in the audit trail`).toMatchObject({ actor_role: role });
  });
});

describe('what the roles are for', () => {
  it('staff cannot create accounts, export audit files or see the audit trail', () => {
    for (const p of ['accounts.manage', 'audit.export', 'audit.read', 'settings.manage'] as const) expect(roleHas('staff', p)).toBe(false);
  });
  it('the auditor reads and exports the audit trail and manages nothing', () => {
    expect(roleHas('auditor', 'audit.read')).toBe(true);
    expect(roleHas('auditor', 'audit.export')).toBe(true);
    for (const p of ['accounts.manage', 'statements.manage', 'settings.manage', 'recovery.manage'] as const) expect(roleHas('auditor', p)).toBe(false);
  });
});
