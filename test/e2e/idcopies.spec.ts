// ID copy checks and four-eyes decisions (issue #5): a redacted licence checked and a disclosure approved and packaged,
// an insurance card held back until masked, a My Number back refused, nobody deciding their own proposal, a stale proposal.
import type { Locator, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import type { RequestIntake } from '../../src-shared/api/requests';
import type { IdCopyRow, RequestDetail } from '../../src-shared/requests';
import { pdfOfPages } from '../../electron/cli/demo/pdf';
import { yamada } from '../fixtures/customers';
import { insuranceCard, licencePhoto } from '../fixtures/id-copies';
import { asUpload, scannedPdf } from '../fixtures/scans';
import { expect, officer, shootInBothLanguages, signInAs, signOutOfDesk, test, type Desk } from './fixtures';

const staff = { displayName: '北川 翔', loginId: 'kitagawa', department: 'カスタマーサポート部' };
const temporaryPassword = 'Kari-Pasu-Waado-5521';
const staffPassword = 'kitagawa-no-himitsu-2026';
const screenshotDir = join(import.meta.dirname, 'screenshots');

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

function localToday(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}


const asOfficerApi = async (desk: Desk) => desk.ok('auth.login', { loginId: officer.loginId, password: officer.password });
const signOutApi = async (desk: Desk) => desk.ok('auth.logout', {});

/** Yamada's request as the office registered it from his e-mail, linked to his record. */
const yamadaAsks = (kind: RequestIntake['kind'], customerId: string): RequestIntake => ({
  kind,
  channel: 'email',
  receivedOn: localToday(),
  requesterKind: 'person',
  requester: { name: '山田 太郎', nameKana: 'ヤマダ タロウ', email: 'yamada.taro@example.jp', postalCode: '150-0001', address: '東京都渋谷区神宮前1-2-3 メゾン神宮前101', birthDate: '1985-04-12' },
  asked: kind === 'disclosure' ? '当社が保有する私の個人データの開示を求めます。' : '登録されている住所を訂正してください。',
  ...(kind === 'disclosure' ? { disclosureForm: 'electronic' as const } : {}),
  customerId,
});

/** The officer, Yamada's record, a staff member with a statement and a password of their own, and the requests asked for. */
async function seedOffice(desk: Desk, kinds: RequestIntake['kind'][]): Promise<{ customerId: string; staffId: string; requests: RequestDetail[] }> {
  await desk.setUpOfficer();
  await asOfficerApi(desk);
  const customerId = (await desk.ok<{ id: string }>('customers.create', yamada)).id;
  const staffId = (await desk.ok<{ id: string }>('accounts.create', { ...staff, role: 'staff', temporaryPassword })).id;
  await desk.ok('statements.record', { accountId: staffId, templateVersion: 1, signedOn: localToday(), trainingOn: localToday(), scan: asUpload(scannedPdf(), 'seiyakusho.pdf', 'application/pdf') });
  const requests: RequestDetail[] = [];
  for (const kind of kinds) requests.push(await desk.ok<RequestDetail>('requests.create', yamadaAsks(kind, customerId)));
  await signOutApi(desk);
  await desk.ok('auth.login', { loginId: staff.loginId, password: temporaryPassword });
  await desk.ok('auth.changePassword', { currentPassword: temporaryPassword, newPassword: staffPassword });
  await signOutApi(desk);
  return { customerId, staffId, requests };
}

async function signIn(desk: Desk, page: Page, who: 'staff' | 'officer'): Promise<void> {
  await desk.open(page);
  if (who === 'staff') await signInAs(page, staff.loginId, staffPassword);
  else await signInAs(page, officer.loginId, officer.password);
  await expect(page.getByTestId('signed-in-name')).toHaveText(who === 'staff' ? staff.displayName : officer.displayName);
}

async function openRequest(page: Page, number: string): Promise<void> {
  await page.locator('[data-route="requests"]').click();
  await page.locator(`tr[data-number="${number}"]`).click();
  await expect(page.getByTestId('request-view')).toHaveAttribute('data-number', number);
}

/** Drags a box over the canvas, between two points given as fractions of the picture. */
async function drawBox(page: Page, canvas: Locator, from: [number, number], to: [number, number]): Promise<void> {
  await canvas.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + from[0] * box.width, box.y + from[1] * box.height);
  await page.mouse.down();
  await page.mouse.move(box.x + ((from[0] + to[0]) / 2) * box.width, box.y + ((from[1] + to[1]) / 2) * box.height, { steps: 4 });
  await page.mouse.move(box.x + to[0] * box.width, box.y + to[1] * box.height, { steps: 4 });
  await page.mouse.up();
}

