// Backup, restore and key rotation journeys (issue #8): the officer backs the desk up, a fresh installation restores it
// with the recovery key and the officer finds the customers again; the officer rotates the data key and signs in again.
import type { Page } from '@playwright/test';
import { sato, yamada } from '../fixtures/customers';
import { expect, mainMenu, officer, shootInBothLanguages, signInAs, signOutOfDesk, test, textField, type Desk } from './fixtures';

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

async function seedCustomers(desk: Desk): Promise<void> {
  expect((await desk.api('auth.login', { loginId: officer.loginId, password: officer.password })).ok).toBe(true);
  for (const customer of [yamada, sato]) expect((await desk.api('customers.create', customer)).ok).toBe(true);
  await desk.api('auth.logout', {});
}

async function openBackup(page: Page): Promise<void> {
  await mainMenu(page).getByRole('button', { name: 'バックアップと鍵' }).click();
  await expect(page.getByRole('heading', { name: 'バックアップと鍵', level: 1 })).toBeVisible();
}

test('the officer backs up the desk; a fresh installation restores it with the recovery key, and the officer finds the customers', async ({ page, desk }) => {
  const { recoveryKey } = await desk.setUpOfficer();
  await seedCustomers(desk);
  await desk.open(page);
  await signInAs(page, officer.loginId, officer.password);
  await openBackup(page);
  await expect(page.getByTestId('backup-last')).toHaveText('このデスクのバックアップはまだありません。');

  await page.getByRole('button', { name: '今すぐバックアップ' }).click();
  await expect(page.getByTestId('backup-made')).toContainText('バックアップを作成しました');
  const file = (await page.getByTestId('backup-made-file').textContent())!;
  expect(file).toMatch(/[\\/]backups[\\/]privacy-desk-backup-\d{8}-\d{6}\.pdbk$/);
  await expect(page.getByTestId('backup-list').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('backup-last')).toContainText('前回のバックアップ');
  await shootInBothLanguages(desk, page, 'backup');
  await signOutOfDesk(page);

  // A new computer: the data folder is empty, and the backup file is all there is.
  await desk.reset();
  await desk.open(page);
  await expect(page.getByRole('heading', { name: '初期設定' })).toBeVisible();
  await shootInBothLanguages(desk, page, 'setup-with-restore');
  await page.getByRole('button', { name: 'バックアップから復元' }).click();
  await expect(page.getByRole('heading', { name: 'バックアップから復元' })).toBeVisible();
  await textField(page, 'バックアップファイル').fill(file);
  await textField(page, '回復キー').fill('ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789');
  await page.getByRole('button', { name: '復元する' }).click();
  await expect(page.getByText('回復キーが正しくありません。バックアップを作成した時点の回復キー')).toBeVisible();
  await shootInBothLanguages(desk, page, 'restore-wrong-key');
  // Nothing was set up by the refusal.
  expect(await desk.api('setup.status', {})).toEqual({ ok: true, value: { needsSetup: true } });

  await textField(page, '回復キー').fill(recoveryKey);
  await page.getByRole('button', { name: '復元する' }).click();
  await expect(page.getByTestId('restore-done')).toContainText('アカウント 1 件、お客様 2 件');
  await shootInBothLanguages(desk, page, 'restore-done');
  await page.getByRole('button', { name: 'サインインへ進む' }).click();
  await signInAs(page, officer.loginId, officer.password);
  await mainMenu(page).getByRole('button', { name: '顧客', exact: true }).click();
  const rows = page.getByTestId('customers-table').locator('tbody tr[data-customer-no]');
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId('customers-table')).toContainText(yamada.name);
  await expect(page.getByTestId('customers-table')).toContainText(sato.name);
});

test('the officer rotates the data key, then signs in again with the same password', async ({ page, desk }) => {
  await desk.setUpOfficer();
  await seedCustomers(desk);
  await desk.open(page);
  await signInAs(page, officer.loginId, officer.password);
  await openBackup(page);
  const rotation = page.getByRole('form', { name: 'データの暗号鍵を更新' });
  await textField(rotation, 'あなたのパスワード（確認のため）').fill('not-the-password-at-all');
  await rotation.getByRole('button', { name: '鍵を更新する' }).click();
  await expect(rotation.getByText('パスワードが正しくありません。')).toBeVisible();

  await textField(rotation, 'あなたのパスワード（確認のため）').fill(officer.password);
  await rotation.getByRole('button', { name: '鍵を更新する' }).click();
  await expect(page.getByTestId('key-rotated')).toHaveText('暗号鍵を更新しました（1 件のアカウントと回復キーに新しい鍵を配りました）。');
  await page.getByTestId('key-rotation').scrollIntoViewIfNeeded();
  await shootInBothLanguages(desk, page, 'key-rotated');

  await signOutOfDesk(page);
  await signInAs(page, officer.loginId, officer.password);
  await mainMenu(page).getByRole('button', { name: '顧客', exact: true }).click();
  await expect(page.getByTestId('customers-table').locator('tbody tr[data-customer-no]')).toHaveCount(2);
});
