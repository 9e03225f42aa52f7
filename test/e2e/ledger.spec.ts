// Journeys of the personal information ledger (issue #10, JIS Q 15001): the officer records the customer master with
// the desk as its source and sees the live count, assesses and approves its risk, confirms it and exports the ledger;
// an entry last reviewed on paper 13 months ago is overdue, and the home screen's count opens the overdue list.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import type { Partner } from '../../src-shared/registers';
import { sato, tanaka, yamada } from '../fixtures/customers';
import { expect, mainMenu, officer, shootInBothLanguages, signInAs, test, textField, type Desk } from './fixtures';

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


/** The officer, two customers and the delivery company the shop entrusts with parcels. */
async function seedDesk(desk: Desk): Promise<void> {
  await desk.setUpOfficer();
  await desk.ok('auth.login', { loginId: officer.loginId, password: officer.password });
  for (const c of [yamada, sato]) await desk.ok('customers.create', c);
  await desk.ok<Partner>('partners.create', {
    name: '株式会社みなと物流センター',
    address: '神奈川県横浜市中区海岸通3-9',
    representative: '代表取締役 大野 修',
    roles: ['outsourcee'],
    country: 'JP',
    securityMeasures: '業務委託契約第12条：入退室管理、出荷伝票の施錠保管、再委託の禁止。',
    contactName: '出荷管理課 村井 優子',
    contactEmail: 'murai@minato-logi.example.jp',
  });
  await desk.ok('auth.logout', {});
}

async function signInAsOfficer(desk: Desk, page: Page): Promise<void> {
  await desk.open(page);
  await signInAs(page, officer.loginId, officer.password);
  await expect(page.getByTestId('signed-in-name')).toHaveText(officer.displayName);
}

async function openLedger(page: Page): Promise<void> {
  await mainMenu(page).getByRole('button', { name: '個人情報管理台帳', exact: true }).click();
  await expect(page.getByRole('heading', { name: '個人情報管理台帳', level: 1 })).toBeVisible();
}

/** Picks options of a Mantine select or multi-select by their visible words, as a person would. */
async function choose(page: Page, field: string, options: string[]): Promise<void> {
  await page.getByRole('combobox', { name: field, exact: true }).click();
  for (const option of options) await page.getByRole('option', { name: option }).click();
  await page.keyboard.press('Escape');
}

