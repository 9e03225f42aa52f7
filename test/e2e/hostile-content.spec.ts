// The officer types markup, script, right-to-left marks and emoji into a customer and a request: the list, the record
// and the request show them as typed, as text. No dialog opens, no element is injected, nothing runs.
import type { Page } from '@playwright/test';
import { scannedPdf } from '../fixtures/scans';
import { hostile, hostileText } from '../unit/fuzz/hostile';
import { expect, mainMenu, officer, signInAs, test, textField } from './fixtures';

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
});


/** Elements an injection would have made, and scripts carrying its payload: there must be none. */
async function injectedElements(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      document.querySelectorAll('img[src="x"], [onerror], [onload], svg[onload]').length +
      [...document.scripts].filter((s) => (s.textContent ?? '').includes('alert(')).length,
  );
}

async function closeToasts(page: Page): Promise<void> {
  const toasts = page.locator('.mantine-Notification-root');
  while ((await toasts.count()) > 0) await toasts.first().locator('button').click({ timeout: 2000 }).catch(() => undefined);
}

test('markup, script, right-to-left marks and emoji are shown as text on every screen, and nothing runs', async ({ page, desk }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await desk.setUpOfficer();
  await desk.open(page);
  await signInAs(page, officer.loginId, officer.password);
  await expect(page.getByTestId('signed-in-name')).toHaveText(officer.displayName);

  // The officer types the customer in as it came: a name that is an <img> tag, a city that is a <script>.
  await mainMenu(page).getByRole('button', { name: '顧客の新規登録' }).click();
  const form = page.getByRole('form', { name: '顧客の新規登録' });
  await textField(form, '顧客番号').fill('H-0001');
  await textField(form, '氏名').fill(hostile.name);
  await textField(form, 'フリガナ').fill('やまだ たろう');
  await textField(form, '郵便番号').fill('150-0001');
  await form.getByRole('combobox', { name: '都道府県' }).click();
  await page.getByRole('option', { name: '東京都' }).click();
  await textField(form, '市区町村').fill(hostile.script);
  await textField(form, '住所1：町名・番地').fill(hostile.formula);
  await textField(form, '住所2：建物名・部屋番号（任意）').fill(`${hostile.rtlFileName} ${hostile.emoji}`);
  await textField(form, 'メールアドレス').fill('hostile.yamada@example.jp');
  await form.getByRole('button', { name: '登録する' }).click();

  const record = page.getByTestId('customer-record');
  await expect(record).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(hostile.name);
  await expect(record).toContainText(hostile.script);
  await expect(record).toContainText(hostile.formula);
  await expect(record).toContainText(`${hostile.rtlFileName} ${hostile.emoji}`);
  expect(await injectedElements(page)).toBe(0);
  await closeToasts(page);
  await desk.screenshot(page, 'hostile-customer-record-ja');

  // The list finds it by number and shows the name as typed.
  await mainMenu(page).getByRole('button', { name: '顧客', exact: true }).click();
  await page.getByRole('searchbox', { name: '検索' }).fill('H-0001');
  const rows = page.getByTestId('customers-table').locator('tbody tr[data-customer-no]');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(hostile.name);
  expect(await injectedElements(page)).toBe(0);
  await desk.screenshot(page, 'hostile-customer-list-ja');

  // The request: the requester's name and the ask as markup, a comment with a script, a document with an <img> name.
  await mainMenu(page).getByRole('button', { name: '請求一覧', exact: true }).click();
  await page.getByRole('button', { name: '請求を受け付ける' }).first().click();
  const intake = page.getByRole('form', { name: '請求の受付' });
  await intake.getByRole('radio', { name: '開示', exact: true }).click();
  await intake.getByLabel('受付の経路').selectOption('email');
  await textField(intake, '氏名').fill(hostile.name);
  await textField(intake, 'メールアドレス（任意）').fill('hostile.yamada@example.jp');
  const asked = `${hostileText(600)}\n${hostile.tab}`;
  await textField(intake, '請求の内容').fill(asked);
  await intake.getByRole('searchbox', { name: '顧客を検索' }).fill('H-0001');
  const found = intake.getByTestId('customer-picker-results');
  await expect(found.locator('tr[data-customer-no]')).toHaveCount(1);
  await found.getByRole('button').first().click();
  await intake.getByRole('button', { name: '受け付ける' }).click();

  const view = page.getByTestId('request-view');
  await expect(view).toBeVisible();
  const number = (await view.getAttribute('data-number'))!;
  await expect(page.getByTestId('request-requester')).toContainText(hostile.name);
  await expect(page.getByTestId('request-asked')).toContainText(hostileText(600));

  const comment = page.getByRole('form', { name: 'コメントを追加' });
  await comment.getByRole('textbox', { name: 'コメントを追加' }).fill(`${hostile.script} ${hostile.emoji}`);
  await comment.getByRole('button', { name: '追加する' }).click();
  await expect(page.getByTestId('request-comments')).toContainText(`${hostile.script} ${hostile.emoji}`);

  // The document comes in through the desk's own call, named as the sender named it; the view is opened afresh.
  const requestId = (await desk.ok<{ rows: { id: string; number: string }[] }>('requests.list', {})).rows.find((r) => r.number === number)!.id;
  await desk.ok('requests.attach', { id: requestId, file: { fileName: hostile.htmlFileName, mediaType: 'application/pdf', dataBase64: scannedPdf().toString('base64') } });
  await page.getByRole('button', { name: '請求一覧に戻る' }).click();
  await page.getByTestId('requests-table').locator(`tbody tr[data-number="${number}"]`).click();
  await expect(page.getByTestId('request-attachments')).toContainText(hostile.htmlFileName);
  await closeToasts(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await desk.screenshot(page, 'hostile-request-view-ja');

  // Nothing ran and nothing was made of the markup, on any of these screens.
  expect(dialogs).toEqual([]);
  expect(await injectedElements(page)).toBe(0);
  await expect(page.locator('body')).toContainText(hostile.htmlFileName);
});
