// Journeys of the management report (issue #9): the officer opens 報告書, finds last month empty and says so, picks
// this month, reads the charts and tables, and saves the PDF and the CSVs; a period typed backwards is caught, and
// the same period typed as days gives the same figures, in English too.
import { existsSync, readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { sato, tanaka, yamada } from '../fixtures/customers';
import { asUpload, scannedPdf } from '../fixtures/scans';
import { expect, mainMenu, officer, shootInBothLanguages, signInAs, switchLanguageTo, test, type Desk } from './fixtures';

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

const pad = (n: number) => String(n).padStart(2, '0');
/** Today and this month on the workstation's calendar (the host's clock is the real one, in Japan). */
const now = new Date();
const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
const thisMonth = today.slice(0, 7);
const monthJa = `${now.getFullYear()}年${now.getMonth() + 1}月`;


/**
 * This month's work, all of it today: a disclosure refused (no data held), a correction withdrawn, an erasure
 * extended and still open; a provision with consent; an incident; one staff member with a statement in force.
 */
async function seedMonth(desk: Desk): Promise<void> {
  await desk.setUpOfficer();
  await desk.ok('auth.login', { loginId: officer.loginId, password: officer.password });
  const staff = await desk.ok<{ id: string }>('accounts.create', { displayName: '佐藤 健', loginId: 'sato', role: 'staff', department: 'カスタマーサポート', temporaryPassword: 'karipasu-sato-2026-11' });
  await desk.ok('statements.record', { accountId: staff.id, templateVersion: 1, signedOn: today, trainingOn: today, scan: asUpload(scannedPdf(), 's.pdf', 'application/pdf') });
  const ids: string[] = [];
  for (const c of [yamada, sato, tanaka]) ids.push((await desk.ok<{ id: string }>('customers.create', { ...c, orders: [] })).id);
  const ask = (kind: string, customerId: string) => ({
    kind,
    channel: 'email',
    receivedOn: today,
    requesterKind: 'person',
    requester: { name: '山田 太郎', email: 'yamada.taro@example.jp' },
    asked: '保有している私の個人情報について対応をお願いします。',
    customerId,
  });
  const disclosure = await desk.ok<{ id: string }>('requests.create', ask('disclosure', ids[0]!));
  await desk.ok('requests.transition', { id: disclosure.id, to: 'refused', ground: 'noDataHeld', note: '保有個人データがないことを通知' });
  const correction = await desk.ok<{ id: string }>('requests.create', ask('correction', ids[1]!));
  await desk.ok('requests.transition', { id: correction.id, to: 'withdrawn', note: '本人より電話で取り下げ' });
  const erasure = await desk.ok<{ id: string; dueOn: string }>('requests.create', ask('erasure', ids[2]!));
  const later = new Date(Date.parse(erasure.dueOn) + 14 * 86_400_000).toISOString().slice(0, 10);
  await desk.ok('requests.extend', { id: erasure.id, dueOn: later, reason: '社内システムの確認に時間を要するため' });
  const partner = await desk.ok<{ id: string }>('partners.create', {
    name: '株式会社アドネット',
    address: '東京都港区六本木1-1-1',
    representative: '代表取締役 青木 一郎',
    roles: ['advertiser'],
    country: 'JP',
    securityMeasures: '委託契約に基づく安全管理措置',
    contactName: '青木 花子',
    contactEmail: 'privacy@partner.example.jp',
  });
  await desk.ok('provisionConsents.record', { customerId: ids[0]!, partnerRole: 'advertiser', givenOn: today, channel: 'web' });
  await desk.ok('provisions.create', { partnerId: partner.id, providedOn: today, items: '氏名、メールアドレス', basis: 'consent', customerIds: [ids[0]!] });
  await desk.ok('incidents.create', { discoveredAt: new Date().toISOString(), summary: '配送伝票の誤送付', categories: ['name'], peopleCount: 1, unlawfulSuspected: false });
  await desk.ok('auth.logout', {});
}

async function openReports(desk: Desk, page: Page): Promise<void> {
  await desk.open(page);
  await signInAs(page, officer.loginId, officer.password);
  await mainMenu(page).getByRole('button', { name: '報告書', exact: true }).click();
  await expect(page.getByRole('heading', { name: '報告書', level: 1 })).toBeVisible();
}

/** axe on the report with its charts drawn: nothing serious or critical (WCAG 2.1 AA). */
async function expectNoSeriousAxeFinding(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(serious).toEqual([]);
}

async function pickMonth(page: Page, label: string): Promise<void> {
  await page.getByRole('combobox', { name: '対象月', exact: true }).click();
  await page.getByRole('option', { name: label, exact: true }).click();
}

test('the officer reads this month’s report with its charts and saves it as a PDF and as CSVs', async ({ page, desk }) => {
  await seedMonth(desk);
  await openReports(desk, page);
  // Last month is the default: nothing was recorded then, and the screen says what to do.
  await expect(page.getByTestId('report-empty')).toContainText('別の月を選ぶか、期間を広げてください');

  await pickMonth(page, monthJa);
  await expect(page.getByTestId('report-empty')).toBeHidden();
  await expect(page.getByTestId('report-tile-received')).toContainText('3');
  const requests = page.getByTestId('report-table-requests');
  await expect(requests.getByRole('row', { name: /^開示/ })).toHaveText(/開示\s*1\s*0\s*1\s*0/);
  await expect(requests.getByRole('row', { name: /^合計/ })).toHaveText(/合計\s*3\s*0\s*1\s*1/);
  await expect(page.getByTestId('report-table-refusals').getByRole('row', { name: /保有個人データなし/ })).toHaveText(/1$/);
  await expect(page.getByTestId('report-table-provisions').getByRole('row', { name: /本人の同意/ })).toHaveText(/本人の同意\s*1\s*1/);
  await expect(page.getByTestId('report-tile-onTimeRate')).toContainText('100.0%');
  await expect(page.getByTestId('report-tile-extensions')).toContainText('1');
  // The charts are drawn (SVG) and each says what it shows to a screen reader.
  for (const section of ['requests', 'timeliness', 'refusals', 'provisions', 'statements']) {
    const chart = page.getByTestId(`report-section-${section}`).locator('[data-chart]');
    await expect(chart).toHaveAttribute('role', 'img');
    await expect(chart.locator('svg path').first()).toBeAttached();
  }
  await expect(page.getByTestId('report-section-timeliness').locator('[data-chart]')).toHaveAttribute('aria-label', 'グラフ：回答した請求のうち期限内 1件、期限超過 0件');
  await expectNoSeriousAxeFinding(page);
  await shootInBothLanguages(desk, page, 'reports-month');

  await page.getByTestId('report-export-pdf').click();
  const written = page.getByTestId('report-written');
  await expect(written).toHaveAttribute('data-format', 'pdf');
  const pdf = (await written.getAttribute('data-path'))!;
  expect(pdf).toMatch(new RegExp(`report-${thisMonth}.*\\.pdf$`));
  expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');

  await page.getByTestId('report-export-csv').click();
  await expect(written).toHaveAttribute('data-format', 'csv');
  await expect(written).toContainText('表ごとのCSVを6件保存しました。');
  const first = (await written.getAttribute('data-path'))!;
  expect(first).toMatch(/-requests\.csv$/);
  for (const table of ['timeliness', 'refusals', 'provisions', 'incidents', 'statements']) {
    await expect(written).toContainText(`-${table}.csv`);
    expect(existsSync(first.replace(/-requests\.csv$/, `-${table}.csv`))).toBe(true);
  }
  const csv = readFileSync(first);
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(csv.toString('utf8')).toContain('請求の種類,受付,完了,不応諾,取下げ');
  await shootInBothLanguages(desk, page, 'reports-exported');
});

test('a period typed backwards is caught; typed right, it gives this month’s figures, and the report saves in English', async ({ page, desk }) => {
  await seedMonth(desk);
  await openReports(desk, page);
  await page.getByTestId('report-mode').getByText('期間を指定').click();
  await page.getByTestId('report-from').fill(today);
  await page.getByTestId('report-to').fill(`${thisMonth}-01` < today ? `${thisMonth}-01` : '2000-01-01');
  await expect(page.getByText('開始日以降の日を入れてください。')).toBeVisible();
  await expect(page.getByTestId('report-export-pdf')).toBeDisabled();

  await page.getByTestId('report-from').fill(`${thisMonth}-01`);
  await page.getByTestId('report-to').fill(today);
  await expect(page.getByTestId('report-tile-received')).toContainText('3');
  await expect(page.getByTestId('report-table-requests').getByRole('row', { name: /^合計/ })).toHaveText(/合計\s*3\s*0\s*1\s*1/);

  await switchLanguageTo(page, 'en');
  await expect(page.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();
  await expect(page.getByTestId('report-table-requests').getByRole('row', { name: /^Total/ })).toHaveText(/Total\s*3\s*0\s*1\s*1/);
  await expectNoSeriousAxeFinding(page);
  await page.getByTestId('report-export-csv').click();
  const written = page.getByTestId('report-written');
  await expect(written).toContainText('6 CSV files saved, one per table.');
  const first = (await written.getAttribute('data-path'))!;
  expect(readFileSync(first, 'utf8')).toContain('Kind of request,Received,Completed,Refused,Withdrawn');
  await switchLanguageTo(page, 'ja');
  await shootInBothLanguages(desk, page, 'reports-range');
});
