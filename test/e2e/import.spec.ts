// CSV import journeys (issue #4): a Shift_JIS file from the shop's systems with era dates and bad rows, and a partner's file with its Art. 30 receipt.
import type { Page } from '@playwright/test';
import iconv from 'iconv-lite';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CustomerRecord, CustomerRow } from '../../src-shared/customers';
import { yamada } from '../fixtures/customers';
import { expect, mainMenu, officer, shootInBothLanguages, signInAs, test, textField, type Desk } from './fixtures';

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

const cardNumber = '4111-1111-1111-1111';

/**
 * What the shop's old system exports: Shift_JIS, Japanese headers, era dates, full-width digits (and the full-width hyphen
 * that CP932 holds), 〒, and a column the desk does not know.
 */
const shopCsv = [
  '氏名,フリガナ,生年月日,電話番号,メールアドレス,郵便番号,都道府県,市区町村,住所1,顧客番号,会員ランク',
  '髙橋 一郎,タカハシ イチロウ,昭和63年4月1日,０９０－１１１１－２２２２,takahashi@example.jp,〒１５０－０００１,東京都,渋谷区,神宮前１－１,Ｃ－２００１,ゴールド',
  '佐々木 花子,ｻｻｷ ﾊﾅｺ,H2.5.10,080-3333-4444,sasaki@example.jp,530-0001,大阪府,大阪市北区,梅田1-2 ㈱梅田ビル,C-2002,一般',
  `伊藤 健,イトウ ケン,1990/01/15,03-5555-6666,ito@example.jp,100-0001,東京都,千代田区,千代田1-1（カード ${cardNumber}）,C-2003,一般`,
  '渡辺 美紀,ワタナベ ミキ,平成5年2月30日,092-777-8888,watanabe@example.jp,812-0011,福岡県,福岡市博多区,博多駅前2-2,C-2004,一般',
  `山田 太郎,ヤマダ タロウ,1985-04-12,090-1234-5678,${yamada.emails![0]!.address},150-0001,東京都,渋谷区,神宮前1-2-3,C-2005,ゴールド`,
].join('\r\n');

function fileOnDisk(name: string, bytes: Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'desk-import-')), name);
  writeFileSync(path, bytes);
  return path;
}


async function openImport(desk: Desk, page: Page): Promise<void> {
  await desk.setUpOfficer();
  await desk.ok('auth.login', { loginId: officer.loginId, password: officer.password });
  await desk.ok('customers.create', yamada);
  await desk.ok('auth.logout', {});
  await desk.open(page);
  await signInAs(page, officer.loginId, officer.password);
  await mainMenu(page).getByRole('button', { name: 'CSV取込' }).click();
  await expect(page.getByRole('heading', { name: 'CSV取込', level: 1 })).toBeVisible();
}