test('the officer records the customer master counted live from the desk, approves its risk assessment, confirms it and exports the ledger', async ({ page, desk }) => {
  await seedDesk(desk);
  await signInAsOfficer(desk, page);
  await openLedger(page);
  await expect(page.getByTestId('ledger-empty')).toContainText('最初に「顧客マスタ」を登録しましょう');
  await page.getByTestId('ledger-empty').getByRole('button', { name: '台帳に登録する' }).click();

  const form = page.getByRole('form', { name: '個人情報管理台帳に登録' });
  // Nothing filled in: the form says what is missing before anything is sent.
  await form.getByRole('button', { name: '登録する', exact: true }).click();
  await expect(form.getByText('項目を1つ以上入力してください。')).toBeVisible();
  await expect(form.getByText('利用目的を選ぶか、その他の利用目的を入力してください。')).toBeVisible();

  await textField(form, '個人情報の名称').fill('顧客マスタ');
  const items = form.getByRole('combobox', { name: '項目', exact: true });
  for (const item of ['氏名', '住所', '電話番号', 'メールアドレス']) {
    await items.fill(item);
    await items.press('Enter');
  }
  await choose(page, '利用目的（プライバシーポリシー）', ['3.1 登録情報の表示・訂正', '3.2 商品の発送及び決済']);
  await textField(form, '取得方法').fill('通販サイトの会員登録フォームで本人から直接取得');
  await textField(form, '管理部署').fill('EC運営部');
  await textField(form, '管理責任者').fill('EC運営部長 井上 誠');
  await textField(form, '保管場所').fill('個人情報保護デスク（暗号化データベース）');
  await textField(form, 'アクセス権者').fill('個人情報保護管理者、カスタマーサポート担当');
  await textField(form, '保存期間').fill('最終取引から5年');
  await textField(form, '廃棄方法').fill('デスクの保存期間処理で消去');
  await choose(page, '委託先', ['株式会社みなと物流センター']);
  // The count of a kind kept in the desk is chosen, never typed: the form shows what each source counts now.
  await choose(page, '集計元', ['デスクの顧客（登録中の全件） — 現在 2人']);
  await form.getByRole('button', { name: '登録する', exact: true }).click();

  const entry = page.getByTestId('ledger-entry');
  await expect(entry).toHaveAttribute('data-number', 'L-001');
  await expect(entry.getByTestId('ledger-people')).toHaveText('2人');
  await expect(entry.getByTestId('ledger-count-note')).toContainText('デスクの顧客（登録中の全件）から');
  await expect(entry.getByTestId('ledger-details')).toContainText('株式会社みなと物流センター');
  await expect(entry.getByTestId('risk-none')).toBeVisible();

  // The risk assessment: leak and unauthorised access, likely enough (2) and serious (3): the score reads 6, high.
  await entry.getByRole('button', { name: 'リスクを評価する' }).click();
  const dialog = page.getByRole('dialog', { name: '顧客マスタのリスク評価' });
  for (const threat of ['漏えい', '不正アクセス', '目的外利用']) await dialog.getByRole('checkbox', { name: threat }).check();
  await textField(dialog, '想定される事象').fill('不正アクセスによる漏えい、担当者による目的外の閲覧');
  await dialog.getByTestId('risk-likelihood').getByText('2 中').click();
  await dialog.getByTestId('risk-impact').getByText('3 高').click();
  await expect(dialog.getByTestId('risk-score-preview')).toContainText('リスク値（発生可能性 × 影響度）: 6（高）');
  await textField(dialog, '対策').fill('データベースの暗号化、閲覧理由の記録、誓約書と年1回の教育');
  await dialog.getByTestId('risk-residual').getByText('中').click();
  await shootInBothLanguages(desk, page, 'ledger-risk-assessment');
  await dialog.getByRole('button', { name: '評価を記録する（承認待ち）' }).click();
  await expect(dialog).toBeHidden();

  const risk = entry.getByTestId('ledger-risk');
  await expect(risk).toHaveAttribute('data-state', 'awaitingApproval');
  await expect(risk.getByTestId('risk-formula')).toContainText('2 × 3 = 6');
  await risk.getByRole('button', { name: '承認する' }).click();
  await expect(risk).toHaveAttribute('data-state', 'approved');
  await expect(risk.getByTestId('assessment-newest')).toContainText(`承認: `);
  await expect(risk.getByTestId('assessment-newest')).toContainText(officer.displayName);

  // The yearly review: the officer confirms the entry as it stands.
  await entry.getByRole('button', { name: '年次見直しで確認する' }).click();
  const confirm = page.getByRole('dialog', { name: '顧客マスタを確認しましたか' });
  await textField(confirm, '確認メモ（任意）').fill('項目・保管場所に変更なし');
  await confirm.getByRole('button', { name: '確認を記録する' }).click();
  await expect(confirm).toBeHidden();
  await expect(entry.getByTestId('ledger-last-review')).toHaveAttribute('data-basis', 'confirmed');
  await expect(entry.getByTestId('ledger-confirmations')).toContainText(`${officer.displayName} — 項目・保管場所に変更なし`);
  await shootInBothLanguages(desk, page, 'ledger-entry');

  // A new customer arrives: the ledger counts them at once, nobody retypes a number.
  await desk.ok('customers.create', tanaka);
  await page.getByRole('button', { name: '台帳に戻る' }).click();
  const row = page.getByTestId('ledger-table').locator('tbody tr[data-entry="顧客マスタ"]');
  await expect(row.getByTestId('ledger-count')).toHaveAttribute('data-people', '3');
  await expect(row.getByTestId('ledger-review')).toContainText(officer.displayName);
  await expect(row.getByTestId('risk-state')).toHaveText('承認済み');

  // The ledger for the auditor: an Excel workbook and a PDF in the exports folder.
  await page.getByRole('button', { name: 'Excelに書き出す' }).click();
  const written = page.getByTestId('ledger-export-written');
  await expect(written).toContainText('1件を書き出しました。');
  await expect(page.getByTestId('ledger-export-name')).toHaveText(/^ledger-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const xlsx = (await written.getAttribute('data-path'))!;
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(xlsx);
  const sheet = book.getWorksheet('個人情報管理台帳')!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  expect(header.slice(0, 3)).toEqual(['管理番号', '個人情報の名称', '項目']);
  expect(sheet.getRow(2).getCell(header.indexOf('件数（人）') + 1).value).toBe(3);
  expect(sheet.getRow(2).getCell(header.indexOf('委託先') + 1).value).toBe('株式会社みなと物流センター');

  await page.getByRole('button', { name: 'PDFに書き出す' }).click();
  await expect(written).toHaveAttribute('data-format', 'pdf');
  const pdf = (await written.getAttribute('data-path'))!;
  expect(existsSync(pdf) && basename(pdf).endsWith('.pdf')).toBe(true);
  // With the machine's fonts hidden, the PDF must carry its own Japanese font to show its text.
  const noFonts = join(mkdtempSync(join(tmpdir(), 'desk-nofonts-')), 'fonts.conf');
  writeFileSync(noFonts, '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig></fontconfig>');
  const env = { ...process.env, FONTCONFIG_FILE: noFonts };
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', pdf, '-'], { env }).toString('utf8');
  for (const words of ['個人情報管理台帳', '顧客マスタ', 'L-001', '3人', 'デスクの顧客', 'リスク評価', '承認済み', officer.manager.name]) expect(text).toContain(words);
  const fonts = execFileSync('pdffonts', [pdf], { env }).toString('utf8');
  expect(fonts.split('\n').slice(2).filter(Boolean).every((line) => / yes /.test(line))).toBe(true);
  await shootInBothLanguages(desk, page, 'ledger-list');
});

test('an entry last reviewed on paper 13 months ago is overdue, and the home screen’s count opens the overdue list', async ({ page, desk }) => {
  await seedDesk(desk);
  await signInAsOfficer(desk, page);
  await expect(page.getByTestId('ledger-due-none')).toBeVisible();
  await openLedger(page);
  await page.getByRole('button', { name: '台帳に登録する' }).first().click();

  // Job applicants' résumés: kept on paper, counted by hand, last reviewed in the Excel ledger 13 months ago.
  const form = page.getByRole('form', { name: '個人情報管理台帳に登録' });
  await textField(form, '個人情報の名称').fill('採用応募者');
  const items = form.getByRole('combobox', { name: '項目', exact: true });
  for (const item of ['氏名', '住所', '学歴・職歴']) {
    await items.fill(item);
    await items.press('Enter');
  }
  await textField(form, 'その他の利用目的').fill('採用選考及び応募者への連絡');
  await textField(form, '取得方法').fill('応募者本人からの履歴書の郵送');
  await textField(form, '管理部署').fill('人事部');
  await textField(form, '管理責任者').fill('人事部長 小川 恵');
  // The segmented control's radios are visually hidden: its label is what a person clicks.
  await form.locator('label').filter({ hasText: /^紙$/ }).click();
  await expect(form.getByRole('radio', { name: '紙' })).toBeChecked();
  await textField(form, '保管場所').fill('本社3階 人事部の施錠キャビネット');
  await textField(form, 'アクセス権者').fill('人事部の採用担当者のみ');
  await textField(form, '保存期間').fill('選考終了後6か月');
  await textField(form, '廃棄方法').fill('溶解処理');
  await form.getByRole('radio', { name: '数えた人数を入力' }).check();
  await textField(form, '人数').fill('48');
  await textField(form, '基準日').fill(monthsAgo(0, 3));
  await form.getByRole('checkbox', { name: '紙の台帳で最後に見直した日を記録する' }).check();
  await textField(form, '見直した日').fill(monthsAgo(13));
  await textField(form, '見直した人').fill('人事部長 小川 恵');
  await shootInBothLanguages(desk, page, 'ledger-entry-form');
  await form.getByRole('button', { name: '登録する', exact: true }).click();

  const entry = page.getByTestId('ledger-entry');
  await expect(entry).toHaveAttribute('data-overdue', 'true');
  await expect(entry.getByTestId('ledger-people')).toHaveText('48人');
  await expect(entry.getByTestId('ledger-last-review')).toHaveAttribute('data-basis', 'paper');
  await expect(entry.getByTestId('ledger-last-review')).toContainText('紙の台帳での見直し');
  await expect(entry.getByTestId('ledger-entry-header').getByTestId('overdue-badge')).toHaveText('期限超過');

  // A second entry, reviewed today in the desk: not overdue, so the overdue list shows only the applicants.
  await desk.ok('ledger.save', {
    entry: {
      name: '取引先担当者',
      items: ['氏名', 'メールアドレス'],
      otherPurposes: '取引上の連絡',
      obtainedHow: '名刺交換',
      department: '総務部',
      responsible: '総務部長',
      storageKind: 'system',
      storagePlace: '個人情報保護デスクの取引先台帳',
      access: '個人情報保護管理者',
      retention: '取引終了から3年',
      disposal: '取引先台帳から消去',
      disclosable: true,
      count: { kind: 'desk', source: 'partnerContacts' },
    },
  });

  await mainMenu(page).getByRole('button', { name: 'ホーム', exact: true }).click();
  const card = page.getByTestId('ledger-due-card');
  await expect(card.getByTestId('ledger-due-overdue')).toHaveText('見直し期限を過ぎた項目 1件');
  await shootInBothLanguages(desk, page, 'ledger-home-card');
  await card.getByTestId('ledger-due-overdue').click();
  await expect(page.getByRole('heading', { name: '個人情報管理台帳', level: 1 })).toBeVisible();
  await expect(page.getByTestId('ledger-filter').getByRole('radio', { name: /見直し期限超過/ })).toBeChecked();
  await expect(page.getByTestId('overdue-note')).toBeVisible();
  const rows = page.getByTestId('ledger-table').locator('tbody tr[data-entry]');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-entry', '採用応募者');
  await expect(rows.first().getByTestId('ledger-review')).toContainText('紙の台帳で確認');
  await shootInBothLanguages(desk, page, 'ledger-overdue');
});
