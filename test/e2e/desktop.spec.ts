// Desktop habits (issue #9): the officer prints a request for the paper file (only the request on paper, and the trail
// says who printed it), and exports the ledger through the save dialog into the exports folder.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { LedgerEntryInput } from '../../src-shared/api/ledger';
import type { RequestIntake } from '../../src-shared/api/requests';
import type { AuditRow } from '../../src-shared/domain';
import type { RequestDetail } from '../../src-shared/requests';
import { expect, mainMenu, officer, signInAs, switchLanguageTo, test, type Desk } from './fixtures';

const screenshotDir = join(import.meta.dirname, 'screenshots');

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

function localDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}


const intake: RequestIntake = {
  kind: 'disclosure',
  channel: 'post',
  receivedOn: localDay(new Date()),
  requesterKind: 'person',
  requester: { name: '山田 太郎', nameKana: 'ヤマダ タロウ', email: 'yamada.taro@example.jp', birthDate: '1985-04-12' },
  asked: '当社が保有している私の個人情報を書面で開示してください。',
  disclosureForm: 'paper',
  noticeLanguage: 'ja',
};

/** 採用応募者: kept on paper by HR, one entry of the personal information ledger to export. */
const applicants: LedgerEntryInput = {
  name: '採用応募者',
  items: ['氏名', '住所', '電話番号', 'メールアドレス', '学歴・職歴'],
  purposeIds: [],
  otherPurposes: '採用選考及び応募者への連絡',
  obtainedHow: '応募者本人からの履歴書の郵送・持参',
  department: '人事部',
  responsible: '人事部長 小川 恵',
  storageKind: 'paper',
  storagePlace: '本社3階 人事部の施錠キャビネット',
  access: '人事部の採用担当者のみ',
  retention: '選考終了後6か月',
  disposal: '溶解処理業者による溶解（証明書を受領）',
  disclosable: true,
  count: { kind: 'typed', people: 48, asOf: '2026-10-31' },
};

async function signInAsOfficer(desk: Desk, page: Page): Promise<void> {
  await desk.open(page);
  await signInAs(page, officer.loginId, officer.password);
  await expect(page.getByTestId('signed-in-name')).toHaveText(officer.displayName);
}

/**
 * The operating system's print dialog cannot be driven from a test: `window.print` is replaced by a counter, and the
 * paper itself is looked at through print media (a screenshot and Chromium's own PDF).
 */
async function countPrints(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const counted = window as unknown as { printCalls: number };
    counted.printCalls = 0;
    window.print = () => {
      counted.printCalls += 1;
    };
  });
}
const printCalls = (page: Page) => page.evaluate(() => (window as unknown as { printCalls: number }).printCalls);

