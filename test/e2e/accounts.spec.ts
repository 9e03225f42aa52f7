// Account management journeys (issue #3): the officer creates, disables, re-enables, resets and unlocks accounts; the last officer stays.
import type { Page } from '@playwright/test';
import { expect, mainMenu, officer, replaceTemporaryPassword, shootInBothLanguages, signInAs, signOutOfDesk, test, textField, type Desk } from './fixtures';

const staff = { displayName: '北川 翔', loginId: 'kitagawa', department: 'カスタマーサポート部' };
const chosenPassword = 'Hikari-Kawa-Mori-4821';

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

async function openAccounts(page: Page): Promise<void> {
  await mainMenu(page).getByRole('button', { name: 'アカウント管理' }).click();
  await expect(page.getByRole('heading', { name: 'アカウント管理', level: 1 })).toBeVisible();
}

const accountRow = (page: Page, loginId: string) => page.getByTestId('accounts-table').locator(`tr[data-login-id="${loginId}"]`);

async function accountAction(page: Page, displayName: string, action: string): Promise<void> {
  await page.getByRole('button', { name: `${displayName}さんのアカウントの操作` }).click();
  await page.getByRole('menuitem', { name: action }).click();
}

/** Generates a temporary password in the open dialog and returns what the handover panel shows once it is set. */
async function generateAndSubmit(page: Page, submit: string): Promise<string> {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: '自動生成' }).click();
  await expect(dialog.locator('[data-rule="strength"]')).toHaveAttribute('data-met', 'true');
  await dialog.getByRole('button', { name: submit, exact: true }).click();
  await expect(dialog.getByTestId('handover')).toBeVisible();
  return (await dialog.getByTestId('handover-password').textContent())!;
}

async function createStaffThroughApi(desk: Desk, temporaryPassword = 'Kari-Pasu-Waado-5521'): Promise<string> {
  expect((await desk.api('auth.login', { loginId: officer.loginId, password: officer.password })).ok).toBe(true);
  const created = await desk.api<{ id: string }>('accounts.create', { ...staff, role: 'staff', temporaryPassword });
  if (!created.ok) throw new Error(created.error.message);
  await desk.api('auth.logout', {});
  return created.value.id;
}

test('officer creates a staff account with a temporary password; the staff member must change it and is offered no accounts, statements or audit trail', async ({ page, desk }) => {
  await desk.setUpOfficer();
  await desk.open(page);
  await signInAs(page, officer.loginId, officer.password);
  await openAccounts(page);
  await expect(accountRow(page, officer.loginId)).toContainText('あなた');
  await shootInBothLanguages(desk, page, 'accounts');

  await page.getByRole('button', { name: 'アカウントを作成' }).click();
  const dialog = page.getByRole('dialog', { name: 'アカウントを作成' });
  await textField(dialog, '表示名').fill(staff.displayName);
  await textField(dialog, 'ログインID').fill(staff.loginId);
  await dialog.getByRole('radio', { name: 'スタッフ' }).check();
  await textField(dialog, '部署').fill(staff.department);
  // A weak password is named as weak before anything is sent.
  await textField(dialog, '仮パスワード').fill('password1234');
  await expect(dialog.locator('[data-rule="strength"]')).toHaveAttribute('data-met', 'false');
  await dialog.getByRole('button', { name: '自動生成' }).click();
  const generated = await textField(dialog, '仮パスワード').inputValue();
  expect(generated).toMatch(/^([A-Z][a-z]+-){4}\d{4}$/);
  await expect(dialog.locator('[data-rule="strength"]')).toHaveAttribute('data-met', 'true');
  await shootInBothLanguages(desk, page, 'account-create');

  await dialog.getByRole('button', { name: '作成する', exact: true }).click();
  await expect(dialog.getByTestId('handover-login-id')).toHaveText(staff.loginId);
  await expect(dialog.getByTestId('handover-password')).toHaveText(generated);
  await shootInBothLanguages(desk, page, 'account-handover');
  await dialog.getByRole('button', { name: 'お渡ししました' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // Shown once: once the dialog is closed, the password is nowhere on the page.
  expect(await page.content()).not.toContain(generated);

  const row = accountRow(page, staff.loginId);
  await expect(row).toContainText(staff.displayName);
  await expect(row).toContainText('スタッフ');
  await expect(row).toContainText(staff.department);
  await expect(row).toContainText('初回パスワード変更待ち');
  await expect(row.locator('[data-statement-state]')).toHaveAttribute('data-statement-state', 'none');

  // The staff member signs in with it and must choose their own password first.
  await signOutOfDesk(page);
  await signInAs(page, staff.loginId, generated);
  await replaceTemporaryPassword(page, generated, chosenPassword);
  await expect(page.getByRole('heading', { name: `ようこそ、${staff.displayName}さん` })).toBeVisible();
  const entries = await mainMenu(page).getByRole('button').allTextContents();
  expect(entries).toEqual(expect.arrayContaining(['ホーム', 'アカウント設定']));
  for (const hidden of ['アカウント管理', '誓約書', '監査ログ', '設定']) expect(entries).not.toContain(hidden);
  // The core refuses as well: the menu only hides what the role may not use.
  const listed = await desk.api('accounts.list', {});
  expect(listed.ok ? 'listed' : listed.error.code).toBe('FORBIDDEN');
});

test('officer disables the staff account, the staff member can no longer sign in, and the officer re-enables it with a new temporary password', async ({ page, desk }) => {
  await desk.setUpOfficer();
  await createStaffThroughApi(desk);
  await desk.open(page);
  await signInAs(page, officer.loginId, officer.password);
  await openAccounts(page);

  await accountAction(page, staff.displayName, '無効にする');
  const confirm = page.getByRole('dialog', { name: 'アカウントを無効にしますか？' });
  await expect(confirm).toContainText(`${staff.displayName}さん（${staff.loginId}）はサインインできなくなります。`);
  await shootInBothLanguages(desk, page, 'account-disable');
  await confirm.getByRole('button', { name: '無効にする' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(accountRow(page, staff.loginId)).toHaveAttribute('data-status', 'disabled');
  await expect(accountRow(page, staff.loginId)).toContainText('無効');
  await shootInBothLanguages(desk, page, 'accounts-disabled');

  await signOutOfDesk(page);
  await signInAs(page, staff.loginId, 'Kari-Pasu-Waado-5521');
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'サインイン' })).toBeVisible();

  await signInAs(page, officer.loginId, officer.password);
  await openAccounts(page);
  await accountAction(page, staff.displayName, '有効に戻す');
  await expect(page.getByRole('dialog', { name: 'アカウントを有効に戻す' })).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: '自動生成' }).click();
  await shootInBothLanguages(desk, page, 'account-enable');
  const temporary = await generateAndSubmit(page, '有効に戻す');
  await page.getByRole('button', { name: 'お渡ししました' }).click();
  await expect(accountRow(page, staff.loginId)).toHaveAttribute('data-status', 'active');

  await signOutOfDesk(page);
  await signInAs(page, staff.loginId, temporary);
  await replaceTemporaryPassword(page, temporary, chosenPassword);
  await expect(page.getByRole('heading', { name: `ようこそ、${staff.displayName}さん` })).toBeVisible();
});

