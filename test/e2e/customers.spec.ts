// Customer record journeys (issue #4): Japanese search, masked and revealed records, the statement gate, card numbers refused, the marketing list.
import type { Page } from '@playwright/test';
import type { CustomerInput } from '../../src-shared/api/customer-input';
import type { AuditRow } from '../../src-shared/domain';
import { sato, tanaka, yamada, yamamoto } from '../fixtures/customers';
import { asUpload, scannedPdf } from '../fixtures/scans';
import { expect, mainMenu, officer, replaceTemporaryPassword, shootInBothLanguages, signInAs, signOutOfDesk, test, textField, type Desk } from './fixtures';

const staff = { displayName: '北川 翔', loginId: 'kitagawa', department: 'カスタマーサポート部' };
const temporaryPassword = 'Kari-Pasu-Waado-5521';
const staffPassword = 'kitagawa-no-himitsu-2026';

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

function localToday(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Marketing approval (policy §3.6) given before, as the shop recorded it. */
const withMarketing = (c: CustomerInput): CustomerInput => ({ ...c, consents: [...(c.consents ?? []), { purposeId: '3.6', on: '2025-04-01', channel: 'web' }] });


/** A desk with the officer, four customers and a staff member (with a statement on file unless told otherwise). */
async function seedDesk(desk: Desk, options: { statement?: boolean; customers?: CustomerInput[] } = {}): Promise<Record<string, string>> {
  await desk.setUpOfficer();
  await desk.ok('auth.login', { loginId: officer.loginId, password: officer.password });
  const ids: Record<string, string> = {};
  for (const c of options.customers ?? [yamada, sato, yamamoto, tanaka]) ids[c.customerNo] = (await desk.ok<{ id: string }>('customers.create', c)).id;
  const account = await desk.ok<{ id: string }>('accounts.create', { ...staff, role: 'staff', temporaryPassword });
  if (options.statement !== false) {
    await desk.ok('statements.record', { accountId: account.id, templateVersion: 1, signedOn: localToday(), trainingOn: localToday(), scan: asUpload(scannedPdf(), 'seiyakusho.pdf', 'application/pdf') });
  }
  await desk.ok('auth.logout', {});
  return ids;
}

async function signInAsStaff(desk: Desk, page: Page): Promise<void> {
  await desk.open(page);
  await signInAs(page, staff.loginId, temporaryPassword);
  await replaceTemporaryPassword(page, temporaryPassword, staffPassword);
  await expect(page.getByTestId('signed-in-name')).toHaveText(staff.displayName);
}

async function openCustomers(page: Page): Promise<void> {
  await mainMenu(page).getByRole('button', { name: '顧客', exact: true }).click();
  await expect(page.getByRole('heading', { name: '顧客', level: 1 })).toBeVisible();
}

const customerRows = (page: Page) => page.getByTestId('customers-table').locator('tbody tr[data-customer-no]');

test('staff member searches やまだ, ヤマダ, ﾔﾏﾀﾞ, yamada and 山田 and finds the same customer', async ({ page, desk }) => {
  await seedDesk(desk);
  await signInAsStaff(desk, page);
  await openCustomers(page);

  // Everyone, in kana order, with contact details masked by the core.
  await expect(customerRows(page)).toHaveCount(4);
  await expect(page.getByTestId('customer-count')).toHaveText('4件');
  await expect(customerRows(page).first()).toHaveAttribute('data-masked', 'true');
  await expect(page.getByTestId('customers-table')).toContainText('090-****-5678');
  await expect(page.getByTestId('customers-table')).not.toContainText('090-1234-5678');
  await shootInBothLanguages(desk, page, 'customers-list');

  const search = page.getByRole('searchbox', { name: '検索' });
  for (const query of ['やまだ', 'ヤマダ', 'ﾔﾏﾀﾞ', 'yamada', '山田']) {
    await search.fill(query);
    await expect(customerRows(page)).toHaveCount(1);
    await expect(customerRows(page).first()).toHaveAttribute('data-customer-no', yamada.customerNo);
    await expect(page.getByTestId('customer-count')).toHaveText('1件');
  }
  // Two characters are enough: 山 and ヤマ find both 山田 and 山本.
  await search.fill('ヤマ');
  await expect(customerRows(page)).toHaveCount(2);
  // A phone number with or without hyphens, and the customer number.
  await search.fill('09012345678');
  await expect(customerRows(page)).toHaveCount(1);
  await search.fill('C-0002');
  await expect(customerRows(page).first()).toHaveAttribute('data-customer-no', sato.customerNo);
  await search.fill('該当なしの名前');
  await expect(page.getByText('該当するお客様はいません。')).toBeVisible();

  // Sorting by customer number, then back to kana.
  await search.fill('');
  await page.getByTestId('customers-table').locator('button[data-sort="customerNo"]').click();
  await expect(customerRows(page).first()).toHaveAttribute('data-customer-no', 'C-0001');
  await expect(customerRows(page).nth(3)).toHaveAttribute('data-customer-no', 'C-0004');
  await page.getByTestId('customers-table').locator('button[data-sort="kana"]').click();
  await expect(customerRows(page).first()).toHaveAttribute('data-customer-no', sato.customerNo); // サトウ before タナカ, ヤマダ, ヤマモト
});

test('staff member reveals a masked record with a reason, sees it masked again after leaving, and the audit has the reason kind but not the values', async ({ page, desk }) => {
  const ids = await seedDesk(desk);
  await signInAsStaff(desk, page);
  await openCustomers(page);
  await page.getByRole('button', { name: '山田 太郎さんの情報を開く' }).click();

  const record = page.getByTestId('customer-record');
  await expect(record).toHaveAttribute('data-masked', 'true');
  await expect(page.getByTestId('record-phones')).toContainText('090-****-5678');
  await expect(page.getByTestId('record-emails')).toContainText('y***@example.jp');
  await expect(page.getByTestId('record-birth')).toHaveText('1985年生まれ');
  await expect(page.getByTestId('record-address')).not.toContainText('神宮前1-2-3');
  await expect(page.getByTestId('record-payment-table')).toContainText('**** 4242');
  await expect(page.getByTestId('masked-banner')).toBeVisible();
  await shootInBothLanguages(desk, page, 'customer-record-masked');

  await page.getByRole('button', { name: '全て表示' }).click();
  const dialog = page.getByRole('dialog', { name: '全項目を表示する理由' });
  // A request needs its number.
  await dialog.getByRole('radio', { name: 'ご本人からの請求への対応' }).check();
  await textField(dialog, '理由の詳細').fill('開示請求の本人確認のため');
  await dialog.getByRole('button', { name: '理由を記録して表示' }).click();
  await expect(dialog.getByText('請求への対応の場合は、請求番号を「R-2026-0001」の形で入力してください。')).toBeVisible();
  await dialog.getByRole('radio', { name: 'お問い合わせへの対応' }).check();
  await textField(dialog, '理由の詳細').fill('お届け先の電話番号についてのお問い合わせ（受付番号 TEL-118）');
  await shootInBothLanguages(desk, page, 'customer-reveal-dialog');
  await dialog.getByRole('button', { name: '理由を記録して表示' }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByTestId('revealed-banner')).toContainText('理由を記録しました（お問い合わせへの対応）');
  await expect(record).toHaveAttribute('data-masked', 'false');
  await expect(page.getByTestId('record-phones')).toContainText('090-1234-5678');
  await expect(page.getByTestId('record-emails')).toContainText('yamada.taro@example.jp');
  await expect(page.getByTestId('record-address')).toContainText('神宮前1-2-3');
  await expect(page.getByTestId('record-birth')).toHaveText('1985年4月12日');
  await shootInBothLanguages(desk, page, 'customer-record-revealed');

  // Back to the list and in again: masked, as for anyone who gave no reason.
  await page.getByRole('button', { name: '一覧に戻る' }).click();
  await page.getByRole('button', { name: '山田 太郎さんの情報を開く' }).click();
  await expect(record).toHaveAttribute('data-masked', 'true');
  await expect(page.getByTestId('record-phones')).toContainText('090-****-5678');
  await expect(page.getByTestId('revealed-banner')).toHaveCount(0);

  // Revealed again, then locked: the lock screen, and after unlocking nothing revealed is left.
  await page.getByRole('button', { name: '全て表示' }).click();
  await dialog.getByRole('radio', { name: '配送の確認・対応' }).check();
  await textField(dialog, '理由の詳細').fill('配送業者からの住所確認');
  await dialog.getByRole('button', { name: '理由を記録して表示' }).click();
  await expect(page.getByTestId('record-phones')).toContainText('090-1234-5678');
  await page.getByRole('button', { name: 'ロック', exact: true }).click();
  await expect(page.getByText('090-1234-5678')).toHaveCount(0);
  await signOutOfDesk(page);

  // The audit trail: who revealed which record and why (the kind), never the reason's words or the values.
  await desk.ok('auth.login', { loginId: officer.loginId, password: officer.password });
  const { rows } = await desk.ok<{ rows: AuditRow[] }>('audit.search', { action: 'customers.reveal', targetId: ids[yamada.customerNo], pageSize: 50 });
  expect(rows.map((r) => r.details?.reasonKind).sort()).toEqual(['delivery', 'inquiry']);
  expect(rows.every((r) => r.outcome === 'ok' && r.targetId === ids[yamada.customerNo])).toBe(true);
  const trail = JSON.stringify(await desk.ok('audit.search', { pageSize: 200 }));
  for (const secret of ['090-1234-5678', '09012345678', 'yamada.taro@example.jp', '神宮前', 'TEL-118', 'お問い合わせ', '配送業者']) expect(trail).not.toContain(secret);
});

test('staff member without a statement on file opens the customers screen and is told why and whom to ask', async ({ page, desk }) => {
  await seedDesk(desk, { statement: false });
  await signInAsStaff(desk, page);
  await mainMenu(page).getByRole('button', { name: '顧客', exact: true }).click();
  await expect(page.getByRole('heading', { name: '誓約書の提出が必要です' })).toBeVisible();
  await expect(page.getByTestId('statement-required')).toContainText('個人情報保護規程 §4.1');
  await expect(page.getByTestId('statement-ask')).toContainText(officer.manager.name);
  await expect(page.getByTestId('statement-ask')).toContainText(officer.manager.email);
  await expect(page.getByTestId('statement-ask')).toContainText(officer.manager.phone);
  await expect(page.getByTestId('customers-table')).toHaveCount(0);
  await shootInBothLanguages(desk, page, 'customers-statement-required');
  // The marketing list says the same.
  await mainMenu(page).getByRole('button', { name: 'マーケティング配信リスト' }).click();
  await expect(page.getByRole('heading', { name: '誓約書の提出が必要です' })).toBeVisible();
});

test('officer enters a card number in a new customer and is refused without the number being shown', async ({ page, desk }) => {
  await seedDesk(desk, { customers: [] });
  await desk.open(page);
  await signInAs(page, officer.loginId, officer.password);
  await mainMenu(page).getByRole('button', { name: '顧客の新規登録' }).click();
  const form = page.getByRole('form', { name: '顧客の新規登録' });
  await expect(form.getByTestId('card-warning')).toContainText('カード番号の全桁は絶対に入力しないでください');

  await textField(form, '顧客番号').fill('C-1001');
  await textField(form, '氏名').fill('鈴木 花');
  await textField(form, 'フリガナ').fill('すずき はな');
  await textField(form, '郵便番号').fill('〒100-0001');
  await form.getByRole('combobox', { name: '都道府県' }).click();
  await page.getByRole('option', { name: '東京都' }).click();
  await textField(form, '市区町村').fill('千代田区');
  await textField(form, '住所1：町名・番地').fill('千代田1-1');
  // Pasted into the wrong field: the core finds it wherever it is.
  await textField(form, '住所2：建物名・部屋番号（任意）').fill('4111-1111-1111-1111');
  await textField(form, '電話番号').fill('03-1111-2222');
  await textField(form, 'メールアドレス').fill('hana@example.jp');
  // Marketing (3.6) starts unticked; the purposes needing no approval start ticked.
  await expect(form.locator('input[data-purpose="3.6"]')).not.toBeChecked();
  await expect(form.locator('input[data-purpose="3.1"]')).toBeChecked();
  await form.getByRole('button', { name: '登録する' }).click();

  await expect(form.getByText('カード番号と思われる数字が入力されています。')).toBeVisible();
  await expect(textField(form, '住所2：建物名・部屋番号（任意）')).toHaveValue('');
  await expect(page.locator('body')).not.toContainText('4111');
  await shootInBothLanguages(desk, page, 'customer-new-error');

  // Typed into "last four": refused before it is sent.
  await form.getByRole('button', { name: '支払方法を追加' }).click();
  await form.getByRole('combobox', { name: 'カード会社' }).selectOption('visa');
  await textField(form, 'カード番号の下4桁').fill('4242 4242 4242 4242');
  await form.locator('input[type="month"]').fill('2028-09');
  await form.getByRole('button', { name: '登録する' }).click();
  await expect(form.getByText('カード番号の全桁は入力できません。下4桁だけを入力してください。')).toBeVisible();
  await expect(textField(form, 'カード番号の下4桁')).toHaveValue('');
  await expect(page.locator('body')).not.toContainText('4242 4242');
  await shootInBothLanguages(desk, page, 'customer-new-card-refused');

  await textField(form, 'カード番号の下4桁').fill('4242');
  await form.getByRole('button', { name: '登録する' }).click();
  await expect(page.getByTestId('customer-record')).toBeVisible();
  await expect(page.getByRole('heading', { name: '鈴木 花', level: 1 })).toBeVisible();
  await expect(page.getByTestId('record-payment-table')).toContainText('**** 4242');
  await expect(page.getByTestId('consents-table').locator('tr[data-purpose="3.6"]')).toHaveAttribute('data-state', 'none');
});

test('a customer who withdraws marketing consent disappears from the marketing list at once', async ({ page, desk }) => {
  await seedDesk(desk, { customers: [withMarketing(yamada), withMarketing(sato), yamamoto] });
  await desk.open(page);
  await signInAs(page, officer.loginId, officer.password);
  await mainMenu(page).getByRole('button', { name: 'マーケティング配信リスト' }).click();
  await expect(page.getByRole('heading', { name: 'マーケティング配信リスト', level: 1 })).toBeVisible();
  await expect(page.getByTestId('marketing-note')).toContainText('事前に同意をいただいたお客様だけが表示されます');
  const rows = page.getByTestId('marketing-table').locator('tbody tr[data-customer-no]');
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId('customer-count')).toHaveText('2件');
  await shootInBothLanguages(desk, page, 'marketing-list');

  await page.getByRole('button', { name: '山田 太郎さんの情報を開く' }).click();
  const marketing = page.getByTestId('consents-table').locator('tr[data-purpose="3.6"]');
  await expect(marketing).toHaveAttribute('data-state', 'given');
  await marketing.getByRole('button', { name: /撤回/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('撤回はすぐに有効になり');
  await dialog.getByRole('combobox', { name: '経路' }).selectOption('phone');
  await dialog.getByRole('button', { name: '撤回する' }).click();
  await expect(marketing).toHaveAttribute('data-state', 'withdrawn');
  await expect(marketing).toContainText('電話');

  await page.getByRole('button', { name: '一覧に戻る' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-customer-no', sato.customerNo);
  await expect(page.getByTestId('customer-count')).toHaveText('1件');

  // And recorded again (a new prior approval), the customer is back.
  await mainMenu(page).getByRole('button', { name: '顧客', exact: true }).click();
  await page.getByRole('button', { name: '山田 太郎さんの情報を開く' }).click();
  await marketing.getByRole('button', { name: /同意を記録/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: '記録する' }).click();
  await expect(marketing).toHaveAttribute('data-state', 'given');
  await mainMenu(page).getByRole('button', { name: 'マーケティング配信リスト' }).click();
  await expect(rows).toHaveCount(2);
});

test('officer scrolls through 250 customers: only the rows in view are drawn, and the next page arrives while scrolling', async ({ page, desk }) => {
  await seedDesk(desk, { customers: [] });
  // 250 customers in one import; readings built from the index so that kana order is number order (ア<イ<ウ ...).
  const kana = ['ア', 'イ', 'ウ', 'エ', 'オ', 'カ', 'キ', 'ク', 'ケ', 'コ'];
  const lines = ['顧客番号,氏名,フリガナ,郵便番号,都道府県,市区町村,住所1'];
  for (let i = 1; i <= 250; i++) {
    const n = String(i).padStart(3, '0');
    lines.push(`T-0${n},試験 ${n},シケン ${[...n].map((d) => kana[Number(d)]).join('')},100-0001,東京都,千代田区,千代田1-${i}`);
  }
  await desk.ok('auth.login', { loginId: officer.loginId, password: officer.password });
  const result = await desk.ok<{ imported: number }>('customers.importCommit', { file: { fileName: 'many.csv', dataBase64: Buffer.from(lines.join('\n')).toString('base64') }, language: 'ja' });
  expect(result.imported).toBe(250);
  await desk.ok('auth.logout', {});

  await desk.open(page);
  await signInAs(page, officer.loginId, officer.password);
  await openCustomers(page);
  await expect(page.getByTestId('customer-count')).toHaveText('250件');
  await expect(customerRows(page).first()).toHaveAttribute('data-customer-no', 'T-0001');
  // Far fewer rows in the page than customers: the rest are drawn when scrolled to.
  expect(await customerRows(page).count()).toBeLessThan(60);
  const scroller = page.getByTestId('customers-table-scroller');
  const last = page.getByTestId('customers-table').locator('tr[data-customer-no="T-0250"]');
  await expect(async () => {
    await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect(last).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 20_000 });
  expect(await customerRows(page).count()).toBeLessThan(60);
  await expect(page.getByTestId('customers-table').locator('tr[data-customer-no="T-0001"]')).toHaveCount(0);
});

test('the auditor has no customer screens in the menu, and the core refuses a search all the same', async ({ page, desk }) => {
  await seedDesk(desk, { customers: [yamada] });
  await desk.ok('auth.login', { loginId: officer.loginId, password: officer.password });
  await desk.ok('accounts.create', { displayName: '監査 花子', loginId: 'kansa', role: 'auditor', temporaryPassword });
  await desk.ok('auth.logout', {});
  await desk.open(page);
  await signInAs(page, 'kansa', temporaryPassword);
  await replaceTemporaryPassword(page, temporaryPassword, 'kansa-no-himitsu-2026');
  await expect(mainMenu(page).getByRole('button', { name: '監査ログ' })).toBeVisible();
  for (const entry of ['顧客', '顧客の新規登録', 'マーケティング配信リスト', 'CSV取込']) await expect(mainMenu(page).getByRole('button', { name: entry, exact: true })).toHaveCount(0);
  const refused = await desk.api('customers.search', { query: '山田' });
  expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');
});
