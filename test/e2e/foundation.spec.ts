// The foundation's user journeys (issue #2): setup, sign-in, lockout, recovery, lock, settings, sign-out, language.
import type { Page } from '@playwright/test';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, officer, signOutOfDesk, test, type Desk } from './fixtures';

const newPassword = 'Hikari-Kawa-Mori-4821';
const keyPattern = /^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/;

// ---- helpers (kept here: only spec files are ours to write) ----

async function switchLanguage(page: Page, lang: 'ja' | 'en'): Promise<void> {
  // The segmented control's radios are visually hidden; a person clicks the visible label.
  await page.locator('label').filter({ hasText: lang === 'en' ? /^English$/ : /^日本語$/ }).first().click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

/** Screenshots the screen in Japanese, then in English, and comes back to Japanese. */
async function shootBoth(desk: Desk, page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0); // no tooltip or hover in the picture
  await page.evaluate(() => window.scrollTo(0, 0)); // the fixed header stays where it belongs in a full-page picture
  await desk.screenshot(page, `${name}-ja`);
  await switchLanguage(page, 'en');
  await desk.screenshot(page, `${name}-en`);
  await switchLanguage(page, 'ja');
}

async function signIn(page: Page, loginId: string, password: string): Promise<void> {
  await field(page, 'ログインID').fill(loginId);
  await field(page, 'パスワード').fill(password);
  await page.getByRole('button', { name: 'サインイン', exact: true }).click();
}

/** A text or password field by its label (Mantine adds a " *" to required labels, so getByLabel would not match exactly). */
const field = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });

const nav = (page: Page) => page.getByRole('navigation', { name: 'メインメニュー' });

async function expectSignedIn(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: `ようこそ、${officer.displayName}さん` })).toBeVisible();
  await expect(page.getByTestId('signed-in-name')).toHaveText(officer.displayName);
  await expect(page.getByTestId('signed-in-role')).toHaveText('個人情報保護管理者');
}

async function unlock(page: Page, password: string): Promise<void> {
  await field(page, 'パスワード').fill(password);
  await page.getByRole('button', { name: 'ロックを解除' }).click();
}

/** Every text and every field value of the page, to prove a secret is nowhere in it. */
async function everythingOnPage(page: Page): Promise<string> {
  const html = await page.content();
  const values = await page.evaluate(() => [...document.querySelectorAll('input, textarea')].map((e) => (e as HTMLInputElement).value).join('\n'));
  return `${html}\n${values}`;
}

// ---- journeys ----

// Mantine honours reduced motion: pictures are taken after, not during, a transition.
test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

