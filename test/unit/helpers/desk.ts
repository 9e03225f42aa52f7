// A real desk in a temp folder for unit tests: real SQLCipher, real keyring, a clock the test moves.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../../electron/core/core';
import type { Result } from '../../../src-shared/errors';

export const officer = {
  displayName: '南 真美',
  loginId: 'minami',
  password: 'kojinjoho-hogo-2026',
  manager: { name: '南 真美', title: '個人情報保護管理者', email: 'mami.minami@example.co.jp', phone: '03-1234-5678' },
} as const;

export interface TestDesk {
  core: Core;
  dataDir: string;
  exportsDir: string;
  clock: { now: Date; advanceMinutes(m: number): void };
  call<T = unknown>(method: string, input?: unknown): Promise<Result<T>>;
  /** The value of a call that must succeed. */
  ok<T = unknown>(method: string, input?: unknown): Promise<T>;
  /** A new core on the same folder, as after a restart of the app. */
  restart(): Promise<void>;
  dispose(): Promise<void>;
}

export function makeDesk(): TestDesk {
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
  const make = () => createCore({ dataDir, exportsDir, clock: () => clock.now, log: quiet });
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
    restart: async () => {
      await desk.core.close();
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
