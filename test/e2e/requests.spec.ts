// Request register journeys (issue #5): intake with the customer search, names hidden until revealed, overdue and
// duplicate requests standing out, the officer's one extension with its notice, and a withdrawal that needs a note.
import { existsSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { RequestIntake } from '../../src-shared/api/requests';
import type { AuditRow } from '../../src-shared/domain';
import type { RequestDetail } from '../../src-shared/requests';
import { sato, tanaka, yamada, yamamoto } from '../fixtures/customers';
import { asUpload, scannedPdf } from '../fixtures/scans';
import { expect, mainMenu, officer, replaceTemporaryPassword, shootInBothLanguages, signInAs, test, textField, type Desk } from './fixtures';

const staff = { displayName: '北川 翔', loginId: 'kitagawa', department: 'カスタマーサポート部' };
const temporaryPassword = 'Kari-Pasu-Waado-5521';
const staffPassword = 'kitagawa-no-himitsu-2026';

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

function localDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function daysFromToday(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return localDay(d);
}


/** A disclosure request as the office would take it by e-mail; the journeys change what they need. */
function intake(change: Partial<RequestIntake> = {}): RequestIntake {
  return {
    kind: 'disclosure',
    channel: 'email',
    receivedOn: localDay(new Date()),
    requesterKind: 'person',
    requester: { name: '山田 太郎', nameKana: 'ヤマダ タロウ', email: 'yamada.taro@example.jp', birthDate: '1985-04-12' },
    asked: '当社が保有している私の個人情報と、第三者への提供の記録を開示してください。',
    disclosureForm: 'electronic',
    noticeLanguage: 'ja',
    ...change,
  };
}

/**
 * A desk with the officer, four customers, a staff member with a statement on file, and the requests given (registered
 * by the officer through the API). Returns the customers' ids by number and the requests made.
 */
async function seedDesk(desk: Desk, requests: ((ids: Record<string, string>) => RequestIntake)[] = []): Promise<{ ids: Record<string, string>; made: RequestDetail[] }> {
  await desk.setUpOfficer();
  await desk.ok('auth.login', { loginId: officer.loginId, password: officer.password });
  const ids: Record<string, string> = {};
  for (const c of [yamada, sato, yamamoto, tanaka]) ids[c.customerNo] = (await desk.ok<{ id: string }>('customers.create', c)).id;
  const account = await desk.ok<{ id: string }>('accounts.create', { ...staff, role: 'staff', temporaryPassword });
  await desk.ok('statements.record', { accountId: account.id, templateVersion: 1, signedOn: localDay(new Date()), trainingOn: localDay(new Date()), scan: asUpload(scannedPdf(), 'seiyakusho.pdf', 'application/pdf') });
  const made: RequestDetail[] = [];
  for (const r of requests) made.push(await desk.ok<RequestDetail>('requests.create', r(ids)));
  await desk.ok('auth.logout', {});
  return { ids, made };
}

async function signInAsStaff(desk: Desk, page: Page): Promise<void> {
  await desk.open(page);
  await signInAs(page, staff.loginId, temporaryPassword);
  await replaceTemporaryPassword(page, temporaryPassword, staffPassword);
  await expect(page.getByTestId('signed-in-name')).toHaveText(staff.displayName);
}

async function signInAsOfficer(desk: Desk, page: Page): Promise<void> {
  await desk.open(page);
  await signInAs(page, officer.loginId, officer.password);
  await expect(page.getByTestId('signed-in-name')).toHaveText(officer.displayName);
}

async function openRegister(page: Page): Promise<void> {
  await mainMenu(page).getByRole('button', { name: '請求一覧', exact: true }).click();
  await expect(page.getByRole('heading', { name: '請求一覧', level: 1 })).toBeVisible();
}

/** Closes the toasts one by one: the shared screenshot helper loses its way when two are open at once. */
async function closeToasts(page: Page): Promise<void> {
  // One at a time, the first each time; a toast may also close by itself meanwhile, so a click that finds it gone is fine.
  const toasts = page.locator('.mantine-Notification-root');
  while ((await toasts.count()) > 0) await toasts.first().locator('button').click({ timeout: 2000 }).catch(() => undefined);
}

const registerRows = (page: Page) => page.getByTestId('requests-table').locator('tbody tr[data-number]');
const row = (page: Page, number: string) => page.getByTestId('requests-table').locator(`tbody tr[data-number="${number}"]`);

async function openRequest(page: Page, number: string): Promise<void> {
  await row(page, number).click();
  await expect(page.getByTestId('request-view')).toHaveAttribute('data-number', number);
}

test('staff member registers a disclosure request for a customer found by search', async ({ page, desk }) => {
  await seedDesk(desk);
  await signInAsStaff(desk, page);

  // Nothing registered yet: the register says what to do next.
  await openRegister(page);
  await expect(page.getByTestId('requests-empty')).toContainText('「請求を受け付ける」から登録してください');
  await page.getByTestId('requests-empty').getByRole('button', { name: '請求を受け付ける' }).click();

  const form = page.getByRole('form', { name: '請求の受付' });
  await expect(form).toBeVisible();
  // Saving an empty form puts each problem next to its field.
  await form.getByRole('button', { name: '受け付ける' }).click();
  await expect(form.getByText('請求の種類を選んでください。')).toBeVisible();
  await expect(form.getByText('入力してください。').first()).toBeVisible();

  await form.getByRole('radio', { name: '開示', exact: true }).click();
  await expect(form.getByTestId('art33-note')).toContainText('法第33条第1項');
  await form.getByLabel('受付の経路').selectOption('email');
  await expect(form.getByLabel('受付日')).toHaveValue(localDay(new Date()));
  await textField(form, '氏名').fill('山田 太郎');
  await textField(form, 'フリガナ（任意）').fill('ヤマダ タロウ');
  await textField(form, 'メールアドレス（任意）').fill('yamada.taro@example.jp');
  await textField(form, '電話番号（任意）').fill('090-1234-5678');
  await form.getByLabel('生年月日（任意）').fill('1985-04-12');
  await textField(form, '請求の内容').fill('当社が保有している私の個人情報と、第三者への提供の記録を電子データで開示してください。');
  await expect(form.getByRole('radio', { name: '電磁的記録（電子データ）で提供' })).toBeChecked();

  // The customer is found with the Japanese search, masked as staff see every list.
  await form.getByRole('searchbox', { name: '顧客を検索' }).fill('やまだ');
  const results = form.getByTestId('customer-picker-results');
  await expect(results.locator('tr[data-customer-no]')).toHaveCount(1);
  await expect(results).toContainText('090-****-5678');
  await results.getByRole('button', { name: '山田 太郎さんを選ぶ' }).click();
  await expect(form.getByTestId('chosen-customer')).toContainText('C-0001');
  await shootInBothLanguages(desk, page, 'requests-intake');

  await form.getByRole('button', { name: '受け付ける' }).click();
  const view = page.getByTestId('request-view');
  const number = `R-${new Date().getFullYear()}-0001`;
  await expect(view).toHaveAttribute('data-number', number);
  await expect(page.getByRole('heading', { name: '開示の請求', level: 1 })).toBeVisible();
  await expect(page.getByTestId('request-header')).toHaveAttribute('data-state', 'received');
  await expect(page.getByTestId('linked-customer')).toHaveText('C-0001');
  await expect(page.getByTestId('request-asked')).toContainText('電子データで開示してください');
  await expect(page.getByTestId('duplicate-warning')).toHaveCount(0);
  // Due in 14 business days: open, not overdue.
  await expect(page.getByTestId('request-header')).toHaveAttribute('data-overdue', 'false');

  // The register lists it by number and kind, with no name.
  await page.getByRole('button', { name: '請求一覧に戻る' }).click();
  await expect(registerRows(page)).toHaveCount(1);
  await expect(row(page, number)).toContainText('開示');
  await expect(row(page, number)).toContainText('C-0001');
  await expect(page.getByTestId('requests-table')).not.toContainText('山田');
});

test('the register shows no names until revealed', async ({ page, desk }) => {
  await seedDesk(desk, [
    (ids) => intake({ customerId: ids['C-0001'] }),
    () => intake({ kind: 'correction', disclosureForm: undefined, requester: { name: '佐藤 花子', nameKana: 'サトウ ハナコ', email: 'hanako.sato@example.com' }, asked: '住所の変更を反映してください。' }),
  ]);
  await signInAsStaff(desk, page);
  await openRegister(page);
  await expect(registerRows(page)).toHaveCount(2);
  const table = page.getByTestId('requests-table');
  for (const name of ['山田', '佐藤']) await expect(table).not.toContainText(name);
  await expect(table.getByRole('columnheader', { name: '請求者' })).toHaveCount(0);

  // Revealing asks first; cancelling shows nothing.
  await page.getByRole('switch', { name: '請求者の氏名を表示' }).click({ force: true });
  const confirm = page.getByRole('dialog', { name: '請求者の氏名を表示しますか？' });
  await expect(confirm).toContainText('監査記録に残り');
  await confirm.getByRole('button', { name: 'キャンセル' }).click();
  await expect(confirm).toBeHidden();
  await expect(table).not.toContainText('山田');

  await page.getByRole('switch', { name: '請求者の氏名を表示' }).click({ force: true });
  await confirm.getByRole('button', { name: '氏名を表示する' }).click();
  await expect(page.getByTestId('revealed-names-banner')).toBeVisible();
  await expect(table.getByTestId('requester-name')).toHaveCount(2);
  await expect(table).toContainText('山田 太郎');
  await expect(table).toContainText('佐藤 花子');

  // For this view only: away and back, the names are gone again.
  await mainMenu(page).getByRole('button', { name: '顧客', exact: true }).click();
  await openRegister(page);
  await expect(registerRows(page)).toHaveCount(2);
  await expect(table).not.toContainText('山田');
  await expect(page.getByTestId('revealed-names-banner')).toHaveCount(0);

  // The audit trail says who saw the names of which requests, and holds no name itself.
  await desk.ok('auth.logout', {});
  await desk.ok('auth.login', { loginId: officer.loginId, password: officer.password });
  const { rows } = await desk.ok<{ rows: AuditRow[] }>('audit.search', { action: 'requests.list', pageSize: 50 });
  const revealed = rows.filter((r) => r.details?.revealed === true);
  expect(revealed).toHaveLength(1);
  expect(revealed[0]!.details?.requestIds).toHaveLength(2);
  expect(rows.filter((r) => r.details?.revealed === false).length).toBeGreaterThanOrEqual(2);
  const trail = JSON.stringify(await desk.ok('audit.search', { pageSize: 200 }));
  for (const secret of ['山田 太郎', '佐藤 花子', 'yamada.taro@example.jp', 'hanako.sato@example.com']) expect(trail).not.toContain(secret);
});

test('an overdue request stands out', async ({ page, desk }) => {
  // Received nine weeks ago: far past 14 business days, whatever the holidays.
  const { made } = await seedDesk(desk, [
    () => intake({ receivedOn: daysFromToday(-63), channel: 'post', requester: { name: '田中 美咲', nameKana: 'タナカ ミサキ', email: 'misaki@example.jp' } }),
    (ids) => intake({ customerId: ids['C-0001'] }),
    () => intake({ kind: 'cessationOfPurpose', purposeId: '3.6', disclosureForm: undefined, channel: 'web', requester: { name: '山本 一郎', email: 'ichiro@example.org' }, asked: 'マーケティングのメールを止めてください。' }),
    // The same customer again by phone: a possible duplicate, shown in the same picture.
    (ids) => intake({ customerId: ids['C-0001'], channel: 'phone' }),
  ]);
  const [late, fresh, , repeat] = made as [RequestDetail, RequestDetail, RequestDetail, RequestDetail];
  expect(repeat.duplicateOf?.number).toBe(fresh.number);
  expect(late.overdue).toBe(true);
  await signInAsOfficer(desk, page);
  await openRegister(page);
  await expect(registerRows(page)).toHaveCount(4);

  const lateRow = row(page, late.number);
  await expect(lateRow).toHaveAttribute('data-overdue', 'true');
  await expect(lateRow.getByTestId('overdue-badge')).toHaveText('期限超過');
  await expect(lateRow.getByTestId('days-left')).toContainText('営業日超過');
  await expect(row(page, fresh.number)).toHaveAttribute('data-overdue', 'false');
  await expect(row(page, fresh.number).getByTestId('overdue-badge')).toHaveCount(0);
  await expect(row(page, fresh.number).getByTestId('days-left')).toContainText('あと');
  await expect(row(page, repeat.number).getByTestId('duplicate-link')).toHaveText(`先の請求: ${fresh.number}`);
  // The row itself is marked, not only its badge.
  const background = await lateRow.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(background).not.toBe(await row(page, fresh.number).evaluate((el) => getComputedStyle(el).backgroundColor));
  await shootInBothLanguages(desk, page, 'requests-list');

  await page.getByRole('switch', { name: '期限超過のみ' }).click({ force: true });
  await expect(registerRows(page)).toHaveCount(1);
  await expect(registerRows(page).first()).toHaveAttribute('data-number', late.number);

  // Enter on the focused row opens it; the request says it is overdue too.
  await lateRow.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('request-view')).toHaveAttribute('data-number', late.number);
  await expect(page.getByTestId('request-header')).toHaveAttribute('data-overdue', 'true');
  await expect(page.getByTestId('request-header').getByTestId('overdue-badge')).toBeVisible();
});

