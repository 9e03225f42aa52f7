// A real desk in a temp folder for unit tests: real SQLCipher, real keyring, a clock the test moves.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../../electron/core/core';
import { chromiumPrinter } from '../../../electron/host/printer';
import type { Result } from '../../../src-shared/errors';

import { officer } from '../../fixtures/officer';

export { officer };

export interface TestDesk {
  core: Core;
  dataDir: string;
  exportsDir: string;
  clock: { now: Date; advanceMinutes(m: number): void };
  call<T = unknown>(method: string, input?: unknown): Promise<Result<T>>;
  /** The value of a call that must succeed. */
  ok<T = unknown>(method: string, input?: unknown): Promise<T>;
  /** A new core on the same folder, as after a restart of the app; `withoutPrinter`: on a machine that cannot make PDFs. */
  restart(options?: { withoutPrinter?: boolean }): Promise<void>;
  dispose(): Promise<void>;
}

/** `printer`: the host's printer (the system Chromium) for tests that make PDFs. */
export function makeDesk(options: { printer?: boolean } = {}): TestDesk {
  const root = mkdtempSync(join(tmpdir(), 'desk-test-'));
  const dataDir = join(root, 'data');
  const exportsDir = join(root, 'exports');
  const clock = {
    now: new Date('2026-11-25T10:00:00+09:00'),
    advanceMinutes(m: number) {
      this.now = new Date(this.now.getTime() + m * 60_000);
    },
  };
  const quiet = { warn: () => undefined, error: () => undefined };
  let printer = options.printer ? chromiumPrinter() : undefined;
  const make = () => createCore({ dataDir, exportsDir, clock: () => clock.now, log: quiet, printer });
  const desk: TestDesk = {
    core: make(),
    dataDir,
    exportsDir,
    clock,
    call: (method, input) => desk.core.call(method, input ?? {}) as never,
    ok: async (method, input) => {
      const result = await desk.core.call(method, input ?? {});
      if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message} ${JSON.stringify(result.error.details ?? {})}`);
      return result.value as never;
    },
    restart: async (restartOptions) => {
      await desk.core.close();
      if (restartOptions?.withoutPrinter) printer = undefined;
      desk.core = make();
    },
    dispose: async () => {
      await desk.core.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
  return desk;
}

/** A desk with its officer set up; returns the recovery key shown at setup. */
export async function setUpDesk(): Promise<TestDesk & { recoveryKey: string }> {
  const desk = makeDesk();
  const { recoveryKey } = await desk.ok<{ recoveryKey: string }>('setup.createOfficer', officer);
  return Object.assign(desk, { recoveryKey });
}

export function errorOf(result: Result<unknown>): { code: string; message: string; details?: Record<string, unknown> } {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
  return result.error;
}

export interface Person {
  displayName: string;
  loginId: string;
  role: 'officer' | 'staff' | 'auditor';
  department?: string;
  temporaryPassword: string;
  password: string;
}

export const staffMember: Person = {
  displayName: '佐藤 健',
  loginId: 'sato',
  role: 'staff',
  department: 'カスタマーサポート',
  temporaryPassword: 'karipasu-sato-2026-11',
  password: 'sato-no-himitsu-aikotoba',
};

export const auditorPerson: Person = {
  displayName: '高橋 監査',
  loginId: 'takahashi',
  role: 'auditor',
  department: '内部監査室',
  temporaryPassword: 'karipasu-takahashi-2026',
  password: 'kansa-no-aikotoba-2026',
};

/** Signs in as the officer (from whoever is signed in now). */
export async function asOfficer(desk: TestDesk): Promise<void> {
  if (desk.core.desk.session) await desk.ok('auth.logout');
  await desk.ok('auth.login', { loginId: officer.loginId, password: officer.password });
}

/** The officer creates the account; returns its id. */
export async function addAccount(desk: TestDesk, person: Person): Promise<string> {
  await asOfficer(desk);
  const { id } = await desk.ok<{ id: string }>('accounts.create', {
    displayName: person.displayName,
    loginId: person.loginId,
    role: person.role,
    department: person.department,
    temporaryPassword: person.temporaryPassword,
  });
  return id;
}

/** Signs in as a person, choosing their own password at the first sign-in as the desk asks. */
export async function signInAs(desk: TestDesk, person: Person): Promise<void> {
  if (desk.core.desk.session) await desk.ok('auth.logout');
  const first = await desk.call<{ mustChangePassword: boolean }>('auth.login', { loginId: person.loginId, password: person.password });
  if (first.ok) return;
  const session = await desk.ok<{ mustChangePassword: boolean }>('auth.login', { loginId: person.loginId, password: person.temporaryPassword });
  if (session.mustChangePassword) await desk.ok('auth.changePassword', { currentPassword: person.temporaryPassword, newPassword: person.password });
}
