// Bulk work journeys (issue #9): the officer extends twenty overdue requests at once (preview, confirm, a notice to
// each), hands requests to a colleague from a filtered list, and staff export chosen customers masked as they see them.
import AxeBuilder from '@axe-core/playwright';
import { existsSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { RequestIntake } from '../../src-shared/api/requests';
import type { RequestDetail } from '../../src-shared/requests';
import { sato, tanaka, yamada, yamamoto } from '../fixtures/customers';
import { asUpload, scannedPdf } from '../fixtures/scans';
import { expect, mainMenu, officer, replaceTemporaryPassword, shootInBothLanguages, signInAs, test, type Desk } from './fixtures';

const staff = { displayName: '北川 翔', loginId: 'kitagawa', department: 'カスタマーサポート部' };
const colleague = { displayName: '森 由美', loginId: 'mori', department: 'カスタマーサポート部' };
const temporaryPassword = 'Kari-Pasu-Waado-5521';
const staffPassword = 'kitagawa-no-himitsu-2026';

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

function daysFromToday(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}


/** A request received `daysAgo` calendar days ago by e-mail from person n: over about 30 days ago, it is overdue. */
function intake(n: number, daysAgo: number): RequestIntake {
  return {
    kind: 'disclosure',
    channel: 'email',
    receivedOn: daysFromToday(-daysAgo),
    requesterKind: 'person',
    requester: { name: `依頼者 ${n}`, email: `person${n}@example.jp` },
    asked: '当社が保有している私の個人情報の開示を求めます。',
    disclosureForm: 'electronic',
    noticeLanguage: 'ja',
  };
}

/** The officer, the four customers, two staff members with statements, and the requests asked for (as the officer). */
async function seedDesk(desk: Desk, requests: RequestIntake[]): Promise<{ made: RequestDetail[]; staffIds: Record<string, string> }> {
  await desk.setUpOfficer();
  await desk.ok('auth.login', { loginId: officer.loginId, password: officer.password });
  for (const c of [yamada, sato, yamamoto, tanaka]) await desk.ok('customers.create', c);
  const staffIds: Record<string, string> = {};
  for (const person of [staff, colleague]) {
    const account = await desk.ok<{ id: string }>('accounts.create', { ...person, role: 'staff', temporaryPassword });
    staffIds[person.loginId] = account.id;
    await desk.ok('statements.record', { accountId: account.id, templateVersion: 1, signedOn: daysFromToday(0), trainingOn: daysFromToday(0), scan: asUpload(scannedPdf(), 'seiyakusho.pdf', 'application/pdf') });
  }
  const made: RequestDetail[] = [];
  for (const r of requests) made.push(await desk.ok<RequestDetail>('requests.create', r));
  await desk.ok('auth.logout', {});
  return { made, staffIds };
}

/** Axe (WCAG 2.0/2.1 A and AA) on a part of the screen: nothing serious or critical. */
async function expectAccessible(page: Page, selector: string): Promise<void> {
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).include(selector).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
}

async function openRegisterAsOfficer(desk: Desk, page: Page): Promise<void> {
  await desk.open(page);
  await signInAs(page, officer.loginId, officer.password);
  await expect(page.getByTestId('signed-in-name')).toHaveText(officer.displayName, { timeout: 30_000 }); // argon2 at sign-in: slow on a busy CI machine
  await mainMenu(page).getByRole('button', { name: '請求一覧', exact: true }).click();
  await expect(page.getByTestId('requests-table')).toBeVisible();
}

