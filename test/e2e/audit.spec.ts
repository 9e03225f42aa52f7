// Audit trail journeys (issue #3): the auditor reads the trail by ids, filters it, exports it, and the file verifies without the app.
import type { Page } from '@playwright/test';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, mainMenu, officer, replaceTemporaryPassword, shootInBothLanguages, signInAs, signOutOfDesk, test, type Desk } from './fixtures';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
const auditor = { displayName: '東 誠', loginId: 'higashi', role: 'auditor', temporaryPassword: 'Kansa-Tantou-Kari-7310' };
const staff = { displayName: '北川 翔', loginId: 'kitagawa', role: 'staff', temporaryPassword: 'Kari-Pasu-Waado-5521' };
const chosenPassword = 'Hikari-Kawa-Mori-4821';

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

/** The officer sets up the desk and creates the given accounts, as they would on the accounts screen. */
async function deskWith(desk: Desk, ...people: (typeof auditor)[]): Promise<Record<string, string>> {
  await desk.setUpOfficer();
  // A mistyped password first: the trail records failures too.
  expect((await desk.api('auth.login', { loginId: officer.loginId, password: 'mistyped-password' })).ok).toBe(false);
  expect((await desk.api('auth.login', { loginId: officer.loginId, password: officer.password })).ok).toBe(true);
  const ids: Record<string, string> = {};
  for (const person of people) {
    const created = await desk.api<{ id: string }>('accounts.create', person);
    if (!created.ok) throw new Error(created.error.message);
    ids[person.loginId] = created.value.id;
  }
  const me = await desk.api<{ accountId: string }>('auth.session', {});
  if (me.ok) ids[officer.loginId] = me.value.accountId;
  await desk.api('auth.logout', {});
  return ids;
}

async function openAudit(page: Page): Promise<void> {
  await mainMenu(page).getByRole('button', { name: '監査ログ' }).click();
  await expect(page.getByRole('heading', { name: '監査ログ', level: 1 })).toBeVisible();
}

const auditRows = (page: Page) => page.getByTestId('audit-table').locator('tbody tr[data-action]');

test('auditor sees the audit trail with the chain valid and ids, not names; filters by action; exports a file that verifies without the app', async ({ page, desk }) => {
  const ids = await deskWith(desk, auditor);
  await desk.open(page);
  await signInAs(page, auditor.loginId, auditor.temporaryPassword);
  await replaceTemporaryPassword(page, auditor.temporaryPassword, chosenPassword);
  await expect(page.getByRole('heading', { name: `ようこそ、${auditor.displayName}さん` })).toBeVisible();
  await expect(mainMenu(page).getByRole('button')).toHaveText(['ホーム', '取引先', '第三者提供の記録', '受領の記録', '漏えい等事案', '個人情報管理台帳', '教育・研修', '委託先の監督', '内部監査と是正処置', '報告書', 'プライバシーポリシーの版', '監査ログ', 'アカウント設定']);

  await openAudit(page);
  await expect(page.getByTestId('chain-status')).toHaveAttribute('data-valid', 'true');
  await expect(page.getByTestId('chain-status')).toContainText(/ハッシュチェーンは正常です：\d+ 件の記録、先頭ハッシュ [0-9a-f]{16}/);
  const fingerprint = (await page.getByTestId('audit-fingerprint').textContent())!;
  expect(fingerprint).toMatch(/^SHA256:/);
  await expect(page.getByTestId('audit-installation-id')).not.toBeEmpty();
  // Ids, never names: the officer's id is in the trail, the officer's name nowhere on the page.
  await expect(auditRows(page).first()).toBeVisible();
  await expect(page.locator(`[data-testid="audit-actor-id"][data-id="${ids[officer.loginId]}"]`).first()).toBeVisible();
  expect(await page.getByTestId('audit-table').textContent()).not.toContain(officer.displayName);
  await shootInBothLanguages(desk, page, 'audit-auditor');

  // Filter by action: the account changes only.
  await page.getByRole('combobox', { name: '操作', exact: true }).fill('accounts.');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '絞り込む' }).click();
  await expect(auditRows(page).first()).toHaveAttribute('data-action', /^accounts\./);
  for (const action of await auditRows(page).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')))) expect(action).toMatch(/^accounts\./);
  await expect(page.getByTestId('audit-total')).toContainText('1 件中 1〜1 件目');
  await expect(page.locator('tr[data-action="accounts.create"]')).toContainText('アカウントの作成');
  await page.locator('tr[data-action="accounts.create"]').getByText('詳細を表示').click();
  await expect(page.locator('tr[data-action="accounts.create"]')).toContainText('"role": "auditor"');
  await shootInBothLanguages(desk, page, 'audit-filtered');

  // Export everything, and check the file as an auditor would, without the app.
  await page.getByRole('button', { name: '絞り込む' }).click();
  await page.getByRole('button', { name: '条件をクリア' }).click();
  await page.getByRole('button', { name: '監査ファイルを書き出す' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '監査ファイルを書き出す' }).click();
  const result = page.getByTestId('audit-export-result');
  await expect(result).toBeVisible();
  const file = (await result.getByTestId('audit-export-path').textContent())!.trim();
  expect(file).toMatch(/\.jsonl$/);
  await expect(result.getByTestId('audit-export-csv')).toContainText(/\.csv$/);
  await expect(result.getByTestId('audit-export-sig')).toContainText(/\.jsonl\.sig$/);
  await expect(result.getByTestId('audit-export-allowed-signers')).toContainText('allowed_signers');
  await expect(result.getByTestId('verify-command')).toContainText(`npm run verify-audit -- "${file}"`);
  await shootInBothLanguages(desk, page, 'audit-export');

  const verified = await run(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'electron', 'cli', 'verify-audit.ts'), file], { cwd: root });
  expect(verified.stdout).toMatch(/^valid: \d+ events, head [0-9a-f]+, signed by /);
  expect(verified.stdout).toContain(fingerprint);
});

