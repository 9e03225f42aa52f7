// `npm run seed-demo -- --data DIR --customers N [--seed S] [--exports DIR]`: a ready desk with accounts, statements,
// N generated customers and a few records in every register, for demonstrations and the benchmark. Prints the
// accounts' login ids and passwords.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { customerInput } from '../../src-shared/api/customer-input';
import { appendEvent } from '../core/audit/chain';
import { createCore, type Core } from '../core/core';
import { rebuildSearchIndex } from '../core/customers/search-index';
import { insertCustomers, insertReceipt } from '../core/customers/store';
import { localDay } from '../core/dates';
import { demoCustomer, random } from './demo/generate';
import { seedOffice, type Must } from './demo/office';
import { seedComplaints } from './demo/complaints';
import { seedInternalAudit } from './demo/internal-audit';
import { seedLedger } from './demo/ledger';
import { seedOutsourcees } from './demo/outsourcees';
import { seedTraining } from './demo/training';
import { demoPdf } from './demo/pdf';

const usage = 'usage: npm run seed-demo -- --data DIR [--customers N] [--seed S] [--exports DIR]';

export const demoAccounts = {
  officer: { loginId: 'minami', displayName: '南 真美', password: 'demo-officer-2026-minami', role: 'officer' },
  staff: { loginId: 'sato', displayName: '佐藤 健', password: 'demo-staff-2026-sato', role: 'staff', department: 'カスタマーサポート' },
  newcomer: { loginId: 'suzuki', displayName: '鈴木 新', password: 'demo-staff-2026-suzuki', role: 'staff', department: 'カスタマーサポート' },
  auditor: { loginId: 'takahashi', displayName: '高橋 監査', password: 'demo-auditor-2026-takahashi', role: 'auditor', department: '内部監査室' },
} as const;

