// A finished UI (issue #9): each person's own language and date style on a shared workstation, the grouped side menu,
// and working by keyboard: "/" to the search box, arrows and Enter through the register, Esc back to the list.
import type { Page } from '@playwright/test';
import type { RequestIntake } from '../../src-shared/api/requests';
import type { RequestDetail } from '../../src-shared/requests';
import { sato, yamada } from '../fixtures/customers';
import { expect, mainMenu, officer, replaceTemporaryPassword, shootInBothLanguages, signInAs, signOutOfDesk, test, type Desk } from './fixtures';

/** A second officer sharing the workstation, who never chose a language. */
const colleague = { displayName: '森 由美', loginId: 'mori', role: 'officer', temporaryPassword: 'Kari-Pasu-Mori-8830' };
const colleaguePassword = 'mori-no-aikotoba-2026-11';

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
});


function localDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function intake(name: string, email: string): RequestIntake {
  return {
    kind: 'disclosure',
    channel: 'email',
    receivedOn: localDay(new Date()),
    requesterKind: 'person',
    requester: { name, email },
    asked: '当社が保有している私の個人情報を開示してください。',
    disclosureForm: 'electronic',
    noticeLanguage: 'ja',
  };
}

/** The officer's desk with customers and, when asked, requests registered through the API. */
async function seedDesk(desk: Desk, options: { colleague?: boolean; requests?: number } = {}): Promise<RequestDetail[]> {
  await desk.setUpOfficer();
  await desk.ok('auth.login', { loginId: officer.loginId, password: officer.password });
  for (const c of [yamada, sato]) await desk.ok('customers.create', c);
  if (options.colleague) await desk.ok('accounts.create', colleague);
  const made: RequestDetail[] = [];
  const requesters = [['中村 一郎', 'nakamura@example.jp'], ['小林 二郎', 'kobayashi@example.jp'], ['加藤 三郎', 'kato@example.jp']] as const;
  for (const [name, email] of requesters.slice(0, options.requests ?? 0)) made.push(await desk.ok<RequestDetail>('requests.create', intake(name, email)));
  await desk.ok('auth.logout');
  return made;
}

async function openYamada(page: Page, language: 'ja' | 'en'): Promise<void> {
  const menu = page.getByRole('navigation', { name: language === 'ja' ? 'メインメニュー' : 'Main menu' });
  await menu.getByRole('button', { name: language === 'ja' ? '顧客' : 'Customers', exact: true }).click();
  await page.getByRole('button', { name: language === 'ja' ? '山田 太郎さんの情報を開く' : "Open 山田 太郎's record" }).click();
  await expect(page.getByTestId('customer-record')).toBeVisible();
}