test('officer sees who did what by name, and Settings shows the same signing key fingerprint as the audit screen', async ({ page, desk }) => {
  await deskWith(desk, staff);
  await desk.open(page);
  await signInAs(page, officer.loginId, officer.password);
  await openAudit(page);
  await expect(page.getByTestId('chain-status')).toHaveAttribute('data-valid', 'true');
  await expect(page.locator('tr[data-action="accounts.create"]')).toContainText(officer.displayName);
  const fingerprint = (await page.getByTestId('audit-fingerprint').textContent())!;
  await shootInBothLanguages(desk, page, 'audit-officer');

  await page.getByRole('combobox', { name: '結果' }).click();
  await page.getByRole('option', { name: '失敗' }).click();
  await page.getByRole('button', { name: '絞り込む' }).click();
  await expect(page.getByTestId('audit-total')).toContainText('1 件中 1〜1 件目');
  await expect(page.locator('tr[data-action="auth.login"][data-outcome="failed"]')).toHaveCount(1);
  for (const outcome of await auditRows(page).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-outcome')))) expect(outcome).toBe('failed');

  await mainMenu(page).getByRole('button', { name: '設定', exact: true }).click();
  await expect(page.getByTestId('signing-key-fingerprint')).toHaveText(fingerprint);
  await page.getByTestId('signing-key-fingerprint').scrollIntoViewIfNeeded();
  await shootInBothLanguages(desk, page, 'settings-signing-key');
});

test('a staff member is offered no audit trail, and the core refuses audit.search to staff', async ({ page, desk }) => {
  await deskWith(desk, staff);
  await desk.open(page);
  await signInAs(page, staff.loginId, staff.temporaryPassword);
  await replaceTemporaryPassword(page, staff.temporaryPassword, chosenPassword);
  await expect(page.getByRole('heading', { name: `ようこそ、${staff.displayName}さん` })).toBeVisible();
  await expect(mainMenu(page).getByRole('button', { name: '監査ログ' })).toHaveCount(0);

  // The same session through the API, as a page that ignored the menu would call it.
  const searched = await desk.api('audit.search', { page: 0, pageSize: 50 });
  expect(searched.ok ? 'searched' : `${searched.error.code} ${searched.error.message}`).toBe('FORBIDDEN auth.forbidden');
  const exported = await desk.api('audit.export', {});
  expect(exported.ok ? 'exported' : exported.error.code).toBe('FORBIDDEN');
  await signOutOfDesk(page);

  // The refusals are in the trail, for the officer to see.
  await signInAs(page, officer.loginId, officer.password);
  await openAudit(page);
  await expect(page.locator('tr[data-action="audit.search"][data-outcome="denied"]')).toContainText(staff.displayName);
});
