// The demo desk's education records, made through the desk's own calls: last year's and this year's spring all-staff
// sessions with their slides, and a newcomers' session; a part-timer missed this spring and the newcomer failed the
// test, so the list of the untrained has someone on it.
import type { Core } from '../../core/core';
import { addDays, addYears, localDay } from '../../core/dates';
import { pdfOfPages } from './pdf';

type Must = <T>(core: Core, method: string, input: unknown) => Promise<T>;

interface Account {
  id: string;
  role: string;
  status: string;
  statement: { state: string };
}

/** Slides saved as PDF, a page per slide (ASCII: the demo's PDF has no Japanese font). */
function slides(title: string, points: string[]): { fileName: string; mimeType: string; dataBase64: string } {
  const page = (lines: string[]) => lines.map((line, i) => `BT /F1 ${i === 0 ? 20 : 13} Tf 60 ${760 - i * 34} Td (${line.replace(/[()\\]/g, '')}) Tj ET`).join('\n');
  const pdf = pdfOfPages([page([title, 'Privacy office, demo company']), ...points.map((p, i) => page([`${i + 1}. ${p}`]))]);
  return { fileName: `${title.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}.pdf`, mimeType: 'application/pdf', dataBase64: pdf.toString('base64') };
}

/** The latest 15 April on or before today: the office trains everyone each spring, when the business year starts. */
function lastSpring(today: string): string {
  const spring = `${today.slice(0, 4)}-04-15`;
  return spring <= today ? spring : addYears(spring, -1);
}

export async function seedTraining(core: Core, must: Must): Promise<void> {
  const today = localDay(core.desk.now());
  const { rows } = await must<{ rows: Account[] }>(core, 'accounts.list', {});
  const active = rows.filter((a) => a.status === 'active');
  const officer = active.find((a) => a.role === 'officer');
  const staff = active.filter((a) => a.role === 'staff');
  const auditors = active.filter((a) => a.role === 'auditor');
  if (!officer || staff.length === 0) return;
  // The newcomer is the staff member who has not signed a statement yet.
  const newcomer = staff.find((s) => s.statement.state === 'none');
  const veterans = staff.filter((s) => s !== newcomer);
  const yamaguchi = { personName: '山口 花子', department: '物流センター' };
  const kimura = { personName: '木村 さやか', department: '物流センター' };
  const spring = lastSpring(today);
  const trainer = '南 真美（個人情報保護管理者）';

  await must(core, 'training.record', {
    heldOn: addYears(spring, -1),
    topic: '個人情報保護研修（春季・全社員）',
    trainer,
    notes: '会議室で実施。欠席者なし。',
    attendees: [{ accountId: officer.id }, ...veterans.map((s) => ({ accountId: s.id })), ...auditors.map((a) => ({ accountId: a.id })), yamaguchi, kimura],
    material: slides('Privacy training last year', ['What personal information is', 'Handling customer data at the desk', 'Reporting a leak at once']),
  });
  await must(core, 'training.record', {
    heldOn: spring,
    topic: '個人情報保護研修（春季・全社員）',
    trainer,
    notes: '会議室とオンラインで実施。木村さんは休職中のため欠席（復職後に受講予定）。',
    passMark: 80,
    attendees: [{ accountId: officer.id, score: 96 }, ...veterans.map((s, i) => ({ accountId: s.id, score: 92 - i * 4 })), ...auditors.map((a) => ({ accountId: a.id, score: 88 })), { ...yamaguchi, score: 84 }],
    material: slides('Privacy training this year', ['APPI amendments and our policy', 'Requests from customers: deadlines', 'Partners abroad and consent', 'Leaks: the first 24 hours', 'Comprehension test']),
  });
  if (newcomer) {
    await must(core, 'training.record', {
      heldOn: addDays(today, -14),
      topic: '新入社員向け 個人情報の取扱い研修',
      trainer: '佐藤 健（カスタマーサポート）',
      notes: '入社時研修の一部として実施。不合格者は翌月に再受験。',
      passMark: 80,
      attendees: [{ accountId: newcomer.id, score: 64 }, { personName: '中村 陽菜', department: 'カスタマーサポート', score: 90 }],
      material: slides('Newcomer privacy training', ['Our privacy policy in one page', 'Confidentiality statement', 'Customer data on screen and on paper']),
    });
  }
}
