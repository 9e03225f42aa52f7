// The desk the contract fuzzing runs against: seeded once, copied afresh for every role, with the real values to aim at.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { demoAccounts, seedDemo } from '../../../electron/cli/seed-demo';
import { createCore, type Core } from '../../../electron/core/core';
import { kindOfTable, type DeskPool } from '../helpers/arbitraries';
import { scannedPdf, scannedPng } from '../../fixtures/scans';

export type RoleName = 'officer' | 'staff with a statement' | 'staff without a statement' | 'auditor' | 'signed out' | 'locked';
export const roleNames: RoleName[] = ['officer', 'staff with a statement', 'staff without a statement', 'auditor', 'signed out', 'locked'];

/** Who signs in for each role; `locked` is the officer with the desk locked, `signed out` nobody. */
const accountOf: Record<RoleName, { loginId: string; password: string } | null> = {
  officer: demoAccounts.officer,
  'staff with a statement': demoAccounts.staff,
  'staff without a statement': demoAccounts.newcomer,
  auditor: demoAccounts.auditor,
  'signed out': null,
  locked: demoAccounts.officer,
};

/** A small demo desk: a few customers, requests in several states, an ID copy, a proposal, a provision, an incident. */
export async function seedFuzzDesk(root: string): Promise<{ seededDir: string }> {
  const seededDir = join(root, 'seeded');
  await seedDemo({ dataDir: seededDir, exportsDir: join(root, 'seeded-exports'), customers: 12, seed: 8 });
  return { seededDir };
}

/** Real ids (by the kind of row) and values from the seeded desk, and small real files as base64, for the generators to hit. */
export async function poolOf(core: Core): Promise<DeskPool> {
  const db = core.desk.requireDb();
  const { rows: tables } = await sql<{ name: string }>`select m.name from sqlite_schema m where m.type = 'table' and exists (select 1 from pragma_table_info(m.name) where name = 'id' and type = 'TEXT')`.execute(db);
  const ids: Record<string, string[]> = {};
  for (const { name } of tables) {
    const { rows } = await sql<{ id: string }>`select id from ${sql.table(name)} order by rowid limit 6`.execute(db);
    const real = rows.map((r) => r.id).filter((id) => /^[0-9a-f-]{36}$/i.test(id));
    if (real.length) ids[kindOfTable(name)] = real;
  }
  const strings: string[] = [];
  const column = async (table: string, col: string, limit = 4) => {
    const { rows } = await sql<{ v: unknown }>`select ${sql.ref(col)} as v from ${sql.table(table)} where ${sql.ref(col)} is not null order by rowid limit ${limit}`.execute(db);
    strings.push(...rows.map((r) => r.v).filter((v): v is string => typeof v === 'string'));
  };
  await column('purposes', 'id', 10);
  for (const col of ['customer_no', 'postal_code', 'birth_date', 'name_kana', 'name_romaji']) await column('customers', col);
  await column('customer_phones', 'number');
  await column('customer_emails', 'address');
  await column('accounts', 'login_id');
  await column('company_systems', 'key');
  await column('requests', 'request_no');
  // A tiny CSV in the shop's columns, a scanned PDF and a PNG: a file field sometimes carries a real file.
  const csv = '顧客番号,氏名,フリガナ,郵便番号,都道府県,市区町村,住所1\r\nF-0001,<img src=x onerror=alert(1)>,ヤマダ タロウ,150-0001,東京都,渋谷区,神宮前1-2-3\r\n';
  strings.push(Buffer.from(csv).toString('base64'), scannedPdf('fuzz').toString('base64'), scannedPng().toString('base64'));
  return { ids, strings: [...new Set(strings)] };
}

/** A fresh copy of the seeded folder for one role: what one role does never shapes what another meets. */
export function copyDesk(seededDir: string, to: string): void {
  mkdirSync(to, { recursive: true, mode: 0o700 });
  for (const file of ['keyring.json', 'desk.db', 'desk.db-wal', 'signin.json']) {
    if (existsSync(join(seededDir, file))) copyFileSync(join(seededDir, file), join(to, file));
  }
}

export interface RoleDesk {
  core: Core;
  /** Signs in again as the role (after a call that rightly ended or locked the session). */
  restore(): Promise<void>;
  /** What the role's session should look like; null when signed out. */
  expected(): { accountId: string; locked: boolean } | null;
  /** Last errors the desk logged (a crash's stack goes to the log, never to the caller). */
  logged: string[];
}

export async function openRoleDesk(role: RoleName, dataDir: string, exportsDir: string, clock: () => Date): Promise<RoleDesk> {
  const logged: string[] = [];
  const log = {
    warn: () => undefined,
    error: (message: string, err?: unknown) => void logged.push(`${message}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`),
  };
  const core = createCore({ dataDir, exportsDir, clock, log });
  const account = accountOf[role];
  let expected: { accountId: string; locked: boolean } | null = null;
  const restore = async () => {
    if (!account) return;
    if (core.desk.session) await core.call('auth.logout', {});
    const signedIn = await core.call('auth.login', { loginId: account.loginId, password: account.password });
    if (!signedIn.ok) throw new Error(`fuzz: ${role} cannot sign in: ${signedIn.error.code} ${signedIn.error.message}`);
    if (role === 'locked') await core.call('auth.lock', {});
    expected = { accountId: core.desk.session!.accountId, locked: role === 'locked' };
  };
  await restore();
  return { core, restore, expected: () => expected, logged };
}