test('the officer filters the overdue requests, selects all, extends them with one reason, sees the preview, confirms, and each person gets a notice', async ({ page, desk }) => {
  test.setTimeout(150_000);
  const { made } = await seedDesk(desk, Array.from({ length: 20 }, (_, i) => intake(i + 1, 60 - i)));
  await openRegisterAsOfficer(desk, page);

  await page.getByRole('switch', { name: '期限超過のみ' }).check();
  await expect(page.getByTestId('request-count')).toHaveText('20件');
  await expect(page.getByTestId('bulk-count')).toHaveAttribute('data-count', '0');
  await page.getByRole('checkbox', { name: 'このページの20行をすべて選択' }).check();
  await expect(page.getByTestId('bulk-count')).toHaveText('20件を選択中');
  // Keyboard: Space on a focused row unticks and ticks it again.
  const firstRow = page.getByTestId('requests-table').locator('tbody tr').first();
  await firstRow.focus();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('bulk-count')).toHaveText('19件を選択中');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('bulk-count')).toHaveText('20件を選択中');
  await expectAccessible(page, 'main');
  await shootInBothLanguages(desk, page, 'bulk-bar');

  await page.getByTestId('bulk-extend').click();
  const dialog = page.getByRole('dialog', { name: '選択した請求の期限を延長' });
  await expect(dialog.getByText('20件を選択しています。')).toBeVisible();
  await dialog.getByRole('textbox', { name: '営業日数' }).fill('10');
  await dialog.getByRole('textbox', { name: /延長の理由/ }).fill('年末の繁忙期につき、保有データの確認に時間を要するため');
  await dialog.getByRole('button', { name: 'プレビュー' }).click();
  const preview = dialog.getByTestId('bulk-preview-rows');
  await expect(preview.locator('tbody tr[data-outcome="will"]')).toHaveCount(20);
  await expect(dialog.getByTestId('bulk-counts')).toContainText('実行予定 20件');
  await expect(preview.locator(`tr[data-number="${made[0]!.number}"]`)).toContainText('期限延長の通知：送信トレイにメール（.eml）を作成');
  // The preview changed nothing.
  expect((await desk.ok<RequestDetail>('requests.get', { id: made[0]!.id })).extended).toBe(false);
  await expectAccessible(page, '[role="dialog"]');
  await shootInBothLanguages(desk, page, 'bulk-preview');

  await dialog.getByRole('button', { name: '期限を延長（20件）' }).click();
  await expect(dialog.getByTestId('bulk-result')).toBeVisible();
  await expect(dialog.getByTestId('bulk-counts')).toContainText('完了 20件');
  await expect(dialog.getByTestId('bulk-run-rows').locator('tbody tr[data-outcome="done"]')).toHaveCount(20);
  await shootInBothLanguages(desk, page, 'bulk-result');
  await dialog.getByTestId('bulk-result').getByRole('button', { name: '閉じる' }).click();

  // Nothing is overdue any more; each request shows its extension and its notice, written to the outbox.
  await expect(page.getByTestId('request-count')).toHaveText('0件');
  await expect(page.getByTestId('bulk-count')).toHaveAttribute('data-count', '0');
  for (const r of made) {
    const after = await desk.ok<RequestDetail>('requests.get', { id: r.id });
    expect(after.extended).toBe(true);
    const notice = after.notices.find((n) => n.kind === 'extension');
    expect(notice?.body).toContain('年末の繁忙期');
    expect(existsSync(notice!.emlFile!)).toBe(true);
  }
  await page.getByRole('switch', { name: '期限超過のみ' }).uncheck();
  await page.getByTestId('requests-table').locator(`tr[data-number="${made[5]!.number}"]`).click();
  await expect(page.getByTestId('request-header').getByTestId('extended-badge')).toBeVisible();
  await expect(page.getByTestId('request-notices').locator('[data-notice-kind="extension"]')).toBeVisible();
});

