// Journeys of the dashboard (issue #9): the officer's figures open the very lists they count; a staff member sees the
// requests they handle and opens one; the auditor sees the audit chain verified and what was exported.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { yamada } from '../fixtures/customers';
import { asUpload, scannedPdf } from '../fixtures/scans';
import { expect, mainMenu, officer, shootInBothLanguages, signInAs, test, type Desk } from './fixtures';

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

const staff = { displayName: '佐藤 健', loginId: 'sato', role: 'staff', department: 'カスタマーサポート', password: 'sato-no-himitsu-aikotoba' };
const newcomer = { displayName: '鈴木 新', loginId: 'suzuki', role: 'staff', department: 'カスタマーサポート', password: 'suzuki-no-aikotoba-2026' };
const auditor = { displayName: '高橋 監査', loginId: 'takahashi', role: 'auditor', department: '内部監査室', password: 'kansa-no-aikotoba-2026' };

/** A day counted from today on this workstation's calendar (the host runs on the real clock, in Tokyo). */
function dayFromToday(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}


async function signInThroughApi(desk: Desk, loginId: string, password: string): Promise<void> {
  await desk.api('auth.logout', {});
  await desk.ok('auth.login', { loginId, password });
}

const scan = asUpload(scannedPdf(), 's.pdf', 'application/pdf');
const ask = (receivedOn: string) => ({
  kind: 'disclosure',
  channel: 'email',
  receivedOn,
  requesterKind: 'person',
  requester: { name: yamada.name, email: 'yamada.taro@example.jp' },
  asked: '保有している私の個人情報を開示してください。',
});

/**
 * The office: a staff member who registered four requests (two answered late), the officer one; statements, one run
 * out and one to renew within the month; an auditor; and a call the staff member was refused.
 */
async function seedOffice(desk: Desk): Promise<{ staffRequests: { id: string; number: string }[]; officerRequest: { id: string; number: string } }> {
  await desk.setUpOfficer();
  await signInThroughApi(desk, officer.loginId, officer.password);
  const ids: Record<string, string> = {};
  for (const person of [staff, newcomer, auditor]) {
    const temporaryPassword = `temporary-${person.password}`;
    ids[person.loginId] = (await desk.ok<{ id: string }>('accounts.create', { displayName: person.displayName, loginId: person.loginId, role: person.role, department: person.department, temporaryPassword })).id;
  }
  await desk.ok('statements.record', { accountId: ids.sato, templateVersion: 1, signedOn: dayFromToday(-30), trainingOn: dayFromToday(-30), scan });
  await desk.ok('statements.record', { accountId: ids.suzuki, templateVersion: 1, signedOn: dayFromToday(-400), trainingOn: dayFromToday(-400), renewalOn: dayFromToday(-3), scan });
  const officerRequest = await desk.ok<{ id: string; number: string }>('requests.create', ask(dayFromToday(0)));
  // A leak found yesterday: card data of one customer, reportable; the preliminary report is due within days.
  const customer = await desk.ok<{ id: string }>('customers.create', yamada);
  await desk.ok('incidents.create', {
    discoveredAt: new Date(Date.now() - 24 * 3600_000).toISOString(),
    summary: '決済連携ファイルに1名分のカード情報が含まれていた。',
    categories: ['financial'],
    peopleCount: 1,
    unlawfulSuspected: false,
    cause: '手順変更時の確認漏れ',
    measures: '連携先に削除を依頼',
    customerIds: [customer.id],
  });
  for (const person of [staff, newcomer, auditor]) {
    await signInThroughApi(desk, person.loginId, `temporary-${person.password}`);
    await desk.ok('auth.changePassword', { currentPassword: `temporary-${person.password}`, newPassword: person.password });
  }
  await signInThroughApi(desk, staff.loginId, staff.password);
  const staffRequests = [];
  for (const daysAgo of [70, 50, 2, 0]) staffRequests.push(await desk.ok<{ id: string; number: string }>('requests.create', ask(dayFromToday(-daysAgo))));
  // Refused and recorded: staff do not manage accounts.
  await desk.api('accounts.list', {});
  await desk.api('auth.logout', {});
  return { staffRequests, officerRequest };
}

async function goHome(page: Page): Promise<void> {
  await mainMenu(page).getByRole('button', { name: 'ホーム', exact: true }).click();
  await expect(page.getByTestId('dashboard')).toBeVisible();
}

/** The number a figure shows ("期限超過 2件" → 2). */
async function figure(page: Page, testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).textContent()) ?? '';
  return Number(/(\d+)件/.exec(text)![1]);
}