test('officer imports a Shift_JIS CSV with era dates and full-width digits, sees the problems, commits, and gets the rejected-rows file', async ({ page, desk }) => {
  await openImport(desk, page);
  const path = fileOnDisk('kokyaku_2026.csv', iconv.encode(shopCsv, 'Shift_JIS'));

  // Step 1: the file, from our shop's systems.
  await page.getByRole('button', { name: '内容を確認する' }).click();
  await expect(page.getByText('入力してください。')).toBeVisible(); // no file yet
  await page.locator('input[type="file"]').setInputFiles(path);
  await expect(page.getByRole('radio', { name: '当社のシステムから（お客様のご登録）' })).toBeChecked();
  await shootInBothLanguages(desk, page, 'import-1-file');
  await page.getByRole('button', { name: '内容を確認する' }).click();

  // Step 2: the preview.
  await expect(page.getByTestId('import-stepper')).toHaveAttribute('data-step', 'preview');
  await expect(page.getByTestId('preview-encoding')).toHaveAttribute('data-encoding', 'cp932');
  await expect(page.getByTestId('preview-rows')).toHaveText('5');
  await expect(page.getByTestId('preview-good')).toHaveText('3');
  await expect(page.getByTestId('preview-rejected')).toHaveText('2');
  await expect(page.getByTestId('preview-duplicates')).toHaveText('1');
  // Characters of Shift_JIS's extensions survive.
  await expect(page.getByTestId('sample-table')).toContainText('髙橋 一郎');
  await expect(page.getByTestId('sample-table')).toContainText('㈱梅田ビル');
  // Every problem with its row, column and reason; the card number is nowhere on screen.
  const problems = page.getByTestId('problems-table');
  await expect(problems.locator('tr[data-row="4"]')).toContainText('住所1');
  await expect(problems.locator('tr[data-row="4"]')).toContainText('カード番号と思われる数字があるため取り込みません');
  await expect(problems.locator('tr[data-row="5"]')).toContainText('生年月日');
  await expect(page.locator('body')).not.toContainText('4111');
  // The unknown column must be given a field, or ignored, before the commit.
  const rank = page.getByTestId('mapping-table').locator('tr[data-header="会員ランク"]');
  await expect(rank).toHaveAttribute('data-unknown', 'true');
  const commit = page.getByRole('button', { name: '3行を取り込む' });
  await expect(commit).toBeDisabled();
  await shootInBothLanguages(desk, page, 'import-2-preview');
  await rank.getByRole('combobox').click();
  await page.getByRole('option', { name: '取り込まない' }).click();
  await expect(page.getByText('対応を変更しました。')).toBeVisible();
  await page.getByRole('button', { name: 'この対応で確認し直す' }).click();
  await expect(page.getByText('対応を変更しました。')).toBeHidden();
  await expect(commit).toBeEnabled();
  await shootInBothLanguages(desk, page, 'import-2-preview-mapped');

  // Step 3: the commit, held back a moment so the progress bar can be seen.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/customers.importCommit', async (route) => {
    await held;
    await route.continue();
  });
  await commit.click();
  await expect(page.getByTestId('import-committing')).toBeVisible();
  await expect(page.getByTestId('import-committing').getByRole('progressbar')).toBeVisible();
  await shootInBothLanguages(desk, page, 'import-3-committing');
  release();

  // Step 4: the result.
  await expect(page.getByTestId('import-result')).toBeVisible();
  await expect(page.getByTestId('result-imported')).toHaveText('3');
  await expect(page.getByTestId('result-rejected')).toHaveText('2');
  await expect(page.getByTestId('result-duplicates')).toHaveText('1');
  const rejectedPath = (await page.getByTestId('rejected-path').textContent())!.trim();
  await shootInBothLanguages(desk, page, 'import-4-result');

  // The rejected rows came back in Shift_JIS, with the reasons in Japanese and no card number.
  expect(existsSync(rejectedPath)).toBe(true);
  const rejected = iconv.decode(readFileSync(rejectedPath), 'Shift_JIS');
  expect(rejected).toContain('渡辺 美紀');
  expect(rejected).toContain('カード番号');
  expect(rejected).not.toContain('4111');

  // The imported customers are found like any other: 髙橋 by its reading, full-width digits normalised.
  await mainMenu(page).getByRole('button', { name: '顧客', exact: true }).click();
  await page.getByRole('searchbox', { name: '検索' }).fill('たかはし');
  const rows = page.getByTestId('customers-table').locator('tbody tr[data-customer-no]');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-customer-no', 'C-2001');
  await expect(rows.first()).toContainText('090-1111-2222');
  await page.getByRole('searchbox', { name: '検索' }).fill('ito@example.jp');
  await expect(page.getByText('該当するお客様はいません。')).toBeVisible();
});