test('officer sets up the desk, stores the recovery key, signs in, locks (button and Ctrl+L), unlocks', async ({ page, desk }) => {
  await desk.open(page);
  await expect(page.getByRole('heading', { name: '初期設定' })).toBeVisible();

  await field(page, '表示名').fill(officer.displayName);
  await field(page, 'ログインID').fill(officer.loginId);
  await field(page, 'パスワード').fill('short');
  await expect(page.locator('[data-rule="minLength"]')).toHaveAttribute('data-met', 'false');
  await field(page, 'パスワード').fill('password1234');
  await expect(page.locator('[data-rule="minLength"]')).toHaveAttribute('data-met', 'true');
  await expect(page.locator('[data-rule="strength"]')).toHaveAttribute('data-met', 'false');
  await expect(page.getByTestId('password-weakness')).toBeVisible();
  await field(page, 'パスワード').fill(officer.password);
  await expect(page.locator('[data-rule="strength"]')).toHaveAttribute('data-met', 'true');
  await expect(page.locator('[data-rule="notLoginId"]')).toHaveAttribute('data-met', 'true');
  await field(page, 'パスワード（確認）').fill(officer.password);
  await field(page, '氏名').fill(officer.manager.name);
  await field(page, '役職').fill(officer.manager.title);
  await field(page, 'メールアドレス').fill('not-an-address');
  await field(page, '電話番号').fill(officer.manager.phone);
  await page.getByRole('button', { name: '設定してアカウントを作成する' }).click();
  await expect(page.getByText('メールアドレスの形式が正しくありません。')).toBeVisible();
  await shootBoth(desk, page, 'setup');
  await field(page, 'メールアドレス').fill(officer.manager.email);
  await page.getByRole('button', { name: '設定してアカウントを作成する' }).click();

  // The recovery key, once, with the checkbox before going on.
  const key = page.getByTestId('recovery-key');
  await expect(key).toHaveText(keyPattern);
  const recoveryKey = (await key.textContent())!;
  const goOn = page.getByRole('button', { name: '続ける' });
  await expect(goOn).toBeDisabled();
  await shootBoth(desk, page, 'setup-recovery-key');
  await page.getByRole('checkbox', { name: 'オフラインで保管しました' }).check();
  await expect(goOn).toBeEnabled();
  await goOn.click();

  await expect(page.getByRole('heading', { name: 'サインイン' })).toBeVisible();
  await expect(page.getByText('初期設定が完了しました。')).toBeVisible();
  expect(await everythingOnPage(page)).not.toContain(recoveryKey);
  await shootBoth(desk, page, 'sign-in');

  await signIn(page, officer.loginId, officer.password);
  await expectSignedIn(page);
  await expect(page.getByTestId('manager-card')).toContainText(officer.manager.email);
  await shootBoth(desk, page, 'home');

  // Lock with the button.
  await page.getByRole('button', { name: 'ロック', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'デスクはロックされています' })).toBeVisible();
  await expect(page.getByTestId('locked-person')).toContainText(officer.displayName);
  expect((await desk.api('settings.get', {})).ok).toBe(false); // the core is locked too, not only the screen
  await unlock(page, 'not-the-password');
  await expect(page.getByRole('alert')).toContainText('パスワードが正しくありません。');
  await shootBoth(desk, page, 'lock');
  await unlock(page, officer.password);
  await expectSignedIn(page);

  // Lock with Ctrl+L, even while typing in a field.
  await nav(page).getByRole('button', { name: 'アカウント設定' }).click();
  await field(page, '現在のパスワード').fill('half-typed');
  await page.keyboard.press('Control+L');
  await expect(page.getByRole('heading', { name: 'デスクはロックされています' })).toBeVisible();
  await unlock(page, officer.password);
  await expect(page.getByRole('heading', { name: 'パスワード変更' })).toBeVisible();
  // The form was remounted: what was typed before the lock is gone.
  await expect(field(page, '現在のパスワード')).toHaveValue('');
});