const attachDialog = (page: Page) => page.getByRole('dialog', { name: '本人確認書類の添付と黒塗り' });
const saveCopy = (dialog: Locator) => dialog.getByRole('button', { name: '黒塗りして保存' });

test("staff member checks a redacted driver's licence, the officer approves, and a JSON and a Japanese PDF come out", async ({ page, desk }) => {
  const { dataDir } = await desk.reset();
  const { requests } = await seedOffice(desk, ['disclosure']);
  const request = requests[0]!;

  await signIn(desk, page, 'staff');
  await openRequest(page, request.number);
  const panel = page.getByTestId('idcopy-panel');
  await expect(panel.getByTestId('identity-state')).toHaveText('本人確認が済んでいません');

  // The licence photo, turned upright in the window as the core will turn it; the licence number is blacked out.
  await panel.getByRole('button', { name: '本人確認書類を確認する' }).click();
  const dialog = attachDialog(page);
  await dialog.getByRole('radio', { name: '運転免許証' }).check();
  await dialog.locator('input[type="file"]').setInputFiles({ name: 'menkyo.jpg', mimeType: 'image/jpeg', buffer: await licencePhoto() });
  const canvas = dialog.getByTestId('redaction-canvas');
  await expect(canvas).toBeVisible();
  const shown = (await canvas.boundingBox())!;
  expect(shown.width).toBeGreaterThan(shown.height); // upright: wider than high, as the card is
  await drawBox(page, canvas, [0.03, 0.76], [0.6, 0.88]);
  await expect(dialog.getByTestId('redaction-box')).toHaveCount(1);
  // A slip of the mouse is no box; a second box can be removed again.
  await drawBox(page, canvas, [0.5, 0.5], [0.501, 0.501]);
  await drawBox(page, canvas, [0.7, 0.2], [0.95, 0.7]);
  await expect(dialog.getByTestId('redaction-box')).toHaveCount(2);
  await dialog.getByRole('button', { name: '枠2を削除' }).click();
  await expect(dialog.getByTestId('redaction-box')).toHaveCount(1);
  await shootInBothLanguages(desk, page, 'idcopy-redaction');
  await saveCopy(dialog).click();

  // The checklist opens on the stored copy: redacted, beside what the request and the record say.
  const check = page.getByRole('dialog', { name: '本人確認書類の照合: 運転免許証' });
  await expect(check.getByTestId('idcopy-stored-image')).toBeVisible();
  await expect(check.getByTestId('check-value-nameMatches')).toContainText('山田 太郎');
  await expect(check.getByTestId('check-value-birthDateMatches')).toContainText('1985年4月12日');
  await expect(check.getByTestId('record-value-birthDateMatches')).toContainText('1985年生まれ'); // the record, masked for staff
  await expect(check.getByRole('radio', { name: '確認できた' })).toBeDisabled();
  await check.getByRole('checkbox', { name: '氏名' }).check();
  await check.getByRole('checkbox', { name: '住所' }).check();
  await check.getByRole('checkbox', { name: '生年月日' }).check();
  await check.getByRole('radio', { name: '確認できた' }).check();
  await shootInBothLanguages(desk, page, 'idcopy-checklist');
  await check.getByRole('button', { name: '結果を記録する' }).click();
  await expect(check).toBeHidden();
  await expect(panel.getByTestId('identity-state')).toHaveText('本人確認済み');
  const row = panel.locator('tr[data-idcopy-id]');
  await expect(row).toHaveAttribute('data-result', 'verified');

  // What was stored: upright, the box black, and nothing of the photo's EXIF (camera, GPS).
  const detail = await desk.ok<RequestDetail>('requests.get', { id: request.id });
  const copy = detail.idCopies[0]!;
  const stored = await desk.ok<IdCopyRow & { dataBase64: string }>('idcopies.view', { id: copy.id });
  const image = Buffer.from(stored.dataBase64, 'base64');
  const meta = await sharp(image).metadata();
  expect([meta.width, meta.height]).toEqual([856, 540]);
  expect(meta.exif).toBeUndefined();
  expect(image.includes(Buffer.from('DeskTestPhone'))).toBe(false);
  const underBox = await sharp(await sharp(image).extract({ left: 60, top: 425, width: 300, height: 40 }).toBuffer()).stats();
  expect(Math.max(...underBox.channels.map((c) => c.max))).toBeLessThan(40);
  await expect(row.getByTestId('idcopy-hash')).toHaveAttribute('aria-label', `SHA-256 ${copy.sha256}`);

  // The staff member proposes the disclosure, and cannot decide it.
  const proposals = page.getByTestId('proposals-panel');
  await proposals.getByRole('button', { name: '開示を提案する' }).click();
  await page.getByRole('dialog', { name: '開示の提案' }).getByRole('button', { name: '提案する' }).click();
  await expect(proposals.getByTestId('proposal')).toHaveAttribute('data-state', 'open');
  await expect(proposals.getByTestId('decision-waiting')).toContainText('ご自身の提案です');
  await expect(proposals.getByRole('button', { name: '承認する' })).toHaveCount(0);
  await signOutOfDesk(page);

  // The officer approves.
  await signIn(desk, page, 'officer');
  await openRequest(page, request.number);
  const proposal = page.getByTestId('proposals-panel').getByTestId('proposal');
  await expect(proposal).toContainText(`提案: ${staff.displayName}`);
  await page.evaluate(() => document.querySelector('[data-testid="proposals-panel"]')?.scrollIntoView());
  await shootInBothLanguages(desk, page, 'proposal-decision');
  // A rejection would need a ground of the Act and a text for the notice; the officer looks, and approves instead.
  await proposal.getByRole('button', { name: '却下する' }).click();
  const reject = page.getByRole('dialog', { name: '提案を却下する' });
  await reject.getByRole('button', { name: '却下して通知する' }).click();
  await expect(reject.getByText('入力してください。')).toHaveCount(2);
  await reject.getByRole('combobox', { name: '理由（法令の根拠）' }).click();
  await page.getByRole('option', { name: '当社の業務の適正な実施に著しい支障を及ぼすおそれがある（第33条第2項第2号）' }).click();
  await reject.getByRole('textbox', { name: 'ご本人への説明' }).fill('ご請求の記録は現在調査中のため、開示できる状態にありません。');
  await shootInBothLanguages(desk, page, 'proposal-reject');
  await reject.getByRole('button', { name: 'キャンセル' }).click();
  await expect(reject).toBeHidden();
  await proposal.getByRole('button', { name: '承認する' }).click();
  await page.getByRole('dialog', { name: '提案を承認しますか' }).getByRole('button', { name: '承認して実行する' }).click();
  await expect(proposal).toHaveAttribute('data-state', 'approved');
  await expect(proposal.getByTestId('proposal-decided')).toContainText(`承認: ${officer.displayName}`);

  // The package: a JSON and a Japanese PDF in the exports folder.
  const packagePanel = page.getByTestId('package-panel');
  await packagePanel.getByRole('button', { name: '開示資料を作成する' }).click();
  const built = packagePanel.getByTestId('disclosure-package');
  await expect(built).toHaveCount(1);
  const pdfPath = (await built.getByTestId('package-pdf').getAttribute('data-path'))!;
  const jsonPath = (await built.getByTestId('package-json').getAttribute('data-path'))!;
  const exportsDir = join(dataDir, 'exports', 'disclosures');
  expect(dirname(pdfPath)).toBe(exportsDir);
  expect(dirname(jsonPath)).toBe(exportsDir);
  expect(existsSync(pdfPath) && existsSync(jsonPath)).toBe(true);
  await expect(built.getByTestId('package-folder')).toContainText(exportsDir);
  await expect(built.getByTestId('package-pdf-name')).toHaveText(`${request.number}-disclosure-${localToday()}.pdf`);
  await shootInBothLanguages(desk, page, 'disclosure-package');

  const json = readFileSync(jsonPath, 'utf8');
  expect(json).toContain('山田 太郎');
  expect(JSON.parse(json)).toBeTruthy();
  // With the machine's fonts hidden, the PDF must carry its own Japanese font to show its text and render its pages.
  const noFonts = join(mkdtempSync(join(tmpdir(), 'desk-nofonts-')), 'fonts.conf');
  writeFileSync(noFonts, '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig></fontconfig>');
  const env = { ...process.env, FONTCONFIG_FILE: noFonts };
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { env }).toString('utf8');
  expect(text).toContain('山田 太郎');
  expect(text).toContain(officer.manager.name);
  const fonts = execFileSync('pdffonts', [pdfPath], { env }).toString('utf8');
  expect(fonts.split('\n').slice(2).filter(Boolean).every((line) => / yes /.test(line))).toBe(true);
  const pagePng = join(screenshotDir, 'requests-disclosure-pdf-page1.png');
  execFileSync('pdftoppm', ['-png', '-f', '1', '-l', '1', '-r', '80', '-singlefile', pdfPath, pagePng.replace(/\.png$/, '')], { env });
  const rendered = await sharp(readFileSync(pagePng)).stats();
  expect(rendered.channels[0]!.min).toBeLessThan(100); // ink on the page, not a blank sheet
});

