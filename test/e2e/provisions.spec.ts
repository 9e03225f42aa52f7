// Partner, provision and receipt journeys (issue #6): a provision checked customer by customer before it is recorded,
// an exception waiting for an officer other than its recorder, a partner abroad and the consent that must name its
// country, and the registers exported for an auditor.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { CustomerInput } from '../../src-shared/api/customer-input';
import type { Partner, ProvisionDetail } from '../../src-shared/registers';
import { sato, tanaka, yamada, yamamoto } from '../fixtures/customers';
import { asUpload, scannedPdf } from '../fixtures/scans';
import { expect, mainMenu, officer, replaceTemporaryPassword, shootInBothLanguages, signInAs, signOutOfDesk, test, textField, type Desk } from './fixtures';

const staff = { displayName: '北川 翔', loginId: 'kitagawa', department: 'カスタマーサポート部' };
const temporaryPassword = 'Kari-Pasu-Waado-5521';
const staffPassword = 'kitagawa-no-himitsu-2026';

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

function localToday(offsetDays = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}


/** A partner as the officer registers it; the journeys change what they need. */
function partner(change: Partial<Omit<Partner, 'id'>> = {}) {
  return {
    name: '株式会社アドネット',
    address: '東京都港区六本木1-2-3',
    representative: '代表取締役 高橋 健',
    roles: ['advertiser'],
    country: 'JP',
    contractFrom: '2026-04-01',
    contractTo: '2027-03-31',
    securityMeasures: '業務委託契約第12条: アクセス制御、暗号化保存、目的外利用の禁止、再提供の禁止、契約終了時の消去と報告。',
    contactName: '佐々木 彩',
    contactEmail: 'privacy@adnet.example.jp',
    contactPhone: '03-5555-0101',
    ...change,
  };
}

/** A customer of the imported list, numbered C-1001 and on. */
function listed(n: number): CustomerInput {
  const no = String(1000 + n);
  return {
    customerNo: `C-${no}`,
    name: `顧客 ${no}`,
    nameKana: `コキャク ${'アイウエオカキクケコ'[n % 10]}`,
    postalCode: '150-0001',
    prefecture: '東京都',
    city: '渋谷区',
    addressLine1: `神宮前${n}-1`,
    provenance: 'registration',
    emails: [{ address: `customer${no}@example.jp` }],
  };
}

/** The officer set up and signed in through the API, with a staff member who has a statement on file. */
async function seedOfficerAndStaff(desk: Desk): Promise<void> {
  await desk.setUpOfficer();
  await desk.ok('auth.login', { loginId: officer.loginId, password: officer.password });
  const account = await desk.ok<{ id: string }>('accounts.create', { ...staff, role: 'staff', temporaryPassword });
  await desk.ok('statements.record', { accountId: account.id, templateVersion: 1, signedOn: localToday(), trainingOn: localToday(), scan: asUpload(scannedPdf(), 'seiyakusho.pdf', 'application/pdf') });
}

async function createCustomers(desk: Desk, customers: CustomerInput[]): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const c of customers) ids[c.customerNo] = (await desk.ok<{ id: string }>('customers.create', c)).id;
  return ids;
}