test('the officer extends a request once and the extension notice is written', async ({ page, desk }) => {
  const { made } = await seedDesk(desk, [(ids) => intake({ customerId: ids['C-0001'] })]);
  const request = made[0]!;
  await signInAsOfficer(desk, page);
  await openRegister(page);
  await openRequest(page, request.number);

  await page.getByTestId('action-extend').click();
  const dialog = page.getByRole('dialog', { name: `請求 ${request.number} の期限の延長` });
  await expect(dialog).toContainText('延長の通知');
  // Not later than the due date in force: refused at the field.
  await dialog.getByLabel('新しい期限').fill(request.dueOn);
  await textField(dialog, '延長の理由').fill('提供先の記録の確認に時間を要するため');
  await dialog.getByRole('button', { name: '延長して通知を作成' }).click();
  await expect(dialog.getByText('新しい期限は、現在の期限より後の日付にしてください。')).toBeVisible();

  const [y, m, d] = request.dueOn.split('-').map(Number) as [number, number, number];
  const newDue = localDay(new Date(y, m - 1, d + 14));
  await dialog.getByLabel('新しい期限').fill(newDue);
  await dialog.getByRole('button', { name: '延長して通知を作成' }).click();
  await expect(dialog).toBeHidden();

  const note = page.getByTestId('extension-note');
  await expect(note).toContainText('提供先の記録の確認に時間を要するため');
  await expect(page.getByTestId('extension-notice')).toContainText(`${request.number}-extension-`);
  await expect(page.getByTestId('extension-notice')).toContainText('.eml');
  await expect(page.getByTestId('request-header').getByTestId('extended-badge')).toBeVisible();
  await expect(page.getByTestId('action-extend')).toHaveCount(0);

  // The notice is kept on the request, with its text, recipient and file; the .eml is in the outbox.
  const notice = page.getByTestId('request-notices').locator('[data-notice-kind="extension"]');
  await notice.getByRole('button').first().click();
  await expect(notice.getByTestId('notice-body')).toContainText('提供先の記録の確認に時間を要するため');
  await expect(notice).toContainText('yamada.taro@example.jp');
  const detail = await desk.ok<RequestDetail>('requests.get', { id: request.id });
  expect(detail.dueOn).toBe(newDue);
  const eml = detail.notices.find((n) => n.kind === 'extension')?.emlFile;
  expect(eml && existsSync(eml)).toBe(true);
  expect(readFileSync(eml!, 'utf8')).toContain('yamada.taro@example.jp');
  await shootInBothLanguages(desk, page, 'requests-request');

  // Once only: the core refuses a second extension even when asked directly.
  const again = await desk.api('requests.extend', { id: request.id, dueOn: localDay(new Date(y, m - 1, d + 30)), reason: 'もう一度' });
  expect(again.ok).toBe(false);
  if (!again.ok) expect(again.error.message).toBe('request.alreadyExtended');
});

