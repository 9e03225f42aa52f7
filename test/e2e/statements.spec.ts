// Written confidentiality statement journeys (issue #3): record with a scan, overdue and renewal, the text's versions, blank forms.
import type { Page } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scannedPdf } from '../fixtures/scans';
import { expect, mainMenu, officer, shootInBothLanguages, signInAs, test, textField, type Desk } from './fixtures';

const staff = { displayName: '北川 翔', loginId: 'kitagawa', department: 'カスタマーサポート部' };
const partTimer = { name: '佐々木 結衣', department: '物流センター' };

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

/** A scanned statement as the scanner left it on disk, for the file chooser. */
function scanOnDisk(name = 'seiyakusho.pdf'): string {
  const path = join(mkdtempSync(join(tmpdir(), 'desk-scan-')), name);
  writeFileSync(path, scannedPdf());
  return path;
}

function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

async function openStatements(page: Page): Promise<void> {
  await mainMenu(page).getByRole('button', { name: '誓約書' }).click();
  await expect(page.getByRole('heading', { name: '誓約書', level: 1 })).toBeVisible();
}

async function createStaff(desk: Desk): Promise<void> {
  expect((await desk.api('auth.login', { loginId: officer.loginId, password: officer.password })).ok).toBe(true);
  const created = await desk.api('accounts.create', { ...staff, role: 'staff', temporaryPassword: 'Kari-Pasu-Waado-5521' });
  expect(created.ok).toBe(true);
  await desk.api('auth.logout', {});
}

const statementRows = (page: Page, person: string) => page.getByTestId('statements-table').locator(`tr[data-person="${person}"]`);