async function consentTo(desk: Desk, customerId: string, target: { partnerId: string } | { partnerRole: string }, countries: string[] = []): Promise<void> {
  await desk.ok('provisionConsents.record', { customerId, ...target, countries, givenOn: '2026-05-01', channel: 'web' });
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

async function openScreen(page: Page, menu: string, heading = menu): Promise<void> {
  await mainMenu(page).getByRole('button', { name: menu, exact: true }).click();
  await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
}

/** Chooses an option of a Mantine select by its label. */
async function choose(page: Page, scope: Page | ReturnType<Page['locator']>, label: string, option: string | RegExp): Promise<void> {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

const registerRow = (page: Page, number: string) => page.getByTestId('provisions-table').locator(`tbody tr[data-number="${number}"]`);
const year = new Date().getFullYear();

test('staff records a provision to an advertiser for 50 customers; the 7 without consent are excluded and listed', async ({ page, desk }) => {
  await seedOfficerAndStaff(desk);
  const adnet = await desk.ok<Partner>('partners.create', partner());
  const customers = Array.from({ length: 50 }, (_, i) => listed(i + 1));
  const ids = await createCustomers(desk, customers);
  // 43 agreed to provision to advertisers (or to this one); 7 never did.
  const withoutConsent = ['C-1004', 'C-1011', 'C-1018', 'C-1025', 'C-1032', 'C-1039', 'C-1046'];
  for (const c of customers) {
    if (withoutConsent.includes(c.customerNo)) continue;
    await consentTo(desk, ids[c.customerNo]!, Number(c.customerNo.slice(2)) % 2 === 0 ? { partnerId: adnet.id } : { partnerRole: 'advertiser' });
  }
  await desk.ok('auth.logout', {});

  await signInAsStaff(desk, page);
  await openScreen(page, '第三者提供の記録');
  await expect(page.getByTestId('provisions-empty')).toContainText('「提供を記録する」から記録してください');
  await page.getByTestId('provisions-empty').getByRole('button', { name: '提供を記録する' }).click();

  const form = page.getByRole('form', { name: '第三者提供を記録する' });
  // Checking an empty form puts each problem next to its field.
  await form.getByRole('button', { name: '同意を確認する' }).click();
  await expect(form.getByText('提供の根拠を選んでください。')).toBeVisible();
  await expect(form.getByText('対象の顧客を検索で選ぶか、顧客番号を貼り付けてください。')).toBeVisible();

  await choose(page, form, '提供先', /株式会社アドネット/);
  await expect(form.getByTestId('partner-roles')).toHaveText('広告主');
  await textField(form, '提供した項目').fill('氏名、メールアドレス、購入履歴（直近1年）');
  await form.getByRole('radio', { name: '本人の同意' }).click();
  // The list as another system exported it: one number a line, with a blank line and a repeat.
  await form.getByTestId('pasted-numbers').fill([...customers.map((c) => c.customerNo), '', 'C-1001'].join('\n'));
  await expect(form.getByTestId('pasted-count')).toHaveText('50件の顧客番号 （重複1件を除く）');
  await form.getByRole('button', { name: '同意を確認する' }).click();

  const check = page.getByTestId('provision-check');
  await expect(check.getByTestId('included-count')).toHaveText('提供の対象: 43人');
  await expect(check.getByTestId('excluded-count')).toHaveText('除外: 7人');
  await expect(check.getByTestId('included-list').locator('[data-customer-no]')).toHaveCount(43);
  const excluded = check.getByTestId('excluded-list').locator('tbody tr');
  await expect(excluded).toHaveCount(7);
  for (const no of withoutConsent) await expect(check.getByTestId('excluded-list').locator(`tr[data-customer-no="${no}"]`)).toContainText('同意なし');
  await expect(check.getByTestId('excluded-summary')).toHaveText('同意なし 7人');
  await shootInBothLanguages(desk, page, 'provision-check');

  await check.getByRole('button', { name: '43人への提供を記録する' }).click();
  const view = page.getByTestId('provision-view');
  await expect(view).toHaveAttribute('data-number', `P-${year}-0001`);
  await expect(view).toHaveAttribute('data-state', 'recorded');
  await expect(view.getByTestId('view-customer-count')).toHaveText('提供した顧客: 43人');
  await expect(view.getByTestId('view-excluded').locator('tbody tr')).toHaveCount(7);
  await expect(view.getByTestId('view-basis')).toContainText('本人の同意');

  await view.getByRole('button', { name: '第三者提供の記録へ戻る' }).click();
  const row = registerRow(page, `P-${year}-0001`);
  await expect(row.getByTestId('customer-count')).toHaveText('43人');
  await expect(row.getByTestId('excluded-count')).toHaveText('7人');
  await expect(row).toHaveAttribute('data-state', 'recorded');
});

test('a police request waits for the officer’s approval and cannot be approved by the one who recorded it', async ({ page, desk }) => {
  await seedOfficerAndStaff(desk);
  const police = await desk.ok<Partner>('partners.create', partner({ name: '警視庁渋谷警察署', address: '東京都渋谷区渋谷3-8-15', representative: '署長 山口 誠', roles: ['publicInstitution'], contractFrom: undefined, contractTo: undefined, securityMeasures: '捜査関係事項照会書による照会。提供は書面で担当者に手交。', contactName: '生活安全課 担当者', contactEmail: 'seikatsu@police.example.jp' }));
  const ids = await createCustomers(desk, [yamada, sato, yamamoto]);
  // Earlier this month: a combined record of the weekly list sent to an advertiser, on the customers' consent.
  const adnet = await desk.ok<Partner>('partners.create', partner());
  for (const no of [yamada.customerNo, sato.customerNo]) await consentTo(desk, ids[no]!, { partnerRole: 'advertiser' });
  await desk.ok('provisions.create', { partnerId: adnet.id, providedOn: localToday(-21), lastProvidedOn: localToday(), items: '氏名、メールアドレス、購入履歴', basis: 'consent', customerNos: ['C-0001', 'C-0002', 'C-0003'] });
  // The officer records an exception too: it is theirs, so only another officer may approve it.
  const officersOwn = await desk.ok<ProvisionDetail>('provisions.create', {
    partnerId: police.id,
    providedOn: localToday(),
    items: '氏名、住所、購入履歴',
    basis: 'publicInstitution',
    justification: '捜査関係事項照会書（第456号）に基づく照会。',
    customerIds: [ids[sato.customerNo]],
  });
  await desk.ok('auth.logout', {});

  // The staff member records the police's request for 山田 太郎, found with the search.
  await signInAsStaff(desk, page);
  await openScreen(page, '第三者提供の記録');
  await page.getByRole('button', { name: '提供を記録する' }).first().click();
  const form = page.getByRole('form', { name: '第三者提供を記録する' });
  await choose(page, form, '提供先', /警視庁渋谷警察署/);
  await textField(form, '提供した項目').fill('氏名、住所、電話番号、購入履歴（2026年10月）');
  await form.getByRole('radio', { name: '公的機関からの要請' }).click();
  await expect(form.getByTestId('exception-note')).toContainText('承認待ち');
  await form.getByRole('button', { name: '対象者を確認する' }).click();
  await expect(form.getByText('入力してください。')).toBeVisible(); // the justification an exception needs
  await textField(form, '例外に当たる理由').fill('渋谷警察署からの捜査関係事項照会書（第123号）に基づく照会（刑事訴訟法第197条第2項）。');
  await form.getByTestId('provision-customer-search').fill('やまだ');
  const results = form.getByTestId('provision-search-results');
  await expect(results.locator('tr[data-customer-no]')).toHaveCount(1);
  await expect(results).toContainText('y***@example.jp'); // masked for staff
  await results.getByRole('checkbox', { name: '山田 太郎さん（C-0001）を対象にする' }).check();
  await expect(form.getByTestId('chosen-customers')).toContainText('C-0001');
  await shootInBothLanguages(desk, page, 'provision-form');
  await form.getByRole('button', { name: '対象者を確認する' }).click();
  const check = page.getByTestId('provision-check');
  await expect(check.getByTestId('included-count')).toHaveText('提供の対象: 1人');
  await check.getByRole('button', { name: '1人への提供を記録する' }).click();

  const view = page.getByTestId('provision-view');
  await expect(view).toHaveAttribute('data-state', 'awaitingApproval');
  await expect(view.getByTestId('exception-decision')).toContainText('承認待ち');
  await expect(view.getByTestId('decision-waiting')).toHaveText('あなたが記録した提供です。承認は、記録した人以外の個人情報保護管理者が行います。');
  await expect(view.getByRole('button', { name: '承認する' })).toHaveCount(0);
  const staffsNumber = (await view.getAttribute('data-number'))!;
  await shootInBothLanguages(desk, page, 'provision-awaiting-staff');

  // The officer sees both waiting, standing out in the register.
  await signOutOfDesk(page);
  await signInAsOfficer(desk, page);
  await openScreen(page, '第三者提供の記録');
  await expect(registerRow(page, officersOwn.number)).toHaveAttribute('data-state', 'awaitingApproval');
  await expect(registerRow(page, staffsNumber).getByText('承認待ち')).toBeVisible();
  await shootInBothLanguages(desk, page, 'provisions-register');

  // Their own: the approval is locked and says why; the core refuses it all the same.
  await registerRow(page, officersOwn.number).click();
  await expect(view.getByTestId('decision-own')).toContainText('あなたが記録した提供のため、あなたは承認できません');
  await expect(view.getByRole('button', { name: '承認する' })).toBeDisabled();
  await shootInBothLanguages(desk, page, 'provision-own-exception');
  const refused = await desk.api('provisions.approveException', { id: officersOwn.id, decision: 'approve' });
  expect(refused.ok).toBe(false);
  if (!refused.ok) expect(refused.error.message).toBe('provision.ownRecord');
  await view.getByRole('button', { name: '第三者提供の記録へ戻る' }).click();

  // The staff member's: the officer approves it.
  await registerRow(page, staffsNumber).click();
  await expect(view.getByTestId('view-justification')).toContainText('捜査関係事項照会書（第123号）');
  await view.getByRole('button', { name: '承認する' }).click();
  await page.getByRole('dialog', { name: `${staffsNumber} を承認しますか？` }).getByRole('button', { name: '承認する' }).click();
  await expect(view).toHaveAttribute('data-state', 'recorded');
  await expect(view.getByTestId('exception-decision')).toHaveCount(0);
  await expect(view).toContainText(`承認${officer.displayName}`);
});

test('the officer registers an advertiser abroad and a provision to it leaves out customers whose consent does not name the country', async ({ page, desk }) => {
  await seedOfficerAndStaff(desk);
  const ids = await createCustomers(desk, [yamada, sato, yamamoto, tanaka]);
  await desk.ok<Partner>('partners.create', partner());
  const ended = await desk.ok<Partner>('partners.create', partner({ name: '株式会社旧配信', address: '大阪府大阪市北区梅田1-1-1', roles: ['adDeliveryDestination', 'outsourcee'], contactEmail: 'old@haishin.example.jp' }));
  await desk.ok('partners.update', { id: ended.id, partner: partner({ name: '株式会社旧配信', address: '大阪府大阪市北区梅田1-1-1', roles: ['adDeliveryDestination', 'outsourcee'], contactEmail: 'old@haishin.example.jp' }), endedOn: '2026-09-30' });
  // 山田 agreed to advertisers in the US, 佐藤 to advertisers in Japan only, 山本 to nothing; 田中's is recorded below.
  await consentTo(desk, ids[yamada.customerNo]!, { partnerRole: 'advertiser' }, ['US']);
  await consentTo(desk, ids[sato.customerNo]!, { partnerRole: 'advertiser' });
  await desk.ok('auth.logout', {});

  await signInAsOfficer(desk, page);
  await openScreen(page, '取引先');
  await expect(page.getByTestId('never-deleted-note')).toContainText('取引先は削除できません');
  await page.getByRole('button', { name: '取引先を登録' }).click();
  const dialog = page.getByRole('form', { name: '取引先の登録' });
  await textField(dialog, '名称').fill('Global Ads Inc.');
  await textField(dialog, '代表者').fill('CEO Jane Smith');
  await textField(dialog, '所在地').fill('100 Market Street, San Francisco, CA 94105, USA');
  await dialog.getByRole('checkbox', { name: '広告主' }).check();
  await choose(page, dialog, '所在国', /^US /);
  await expect(dialog.getByTestId('abroad-note')).toContainText('法第28条第1項');
  await dialog.getByLabel('契約開始日').fill('2026-10-01');
  await textField(dialog, '契約で合意した安全管理措置').fill('DPA Art. 7: encryption at rest, access logs, no onward transfer; APPI-equivalent measures confirmed on 2026-09-15.');
  await textField(dialog, '担当者名').fill('John Doe');
  await textField(dialog, '担当者のメールアドレス').fill('privacy@globalads.example.com');
  await shootInBothLanguages(desk, page, 'partner-form');
  await dialog.getByRole('button', { name: '登録する' }).click();
  await expect(dialog).toHaveCount(0);

  const partnerRow = page.getByTestId('partners-table').locator('tr[data-partner="Global Ads Inc."]');
  await expect(partnerRow).toHaveAttribute('data-country', 'US');
  await expect(partnerRow.getByTestId('abroad-badge')).toHaveText('外国');
  await page.getByRole('switch', { name: '終了した取引先も表示' }).check();
  await expect(page.getByTestId('partners-table').locator('tr[data-partner="株式会社旧配信"]').getByTestId('ended-badge')).toHaveText('終了');
  await shootInBothLanguages(desk, page, 'partners-register');

  // 田中's consent, taken at the counter, names the US: recorded on her customer record.
  await openScreen(page, '顧客');
  await page.getByRole('button', { name: '田中 美咲さんの情報を開く' }).click();
  const section = page.getByTestId('record-provision-consents');
  await expect(section.getByTestId('provision-consents-empty')).toBeVisible();
  await section.getByRole('button', { name: '同意を記録' }).click();
  const consentForm = page.getByRole('form', { name: '第三者提供への同意を記録' });
  await choose(page, consentForm, '取引先', /Global Ads Inc\./);
  // The partner abroad: its country is offered at once.
  await expect(consentForm.getByTestId('consent-countries')).toBeAttached();
  await expect(consentForm).toContainText('US');
  await consentForm.getByRole('button', { name: '記録する' }).click();
  await expect(section.getByTestId('provision-consents-table').locator('tbody tr')).toHaveCount(1);
  await expect(section.getByTestId('provision-consents-table')).toContainText('Global Ads Inc.');
  await expect(section.getByTestId('provision-consents-table')).toContainText('US');
  await shootInBothLanguages(desk, page, 'customer-provision-consents');

  await openScreen(page, '第三者提供の記録');
  await page.getByRole('button', { name: '提供を記録する' }).first().click();
  const form = page.getByRole('form', { name: '第三者提供を記録する' });
  await choose(page, form, '提供先', /Global Ads Inc\./);
  await expect(form.getByTestId('abroad-recipient')).toContainText('アメリカ合衆国');
  await textField(form, '提供した項目').fill('メールアドレス、購入履歴（直近6か月）');
  await form.getByRole('radio', { name: '本人の同意' }).click();
  await form.getByTestId('pasted-numbers').fill(['C-0001', 'C-0002', 'C-0003', 'C-0004', 'C-9999'].join('\n'));
  await form.getByRole('button', { name: '同意を確認する' }).click();

  const check = page.getByTestId('provision-check');
  await expect(check.getByTestId('included-count')).toHaveText('提供の対象: 2人');
  await expect(check.getByTestId('included-list')).toContainText('C-0001');
  await expect(check.getByTestId('included-list')).toContainText('C-0004');
  const reason = (no: string) => check.getByTestId('excluded-list').locator(`tr[data-customer-no="${no}"]`);
  await expect(reason('C-0002')).toContainText('同意が国を指定していない');
  await expect(reason('C-0003')).toContainText('同意なし');
  await expect(reason('C-9999')).toContainText('顧客番号が見つからない');
  await check.getByRole('button', { name: '2人への提供を記録する' }).click();
  const view = page.getByTestId('provision-view');
  await expect(view).toHaveAttribute('data-state', 'recorded');
  await expect(view.getByTestId('view-partner')).toContainText('外国');
  await expect(view.getByTestId('view-excluded').locator('tr[data-reason="countryNotNamed"]')).toHaveCount(1);
});

test('the provision register exports a CSV that opens with Japanese headers', async ({ page, desk }) => {
  await seedOfficerAndStaff(desk);
  const adnet = await desk.ok<Partner>('partners.create', partner());
  // Two receipts: one from the registered partner, one from a provider recorded before the partner register existed.
  const fromList: CustomerInput = { ...listed(1), provenance: 'partner', receipt: { providerName: '株式会社リスト販売', providerAddress: '東京都新宿区西新宿2-8-1', providerRepresentative: '代表取締役 中村 淳', obtainedHow: '同社の懸賞応募フォームで本人から取得（提供への同意あり）', receivedOn: '2026-07-15', items: '氏名、住所、メールアドレス' } };
  const ids = await createCustomers(desk, [yamada, sato, yamamoto, { ...tanaka, receipt: { ...tanaka.receipt!, partnerId: adnet.id } }, fromList]);
  for (const no of [yamada.customerNo, sato.customerNo]) await consentTo(desk, ids[no]!, { partnerRole: 'advertiser' });
  await desk.ok('provisions.create', { partnerId: adnet.id, providedOn: localToday(), items: '氏名、メールアドレス', basis: 'consent', customerNos: ['C-0001', 'C-0002', 'C-0003'] });
  await desk.ok('auth.logout', {});

  await signInAsOfficer(desk, page);
  await openScreen(page, '第三者提供の記録');
  await expect(page.getByTestId('provision-count')).toHaveText('1件');
  await page.getByRole('button', { name: 'CSVを書き出す' }).click();
  const written = page.getByTestId('export-written');
  await expect(written).toContainText('CSVを書き出しました（2行）。');
  await expect(page.getByTestId('export-file-name')).toHaveText(/^provisions-\d{4}-\d{2}-\d{2}\.csv$/);
  const file = (await written.getAttribute('data-path'))!;
  const bytes = readFileSync(file);
  // A BOM, so Excel in Japan opens it as UTF-8; then the headers in Japanese and one line per customer provided.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
  expect(lines[0]).toMatch(/^記録番号,/);
  expect(lines[0]).toContain('提供先');
  expect(lines).toHaveLength(3);
  expect(lines[1]).toContain('C-0001');
  expect(lines[2]).toContain('C-0002');
  expect(lines.join('\n')).not.toContain('山田');

  // The same register as a PDF for a regulator's inquiry.
  await page.getByRole('button', { name: 'PDFを書き出す' }).click();
  await expect(written).toHaveAttribute('data-format', 'pdf');
  await expect(written).toContainText('PDFを書き出しました（1件）。');
  await expect(page.getByTestId('export-file-name')).toHaveText(/^provisions-\d{4}-\d{2}-\d{2}\.pdf$/);
  expect(readFileSync((await written.getAttribute('data-path'))!).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // The receipt register: what came in from partners, with its own export.
  await openScreen(page, '受領の記録');
  const receipts = page.getByTestId('receipts-table').locator('tbody tr[data-provider]');
  await expect(receipts).toHaveCount(2);
  await expect(receipts.first()).toHaveAttribute('data-provider', '株式会社サンプル通販');
  await expect(receipts.nth(1)).toContainText('取引先として未登録');
  await page.getByRole('button', { name: 'CSVを書き出す' }).click();
  await expect(page.getByTestId('export-written')).toContainText('CSVを書き出しました（2行）。');
  await expect(page.getByTestId('export-file-name')).toHaveText(/^receipts-\d{4}-\d{2}-\d{2}\.csv$/);
  await shootInBothLanguages(desk, page, 'receipts-register');
});