test('five wrong passwords lock the account; the right one is refused and the screen says until when', async ({ page, desk }) => {
  await desk.setUpOfficer();
  await desk.open(page);
  for (let attempt = 1; attempt <= 4; attempt++) {
    await signIn(page, officer.loginId, `wrong-password-${attempt}`);
    await expect(page.getByRole('alert')).toContainText('ログインIDまたはパスワードが正しくありません。');
  }
  const before = Date.now();
  await signIn(page, officer.loginId, 'wrong-password-5');
  const until = (offsetMs: number) =>
    new Intl.DateTimeFormat('ja-JP', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Tokyo' }).format(new Date(before + 15 * 60_000 + offsetMs));
  const expected = new RegExp(`(${until(0)}|${until(60_000)}) まで`);
  await expect(page.getByRole('alert')).toContainText(expected);

  // The right password is refused while the lock lasts.
  await signIn(page, officer.loginId, officer.password);
  await expect(page.getByRole('alert')).toContainText('ロックされています');
  await expect(page.getByRole('alert')).toContainText(expected);
  await expect(page.getByRole('heading', { name: 'サインイン' })).toBeVisible();
  await desk.screenshot(page, 'account-locked-ja');
  await switchLanguage(page, 'en');
  await expect(page.getByRole('alert')).toContainText(new RegExp(`locked until (${until(0)}|${until(60_000)})`));
  await desk.screenshot(page, 'account-locked-en');
});

test('a forgotten password is reset with the recovery key; the old password no longer opens the desk', async ({ page, desk }) => {
  const { recoveryKey } = await desk.setUpOfficer();
  await desk.open(page);
  await page.getByRole('button', { name: 'パスワードを忘れた場合' }).click();
  await expect(page.getByRole('heading', { name: '回復キーでパスワードを再設定' })).toBeVisible();

  await field(page, 'ログインID').fill(officer.loginId);
  await field(page, '回復キー').fill('ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789');
  await field(page, '新しいパスワード').fill(newPassword);
  await field(page, '新しいパスワード（確認）').fill(newPassword);
  await page.getByRole('button', { name: 'パスワードを再設定する' }).click();
  await expect(page.getByText('回復キーが正しくありません。')).toBeVisible();
  await shootBoth(desk, page, 'recovery');

  // Typed back as a person would: lower case, spaces instead of hyphens.
  await field(page, '回復キー').fill(recoveryKey.toLowerCase().replaceAll('-', ' '));
  await page.getByRole('button', { name: 'パスワードを再設定する' }).click();
  await expect(page.getByText('パスワードを再設定しました。')).toBeVisible();
  await shootBoth(desk, page, 'recovery-done');

  await signIn(page, officer.loginId, officer.password);
  await expect(page.getByRole('alert')).toContainText('ログインIDまたはパスワードが正しくありません。');
  await signIn(page, officer.loginId, newPassword);
  await expectSignedIn(page);
});

test('officer changes own password and the idle-lock minutes; only what the role may use is in the menu', async ({ page, desk }) => {
  const { recoveryKey: oldRecoveryKey } = await desk.setUpOfficer();
  await desk.open(page);
  await signIn(page, officer.loginId, officer.password);
  await expectSignedIn(page);

  // With only an officer on the desk: the officer's entries, Settings among them (each feature adds its own, in this order).
  await expect(nav(page).getByRole('button')).toContainText(['ホーム', 'アカウント管理', '誓約書', '監査ログ', '設定', 'アカウント設定']);

  // Own password.
  await nav(page).getByRole('button', { name: 'アカウント設定' }).click();
  await field(page, '現在のパスワード').fill('not-the-password');
  await field(page, '新しいパスワード').fill(officer.loginId);
  await field(page, '新しいパスワード（確認）').fill(officer.loginId);
  await expect(page.locator('[data-rule="notLoginId"]')).toHaveAttribute('data-met', 'false');
  await page.getByRole('button', { name: 'パスワードを変更する' }).click();
  await expect(page.getByText('パスワードは12文字以上にしてください。')).toBeVisible();
  await shootBoth(desk, page, 'my-account');
  await field(page, '新しいパスワード').fill(newPassword);
  await field(page, '新しいパスワード（確認）').fill(newPassword);
  await page.getByRole('button', { name: 'パスワードを変更する' }).click();
  await expect(page.getByText('パスワードが正しくありません。')).toBeVisible();
  await field(page, '現在のパスワード').fill(officer.password);
  await page.getByRole('button', { name: 'パスワードを変更する' }).click();
  await expect(page.getByText('パスワードを変更しました。')).toBeVisible();

  // Idle lock minutes.
  await nav(page).getByRole('button', { name: '設定', exact: true }).click();
  await expect(page.getByRole('heading', { name: '設定', exact: true })).toBeVisible();
  await expect(page.getByTestId('installation-id')).not.toBeEmpty();
  const minutes = field(page, '自動ロックまでの時間（分）');
  await minutes.fill('0');
  await page.getByRole('form', { name: '自動ロック' }).getByRole('button', { name: '保存する' }).click();
  await expect(page.getByText('1〜60の整数で入力してください。')).toBeVisible();
  await shootBoth(desk, page, 'settings');
  await minutes.fill('5');
  await page.getByRole('form', { name: '自動ロック' }).getByRole('button', { name: '保存する' }).click();
  await expect(page.getByText('自動ロックまでの時間を 5 分に変更しました。')).toBeVisible();
  await nav(page).getByRole('button', { name: 'ホーム' }).click();
  await expect(page.getByTestId('idle-lock-in-effect')).toContainText('5 分');

  // A new recovery key: the password again, the key once, and the old key stops working.
  await nav(page).getByRole('button', { name: '設定', exact: true }).click();
  const recovery = page.getByRole('form', { name: '回復キーの再発行' });
  await recovery.getByRole('textbox', { name: '現在のパスワード', exact: true }).fill(newPassword);
  await recovery.getByRole('button', { name: '回復キーを再発行する' }).click();
  await expect(page.getByTestId('recovery-key')).toHaveText(keyPattern);
  await expect(page.getByText('これまでの回復キーはただちに使えなくなります。')).toBeVisible();
  await shootBoth(desk, page, 'settings-new-recovery-key');
  await page.getByRole('checkbox', { name: 'オフラインで保管しました' }).check();
  await page.getByRole('button', { name: '続ける' }).click();
  await expect(page.getByTestId('recovery-key')).toHaveCount(0);

  // The window clears at once and then tells the core: the API call waits for the core's answer (signOutOfDesk).
  await signOutOfDesk(page);
  const old = await desk.api('auth.recover', { loginId: officer.loginId, recoveryKey: oldRecoveryKey, newPassword: 'Tsuki-Yoru-Kaze-7305' });
  expect(old.ok ? 'recovered' : old.error.message).toBe('auth.wrongRecoveryKey');

  // The new password opens the desk, with the new idle lock.
  await signIn(page, officer.loginId, officer.password);
  await expect(page.getByRole('alert')).toContainText('ログインIDまたはパスワードが正しくありません。');
  await signIn(page, officer.loginId, newPassword);
  await expectSignedIn(page);
  await expect(page.getByTestId('idle-lock-in-effect')).toContainText('5 分');
});

test('the desk locks itself after the idle-lock minutes without input', async ({ page, desk }) => {
  await desk.setUpOfficer();
  // Set one minute through the core, as the officer would in Settings.
  expect((await desk.api('auth.login', { loginId: officer.loginId, password: officer.password })).ok).toBe(true);
  expect((await desk.api('settings.update', { idleLockMinutes: 1 })).ok).toBe(true);
  await desk.api('auth.logout', {});

  await page.clock.install();
  await desk.open(page);
  await signIn(page, officer.loginId, officer.password);
  await expectSignedIn(page);
  await expect(page.getByTestId('idle-lock-in-effect')).toContainText('1 分');
  await page.clock.fastForward('00:50');
  await expect(page.getByRole('heading', { name: 'デスクはロックされています' })).toHaveCount(0);
  await page.clock.fastForward('00:20');
  await expect(page.getByRole('heading', { name: 'デスクはロックされています' })).toBeVisible();
  expect(await everythingOnPage(page)).not.toContain(officer.manager.email);
  await unlock(page, officer.password);
  await expectSignedIn(page);
});

test('signing out clears the screen: the manager’s e-mail is nowhere in the page after sign-out, nor after lock', async ({ page, desk }) => {
  await desk.setUpOfficer();
  await desk.open(page);
  await signIn(page, officer.loginId, officer.password);
  await expect(page.getByTestId('manager-card')).toContainText(officer.manager.email);
  await nav(page).getByRole('button', { name: '設定', exact: true }).click();
  await expect(field(page, 'メールアドレス')).toHaveValue(officer.manager.email);

  const loggedOut = page.waitForResponse((r) => r.url().endsWith('/api/auth.logout'));
  await page.getByRole('button', { name: 'サインアウト' }).click();
  await expect(page.getByRole('heading', { name: 'サインイン' })).toBeVisible();
  await expect(page.getByText('サインアウトしました。')).toBeVisible();
  await loggedOut;
  expect(await everythingOnPage(page)).not.toContain(officer.manager.email);
  await shootBoth(desk, page, 'signed-out');
  expect((await desk.api('auth.session', {})).ok).toBe(false);

  await signIn(page, officer.loginId, officer.password);
  await expect(page.getByTestId('manager-card')).toContainText(officer.manager.email);
  await page.keyboard.press('Control+L');
  await expect(page.getByRole('heading', { name: 'デスクはロックされています' })).toBeVisible();
  expect(await everythingOnPage(page)).not.toContain(officer.manager.email);

  // Unlocking fetches the data again (nothing was kept while locked).
  await unlock(page, officer.password);
  await expect(page.getByTestId('manager-card')).toContainText(officer.manager.email);
});

test('the app is in Japanese by default and switches to English, including on the sign-in screen', async ({ page, desk }) => {
  await desk.open(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByRole('heading', { name: '初期設定' })).toBeVisible();
  await switchLanguage(page, 'en');
  await expect(page.getByRole('heading', { name: 'Set up the desk' })).toBeVisible();
  await expect(page.getByText('Every notice to customers')).toBeVisible();

  await desk.setUpOfficer();
  await page.goto('about:blank'); // a new window: the app starts again
  await desk.open(page); // the choice is remembered on this machine
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await field(page, 'Login ID').fill(officer.loginId);
  await field(page, 'Password').fill('wrong-password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('The login ID or password is wrong.');
  await expect(page.getByRole('button', { name: 'Forgot your password?' })).toBeVisible();

  await field(page, 'Password').fill(officer.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { name: `Welcome, ${officer.displayName}` })).toBeVisible();
  await expect(page.getByTestId('signed-in-role')).toHaveText('Privacy officer');
  await expect(page.getByRole('navigation', { name: 'Main menu' }).getByRole('button')).toContainText(['Home', 'Accounts', 'Statements', 'Audit trail', 'Settings', 'My account']);

  await switchLanguage(page, 'ja');
  await expect(page.getByRole('heading', { name: `ようこそ、${officer.displayName}さん` })).toBeVisible();
  await expect(page.getByTestId('signed-in-role')).toHaveText('個人情報保護管理者');
});

test('a damaged keyring says what happened and to restore the data folder from a backup', async ({ page, desk }) => {
  const { dataDir } = await desk.reset();
  await desk.setUpOfficer();
  const keyring = readdirSync(dataDir).find((f) => f.startsWith('keyring'));
  expect(keyring).toBeTruthy();
  writeFileSync(join(dataDir, keyring!), '{"version": 1, "broken": tru');
  await desk.open(page);
  await signIn(page, officer.loginId, officer.password);
  await expect(page.getByRole('alert')).toContainText('バックアップから復元');
  await shootBoth(desk, page, 'integrity');
});

test('staff signs in with a temporary password, must change it first, and is not offered Settings', async ({ page, desk }) => {
  await desk.setUpOfficer();
  expect((await desk.api('auth.login', { loginId: officer.loginId, password: officer.password })).ok).toBe(true);
  const staff = { displayName: '北川 翔', loginId: 'kitagawa', role: 'staff', temporaryPassword: 'Kari-Pasu-Waado-5521' };
  const created = await desk.api('accounts.create', staff);
  expect(created.ok).toBe(true);
  await desk.api('auth.logout', {});

  await desk.open(page);
  await signIn(page, staff.loginId, staff.temporaryPassword);
  await expect(page.getByRole('heading', { name: 'パスワードの変更が必要です' })).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await field(page, '現在のパスワード').fill(staff.temporaryPassword);
  await field(page, '新しいパスワード').fill(newPassword);
  await field(page, '新しいパスワード（確認）').fill(newPassword);
  await shootBoth(desk, page, 'must-change-password');
  await page.getByRole('button', { name: 'パスワードを変更する' }).click();

  await expect(page.getByRole('heading', { name: `ようこそ、${staff.displayName}さん` })).toBeVisible();
  await expect(page.getByTestId('signed-in-role')).toHaveText('スタッフ');
  // Staff work on customers; they are offered none of the officer's or the auditor's screens.
  await expect(nav(page).getByRole('button')).toHaveText(['ホーム', '請求一覧', '請求の受付', '顧客', '顧客の新規登録', 'マーケティング配信リスト', 'CSV取込', '重複の可能性', '取引先', '第三者提供の記録', '受領の記録', '漏えい等事案', '個人情報管理台帳', '苦情・相談', '委託先の監督', '内部監査と是正処置', 'プライバシーポリシーの版', 'アカウント設定']);
  await expect(page.getByTestId('manager-card')).toContainText(officer.manager.email);
  await shootBoth(desk, page, 'home-staff');
});