test('an insurance card copy cannot be saved until masking is confirmed', async ({ page, desk }) => {
  const { requests } = await seedOffice(desk, ['disclosure']);
  await signIn(desk, page, 'officer');
  await openRequest(page, requests[0]!.number);
  await page.getByTestId('idcopy-panel').getByRole('button', { name: '本人確認書類を確認する' }).click();
  const dialog = attachDialog(page);
  await dialog.getByRole('radio', { name: '健康保険証' }).check();
  await dialog.locator('input[type="file"]').setInputFiles({ name: 'hokensho.png', mimeType: 'image/png', buffer: await insuranceCard() });
  const masking = dialog.getByTestId('insurance-masking');
  await expect(masking).toContainText('2020年10月');
  await expect(saveCopy(dialog)).toBeDisabled();
  await expect(masking.getByTestId('insurance-masking-missing')).toContainText('枠を描いてください');

  const canvas = dialog.getByTestId('redaction-canvas');
  await drawBox(page, canvas, [0.03, 0.15], [0.6, 0.26]); // symbol and number
  await drawBox(page, canvas, [0.03, 0.82], [0.5, 0.92]); // insurer number
  await expect(saveCopy(dialog)).toBeDisabled();
  await masking.getByRole('checkbox', { name: '保険者番号' }).check();
  await masking.getByRole('checkbox', { name: '記号・番号（枝番を含む）' }).check();
  await expect(saveCopy(dialog)).toBeDisabled();
  await expect(masking.getByTestId('insurance-masking-missing')).toContainText('あと1項目');
  await shootInBothLanguages(desk, page, 'idcopy-insurance-card');

  // The core holds the same line, whatever a window sends.
  const refused = await desk.api('idcopies.attach', {
    requestId: requests[0]!.id,
    documentType: 'healthInsuranceCard',
    side: 'front',
    image: { mediaType: 'image/png', dataBase64: (await insuranceCard()).toString('base64') },
    redactions: [{ x: 0.03, y: 0.82, width: 0.47, height: 0.1 }],
    maskingConfirmed: ['insurerNumber', 'symbolAndNumber'],
  });
  expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'idCopy.insuranceMasking' } });

  // The QR code too: boxed and ticked, and the copy is kept.
  await drawBox(page, canvas, [0.78, 0.64], [0.98, 0.95]);
  await masking.getByRole('checkbox', { name: 'QRコード' }).check();
  await expect(saveCopy(dialog)).toBeEnabled();
  await saveCopy(dialog).click();
  await expect(page.getByRole('dialog', { name: '本人確認書類の照合: 健康保険証' })).toBeVisible();
  const detail = await desk.ok<RequestDetail>('requests.get', { id: requests[0]!.id });
  expect(detail.idCopies).toHaveLength(1);
  expect(detail.idCopies[0]).toMatchObject({ documentType: 'healthInsuranceCard', redactions: 3, result: null });
});

