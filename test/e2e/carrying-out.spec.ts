// Carrying out an approved request (issue #5): an erasure waits for the company's other systems, and a marketing
// cessation takes the customer off the marketing list the moment it is approved.
import type { Page } from '@playwright/test';
import type { RequestIntake } from '../../src-shared/api/requests';
import type { AuditRow } from '../../src-shared/domain';
import type { RequestDetail } from '../../src-shared/requests';
import { yamada } from '../fixtures/customers';
import { licencePhoto } from '../fixtures/id-copies';
import { asUpload, scannedPdf } from '../fixtures/scans';
import { expect, mainMenu, officer, shootInBothLanguages, signInAs, test, textField, type Desk } from './fixtures';

const staff = { displayName: '北川 翔', loginId: 'kitagawa', department: 'カスタマーサポート部', temporaryPassword: 'Kari-Pasu-Waado-5521' };
const staffPassword = 'kitagawa-no-himitsu-2026';

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}


/**
 * The office as it stands when the journey starts: Yamada (known to the mail delivery system, with a marketing
 * consent), the order and mail systems with their owners, and Yamada's request of the given kind, its ID copy
 * verified and the staff member's proposal waiting for the officer.
 */
async function requestAwaitingDecision(desk: Desk, ask: Pick<RequestIntake, 'kind' | 'purposeId'>, proposal: object): Promise<RequestDetail> {
  await desk.setUpOfficer();
  await desk.ok('auth.login', { loginId: officer.loginId, password: officer.password });
  const { id: customerId } = await desk.ok<{ id: string }>('customers.create', {
    ...yamada,
    identifiers: [...(yamada.identifiers ?? []), { kind: 'cookie', value: 'mlsub-7f3a9c21', system: 'mail-delivery' }],
    consents: [...(yamada.consents ?? []), { purposeId: '3.6', on: '2024-05-01', channel: 'web' }],
  });
  await desk.ok('systems.save', { name: '受注管理システム', key: 'order', ownerName: '井上 健', ownerContact: 'inoue@example.co.jp', holdsEveryCustomer: true });
  await desk.ok('systems.save', { name: 'メール配信システム', key: 'mail-delivery', ownerName: '森 由香', ownerContact: 'mori@example.co.jp', holdsEveryCustomer: false });
  const { id: staffId } = await desk.ok<{ id: string }>('accounts.create', { ...staff, role: 'staff' });
  await desk.ok('statements.record', { accountId: staffId, templateVersion: 1, signedOn: today(), trainingOn: today(), scan: asUpload(scannedPdf(), 'seiyakusho.pdf', 'application/pdf') });
  const request = await desk.ok<RequestDetail>('requests.create', {
    ...ask,
    channel: 'email',
    receivedOn: today(),
    requesterKind: 'person',
    requester: { name: '山田 太郎', email: 'yamada.taro@example.jp', birthDate: '1985-04-12' },
    asked: ask.kind === 'erasure' ? '私の個人情報をすべて消去してください。' : 'メールマガジンなどの広告の送付をやめてください。',
    customerId,
  });
  const attached = await desk.ok<RequestDetail>('idcopies.attach', {
    requestId: request.id,
    documentType: 'driversLicence',
    image: { mediaType: 'image/jpeg', dataBase64: (await licencePhoto()).toString('base64') },
    redactions: [{ x: 0.03, y: 0.76, width: 0.57, height: 0.12 }],
  });
  await desk.ok('idcopies.verify', { id: attached.idCopies[0]!.id, nameMatches: true, addressMatches: true, birthDateMatches: true, result: 'verified' });
  await desk.ok('auth.logout');
  // The staff member proposes: the officer, who did not, decides.
  await desk.ok('auth.login', { loginId: staff.loginId, password: staff.temporaryPassword });
  await desk.ok('auth.changePassword', { currentPassword: staff.temporaryPassword, newPassword: staffPassword });
  const proposed = await desk.ok<RequestDetail>('proposals.create', { requestId: request.id, ...proposal });
  await desk.ok('auth.logout');
  return proposed;
}

async function signInAsOfficer(desk: Desk, page: Page): Promise<void> {
  await desk.open(page);
  await signInAs(page, officer.loginId, officer.password);
  await expect(page.getByTestId('signed-in-name')).toHaveText(officer.displayName);
}

async function openRequest(page: Page, number: string): Promise<void> {
  await mainMenu(page).getByRole('button', { name: '請求一覧', exact: true }).click();
  await page.locator(`tr[data-number="${number}"]`).click();
  await expect(page.getByTestId('request-view')).toHaveAttribute('data-number', number);
}

