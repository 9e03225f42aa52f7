// Education journeys (issue #10): a training 13 months old leaves a staff member untrained; with the officer's setting
// on they are refused customer records and told why, until a new session is recorded; the auditor reads it all.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { yamada } from '../fixtures/customers';
import { asUpload, scannedPdf } from '../fixtures/scans';
import { expect, mainMenu, officer, replaceTemporaryPassword, shootInBothLanguages, signInAs, signOutOfDesk, test, textField, type Desk } from './fixtures';

const staff = { displayName: '北川 翔', loginId: 'kitagawa', department: 'カスタマーサポート部' };
const auditor = { displayName: '高橋 誠', loginId: 'takahashi', department: '内部監査室' };
const temporaryPassword = 'Kari-Pasu-Waado-5521';
const chosenPassword = 'kitagawa-no-himitsu-2026';

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

/** A day counted back from today on this workstation's calendar (the host's clock is the real one). */
function monthsAgo(months: number, days = 0): string {
  const d = new Date();
  d.setMonth(d.getMonth() - months);
  d.setDate(d.getDate() - days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}


/** The slides as the officer saved them from the presentation program. */
function slidesOnDisk(): { path: string; bytes: Buffer } {
  const bytes = scannedPdf('Privacy training: handling customer data');
  const path = join(mkdtempSync(join(tmpdir(), 'desk-slides-')), 'kojinjoho-kenshu.pdf');
  writeFileSync(path, bytes);
  return { path, bytes };
}

/**
 * The officer, a customer, and a staff member whose statement (signed last week) gives the date of their last training:
 * 13 months ago.
 */
async function seedDesk(desk: Desk): Promise<string> {
  await desk.setUpOfficer();
  await desk.ok('auth.login', { loginId: officer.loginId, password: officer.password });
  await desk.ok('customers.create', yamada);
  const account = await desk.ok<{ id: string }>('accounts.create', { ...staff, role: 'staff', temporaryPassword });
  await desk.ok('statements.record', { accountId: account.id, templateVersion: 1, signedOn: monthsAgo(0, 7), trainingOn: monthsAgo(13), scan: asUpload(scannedPdf(), 'seiyakusho.pdf', 'application/pdf') });
  await desk.ok('auth.logout', {});
  return account.id;
}

async function openTraining(page: Page): Promise<void> {
  await mainMenu(page).getByRole('button', { name: '教育・研修', exact: true }).click();
  await expect(page.getByRole('heading', { name: '教育・研修', level: 1 })).toBeVisible();
}

async function signInFirstTime(page: Page, loginId: string): Promise<void> {
  await signInAs(page, loginId, temporaryPassword);
  await replaceTemporaryPassword(page, temporaryPassword, chosenPassword);
}

/** Chooses an attendee in the picker by typing part of the name, as a person would. */
async function chooseAttendee(page: Page, typed: string, option: string): Promise<void> {
  const picker = page.getByRole('combobox', { name: '出席者を選ぶ' });
  await picker.click();
  await picker.fill(typed);
  await page.getByRole('option', { name: option }).click();
  await page.keyboard.press('Escape');
}

const employeeRow = (page: Page, name: string) => page.getByTestId('employees-table').locator(`tbody tr[data-person="${name}"]`);

test('a staff member trained 13 months ago is listed as untrained and, once the officer requires training, refused customer records until a new session is recorded', async ({ page, desk }) => {
  await seedDesk(desk);
  await desk.open(page);
  await signInAs(page, officer.loginId, officer.password);
  await openTraining(page);
  await expect(page.getByTestId('sessions-empty')).toBeVisible();

  // The session of 13 months ago, recorded from the paper attendance sheet, with its slides.
  const slides = slidesOnDisk();
  await page.getByRole('button', { name: '研修を記録' }).first().click();
  const form = page.getByRole('form', { name: '研修を記録' });
  await textField(form, '実施日').fill(monthsAgo(13));
  await textField(form, 'テーマ').fill('個人情報保護研修（秋季・全社員）');
  await textField(form, '講師').fill('南 真美（個人情報保護管理者）');
  await form.locator('input[type="file"]').setInputFiles(slides.path);
  await chooseAttendee(page, '北川', `${staff.displayName}（${staff.department}）`);
  await expect(form.getByTestId('attendee-list').locator(`tr[data-person="${staff.displayName}"]`)).toBeVisible();
  await shootInBothLanguages(desk, page, 'training-record');
  await form.getByRole('button', { name: '記録する', exact: true }).click();

  // The session opens; its slides come back as they were saved.
  await expect(page.getByRole('heading', { name: '個人情報保護研修（秋季・全社員）', level: 1 })).toBeVisible();
  await expect(page.getByTestId('attendees-table').locator(`tr[data-person="${staff.displayName}"]`)).toHaveAttribute('data-result', 'attended');
  const download = page.waitForEvent('download');
  await page.getByTestId('material-download').click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('kojinjoho-kenshu.pdf');
  expect(readFileSync(await saved.path()).equals(slides.bytes)).toBe(true);
  await page.getByRole('button', { name: '研修の一覧に戻る' }).click();
  await expect(page.getByTestId('sessions-table').locator('tbody tr')).toHaveCount(1);
  await shootInBothLanguages(desk, page, 'training-sessions');

  // The home screen counts the untrained (the officer has no training on record either) and opens that very list.
  await mainMenu(page).getByRole('button', { name: 'ホーム', exact: true }).click();
  await expect(page.getByTestId('training-due-untrained')).toHaveText('未受講（12か月超・記録なし）：2名');
  await shootInBothLanguages(desk, page, 'training-home-card');
  await page.getByTestId('training-due-untrained').click();
  await expect(page.getByRole('heading', { name: '教育・研修', level: 1 })).toBeVisible();
  await expect(page.getByTestId('employee-filter').getByRole('radio', { name: /未受講/ })).toBeChecked();
  await expect(employeeRow(page, staff.displayName)).toHaveAttribute('data-state', 'overdue');
  await expect(employeeRow(page, staff.displayName)).toHaveAttribute('data-source', 'session');
  await expect(employeeRow(page, staff.displayName)).toContainText('期限切れ');
  await expect(employeeRow(page, officer.displayName)).toHaveAttribute('data-state', 'never');
  await shootInBothLanguages(desk, page, 'training-employees');

  // The officer makes training a condition for customer records, seeing first whom it refuses.
  await page.getByRole('tab', { name: '顧客情報の閲覧と研修' }).click();
  await expect(page.getByTestId('training-setting-affected')).toContainText('1名');
  await page.getByRole('switch', { name: '顧客情報の閲覧に12か月以内の研修受講を必要とする' }).click();
  const confirm = page.getByRole('dialog', { name: '研修受講を必要にする' });
  await expect(confirm).toContainText('1名');
  await confirm.getByRole('button', { name: 'オンにする' }).click();
  await expect(page.getByTestId('training-setting-state')).toContainText('オン');
  await expect(page.getByRole('switch', { name: '顧客情報の閲覧に12か月以内の研修受講を必要とする' })).toBeChecked();
  await signOutOfDesk(page);

  // The staff member opens the customers and is told why not, and whom to ask; no customer is shown.
  await signInFirstTime(page, staff.loginId);
  await mainMenu(page).getByRole('button', { name: '顧客', exact: true }).click();
  const refusal = page.getByRole('alert').filter({ hasText: '12か月以内' });
  await expect(refusal).toBeVisible();
  await expect(page.getByRole('main')).toContainText(officer.manager.name);
  await expect(page.getByRole('main')).toContainText(officer.manager.email);
  await expect(page.getByText(yamada.name)).toHaveCount(0);
  await shootInBothLanguages(desk, page, 'training-refusal');
  await signOutOfDesk(page);

  // The officer records this month's session with them.
  await signInAs(page, officer.loginId, officer.password);
  await openTraining(page);
  await page.getByRole('button', { name: '研修を記録' }).first().click();
  const second = page.getByRole('form', { name: '研修を記録' });
  await textField(second, 'テーマ').fill('個人情報保護研修（補講）');
  await textField(second, '講師').fill('南 真美（個人情報保護管理者）');
  await chooseAttendee(page, '北川', `${staff.displayName}（${staff.department}）`);
  await second.getByRole('button', { name: '記録する', exact: true }).click();
  await expect(page.getByRole('heading', { name: '個人情報保護研修（補講）', level: 1 })).toBeVisible();
  await signOutOfDesk(page);

  // Served again.
  await signInAs(page, staff.loginId, chosenPassword);
  await mainMenu(page).getByRole('button', { name: '顧客', exact: true }).click();
  await expect(page.getByTestId('customers-table').locator(`tbody tr[data-customer-no="${yamada.customerNo}"]`)).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: '12か月以内' })).toHaveCount(0);
});