test('a locked account shows until when; the officer unlocks it and resets its password', async ({ page, desk }) => {
  await desk.setUpOfficer();
  await createStaffThroughApi(desk);
  for (let attempt = 1; attempt <= 5; attempt++) await desk.api('auth.login', { loginId: staff.loginId, password: `wrong-password-${attempt}` });

  await desk.open(page);
  await signInAs(page, officer.loginId, officer.password);
  await openAccounts(page);
  const row = accountRow(page, staff.loginId);
  await expect(row).toContainText(/\d{2}:\d{2} までロック中/);
  await shootInBothLanguages(desk, page, 'accounts-locked');
  await accountAction(page, staff.displayName, 'ロックを解除');
  await expect(page.getByText(`${staff.displayName}さんのアカウントのロックを解除しました。`)).toBeVisible();
  await expect(row).not.toContainText('ロック中');

  await accountAction(page, staff.displayName, 'パスワードをリセット');
  const dialog = page.getByRole('dialog', { name: 'パスワードをリセット' });
  // The login id itself is refused, and the reason is next to the field.
  await textField(dialog, '仮パスワード').fill(staff.loginId);
  await dialog.getByRole('button', { name: 'リセットする' }).click();
  await expect(dialog.getByText('パスワードは12文字以上にしてください。')).toBeVisible();
  await shootInBothLanguages(desk, page, 'account-reset');
  const temporary = await generateAndSubmit(page, 'リセットする');
  await page.getByRole('button', { name: 'お渡ししました' }).click();

  await signOutOfDesk(page);
  await signInAs(page, staff.loginId, temporary);
  await expect(page.getByRole('heading', { name: 'パスワードの変更が必要です' })).toBeVisible();
});

test('the last officer cannot be demoted or disabled: the screen says why', async ({ page, desk }) => {
  await desk.setUpOfficer();
  await desk.open(page);
  await signInAs(page, officer.loginId, officer.password);
  await openAccounts(page);

  await accountAction(page, officer.displayName, '編集');
  const dialog = page.getByRole('dialog', { name: 'アカウントを編集' });
  await dialog.getByRole('radio', { name: 'スタッフ' }).check();
  await dialog.getByRole('button', { name: '保存する' }).click();
  await expect(dialog.getByRole('alert')).toContainText('有効な個人情報保護管理者がこの方だけのため、無効にすることも役割を変えることもできません。');
  await shootInBothLanguages(desk, page, 'account-edit-last-officer');
  await dialog.getByRole('button', { name: 'キャンセル' }).click();
  await expect(accountRow(page, officer.loginId)).toContainText('個人情報保護管理者');

  // Nor can the officer disable their own account: the menu does not offer it, and the core refuses it.
  await page.getByRole('button', { name: `${officer.displayName}さんのアカウントの操作` }).click();
  await expect(page.getByRole('menuitem', { name: '無効にする' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  const session = await desk.api<{ accountId: string }>('auth.session', {});
  const refused = await desk.api('accounts.disable', { id: session.ok ? session.value.accountId : '' });
  expect(refused.ok ? 'disabled' : refused.error.message).toBe('accounts.notSelf');
});