async function approveProposal(page: Page): Promise<void> {
  await page.getByTestId('proposals-panel').getByRole('button', { name: '承認する' }).click();
  await page.getByRole('dialog', { name: '提案を承認しますか' }).getByRole('button', { name: '承認して実行する' }).click();
  await expect(page.getByTestId('proposals-panel').getByTestId('proposal')).toHaveAttribute('data-state', 'approved');
}

test("an approved erasure completes only when the order and mail systems' owners have answered", async ({ page, desk }) => {
  const request = await requestAwaitingDecision(desk, { kind: 'erasure' }, { kind: 'erase' });
  await signInAsOfficer(desk, page);
  await openRequest(page, request.number);
  await approveProposal(page);

  // One task per system that holds Yamada: the order system holds every customer, the mail system knows his cookie.
  const tasks = page.getByTestId('request-tasks');
  await expect(tasks.locator('[data-task-state="open"]')).toHaveCount(2);
  await expect(page.getByTestId('action-complete')).toBeDisabled();
  await expect(page.getByTestId('completion-blockers')).toContainText('社内システムの責任者の対応完了の確認が残っています。');
  await shootInBothLanguages(desk, page, 'requests-erasure-tasks');

  // The order system's owner reports the deletion done; the officer records it with the evidence.
  await tasks.locator('[data-system="受注管理システム"]').getByRole('button', { name: '対応完了を記録' }).click();
  const confirm = page.getByRole('dialog', { name: '受注管理システム: 対応完了の記録' });
  await expect(textField(confirm, '対応を確認した人')).toHaveValue('井上 健');
  await confirm.getByRole('textbox', { name: /対応の証跡/ }).fill('チケット ORD-2291 で削除完了の報告（11月25日 15:10 のメール）');
  await confirm.getByRole('button', { name: '記録する' }).click();
  await expect(tasks.locator('[data-system="受注管理システム"]')).toHaveAttribute('data-task-state', 'confirmed');
  await expect(page.getByTestId('action-complete')).toBeDisabled();

  // The mail system kept nothing beyond the cookie, already expired: the officer waives it, with the reason.
  await tasks.locator('[data-system="メール配信システム"]').getByRole('button', { name: '対応不要とする' }).click();
  const waive = page.getByRole('dialog', { name: 'メール配信システム: 対応不要とする' });
  await waive.getByRole('textbox', { name: /対応不要の理由/ }).fill('配信停止済みで、識別子は90日で自動削除される設定のため');
  await waive.getByRole('button', { name: '対応不要とする' }).click();
  await expect(tasks.locator('[data-system="メール配信システム"]')).toHaveAttribute('data-task-state', 'waived');

  await page.getByTestId('action-complete').click();
  await expect(page.getByTestId('request-view')).toHaveAttribute('data-state', 'completed');

  // The audit trail says who confirmed which system's task and when, by ids, and who waived the other.
  const events = await desk.ok<{ rows: AuditRow[] }>('audit.search', { order: 'oldest', pageSize: 200 });
  const confirmed = events.rows.find((e) => e.action === 'tasks.confirm');
  const waived = events.rows.find((e) => e.action === 'tasks.waive');
  expect(confirmed).toMatchObject({ outcome: 'ok', actorName: officer.displayName, targetType: 'task' });
  expect(waived).toMatchObject({ outcome: 'ok', actorName: officer.displayName, targetType: 'task' });
  expect(Date.parse(confirmed!.at)).toBeLessThanOrEqual(Date.parse(waived!.at));
  expect(JSON.stringify(events.rows)).not.toMatch(/井上|ORD-2291|山田|yamada\.taro/);
});

test('a marketing cessation takes the customer off the marketing list the moment it is approved', async ({ page, desk }) => {
  const request = await requestAwaitingDecision(desk, { kind: 'cessationOfPurpose', purposeId: '3.6' }, { kind: 'cease' });
  await signInAsOfficer(desk, page);
  const marketingList = async () => {
    await mainMenu(page).getByRole('button', { name: 'マーケティング配信リスト', exact: true }).click();
    return page.getByRole('table');
  };
  await expect(await marketingList()).toContainText('山田 太郎');

  await openRequest(page, request.number);
  await approveProposal(page);
  await expect(await marketingList()).not.toContainText('山田 太郎');
  await expect(page.getByTestId('customer-count')).toHaveText('0件');
});