test('the officer hands three requests to a colleague from the list, and finds them under her name', async ({ page, desk }) => {
  const { made, staffIds } = await seedDesk(desk, Array.from({ length: 5 }, (_, i) => intake(i + 1, 3)));
  await openRegisterAsOfficer(desk, page);
  const table = page.getByTestId('requests-table');
  for (const r of made.slice(0, 3)) await table.getByRole('checkbox', { name: `請求 ${r.number} を選択` }).check();
  await expect(page.getByTestId('bulk-count')).toHaveText('3件を選択中');
  await page.getByTestId('bulk-assign').click();
  const dialog = page.getByRole('dialog', { name: '選択した請求の担当者を変更' });
  await dialog.getByRole('combobox', { name: /^新しい担当者/ }).click();
  await page.getByRole('option', { name: colleague.displayName }).click();
  await dialog.getByRole('button', { name: 'プレビュー' }).click();
  await expect(dialog.getByTestId('bulk-preview-rows').locator('tbody tr[data-outcome="will"]')).toHaveCount(3);
  await expect(dialog.getByTestId('bulk-preview-rows').locator(`tr[data-number="${made[0]!.number}"]`)).toContainText(`${officer.displayName} → ${colleague.displayName}`);
  await dialog.getByRole('button', { name: '担当者を変更（3件）' }).click();
  await expect(dialog.getByTestId('bulk-counts')).toContainText('完了 3件');
  await dialog.getByTestId('bulk-result').getByRole('button', { name: '閉じる' }).click();

  await page.getByRole('combobox', { name: '担当者', exact: true }).click();
  await page.getByRole('option', { name: colleague.displayName }).click();
  await expect(page.getByTestId('request-count')).toHaveText('3件');
  await expect(table.locator('tbody tr')).toHaveCount(3);

  // On the request itself the officer sees the assignee and can hand it back.
  await table.locator(`tr[data-number="${made[0]!.number}"]`).click();
  const select = page.getByRole('combobox', { name: `請求 ${made[0]!.number} の担当者` });
  await expect(select).toHaveValue(colleague.displayName);
  await desk.screenshot(page, 'bulk-request-assignee-ja');
  await select.click();
  await page.getByRole('option', { name: staff.displayName }).click();
  await expect(select).toHaveValue(staff.displayName);
  const detail = await desk.ok<RequestDetail>('requests.get', { id: made[0]!.id });
  expect(detail.assigneeId).toBe(staffIds['kitagawa']);
});

test('staff select customers and export them as CSV, with phone and e-mail masked as their list shows them', async ({ page, desk }) => {
  await seedDesk(desk, []);
  await desk.open(page);
  await signInAs(page, staff.loginId, temporaryPassword);
  await replaceTemporaryPassword(page, temporaryPassword, staffPassword);
  await expect(page.getByTestId('signed-in-name')).toHaveText(staff.displayName, { timeout: 30_000 });
  await mainMenu(page).getByRole('button', { name: '顧客', exact: true }).click();
  const table = page.getByTestId('customers-table');
  await expect(table.locator('[data-customer-no="C-0001"]')).toBeVisible();
  await table.getByRole('checkbox', { name: '顧客 C-0001 を選択' }).check();
  await table.getByRole('checkbox', { name: '顧客 C-0002 を選択' }).check();
  await expect(page.getByTestId('bulk-count')).toHaveText('2件を選択中');
  await page.getByTestId('bulk-export').click();
  const dialog = page.getByRole('dialog', { name: '選択した行をCSVで出力' });
  await expect(dialog).toContainText('電話番号とメールアドレスは一覧と同じく一部を伏せて出力します');
  await desk.screenshot(page, 'bulk-customers-export-ja');
  await dialog.getByRole('button', { name: '保存先を選ぶ…' }).click();
  const written = dialog.getByTestId('bulk-export-written');
  await expect(written).toContainText('2行をCSVファイルに出力しました');
  const file = await written.getAttribute('data-path');
  const csv = readFileSync(file!, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain('C-0001,山田 太郎,ヤマダ タロウ,東京都渋谷区,090-****-5678,y***@example.jp');
  expect(csv).not.toContain('1234-5678');
  expect(csv).not.toContain('yamada.taro@');
});