test('an officer keeps English and the era on their account; the next person at the workstation gets Japanese and western dates', async ({ page, desk }) => {
  await seedDesk(desk, { colleague: true });
  await desk.open(page);
  await signInAs(page, officer.loginId, officer.password);
  await expect(page.getByRole('heading', { name: `ようこそ、${officer.displayName}さん` })).toBeVisible();

  // The side menu in four labelled sections, the officer's own account last.
  const menu = mainMenu(page);
  await expect(menu.getByRole('group')).toHaveText([/^日々の業務/, /^台帳・記録/, /^管理/, /^自分/]);
  await expect(menu.getByRole('group', { name: '自分' }).getByRole('button')).toHaveText(['アカウント設定']);
  await expect(menu.getByRole('group', { name: '台帳・記録' }).getByRole('button')).toContainText(['取引先', '漏えい等事案', '報告書']);

  await menu.getByRole('button', { name: 'アカウント設定' }).click();
  const card = page.getByTestId('preferences-card');
  // Never chosen: the desk shows the sign-in screen's language and says so.
  await expect(card.getByTestId('language-unset')).toBeVisible();
  await expect(card.getByRole('radio', { name: /^西暦/ })).toBeChecked();
  // The pictures switch the language with the header's switch, which saves it: Japanese is the officer's own now.
  await shootInBothLanguages(desk, page, 'finished-ui-preferences');
  await expect(card.getByRole('radio', { name: '日本語' })).toBeChecked();
  await expect(card.getByTestId('language-unset')).toBeHidden();

  // English, then the Japanese era; each saved as soon as chosen.
  await card.getByRole('radio', { name: 'English' }).check();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'My account', level: 1 })).toBeVisible();
  await card.getByRole('radio', { name: /^Japanese era/ }).check();
  await expect(card.getByRole('radio', { name: /^Japanese era/ })).toBeChecked();
  await expect(page.getByText('Display settings saved.').first()).toBeVisible();
  await openYamada(page, 'en');
  await expect(page.getByTestId('record-birth')).toHaveText('Apr 12, 1985 (Shōwa 60)');

  // Signing out: the sign-in screen keeps the machine's language, not the officer's.
  const loggedOut = page.waitForResponse((r) => r.url().endsWith('/api/auth.logout'));
  await page.getByRole('button', { name: 'Sign out' }).click();
  await loggedOut;
  await expect(page.getByRole('heading', { name: 'サインイン' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');

  // The colleague has chosen nothing: Japanese, western dates.
  await signInAs(page, colleague.loginId, colleague.temporaryPassword);
  await replaceTemporaryPassword(page, colleague.temporaryPassword, colleaguePassword);
  await expect(page.getByRole('heading', { name: `ようこそ、${colleague.displayName}さん` })).toBeVisible();
  await openYamada(page, 'ja');
  await expect(page.getByTestId('record-birth')).toHaveText('1985年4月12日');
  await signOutOfDesk(page);

  // The officer again: English and the era come back with the sign-in.
  await signInAs(page, officer.loginId, officer.password);
  await expect(page.getByRole('heading', { name: `Welcome, ${officer.displayName}` })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await openYamada(page, 'en');
  await expect(page.getByTestId('record-birth')).toHaveText('Apr 12, 1985 (Shōwa 60)');

  // The switch in the header saves too: back to Japanese, the era kept.
  await page.getByRole('radiogroup', { name: 'Language' }).getByText('日本語').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByTestId('record-birth')).toHaveText('昭和60年4月12日');
  await expect.poll(async () => desk.ok('preferences.get')).toEqual({ language: 'ja', dateStyle: 'era' });
});

test('the officer works the register by keyboard: "/" to the search, arrows and Enter to open, Esc back', async ({ page, desk }) => {
  const made = await seedDesk(desk, { requests: 3 });
  await desk.open(page);
  await signInAs(page, officer.loginId, officer.password);
  await expect(page.getByTestId('signed-in-name')).toHaveText(officer.displayName);
  await shootInBothLanguages(desk, page, 'finished-ui-menu');

  // "/" from anywhere on the customers screen goes to its search box; inside the box it is a character.
  await mainMenu(page).getByRole('button', { name: '顧客', exact: true }).click();
  const search = page.getByTestId('customer-search');
  await page.getByRole('heading', { name: '顧客', level: 1 }).click();
  await expect(search).not.toBeFocused();
  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  await page.keyboard.type('さとう');
  await expect(search).toHaveValue('さとう');
  await expect(page.getByTestId('customers-table').locator('tbody tr[data-customer-no]')).toHaveCount(1);

  // The register: ArrowDown moves to the next row, Enter opens it, Esc comes back to the list.
  await mainMenu(page).getByRole('button', { name: '請求一覧' }).click();
  const rows = page.getByTestId('requests-table').locator('tbody tr[data-number]');
  await expect(rows).toHaveCount(made.length);
  await rows.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await expect(rows.nth(1)).toBeFocused();
  const second = await rows.nth(1).getAttribute('data-number');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('request-view')).toHaveAttribute('data-number', second!);
  await shootInBothLanguages(desk, page, 'finished-ui-request-by-keyboard');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('request-view')).toBeHidden();
  await expect(rows).toHaveCount(made.length);

  // The audit trail's search box is its action filter.
  await mainMenu(page).getByRole('button', { name: '監査ログ' }).click();
  await page.getByRole('heading', { name: '監査ログ', level: 1 }).click();
  await page.keyboard.press('/');
  await expect(page.getByRole('combobox', { name: '操作' })).toBeFocused();
});