test('officer records a statement with a scanned PDF, sees an overdue one in the due panel, and renewing it keeps the old one as history', async ({ page, desk }) => {
  await desk.setUpOfficer();
  await createStaff(desk);
  await desk.open(page);
  await signInAs(page, officer.loginId, officer.password);
  await openStatements(page);
  await expect(page.getByTestId('due-missing')).toContainText(staff.displayName);
  await shootInBothLanguages(desk, page, 'statements');

  // The staff member's statement, from the "without a statement" list.
  await page.getByTestId('due-missing').locator('div', { hasText: staff.displayName }).getByRole('button', { name: '記録する' }).first().click();
  const dialog = page.getByRole('dialog', { name: '誓約書を記録' });
  await expect(dialog.getByRole('combobox', { name: 'アカウント', exact: true })).toHaveValue(`${staff.displayName} (${staff.loginId})`);
  const signedOn = await textField(dialog, '署名日').inputValue();
  const nextYear = String(Number(signedOn.slice(0, 4)) + 1);
  await expect(textField(dialog, '更新期限')).toHaveValue(new RegExp(`^${nextYear}-`)); // a year after signing, unless changed
  // Sending without the scan: the screen asks for it.
  await dialog.getByRole('button', { name: '記録する', exact: true }).click();
  await expect(dialog.getByText('署名済みの誓約書のスキャンを選んでください。')).toBeVisible();
  await dialog.locator('input[type="file"]').setInputFiles(scanOnDisk());
  await expect(dialog).toContainText('seiyakusho.pdf');
  await shootInBothLanguages(desk, page, 'statement-record');
  await dialog.getByRole('button', { name: '記録する', exact: true }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(statementRows(page, staff.displayName)).toHaveAttribute('data-state', 'current');
  await expect(statementRows(page, staff.displayName)).toContainText('有効');
  await expect(page.getByTestId('due-missing')).not.toContainText(staff.displayName);

  // The scan comes back as it was scanned; a PDF is offered to save, since the window embeds no documents.
  await statementRows(page, staff.displayName).getByRole('button', { name: 'スキャンを見る' }).click();
  const viewer = page.getByRole('dialog', { name: `${staff.displayName}さんの誓約書（スキャン）` });
  await expect(viewer.getByTestId('scan-download')).toHaveAttribute('download', 'seiyakusho.pdf');
  const download = page.waitForEvent('download');
  await viewer.getByTestId('scan-download').click();
  const saved = await (await download).path();
  expect(readFileSync(saved).equals(scannedPdf())).toBe(true);
  await shootInBothLanguages(desk, page, 'statement-scan');
  await viewer.getByRole('button', { name: '閉じる' }).click();

  // A part-timer without an account signed 13 months ago: overdue, in red.
  const thirteenMonthsAgo = new Date();
  thirteenMonthsAgo.setMonth(thirteenMonthsAgo.getMonth() - 13);
  await page.getByRole('button', { name: '誓約書を記録' }).click();
  const second = page.getByRole('dialog', { name: '誓約書を記録' });
  await second.getByText('アカウントのない方').click();
  await textField(second, '氏名').fill(partTimer.name);
  await textField(second, '部署').fill(partTimer.department);
  await textField(second, '署名日').fill(isoDay(thirteenMonthsAgo));
  await textField(second, '研修受講日').fill(isoDay(thirteenMonthsAgo));
  await second.locator('input[type="file"]').setInputFiles(scanOnDisk('sasaki.pdf'));
  await second.getByRole('button', { name: '記録する', exact: true }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByTestId('due-overdue')).toContainText(partTimer.name);
  await expect(statementRows(page, partTimer.name)).toHaveAttribute('data-state', 'overdue');
  await shootInBothLanguages(desk, page, 'statements-overdue');

  // Renewing it from the due panel.
  await page.getByTestId('due-overdue').getByRole('button', { name: '更新する' }).click();
  const renew = page.getByRole('dialog', { name: '誓約書を更新' });
  await expect(renew).toContainText(`${partTimer.name}さんの誓約書を新しいものに更新します。`);
  await renew.locator('input[type="file"]').setInputFiles(scanOnDisk('sasaki-2.pdf'));
  await shootInBothLanguages(desk, page, 'statement-renew');
  await renew.getByRole('button', { name: '更新する', exact: true }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByTestId('due-overdue')).not.toContainText(partTimer.name);
  await expect(statementRows(page, partTimer.name)).toHaveCount(1);
  await expect(statementRows(page, partTimer.name)).toHaveAttribute('data-state', 'current');

  // The history shows both: the renewed one and the one it replaced.
  await page.getByRole('switch', { name: '更新前の誓約書（履歴）も表示する' }).click();
  await expect(statementRows(page, partTimer.name)).toHaveCount(2);
  await expect(page.getByTestId('statements-table').locator(`tr[data-person="${partTimer.name}"][data-state="superseded"]`)).toContainText('更新済み（履歴）');
  await shootInBothLanguages(desk, page, 'statements-history');

  // Accounts show the statement too.
  await mainMenu(page).getByRole('button', { name: 'アカウント管理' }).click();
  await expect(page.locator(`tr[data-login-id="${staff.loginId}"] [data-statement-state]`)).toHaveAttribute('data-statement-state', 'current');
});

test('officer edits the statement text, which makes a new version, and prints a blank statement as PDF', async ({ page, desk }) => {
  await desk.setUpOfficer();
  await desk.open(page);
  await signInAs(page, officer.loginId, officer.password);
  await openStatements(page);
  await page.getByRole('tab', { name: '誓約書の文面' }).click();
  await expect(page.getByTestId('template-latest')).toContainText('第1版');

  const ja = page.getByRole('textbox', { name: '日本語の文面' });
  const before = await ja.inputValue();
  const edited = before.replace('6. 個人情報の保護に関する教育を受け、', '6. 個人情報の保護に関する研修を年1回以上受講し、');
  expect(edited).not.toBe(before);
  await ja.fill(edited);
  await page.getByRole('button', { name: '新しい版として保存' }).click();
  await expect(page.getByText('誓約書の文面を第2版として保存しました。')).toBeVisible();
  await expect(page.getByTestId('template-latest')).toContainText('第2版');
  await expect(page.getByTestId('template-history').getByRole('button')).toHaveCount(2);
  // Saving the same text again is refused with the reason.
  await ja.fill(`${await ja.inputValue()} `);
  await page.getByRole('button', { name: '新しい版として保存' }).click();
  await expect(page.locator('[data-error="statement.templateUnchanged"]')).toContainText('文面が最新の版と同じです。');

  // The blank form offers the newest version; printed in Japanese, it says where it was saved.
  await expect(page.getByRole('combobox', { name: '文面の版' })).toHaveValue('第2版');
  await page.getByRole('button', { name: 'PDFを書き出す' }).click();
  const shown = page.getByTestId('blank-statement-path');
  await expect(shown).toContainText(/statement-blank-v2-ja\.pdf$/);
  const path = (await shown.textContent())!.trim();
  expect(existsSync(path)).toBe(true);
  expect(readFileSync(path).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await page.getByTestId('template-history').getByRole('button').first().click();
  await shootInBothLanguages(desk, page, 'statement-template');
});