test('a My Number back is refused', async ({ page, desk }) => {
  const { requests } = await seedOffice(desk, ['disclosure']);
  await signIn(desk, page, 'officer');
  await openRequest(page, requests[0]!.number);
  await page.getByTestId('idcopy-panel').getByRole('button', { name: '本人確認書類を確認する' }).click();
  const dialog = attachDialog(page);
  await dialog.getByRole('radio', { name: 'マイナンバーカード（表面のみ）' }).check();
  await dialog.getByRole('radio', { name: '裏面' }).check();
  await expect(dialog.getByTestId('mynumber-back-refused')).toContainText('個人番号');
  await expect(dialog.getByTestId('idcopy-file')).toBeDisabled();
  await expect(saveCopy(dialog)).toBeDisabled();
  await shootInBothLanguages(desk, page, 'idcopy-mynumber-back');

  const refused = await desk.api('idcopies.attach', {
    requestId: requests[0]!.id,
    documentType: 'myNumberCard',
    side: 'back',
    image: { mediaType: 'image/png', dataBase64: (await insuranceCard()).toString('base64') },
    redactions: [{ x: 0, y: 0, width: 1, height: 1 }],
  });
  expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'idCopy.myNumberBack' } });
  expect((await desk.ok<RequestDetail>('requests.get', { id: requests[0]!.id })).idCopies).toHaveLength(0);

  // The front is fine.
  await dialog.getByRole('radio', { name: '表面', exact: true }).check();
  await expect(dialog.getByTestId('mynumber-back-refused')).toHaveCount(0);
  await expect(dialog.getByTestId('idcopy-file')).toBeEnabled();
});