test('the auditor reads the sessions, a session with its test results and material, who is untrained, and the setting, and can change none of it', async ({ page, desk }) => {
  const staffId = await seedDesk(desk);
  await desk.ok('auth.login', { loginId: officer.loginId, password: officer.password });
  await desk.ok('accounts.create', { ...auditor, role: 'auditor', temporaryPassword });
  await desk.ok('training.record', {
    heldOn: monthsAgo(7),
    topic: '個人情報保護研修（春季・全社員）',
    trainer: '南 真美（個人情報保護管理者）',
    notes: '会議室とオンラインで実施。',
    passMark: 80,
    attendees: [{ accountId: staffId, score: 72 }, { personName: '山口 花子', department: '物流センター', score: 88 }],
    material: asUpload(scannedPdf('Spring training'), 'haru-kenshu.pdf', 'application/pdf'),
  });
  await desk.ok('training.saveSettings', { requiredForCustomers: true });
  await desk.ok('auth.logout', {});

  await desk.open(page);
  await signInFirstTime(page, auditor.loginId);
  await expect(page.getByTestId('training-due-card')).toContainText('顧客情報の閲覧には12か月以内の研修受講が必要です。');
  await openTraining(page);
  await expect(page.getByRole('button', { name: '研修を記録' })).toHaveCount(0);
  await page.getByRole('button', { name: /を開く$/ }).click();
  await expect(page.getByRole('heading', { name: '個人情報保護研修（春季・全社員）', level: 1 })).toBeVisible();
  await expect(page.getByTestId('attendees-table').locator(`tr[data-person="${staff.displayName}"]`)).toHaveAttribute('data-result', 'failed');
  await expect(page.getByTestId('attendees-table').locator('tr[data-person="山口 花子"]')).toHaveAttribute('data-result', 'passed');
  await expect(page.getByTestId('material-download')).toBeVisible();
  await expect(page.getByRole('button', { name: '記録を修正' })).toHaveCount(0);
  await shootInBothLanguages(desk, page, 'training-session');

  // The staff member failed the test: still untrained, and the list says why.
  await page.getByRole('button', { name: '研修の一覧に戻る' }).click();
  await page.getByRole('tab', { name: '社員ごとの受講状況' }).click();
  await expect(employeeRow(page, staff.displayName)).toHaveAttribute('data-state', 'overdue');
  await expect(employeeRow(page, staff.displayName)).toContainText('確認テストに合格していません');
  await expect(employeeRow(page, '山口 花子')).toHaveAttribute('data-state', 'current');
  await expect(page.getByRole('button', { name: '一覧から外す' })).toHaveCount(0);

  await page.getByRole('tab', { name: '顧客情報の閲覧と研修' }).click();
  await expect(page.getByRole('switch', { name: '顧客情報の閲覧に12か月以内の研修受講を必要とする' })).toBeDisabled();
  await expect(page.getByTestId('training-setting')).toContainText('この設定を変更できるのは個人情報保護管理者だけです。');
  await shootInBothLanguages(desk, page, 'training-setting');
});