test('a repeat request of the same person is flagged', async ({ page, desk }) => {
  const { made } = await seedDesk(desk, [(ids) => intake({ customerId: ids['C-0001'] })]);
  const first = made[0]!;
  await signInAsStaff(desk, page);

  // The same customer asks again, at the counter; the customer's record is where the staff member starts.
  await mainMenu(page).getByRole('button', { name: '顧客', exact: true }).click();
  await page.getByRole('button', { name: '山田 太郎さんの情報を開く' }).click();
  await page.getByTestId('register-request').click();
  const form = page.getByRole('form', { name: '請求の受付' });
  await expect(form.getByTestId('chosen-customer')).toContainText('C-0001');
  await form.getByRole('radio', { name: '開示', exact: true }).click();
  await form.getByLabel('受付の経路').selectOption('counter');
  await textField(form, '氏名').fill('山田 太郎');
  await textField(form, '請求の内容').fill('前回と同じく、保有個人データの開示をお願いします。');
  await form.getByRole('button', { name: '受け付ける' }).click();

  const warning = page.getByTestId('duplicate-warning');
  await expect(warning).toContainText(first.number);
  await expect(page.getByTestId('request-header').getByTestId('duplicate-badge')).toHaveText('重複請求の可能性');
  await shootInBothLanguages(desk, page, 'requests-duplicate');
  // The link opens the earlier request.
  await warning.getByRole('button', { name: `先の請求 ${first.number} を開く` }).click();
  await expect(page.getByTestId('request-view')).toHaveAttribute('data-number', first.number);
  await expect(page.getByTestId('duplicate-warning')).toHaveCount(0);

  // In the register the repeat is flagged and links to the earlier one.
  await page.getByRole('button', { name: '請求一覧に戻る' }).click();
  const repeat = registerRows(page).filter({ has: page.getByTestId('duplicate-badge') });
  await expect(repeat).toHaveCount(1);
  await expect(repeat.getByTestId('duplicate-link')).toHaveText(`先の請求: ${first.number}`);
  await repeat.getByTestId('duplicate-link').click();
  await expect(page.getByTestId('request-view')).toHaveAttribute('data-number', first.number);
});