/** A scanner's two-page PDF: a line of text on page 1, a card-sized black-framed block on page 2. */
function twoPagePdf(): Buffer {
  return pdfOfPages(['BT /F1 24 Tf 72 720 Td (ID copy page 1) Tj ET', '0.2 0.4 0.8 rg 100 300 400 250 re f BT /F1 24 Tf 72 720 Td (ID copy page 2) Tj ET']);
}

test('a PDF copy is stored as the image of the page chosen in the window', async ({ page, desk }) => {
  const { requests } = await seedOffice(desk, ['disclosure']);
  await signIn(desk, page, 'officer');
  await openRequest(page, requests[0]!.number);
  await page.getByTestId('idcopy-panel').getByRole('button', { name: '本人確認書類を確認する' }).click();
  const dialog = attachDialog(page);
  await dialog.getByRole('radio', { name: '在留カード' }).check();
  await dialog.locator('input[type="file"]').setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: twoPagePdf() });
  const canvas = dialog.getByTestId('redaction-canvas');
  await expect(canvas).toBeVisible();
  const pageNumber = dialog.getByRole('textbox', { name: 'ページ（全2ページ）' });
  await pageNumber.fill('2');
  await expect(canvas).toBeVisible();
  await drawBox(page, canvas, [0.1, 0.1], [0.5, 0.16]); // the heading of page 2
  await saveCopy(dialog).click();
  await expect(page.getByRole('dialog', { name: '本人確認書類の照合: 在留カード' })).toBeVisible();

  const detail = await desk.ok<RequestDetail>('requests.get', { id: requests[0]!.id });
  const copy = detail.idCopies[0]!;
  expect(copy).toMatchObject({ mediaType: 'image/png', width: 1190, height: 1684, redactions: 1 });
  const stored = Buffer.from((await desk.ok<{ dataBase64: string }>('idcopies.view', { id: copy.id })).dataBase64, 'base64');
  // Page 2's blue block is in the stored picture: the chosen page, not the first.
  const block = await sharp(await sharp(stored).extract({ left: 300, top: 700, width: 400, height: 200 }).toBuffer()).stats();
  expect(block.channels[2]!.mean).toBeGreaterThan(150);
  expect(block.channels[0]!.mean).toBeLessThan(100);
});