test('a partner import asks for the provider and creates the Art. 30 receipt record', async ({ page, desk }) => {
  await openImport(desk, page);
  const csv = ['name,name kana,postal code,prefecture,city,address,email,customer no', '中村 由美,ナカムラ ユミ,460-0008,愛知県,名古屋市中区,栄3-3,yumi@example.net,P-0001'].join('\n');
  await page.locator('input[type="file"]').setInputFiles(fileOnDisk('partner.csv', Buffer.from(`\ufeff${csv}`, 'utf8')));
  await page.getByRole('radio', { name: '提携先から受け取ったもの' }).check();
  const partner = page.getByTestId('partner-fields');
  await expect(partner).toContainText('個人情報保護法第30条');
  // The receipt's details are required.
  await page.getByRole('button', { name: '内容を確認する' }).click();
  await expect(partner.getByText('入力してください。').first()).toBeVisible();
  await textField(partner, '提供元の名称').fill('株式会社サンプル通販');
  await textField(partner, '提供元の代表者の氏名').fill('代表取締役 鈴木 一');
  await textField(partner, '提供元の住所').fill('東京都千代田区丸の内1-1-1');
  await textField(partner, '提供元がデータを取得した経緯').fill('同社の会員登録時に本人から取得（第三者提供への同意あり）');
  await textField(partner, '受領した項目').fill('氏名、フリガナ、住所、メールアドレス');
  await shootInBothLanguages(desk, page, 'import-1-partner');
  await page.getByRole('button', { name: '内容を確認する' }).click();

  await expect(page.getByTestId('preview-encoding')).toHaveAttribute('data-encoding', 'utf-8-bom');
  await expect(page.getByText('問題のある行はありません。')).toBeVisible();
  await page.getByRole('button', { name: '1行を取り込む' }).click();
  await expect(page.getByTestId('result-imported')).toHaveText('1');
  await expect(page.getByTestId('result-receipt')).toContainText('受領の記録（第30条）を作成しました');
  await expect(page.getByText('すべての行を取り込みました。')).toBeVisible();

  // The record names its provider.
  await mainMenu(page).getByRole('button', { name: '顧客', exact: true }).click();
  await page.getByRole('button', { name: '中村 由美さんの情報を開く' }).click();
  await expect(page.getByTestId('record-provenance')).toContainText('提携先からの受領');
  await expect(page.getByTestId('record-provenance')).toContainText('株式会社サンプル通販');
  await expect(page.getByTestId('record-provenance')).toContainText('代表取締役 鈴木 一');
  const found = await desk.api<{ rows: CustomerRow[] }>('customers.search', { query: 'P-0001' });
  expect(found.ok).toBe(true);
  if (found.ok) {
    const record = await desk.ok<CustomerRecord>('customers.get', { id: found.value.rows[0]!.id });
    expect(record.receipt?.providerName).toBe('株式会社サンプル通販');
  }
});

test('officer reviews a possible duplicate the import flagged and marks the two as different people; nothing is merged', async ({ page, desk }) => {
  await openImport(desk, page);
  // 山田 花子 shares 山田 太郎's e-mail (a family address): flagged for review, imported as her own record.
  const csv = [
    'name,name kana,postal code,prefecture,city,address,email,customer no',
    `山田 花子,ヤマダ ハナコ,150-0001,東京都,渋谷区,神宮前1-2-3,${yamada.emails![0]!.address},C-3001`,
    '小林 誠,コバヤシ マコト,060-0001,北海道,札幌市中央区,北1条西2-1,kobayashi@example.jp,C-3002',
  ].join('\r\n');
  await page.locator('input[type="file"]').setInputFiles(fileOnDisk('family.csv', Buffer.from(csv, 'utf8')));
  await page.getByRole('button', { name: '内容を確認する' }).click();
  await expect(page.getByTestId('preview-duplicates')).toHaveText('1');
  await page.getByRole('button', { name: '2行を取り込む' }).click();
  await expect(page.getByTestId('result-duplicates')).toHaveText('1');

  // From the result to the review.
  await page.getByRole('button', { name: '1件を確認する' }).click();
  await expect(page.getByRole('heading', { name: '重複の可能性', level: 1 })).toBeVisible();
  const review = page.getByTestId('review');
  await expect(review).toHaveCount(1);
  await expect(review).toHaveAttribute('data-customer-no', 'C-3001');
  await expect(review.locator('[data-reason="email"]')).toHaveText('メールアドレスが同じ');
  // Both records side by side.
  await expect(review.getByTestId('review-table')).toContainText('山田 花子');
  await expect(review.getByTestId('review-table')).toContainText(yamada.name);
  await expect(review.getByTestId('review-table').locator('tr[data-field="email"]')).toContainText(yamada.emails![0]!.address);
  await expect(page.getByTestId('reviews-note')).toContainText('統合（マージ）しません');
  await shootInBothLanguages(desk, page, 'import-5-review');

  await review.getByRole('textbox', { name: 'メモ（任意）' }).fill('電話で確認、ご家族');
  await review.getByRole('button', { name: '別人として確認' }).click();
  await expect(page.getByText('確認が必要な重複の可能性はありません。')).toBeVisible();
  await expect(page.getByTestId('review')).toHaveCount(0);

  // The decided one is under its filter, with who decided it.
  await page.getByText('別人と確認済み').click();
  await expect(page.getByTestId('review')).toHaveCount(1);
  await expect(page.getByTestId('review-decided')).toContainText('南');
  await expect(page.getByTestId('review-note')).toContainText('電話で確認、ご家族');
  await shootInBothLanguages(desk, page, 'import-6-review-decided');

  // Nothing was merged: both records are there.
  const found = await desk.ok<{ rows: CustomerRow[] }>('customers.search', { query: yamada.emails![0]!.address });
  expect(found.rows.map((r) => r.name).sort()).toEqual(['山田 花子', yamada.name].sort());
});
