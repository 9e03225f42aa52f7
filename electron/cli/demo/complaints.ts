// The demo desk's complaints and consultations (APPI Art. 40): a few of an ordinary season, one overdue, one due soon,
// closed ones with and without a handling problem, one linked to the demo correction request and one to the leak incident.
import type { ComplaintDetail } from '../../../src-shared/api/complaints';
import type { Core } from '../../core/core';
import { addDays, localDay } from '../../core/dates';
import { isBusinessDay } from '../../core/requests/business-days';

type Must = <T>(core: Core, method: string, input: unknown) => Promise<T>;

/** The day `n` business days before `day`: a due date that falls where the demo needs it, whatever the calendar. */
function businessDaysBefore(day: string, n: number): string {
  let current = day;
  for (let left = n; left > 0; ) {
    current = addDays(current, -1);
    if (isBusinessDay(current)) left--;
  }
  return current;
}

/** Run by the officer after seedOffice: its customers, correction request and incident are there to link to. */
export async function seedComplaints(core: Core, must: Must): Promise<void> {
  const today = localDay(core.desk.now());
  const { rows: customers } = await must<{ rows: { id: string; name: string }[] }>(core, 'customers.search', { query: '', pageSize: 8 });
  if (customers.length < 6) return;
  const { rows: people } = await must<{ rows: { id: string; role: string }[] }>(core, 'complaints.assignees', {});
  const staff = people.find((p) => p.role === 'staff')?.id;
  const record = (input: Record<string, unknown>) => must<ComplaintDetail>(core, 'complaints.create', { ...(staff ? { handlerId: staff } : {}), ...input });

  // Six weeks ago: the address change that never reached the delivery system, which became the correction request.
  const { rows: corrections } = await must<{ rows: { number: string; receivedOn: string }[] }>(core, 'requests.list', { kind: 'correction' });
  const address = await record({
    kind: 'complaint',
    channel: 'phone',
    receivedOn: corrections[0]?.receivedOn ?? addDays(today, -42),
    subject: '住所変更が反映されず旧住所に配送された',
    content: `${customers[1]!.name}様より入電。サイトで住所を変更したのに、次の注文が旧住所に届いた。登録内容を直してほしい、個人情報の管理体制はどうなっているのか、とのこと。`,
    complainantName: customers[1]!.name,
    customerId: customers[1]!.id,
  });
  if (corrections[0]) await must(core, 'complaints.link', { id: address.id, requestNumber: corrections[0].number });
  await must(core, 'complaints.close', {
    id: address.id,
    response: '配送システムへの住所連携の不具合をお詫びし、登録住所の訂正を請求として受け付けたこと、訂正の完了を書面でお知らせすることを電話で回答。',
    closedOn: addDays(address.receivedOn, 2),
    problemFound: true,
    problemDescription: 'サイトでの住所変更が配送システムに連携されず、旧住所のまま出荷される。',
  });

  // Received twelve business days ago and still unanswered: overdue on the home screen.
  await record({
    kind: 'complaint',
    channel: 'web',
    receivedOn: businessDaysBefore(today, 12),
    subject: '登録していないメールマガジンが届く',
    content: 'Webフォームより。メールマガジンの配信を申し込んだ覚えがないのに毎週届く。どこで登録されたのか説明してほしい。',
    customerId: customers[3]!.id,
  });

  // Due in two business days.
  await record({
    kind: 'complaint',
    channel: 'post',
    receivedOn: businessDaysBefore(today, 8),
    subject: 'ダイレクトメールの送付停止の求め',
    content: '書面にて。今後ダイレクトメールを送らないでほしい。住所をどこから入手したのかも知りたい。',
    complainantName: customers[4]!.name,
    customerId: customers[4]!.id,
  });

  // A question from yesterday, nobody identified.
  await record({
    kind: 'consultation',
    channel: 'email',
    receivedOn: addDays(today, -1),
    subject: '購入履歴の利用目的について',
    content: '購入履歴をどのような目的で使っているのか、広告に使われるのを止めることはできるのか、という問い合わせ。',
  });

  // Answered at the counter, no problem in the handling.
  const counter = await record({
    kind: 'consultation',
    channel: 'counter',
    receivedOn: addDays(today, -20),
    subject: '保有個人データの開示の手続き',
    content: '店頭にて、自分の登録情報を確認する方法と必要な書類について相談。',
  });
  await must(core, 'complaints.close', { id: counter.id, response: '開示請求の方法（本人確認書類、電子での開示）を案内し、請求書式をお渡しした。', closedOn: addDays(today, -20), problemFound: false });

  // The card data in the settlement file came to light through a customer's call: linked to the demo leak incident.
  const { rows: incidents } = await must<{ rows: { number: string }[] }>(core, 'incidents.list', {});
  const call = await record({
    kind: 'complaint',
    channel: 'phone',
    receivedOn: today,
    subject: '決済代行会社から身に覚えのない確認連絡',
    content: '決済代行会社から、カード情報の扱いについて確認の連絡があった。なぜ自分の情報が渡っているのか、とのこと。',
    customerId: customers[3]!.id,
  });
  if (incidents[0]) await must(core, 'complaints.link', { id: call.id, incidentNumber: incidents[0].number });
}
