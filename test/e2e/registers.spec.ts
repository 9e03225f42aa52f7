// Journeys of the officer's registers (issue #6): a leak that must be reported and its countdown, one that need not be,
// two versions of the privacy policy side by side, and a retention run that counts, is approved and erases.
import { existsSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import type { IncidentDetail, Partner, ProvisionDetail } from '../../src-shared/registers';
import { sato, yamada } from '../fixtures/customers';
import { expect, mainMenu, officer, shootInBothLanguages, signInAs, test, textField, type Desk } from './fixtures';

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

function localDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** This time of day, some days ago: as an instant, and as a `datetime-local` field takes it. */
function daysAgo(days: number): { iso: string; local: string } {
  const d = new Date();
  d.setDate(d.getDate() - days);
  d.setSeconds(0, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { iso: d.toISOString(), local: `${localDay(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}` };
}


/** The officer set up; `seed` runs signed in as the officer, through the API. */
async function seedDesk(desk: Desk, seed: () => Promise<void> = async () => undefined): Promise<void> {
  await desk.setUpOfficer();
  await desk.ok('auth.login', { loginId: officer.loginId, password: officer.password });
  await seed();
  await desk.ok('auth.logout', {});
}

async function signInAsOfficer(desk: Desk, page: Page): Promise<void> {
  await desk.open(page);
  await signInAs(page, officer.loginId, officer.password);
  await expect(page.getByTestId('signed-in-name')).toHaveText(officer.displayName);
}

async function openScreen(page: Page, menu: string): Promise<void> {
  await mainMenu(page).getByRole('button', { name: menu, exact: true }).click();
  await expect(page.getByRole('heading', { name: menu, level: 1 })).toBeVisible();
}

const incidentRow = (page: Page, number: string) => page.getByTestId('incidents-table').locator(`tbody tr[data-number="${number}"]`);

/** Fills the incident form as the officer would; the categories by their labels. */
async function fillIncident(form: Locator, facts: { discovered: string; summary: string; categories: string[]; people: number; customerNos?: string[] }): Promise<void> {
  await form.getByLabel('発見日時').fill(facts.discovered);
  await textField(form, '何が起きたか').fill(facts.summary);
  for (const c of facts.categories) await form.getByRole('checkbox', { name: c }).click();
  await textField(form, '影響を受けた人数').fill(String(facts.people));
  if (facts.customerNos) await textField(form, '顧客番号（わかる場合、1行に1つ）').fill(facts.customerNos.join('\n'));
}

test('the officer records a leak of card data of one person: it is reportable and the countdown to the preliminary report shows', async ({ page, desk }) => {
  await seedDesk(desk, async () => {
    await desk.ok('customers.create', yamada);
  });
  await signInAsOfficer(desk, page);
  await openScreen(page, '漏えい等事案');
  await expect(page.getByTestId('incidents-empty')).toContainText('すぐに「事案を記録する」から記録してください');
  await page.getByRole('button', { name: '事案を記録する' }).click();

  const form = page.getByRole('form', { name: '漏えい等事案の記録' });
  // Nothing chosen: the form says what is missing before anything is sent.
  await form.getByRole('button', { name: '事案を記録する' }).click();
  await expect(form.getByText('漏えい等したデータの種類を1つ以上選んでください。')).toBeVisible();

  // Found two days ago: a page of the shop's payment log sent to the wrong address, one customer's card number in it.
  await fillIncident(form, {
    discovered: daysAgo(2).local,
    summary: '決済ログの一部を誤って社外の取引先に送信し、顧客1名のクレジットカード番号が含まれていた。',
    categories: ['カード情報・口座情報など', '氏名'],
    people: 1,
    customerNos: ['C-0001'],
  });
  await textField(form, '原因（任意）').fill('送信前のファイル確認の漏れ。');
  await form.getByRole('button', { name: '事案を記録する' }).click();

  const view = page.getByTestId('incident-view');
  const number = `I-${new Date().getFullYear()}-0001`;
  await expect(view).toHaveAttribute('data-number', number);
  await expect(view).toHaveAttribute('data-reportable', 'true');
  await expect(page.getByTestId('reportability-verdict')).toContainText('個人情報保護委員会への報告が必要です');
  // Why, in words and by the rule: card data may cause financial loss, even for one person (rules Art. 7(ii)).
  await expect(view.getByTestId('reportable-reasons')).toHaveText('財産的被害のおそれ（カード情報など）');
  await expect(page.getByTestId('report-rules').locator('[data-rule="financial"]')).toHaveAttribute('data-applies', 'true');
  await expect(page.getByTestId('report-rules').locator('[data-rule="overThreshold"]')).toHaveAttribute('data-applies', 'false');
  // The preliminary report is due five days from discovery: three are left.
  await expect(page.getByTestId('header-countdown')).toHaveText('速報: あと3日');
  await expect(page.getByTestId('deadline-preliminary').getByTestId('countdown')).toHaveAttribute('data-days', '3');
  await expect(page.getByTestId('deadline-final')).toContainText('発見から30日以内');
  await expect(page.getByTestId('incident-people').locator('tr[data-customer-no="C-0001"]')).toContainText('未通知');
  await shootInBothLanguages(desk, page, 'incident-card-leak');

  // The preliminary report made today: the countdown moves on to the final report.
  await page.getByTestId('record-preliminary').click();
  const report = page.getByRole('form', { name: '速報の報告を記録' });
  await textField(report, 'メモ（任意）').fill('委員会の報告フォームで送信。受付番号 2026-PPC-0420');
  await report.getByRole('button', { name: '記録する' }).click();
  await expect(page.getByTestId('deadline-preliminary')).toHaveAttribute('data-reported', 'true');
  await expect(page.getByTestId('header-countdown')).toHaveText('確報: あと28日');
  // A reportable incident cannot be closed before its final report.
  await page.getByRole('button', { name: '事案を終了する' }).click();
  await expect(page.getByTestId('close-blocked')).toContainText('確報を記録するまで終了できません');
  await expect(page.getByRole('dialog').getByRole('button', { name: '終了する' })).toBeDisabled();
  await page.getByRole('dialog').getByRole('button', { name: 'キャンセル' }).click();

  // The person is told: an .eml written to the outbox, the person marked as notified.
  await page.getByTestId('notify-people').click();
  await expect(page.getByTestId('notify-result')).toContainText('通知のメール（.eml）を1通作成しました。');
  await expect(page.getByTestId('incident-people').locator('tr[data-customer-no="C-0001"]')).not.toContainText('未通知');
  const emlFile = await page.getByTestId('incident-notices').locator('tr[data-customer-no="C-0001"] [title]').getAttribute('title');
  expect(emlFile && existsSync(emlFile)).toBe(true);
  await expect(page.getByTestId('incident-timeline').locator('tr[data-kind="reported.preliminary"]')).toContainText('速報を報告');
  await expect(page.getByTestId('incident-timeline').locator('tr[data-kind="reportable"]')).toContainText('財産的被害のおそれ（カード情報など）');

  // Others in the register, recorded through the API (the officer's session): one due tomorrow, one late, one not reportable.
  const base = { cause: '', measures: '', customerIds: [], customerNos: [], unlawfulSuspected: false };
  await desk.ok<IncidentDetail>('incidents.create', { ...base, discoveredAt: daysAgo(4).iso, summary: '配送委託先の倉庫で、送り状の控え（氏名・住所・電話番号）30件が入った箱を紛失した。', categories: ['name', 'address', 'contact'], peopleCount: 30, unlawfulSuspected: true });
  await desk.ok<IncidentDetail>('incidents.create', { ...base, discoveredAt: daysAgo(8).iso, summary: 'アンケートの回答（持病の記載を含む）を誤って別の顧客に返信した。', categories: ['specialCare', 'name'], peopleCount: 2 });
  await desk.ok<IncidentDetail>('incidents.create', { ...base, discoveredAt: daysAgo(1).iso, summary: 'メールマガジンを宛先を隠さずに送信し、メールアドレス120件が互いに見える状態になった。', categories: ['contact'], peopleCount: 120 });
  await page.getByRole('button', { name: '漏えい等事案の一覧に戻る' }).click();

  const year = new Date().getFullYear();
  await expect(page.getByTestId('incidents-table').locator('tbody tr[data-number]')).toHaveCount(4);
  await expect(incidentRow(page, number).getByTestId('countdown')).toHaveText('確報: あと28日');
  await expect(incidentRow(page, number).getByTestId('reportable-reasons')).toHaveText('財産的被害のおそれ（カード情報など）');
  await expect(incidentRow(page, `I-${year}-0002`).getByTestId('countdown')).toHaveText('速報: あと1日');
  await expect(incidentRow(page, `I-${year}-0002`).getByTestId('countdown')).toHaveAttribute('data-urgency', 'soon');
  await expect(incidentRow(page, `I-${year}-0003`).getByTestId('countdown')).toHaveText('速報: 期限超過 3日');
  await expect(incidentRow(page, `I-${year}-0003`).getByTestId('countdown')).toHaveAttribute('data-urgency', 'late');
  await expect(incidentRow(page, `I-${year}-0003`).getByTestId('reportable-reasons')).toHaveText('要配慮個人情報');
  await expect(incidentRow(page, `I-${year}-0004`).getByTestId('reportable-badge')).toHaveText('報告対象外');
  await shootInBothLanguages(desk, page, 'incident-register');
});

test('a leak of e-mail addresses of 900 people is not reportable', async ({ page, desk }) => {
  await seedDesk(desk);
  await signInAsOfficer(desk, page);
  await openScreen(page, '漏えい等事案');
  await page.getByRole('button', { name: '事案を記録する' }).click();
  const form = page.getByRole('form', { name: '漏えい等事案の記録' });
  await fillIncident(form, {
    discovered: daysAgo(0).local,
    summary: 'キャンペーンのお知らせをBCCではなくTOで送信し、受信者900名のメールアドレスが互いに見える状態になった。',
    categories: ['メールアドレス・電話番号'],
    people: 900,
  });
  await form.getByRole('button', { name: '事案を記録する' }).click();

  const view = page.getByTestId('incident-view');
  await expect(view).toHaveAttribute('data-reportable', 'false');
  await expect(page.getByTestId('reportability-verdict')).toContainText('委員会への報告は不要です');
  await expect(page.getByTestId('report-rules').locator('[data-applies="true"]')).toHaveCount(0);
  await expect(page.getByTestId('no-deadlines')).toContainText('報告対象ではないため');
  await expect(page.getByTestId('header-countdown')).toHaveCount(0);

  // The count turns out higher: 1,001 people is more than 1,000, and the same leak becomes reportable (rules Art. 7(iv)).
  await page.getByTestId('edit-facts').click();
  const edit = page.getByRole('form', { name: /の事実を更新$/ });
  await textField(edit, '影響を受けた人数').fill('1001');
  await edit.getByRole('button', { name: '保存する' }).click();
  await expect(view).toHaveAttribute('data-reportable', 'true');
  await expect(view.getByTestId('reportable-reasons')).toHaveText('1,000人超');
  await expect(page.getByTestId('header-countdown')).toHaveText('速報: あと5日');
  await expect(page.getByTestId('incident-timeline').locator('tr[data-kind="factsChanged"]')).toContainText('人数');

  await page.getByRole('button', { name: '漏えい等事案の一覧に戻る' }).click();
  await expect(page.getByTestId('incidents-table').locator('tbody tr[data-number]').first().getByTestId('reportable-badge')).toHaveText('報告対象');
});

test('the officer compares version 1 of the policy with a new version side by side', async ({ page, desk }) => {
  await seedDesk(desk);
  await signInAsOfficer(desk, page);
  await openScreen(page, 'プライバシーポリシーの版');
  const versions = page.getByTestId('policy-versions');
  await expect(versions.locator('tbody tr')).toHaveCount(1);
  await expect(versions.locator('tr[data-version="1"]')).toHaveAttribute('data-current', 'true');
  await expect(page.getByTestId('policy-text')).toContainText('個人情報保護方針');
  await page.getByTestId('reader-language').locator('label').filter({ hasText: '英語' }).click();
  await expect(page.getByTestId('policy-text')).toContainText('Privacy Policy');
  await page.getByTestId('reader-language').locator('label').filter({ hasText: '日本語' }).click();

  // A new version: one sentence changed, one added, in both languages; posted and in force today.
  await page.getByRole('button', { name: '新しい版を公開' }).click();
  const publish = page.getByRole('form', { name: '第2版を公開' });
  const ja = textField(publish, '日本語');
  await expect(ja).toHaveValue(/従業者から誓約書を取得します。/);
  const jaText = (await ja.inputValue())
    .replace('従業者から誓約書を取得します。', '従業者から誓約書の提出を受け、年に1回、個人情報の取扱いに関する研修を行います。')
    .replace('漏えい又は紛失のないよう厳重に管理します。\n', '漏えい又は紛失のないよう厳重に管理します。\n    4. 個人データの漏えい等が生じたときは、個人情報保護委員会への報告及びお客様への通知を速やかに行います。\n');
  await ja.fill(jaText);
  const en = textField(publish, '英語');
  const enText = (await en.inputValue()).replace('obtain a written statement to ensure', 'obtain a written statement and give yearly training to ensure');
  await en.fill(enText);
  await publish.getByRole('button', { name: '公開する' }).click();
  await expect(versions.locator('tbody tr')).toHaveCount(2);
  await expect(versions.locator('tr[data-version="2"]')).toHaveAttribute('data-current', 'true');
  await expect(versions.locator('tr[data-version="2"]')).toContainText(officer.displayName);

  // Both versions chosen by the officer: version 1 on the left, version 2 on the right.
  const compare = page.getByTestId('policy-compare-section');
  await compare.getByRole('combobox', { name: '比べる版（旧）' }).click();
  await page.getByRole('option', { name: /^第1版/ }).click();
  await compare.getByRole('combobox', { name: '比べる版（新）' }).click();
  await page.getByRole('option', { name: /^第2版/ }).click();
  const diff = page.getByTestId('policy-diff');
  await expect(page.getByTestId('diff-summary')).toHaveText('追加・変更された行 2、削除・変更前の行 1');
  // Removed and added text is marked by more than colour: ＋/－ in the margin, strike-through and underline in the line.
  const changedLine = diff.locator('tr[data-change="changed"]').first();
  await expect(changedLine.locator('td[data-side="removed"] del')).toHaveText(['を取得し']);
  await expect(changedLine.locator('td[data-side="added"] ins')).toHaveText(['の提出を受け、年に1回、個人情報の取扱いに関する研修を行い']);
  await expect(diff.locator('tr[data-change="changed"]')).toHaveCount(2);
  await expect(diff.locator('tr[data-change="changed"]').last()).toContainText('＋');
  await expect(diff.locator('tr[data-change="changed"]').last()).toContainText('個人情報保護委員会への報告及びお客様への通知');
  await expect(page.getByTestId('diff-legend')).toContainText('－');
  await expect(page.getByTestId('diff-legend')).toContainText('＋');
  await compare.scrollIntoViewIfNeeded();
  await shootInBothLanguages(desk, page, 'policy-diff');

  await page.getByTestId('diff-language').locator('label').filter({ hasText: '英語' }).click();
  await expect(diff.locator('ins').first()).toContainText('give yearly training');
});

test('a retention run previews counts, is approved, and erases', async ({ page, desk }) => {
  // The host's clock is the real one, so nothing created today is old. A provision made in June 2022 is: the law kept
  // its record three years, until June 2025 (APPI Art. 29, rules Art. 21), and now it is due.
  let provisionId = '';
  await seedDesk(desk, async () => {
    const customer = await desk.ok<{ id: string }>('customers.create', yamada);
    await desk.ok('customers.create', sato);
    const adnet = await desk.ok<Partner>('partners.create', {
      name: '株式会社アドネット',
      address: '東京都港区六本木1-2-3',
      representative: '代表取締役 高橋 健',
      roles: ['advertiser'],
      country: 'JP',
      contractFrom: '2022-04-01',
      securityMeasures: '業務委託契約第12条: アクセス制御、暗号化保存、目的外利用の禁止、契約終了時の消去と報告。',
      contactName: '佐々木 彩',
      contactEmail: 'privacy@adnet.example.jp',
    });
    await desk.ok('provisionConsents.record', { customerId: customer.id, partnerId: adnet.id, givenOn: '2022-05-10', channel: 'web' });
    const provision = await desk.ok<ProvisionDetail>('provisions.create', { partnerId: adnet.id, providedOn: '2022-06-01', items: '氏名、メールアドレス、購入履歴', basis: 'consent', customerNos: ['C-0001'] });
    expect(provision.keepUntil).toBe('2025-06-01');
    provisionId = provision.id;
  });
  await signInAsOfficer(desk, page);
  await openScreen(page, '保存期間と消去');
  await expect(page.getByTestId('retention-outside')).toContainText('監査記録：消去しません');
  await expect(page.getByTestId('retention-outside')).toContainText('本人確認書類の写し');

  // The officer sets customers without activity for 2 years to be erased (today's customers are not among them).
  const periods = page.getByRole('form', { name: '保存期間' });
  await periods.getByRole('switch', { name: '取引のない顧客を期間後に消去する' }).click();
  await periods.getByRole('textbox', { name: '取引のない顧客の保存期間（か月）' }).fill('24');
  await expect(periods.locator('tr[data-kind="inactiveCustomers"]')).toContainText('2年');
  await periods.getByRole('button', { name: '保存する' }).click();
  await expect(page.getByText('保存期間を保存しました。')).toBeVisible();

  // 確認: counts per kind, never who.
  await page.getByTestId('run-preview').click();
  const counts = page.getByTestId('preview-counts');
  await expect(counts.locator('tr[data-kind="provisionRecords"]')).toHaveAttribute('data-count', '1');
  await expect(counts.locator('tr[data-kind="inactiveCustomers"]')).toHaveAttribute('data-count', '0');
  await expect(counts.locator('tr[data-kind="closedRequests"]')).toHaveAttribute('data-count', '0');
  await expect(page.getByTestId('retention-preview')).not.toContainText('C-0001');
  await expect(page.getByTestId('retention-preview')).not.toContainText('山田');
  await shootInBothLanguages(desk, page, 'retention-preview');

  // 消去を実行: the confirmation names the counts and says it cannot be undone.
  await page.getByTestId('run-erase').click();
  const confirm = page.getByTestId('retention-confirm');
  await expect(confirm).toContainText('次の合計1件を消去します。');
  await expect(confirm.getByTestId('confirm-counts').locator('tr')).toHaveCount(1);
  await expect(confirm.getByTestId('confirm-counts')).toContainText('第三者提供の記録');
  await expect(confirm).toContainText('この操作は取り消せません。');
  await shootInBothLanguages(desk, page, 'retention-confirm');
  await confirm.getByRole('button', { name: '1件を消去する' }).click();

  const history = page.getByTestId('retention-history');
  await expect(history.locator('tbody tr').first()).toHaveAttribute('data-state', 'run');
  await expect(history.locator('tbody tr').first().getByTestId('erased-counts')).toHaveText('提供記録 1');
  await expect(page.getByTestId('run-preview')).toBeVisible();
  await shootInBothLanguages(desk, page, 'retention-run');

  // The record is gone, the customers stay, and the audit chain still verifies (asked in the officer's session).
  const gone = await desk.api('provisions.get', { id: provisionId });
  expect(gone.ok ? 'found' : gone.error.code).toBe('NOT_FOUND');
  const customers = await desk.ok<{ total: number }>('customers.search', { query: '', page: 0, pageSize: 50 });
  expect(customers.total).toBe(2);
  const status = await desk.ok<{ chain: { valid: boolean } }>('audit.status', {});
  expect(status.chain.valid).toBe(true);
});