async function must<T>(core: Core, method: string, input: unknown): Promise<T> {
  const result = await core.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message} ${JSON.stringify(result.error.details ?? {})}`);
  return result.value as T;
}

async function signIn(core: Core, loginId: string, password: string): Promise<void> {
  if (core.desk.session) await must(core, 'auth.logout', {});
  await must(core, 'auth.login', { loginId, password });
}

export interface SeedOptions {
  dataDir: string;
  exportsDir: string;
  customers: number;
  seed: number;
  log?: (line: string) => void;
}

/**
 * The Privacy Mark records of issue #10, as the officer, once the office's registers exist (the ledger names their
 * partners); the internal audit last, as its findings name a ledger entry.
 */
export async function seedPrivacyMarkRecords(core: Core, must: Must): Promise<void> {
  await seedLedger(core, must);
  await seedComplaints(core, must);
  await seedTraining(core, must);
  await seedOutsourcees(core, must);
  await seedInternalAudit(core, must);
}

export async function seedDemo(options: SeedOptions): Promise<{ recoveryKey: string }> {
  const log = options.log ?? (() => undefined);
  const core = createCore({ dataDir: options.dataDir, exportsDir: options.exportsDir });
  try {
    const { officer, staff, newcomer, auditor } = demoAccounts;
    const { recoveryKey } = await must<{ recoveryKey: string }>(core, 'setup.createOfficer', {
      displayName: officer.displayName,
      loginId: officer.loginId,
      password: officer.password,
      manager: { name: officer.displayName, title: '個人情報保護管理者', email: 'privacy@example.co.jp', phone: '03-1234-5678' },
    });
    await signIn(core, officer.loginId, officer.password);
    const ids: Record<string, string> = {};
    for (const person of [staff, newcomer, auditor]) {
      const temporaryPassword = `temporary-${person.password}`;
      ids[person.loginId] = (await must<{ id: string }>(core, 'accounts.create', { displayName: person.displayName, loginId: person.loginId, role: person.role, department: person.department, temporaryPassword })).id;
    }
    // The officer and one staff member have signed statements; the newcomer has not yet (the desk will refuse them customers).
    const today = localDay(core.desk.now());
    const officerId = core.desk.session!.accountId;
    for (const [accountId, name] of [[officerId, officer.displayName], [ids[staff.loginId]!, staff.displayName]] as const) {
      await must(core, 'statements.record', { accountId, templateVersion: 1, signedOn: today, trainingOn: today, scan: { fileName: `誓約書_${name}.pdf`, mimeType: 'application/pdf', dataBase64: demoPdf(`Signed statement: ${accountId}`).toString('base64') } });
    }
    // Each new account chooses its password at the first sign-in, as the desk asks.
    for (const person of [staff, newcomer, auditor]) {
      await signIn(core, person.loginId, `temporary-${person.password}`);
      await must(core, 'auth.changePassword', { currentPassword: `temporary-${person.password}`, newPassword: person.password });
    }
    await signIn(core, officer.loginId, officer.password);

    // A large page cache for this one big transaction, so that SQLite does not spill pages to the WAL midway.
    await sql`pragma cache_size = -262144`.execute(core.desk.requireDb());
    const started = Date.now();
    const now = core.desk.now();
    const actor = { accountId: officerId, now };
    await core.desk.transaction(async (tx) => {
      const receiptIds = [
        await insertReceipt(tx, { providerName: '株式会社サンプル通販', providerAddress: '東京都千代田区丸の内1-1-1', providerRepresentative: '代表取締役 鈴木 一', obtainedHow: '同社の会員登録時に本人から取得（第三者提供への同意あり）', receivedOn: today, items: '氏名、フリガナ、住所、電話番号、メールアドレス、購入履歴' }, actor),
        await insertReceipt(tx, { providerName: '合同会社デモ広告', providerAddress: '大阪府大阪市北区梅田3-1-1', providerRepresentative: '代表社員 田中 二郎', obtainedHow: 'キャンペーン応募フォームで本人から取得（提供先として当社を明示）', receivedOn: today, items: '氏名、フリガナ、住所、電話番号、メールアドレス' }, actor),
      ];
      const rng = random(options.seed);
      // One transaction, batches of multi-row inserts, and no per-row indexing: the index is built in bulk at the end.
      for (let start = 0; start < options.customers; start += 1000) {
        const inputs = [];
        for (let i = start; i < Math.min(start + 1000, options.customers); i++) inputs.push(customerInput.parse(demoCustomer(i, rng, { receiptIds, today })));
        await insertCustomers(tx, inputs, actor, { index: false });
        if ((start + inputs.length) % 10_000 === 0) log(`  ${start + inputs.length} customers (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      }
      log(`building the search index (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      await rebuildSearchIndex(tx);
      await appendEvent(tx, { at: now.toISOString(), actorId: officerId, actorRole: 'officer', action: 'customers.seedDemo', outcome: 'ok', details: { customers: options.customers, seed: options.seed } });
    });
    log(`${options.customers} customers in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    // A million customers take longer than the idle lock: the officer signs in afresh rather than finding the desk locked.
    await signIn(core, officer.loginId, officer.password);
    const officeSeeded = await seedOffice(core, must, (who) => (who === 'staff' ? signIn(core, staff.loginId, staff.password) : signIn(core, officer.loginId, officer.password)));
    if (!officeSeeded) return { recoveryKey };
    log('partners, systems, requests, a provision and an incident recorded');
    await signIn(core, officer.loginId, officer.password);
    await seedPrivacyMarkRecords(core, must);
    log('ledger, complaints, training, outsourcee evaluations and the internal audit recorded');
    return { recoveryKey };
  } finally {
    await core.close();
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { data: { type: 'string' }, exports: { type: 'string' }, customers: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' }, help: { type: 'boolean', short: 'h' } } });
  const customers = Number(values.customers);
  const seed = Number(values.seed);
  if (values.help || !values.data || !Number.isInteger(customers) || customers < 0 || !Number.isInteger(seed)) {
    console.error(usage);
    return 2;
  }
  const dataDir = resolve(values.data);
  if (existsSync(join(dataDir, 'keyring.json'))) {
    console.error(`seed-demo: ${dataDir} already holds a desk; choose an empty folder`);
    return 2;
  }
  const exportsDir = values.exports ? resolve(values.exports) : join(dataDir, '..', `${dataDir.split(/[\\/]/).pop()}-exports`);
  const { recoveryKey } = await seedDemo({ dataDir, exportsDir, customers, seed, log: (line) => console.log(line) });
  console.log(`\ndemo desk ready in ${dataDir}\n`);
  console.log('role      login id    password');
  for (const a of Object.values(demoAccounts)) console.log(`${a.role.padEnd(9)} ${a.loginId.padEnd(11)} ${a.password}${a.loginId === 'suzuki' ? '   (no statement on file: refused customer data)' : ''}`);
  console.log(`\nrecovery key: ${recoveryKey}`);
  return 0;
}

// Run as a script, not when a test imports seedDemo.
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().then(
    (code) => (process.exitCode = code),
    (err) => {
      console.error(`seed-demo failed: ${err instanceof Error ? err.message : String(err)}`);
      process.exitCode = 1;
    },
  );
}