test("the officer's dashboard figures open the lists they count", async ({ page, desk }) => {
  await seedOffice(desk);
  await desk.open(page);
  await signInAs(page, officer.loginId, officer.password);
  await expect(page.getByTestId('dashboard')).toBeVisible();
  await expect(page.getByRole('heading', { name: '今日の業務', level: 2 })).toBeVisible();

  // Two requests received 70 and 50 days ago are past their due date.
  await expect(page.getByTestId('dash-overdue')).toHaveText('期限超過 2件');
  await expect(page.getByTestId('dash-state-received')).toHaveText('受付 5件');
  await expect(page.getByTestId('dash-statements-overdue')).toHaveText('更新期限切れ 1件');
  await expect(page.getByTestId('dash-denied')).toContainText('拒否された操作 1件');
  await shootInBothLanguages(desk, page, 'dashboard-officer');
  // Every figure is a named button, and the cards' colours keep their contrast: nothing serious for axe.
  const axe = await new AxeBuilder({ page }).include('[data-testid="dashboard"]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // The overdue figure opens the register filtered to the late ones: the same two.
  const overdue = await figure(page, 'dash-overdue');
  await page.getByRole('button', { name: '期限超過 2件' }).click();
  await expect(page.getByRole('heading', { name: '請求一覧', level: 1 })).toBeVisible();
  await expect(page.getByTestId('request-count')).toHaveText(`${overdue}件`);
  await expect(page.getByRole('switch', { name: '期限超過のみ' })).toBeChecked();

  // Due within three business days (the late ones included): the register filtered to that day shows as many.
  await goHome(page);
  const dueSoon = await figure(page, 'dash-due-soon');
  expect(dueSoon).toBeGreaterThanOrEqual(overdue);
  await page.getByTestId('dash-due-soon').click();
  await expect(page.getByTestId('request-count')).toHaveText(`${dueSoon}件`);

  // Requests by state: the received ones.
  await goHome(page);
  const received = await figure(page, 'dash-state-received');
  await page.getByTestId('dash-state-received').click();
  await expect(page.getByTestId('request-count')).toHaveText(`${received}件`);

  // Statements run out: the statements screen lists as many under "overdue".
  await goHome(page);
  const runOut = await figure(page, 'dash-statements-overdue');
  await page.getByTestId('dash-statements-overdue').click();
  await expect(page.getByTestId('due-overdue').locator('[data-statement-id]')).toHaveCount(runOut);
  await expect(page.getByTestId('due-overdue')).toContainText(newcomer.displayName);

  // Open incidents: the register's open filter lists as many; the countdown opens the incident itself.
  await goHome(page);
  const open = await figure(page, 'dash-incidents-open');
  await page.getByTestId('dash-incidents-open').click();
  await expect(page.getByTestId('incident-count')).toHaveText(`${open}件`);
  await goHome(page);
  const countdown = page.getByRole('button', { name: /^事案 I-\d{4}-\d{4} を開く（速報の期限/ });
  const number = /I-\d{4}-\d{4}/.exec((await countdown.getAttribute('aria-label'))!)![0];
  await countdown.click();
  await expect(page.getByText(number).first()).toBeVisible();
  await expect(page.getByTestId('dashboard')).toHaveCount(0);

  // Refused calls of the last 7 days: the audit trail opens filtered to them.
  await goHome(page);
  await page.getByTestId('dash-denied').click();
  await expect(page.getByRole('heading', { name: '監査ログ', level: 1 })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'accounts.list' })).toHaveCount(1);
});

test('a staff member sees the requests they handle, with days left, and opens one', async ({ page, desk }) => {
  const { staffRequests, officerRequest } = await seedOffice(desk);
  await desk.open(page);
  await signInAs(page, staff.loginId, staff.password);
  const table = page.getByTestId('dash-my-table');
  await expect(table).toBeVisible();
  for (const r of staffRequests) await expect(table.getByRole('button', { name: `請求 ${r.number} を開く` })).toBeVisible();
  await expect(table).not.toContainText(officerRequest.number);
  await expect(page.getByTestId('dash-my-open')).toHaveText('対応中 4件');
  await expect(page.getByTestId('dash-my-overdue')).toHaveText('うち期限超過 2件');
  await expect(page.getByTestId('dash-my-statement')).toContainText('提出済み');
  await shootInBothLanguages(desk, page, 'dashboard-staff');

  const newest = staffRequests.at(-1)!;
  await table.getByRole('button', { name: `請求 ${newest.number} を開く` }).click();
  await expect(page.getByText(newest.number).first()).toBeVisible();
  await expect(page.getByTestId('dashboard')).toHaveCount(0);

  // Their own list, all of it: the register filtered to them shows as many as the dashboard counted, not the officer's.
  await goHome(page);
  await page.getByTestId('dash-my-open').click();
  await expect(page.getByTestId('request-count')).toHaveText('4件');
  await goHome(page);
  await page.getByTestId('dash-my-overdue').click();
  await expect(page.getByTestId('request-count')).toHaveText('2件');
});

test('the auditor sees the audit chain verified and the last export', async ({ page, desk }) => {
  await seedOffice(desk);
  // The auditor exported the trail earlier in the day; the dashboard names that export.
  await signInThroughApi(desk, auditor.loginId, auditor.password);
  const exported = await desk.ok<{ events: number }>('audit.export', {});
  await desk.api('auth.logout', {});

  await desk.open(page);
  await signInAs(page, auditor.loginId, auditor.password);
  await expect(page.getByTestId('dash-chain-valid')).toHaveText('検証済み：改ざんはありません');
  await expect(page.getByTestId('dash-export-at')).toBeVisible();
  await expect(page.getByTestId('dash-export')).toContainText('監査担当');
  await expect(page.getByTestId('dash-export')).toContainText(`記録 ${exported.events}件を署名付きで書き出し`);
  await expect(page.getByTestId('dash-events-total')).toContainText('30日間で');
  await expect(page.locator('[data-chart] svg')).toBeVisible();
  await shootInBothLanguages(desk, page, 'dashboard-auditor');

  // The chain figure opens the audit screen, whose own check agrees.
  await page.getByTestId('dash-open-audit').click();
  await expect(page.getByRole('heading', { name: '監査ログ', level: 1 })).toBeVisible();
});