test('a withdrawn request needs a note', async ({ page, desk }) => {
  const { made } = await seedDesk(desk, [(ids) => intake({ kind: 'erasure', disclosureForm: undefined, customerId: ids['C-0002'], requester: { name: '佐藤 花子', email: 'hanako.sato@example.com' }, asked: '退会するので、私の情報をすべて消去してください。' })]);
  const request = made[0]!;
  await signInAsStaff(desk, page);
  await openRegister(page);
  await openRequest(page, request.number);
  // Staff may withdraw, but extending and refusing are the officer's.
  await expect(page.getByTestId('action-extend')).toHaveCount(0);
  await expect(page.getByTestId('action-refuse')).toHaveCount(0);

  await page.getByTestId('action-withdraw').click();
  const dialog = page.getByRole('dialog', { name: `請求 ${request.number} の取下げ` });
  await dialog.getByRole('button', { name: '取下げを記録する' }).click();
  await expect(dialog.getByText('入力してください。')).toBeVisible();
  // Asked directly without a note, the core refuses too.
  const bare = await desk.api('requests.transition', { id: request.id, to: 'withdrawn' });
  expect(bare.ok).toBe(false);
  if (!bare.ok) expect(bare.error.message).toBe('request.noteRequired');

  await textField(dialog, '取下げのメモ').fill('11月26日にお電話で、ご本人から取下げの申出を受けました。');
  await dialog.getByRole('button', { name: '取下げを記録する' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('request-header')).toHaveAttribute('data-state', 'withdrawn');
  await expect(page.getByTestId('withdrawn-outcome')).toContainText('ご本人から取下げの申出を受けました');
  await expect(page.getByTestId('request-actions')).toHaveCount(0);
  await expect(page.getByTestId('request-history').locator('tr[data-action="withdrawn"]')).toContainText('ご本人から取下げの申出');

  // Closed requests leave the default (open) register, and are there under "all".
  await page.getByRole('button', { name: '請求一覧に戻る' }).click();
  await expect(page.getByTestId('requests-empty')).toBeVisible();
  await page.getByTestId('filter-state').click();
  await page.getByRole('option', { name: '取下げ', exact: true }).click();
  await expect(row(page, request.number)).toContainText('取下げ');
});

test("the officer sets the due date's business days, the SMTP server and the company's systems", async ({ page, desk }) => {
  await seedDesk(desk);
  await signInAsOfficer(desk, page);
  await mainMenu(page).getByRole('button', { name: '請求の設定', exact: true }).click();
  await expect(page.getByRole('heading', { name: '請求の設定', level: 1 })).toBeVisible();
  const form = page.getByRole('form', { name: '請求の設定' });
  await expect(form.getByRole('textbox', { name: '期限（営業日）' })).toHaveValue('14');
  await expect(form.getByRole('textbox', { name: '本人確認書類の保存期間（日）' })).toHaveValue('30');

  await form.getByRole('textbox', { name: '期限（営業日）' }).fill('61');
  await form.getByRole('button', { name: '保存する' }).click();
  await expect(form.getByText('1〜60の整数で入力してください。')).toBeVisible();
  await form.getByRole('textbox', { name: '期限（営業日）' }).fill('10');
  await form.getByRole('switch', { name: 'SMTPサーバーから送信する' }).click({ force: true });
  await textField(form, 'SMTPサーバー').fill('smtp.example.co.jp');
  await textField(form, 'ユーザー名（任意）').fill('privacy-desk');
  await form.getByLabel('パスワード（任意）').fill('smtp-no-himitsu');
  await textField(form, '差出人のメールアドレス').fill('privacy@example.co.jp');
  await form.getByRole('button', { name: '保存する' }).click();
  await expect(page.getByText('請求の設定を保存しました。')).toBeVisible();
  // The password is kept, never shown again.
  await expect(form.getByLabel('パスワード（任意）')).toHaveValue('');
  await expect(form.getByText('保存済みです。変更する場合だけ入力してください')).toBeVisible();
  const settings = await desk.ok<{ dueBusinessDays: number; smtp: { host: string; hasPassword: boolean } | null }>('requestSettings.get', {});
  expect(settings.dueBusinessDays).toBe(10);
  expect(settings.smtp).toMatchObject({ host: 'smtp.example.co.jp', hasPassword: true });
  expect(JSON.stringify(settings)).not.toContain('smtp-no-himitsu');

  // The order system holds every customer: every approved change will give its owner a task.
  await page.getByTestId('add-system').click();
  const dialog = page.getByRole('dialog', { name: '社内システムの追加' });
  await textField(dialog, 'システム名').fill('注文管理システム');
  await textField(dialog, '識別キー').fill('注文システム');
  await textField(dialog, '責任者').fill('高橋 健');
  await textField(dialog, '連絡先').fill('order-admin@example.co.jp');
  await dialog.getByRole('checkbox', { name: 'すべてのお客様のデータを持つ' }).check();
  await dialog.getByRole('button', { name: '保存する' }).click();
  await expect(dialog).toBeHidden();
  const system = page.getByTestId('systems-table').locator('tr[data-key="注文システム"]');
  await expect(system).toContainText('高橋 健');
  await expect(system).toContainText('全顧客');
  await closeToasts(page);
  await shootInBothLanguages(desk, page, 'requests-settings');
});