test('the officer prints a request for the paper file: only the request is on paper, and the trail says who printed it', async ({ page, desk }) => {
  await desk.setUpOfficer();
  await desk.ok('auth.login', { loginId: officer.loginId, password: officer.password });
  const request = await desk.ok<RequestDetail>('requests.create', intake);
  await desk.ok('auth.logout', {});

  await countPrints(page);
  await signInAsOfficer(desk, page);
  await mainMenu(page).getByRole('button', { name: '請求一覧', exact: true }).click();
  await page.getByTestId('requests-table').locator(`tbody tr[data-number="${request.number}"]`).click();
  const view = page.getByTestId('request-view');
  await expect(view).toHaveAttribute('data-number', request.number);

  // 印刷: recorded first, then the page's print.
  await page.getByRole('button', { name: '印刷', exact: true }).click();
  await expect.poll(() => printCalls(page)).toBe(1);
  const printedBy = page.getByTestId('printed-by');
  await expect(printedBy).toBeHidden();

  // On paper: no side menu, no header, no buttons; the request's number, and the line naming the desk and the printer.
  await page.emulateMedia({ media: 'print', reducedMotion: 'reduce' });
  await expect(printedBy).toBeVisible();
  await expect(printedBy).toContainText(`個人情報保護デスク — ${officer.displayName} が`);
  await expect(mainMenu(page)).toBeHidden();
  await expect(page.getByTestId('signed-in-name')).toBeHidden();
  await expect(page.getByRole('button', { name: '印刷', exact: true })).toBeHidden();
  await expect(view.getByText(request.number).first()).toBeVisible();
  mkdirSync(screenshotDir, { recursive: true });
  await desk.screenshot(page, 'desktop-print-request-ja');
  const pdfFile = join(mkdtempSync(join(tmpdir(), 'desk-print-')), 'request.pdf');
  await page.pdf({ path: pdfFile, format: 'A4', printBackground: true });
  const paper = execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', pdfFile, '-']).toString('utf8');
  expect(paper).toContain(request.number);
  expect(paper).toContain(`${officer.displayName} が`);
  // Nothing of the screen around the request: the menu's entries and the header's sign-out are not on paper.
  expect(paper).not.toContain('個人情報管理台帳');
  expect(paper).not.toContain('ロック');
  await switchLanguageTo(page, 'en');
  await expect(printedBy).toContainText(`Privacy Office Desk — printed by ${officer.displayName} on`);
  await desk.screenshot(page, 'desktop-print-request-en');
  await switchLanguageTo(page, 'ja');
  await page.emulateMedia({ media: 'screen', reducedMotion: 'reduce' });

  // ファイル > 印刷… in the application menu prints through the same path (electron/shell/menu.ts calls deskPrint).
  await page.evaluate(() => window.deskPrint?.());
  await expect.poll(() => printCalls(page)).toBe(2);

  // The trail: two printouts of this request by the officer, ids only.
  const { rows } = await desk.ok<{ rows: AuditRow[] }>('audit.search', { action: 'records.printed' });
  expect(rows).toHaveLength(2);
  for (const row of rows) expect(row).toMatchObject({ outcome: 'ok', targetType: 'request', targetId: request.id, actorName: officer.displayName });
  expect(JSON.stringify(rows)).not.toContain('山田');
});

test('the officer exports the ledger through the save dialog: it lands in the exports folder, and a second export beside it', async ({ page, desk }) => {
  const { dataDir } = await desk.reset();
  const registers = join(dataDir, 'exports', 'registers');
  await desk.setUpOfficer();
  await desk.ok('auth.login', { loginId: officer.loginId, password: officer.password });
  await desk.ok('ledger.save', { entry: applicants, paperReview: { on: '2026-10-31', by: '人事部長 小川 恵' } });
  await desk.ok('auth.logout', {});
  await signInAsOfficer(desk, page);
  await mainMenu(page).getByRole('button', { name: '個人情報管理台帳', exact: true }).click();

  // The host's dialog accepts what the desk proposes, as a person pressing 保存 would.
  await page.getByRole('button', { name: 'Excelに書き出す' }).click();
  const written = page.getByTestId('ledger-export-written');
  const today = localDay(new Date());
  await expect(page.getByTestId('ledger-export-name')).toHaveText(`ledger-${today}.xlsx`);
  await expect(written).toContainText(`保存先: ${registers}`);
  await expect(written.getByRole('button', { name: 'フォルダーをコピー' })).toBeVisible();
  expect(await written.getAttribute('data-path')).toBe(join(registers, `ledger-${today}.xlsx`));
  expect(existsSync(join(registers, `ledger-${today}.xlsx`))).toBe(true);
  await page.mouse.move(0, 0);
  await desk.screenshot(page, 'desktop-export-written-ja');
  await switchLanguageTo(page, 'en');
  await expect(written).toContainText(`Saved in: ${registers}`);
  await expect(written.getByRole('button', { name: 'Copy folder' })).toBeVisible();
  await desk.screenshot(page, 'desktop-export-written-en');
  await switchLanguageTo(page, 'ja');

  // The next export does not replace the first: the dialog proposes the next free name.
  await page.getByRole('button', { name: 'Excelに書き出す' }).click();
  await expect(page.getByTestId('ledger-export-name')).toHaveText(`ledger-${today}-2.xlsx`);
  expect(existsSync(join(registers, `ledger-${today}.xlsx`))).toBe(true);

  // The trail records both exports, and that a place was chosen; never a name someone typed.
  const { rows } = await desk.ok<{ rows: AuditRow[] }>('audit.search', { action: 'ledger.export' });
  expect(rows.map((r) => r.details)).toEqual([expect.objectContaining({ format: 'xlsx', chosen: true }), expect.objectContaining({ format: 'xlsx', chosen: true })]);
  for (const row of rows) expect(row.details).not.toHaveProperty('file');
});