/** Attaches and verifies a licence through the API: these journeys are about the decision, not the check. */
async function verifiedThroughApi(desk: Desk, requestId: string): Promise<void> {
  const attached = await desk.ok<RequestDetail>('idcopies.attach', {
    requestId,
    documentType: 'driversLicence',
    side: 'front',
    image: { mediaType: 'image/jpeg', dataBase64: (await licencePhoto()).toString('base64') },
    redactions: [{ x: 0.03, y: 0.76, width: 0.57, height: 0.12 }],
  });
  await desk.ok('idcopies.verify', { id: attached.idCopies[0]!.id, nameMatches: true, addressMatches: true, birthDateMatches: true, result: 'verified' });
}

test('staff cannot decide their own proposal', async ({ page, desk }) => {
  const { requests } = await seedOffice(desk, ['disclosure', 'erasure']);
  const [disclosure, erasure] = requests as [RequestDetail, RequestDetail];
  await asOfficerApi(desk);
  await verifiedThroughApi(desk, disclosure.id);
  await verifiedThroughApi(desk, erasure.id);
  // The officer's own proposal on the erasure: they cannot decide it either.
  await desk.ok('proposals.create', { requestId: erasure.id, kind: 'erase' });
  await signOutApi(desk);

  await signIn(desk, page, 'staff');
  await openRequest(page, disclosure.number);
  const panel = page.getByTestId('proposals-panel');
  await panel.getByRole('button', { name: '開示を提案する' }).click();
  await page.getByRole('dialog', { name: '開示の提案' }).getByRole('button', { name: '提案する' }).click();
  await expect(panel.getByTestId('proposal')).toHaveAttribute('data-state', 'open');
  await expect(panel.getByRole('button', { name: '承認する' })).toHaveCount(0);
  await expect(panel.getByTestId('decision-waiting')).toHaveText('ご自身の提案です。個人情報保護管理者の決定を待っています（提案した人は決定できません）。');
  const id = (await panel.getByTestId('proposal').getAttribute('data-proposal-id'))!;
  expect(await desk.api('proposals.decide', { id, decision: 'approve' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  await signOutOfDesk(page);

  await signIn(desk, page, 'officer');
  await openRequest(page, erasure.number);
  const own = page.getByTestId('proposals-panel').getByTestId('proposal');
  await expect(own.getByRole('button', { name: '承認する' })).toBeDisabled();
  await expect(own.getByTestId('decision-own')).toContainText('ご自身の提案は決定できません');
  await page.evaluate(() => document.querySelector('[data-testid="proposals-panel"]')?.scrollIntoView());
  await shootInBothLanguages(desk, page, 'proposal-own');
  const ownId = (await own.getAttribute('data-proposal-id'))!;
  expect(await desk.api('proposals.decide', { id: ownId, decision: 'approve' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'proposal.ownProposal' } });
  // The record is still there: nothing was erased.
  await expect(own).toHaveAttribute('data-state', 'open');
});

test("an officer's decision on a record changed since the proposal shows the difference", async ({ page, desk }) => {
  const { requests } = await seedOffice(desk, ['correction', 'correction']);
  const [first, second] = requests as [RequestDetail, RequestDetail];
  await asOfficerApi(desk);
  await verifiedThroughApi(desk, first.id);
  await verifiedThroughApi(desk, second.id);
  await signOutApi(desk);
  // The staff member proposes the first in the window: a new street and phone number, next to the masked values now.
  await signIn(desk, page, 'staff');
  await openRequest(page, first.number);
  await page.getByTestId('proposals-panel').getByRole('button', { name: '訂正を提案する' }).click();
  const editor = page.getByRole('dialog', { name: '訂正・追加・削除の提案' });
  await editor.getByRole('checkbox', { name: '番地を変更する' }).check();
  await editor.getByRole('textbox', { name: '番地の新しい値' }).fill('');
  await editor.getByRole('checkbox', { name: '電話番号を変更する' }).check();
  await expect(editor.locator('tr[data-field="phones"]')).toContainText('090-****-5678');
  await editor.getByRole('combobox', { name: '電話番号の新しい値' }).fill('090-8765-4321');
  await editor.getByRole('combobox', { name: '電話番号の新しい値' }).press('Enter');
  // A street cannot be emptied: the core's refusal lands next to the field.
  await editor.getByRole('button', { name: '提案する' }).click();
  await expect(editor.locator('tr[data-field="addressLine1"]')).toContainText('入力してください。');
  await editor.getByRole('textbox', { name: '番地の新しい値' }).fill('神宮前4-5-6');
  await shootInBothLanguages(desk, page, 'proposal-change-editor');
  await editor.getByRole('button', { name: '提案する' }).click();
  await expect(editor).toBeHidden();
  const changes = page.getByTestId('proposals-panel').getByTestId('proposal-changes');
  // Once proposed, the staff member sees the proposal masked as the record is for staff: no street, the phone cut.
  await expect(changes.locator('tr[data-field="addressLine1"]')).not.toContainText('神宮前');
  await expect(changes.locator('tr[data-field="phones"]')).toContainText('090-****-4321');
  await signOutOfDesk(page);
  // And the second through the desk's API: another street.
  await desk.ok('auth.login', { loginId: staff.loginId, password: staffPassword });
  const fresh = await desk.ok<RequestDetail>('proposals.create', { requestId: second.id, kind: 'change', changes: [{ field: 'addressLine1', to: '神宮前6-7-8' }] });
  await signOutApi(desk);
  // The second is approved first, and changes the record under the first.
  await asOfficerApi(desk);
  await desk.ok('proposals.decide', { id: fresh.proposals[0]!.id, decision: 'approve' });
  await signOutApi(desk);

  await signIn(desk, page, 'officer');
  await openRequest(page, first.number);
  const proposal = page.getByTestId('proposals-panel').getByTestId('proposal');
  await expect(proposal.getByTestId('proposal-changes')).toContainText('神宮前4-5-6');
  await proposal.getByRole('button', { name: '承認する' }).click();
  await page.getByRole('dialog', { name: '提案を承認しますか' }).getByRole('button', { name: '承認して実行する' }).click();
  const conflict = proposal.getByTestId('proposal-conflict');
  await expect(conflict).toContainText('提案の後に顧客記録が変わっています');
  const moved = conflict.locator('tr[data-field="addressLine1"]');
  await expect(moved).toContainText('番地');
  await expect(moved).toContainText('神宮前1-2-3'); // when proposed
  await expect(moved).toContainText('神宮前4-5-6'); // proposed
  await expect(moved).toContainText('神宮前6-7-8'); // now
  await expect(proposal).toHaveAttribute('data-state', 'open');
  await conflict.scrollIntoViewIfNeeded();
  await page.evaluate(() => document.querySelector('[data-testid="proposals-panel"]')?.scrollIntoView());
  await shootInBothLanguages(desk, page, 'proposal-conflict');

  // The officer asks for a new proposal; the word is left on the request, with field names only.
  await conflict.getByRole('button', { name: '新しい提案を依頼する' }).click();
  await expect(conflict.getByTestId('conflict-asked')).toBeVisible();
  const detail = await desk.ok<RequestDetail>('requests.get', { id: first.id });
  const word = detail.comments.find((c) => c.text.includes('新しい提案をお願いします'));
  expect(word?.text).toContain('番地');
  expect(word?.text).not.toContain('神宮前');
});
