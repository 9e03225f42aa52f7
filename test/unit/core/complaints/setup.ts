// A desk for the complaints register's tests: the officer, a staff member with a statement on file, the customers, and a
// phone complaint as the customer support desk takes it.
import type { ComplaintDetail, ComplaintInput } from '../../../../src-shared/api/complaints';
import { en } from '../../../../renderer/src/i18n/en';
import { complaintsEn } from '../../../../renderer/src/i18n/en/complaints';
import { customersEn } from '../../../../renderer/src/i18n/en/customers';
import { requestsEn } from '../../../../renderer/src/i18n/en/requests';
import { ja } from '../../../../renderer/src/i18n/ja';
import { complaintsJa } from '../../../../renderer/src/i18n/ja/complaints';
import { customersJa } from '../../../../renderer/src/i18n/ja/customers';
import { requestsJa } from '../../../../renderer/src/i18n/ja/requests';
import type { TestDesk } from '../../helpers/desk';
import { setUpRequestDesk } from '../requests/setup';

export { auditRows, clockTo, verifyIdentity } from '../requests/setup';

export interface ComplaintDesk {
  desk: TestDesk;
  staffId: string;
  /** Customer ids by customer number. */
  customers: Record<string, string>;
}

/** Signed in as the staff member, who has a current statement. */
export async function setUpComplaintDesk(): Promise<ComplaintDesk> {
  return setUpRequestDesk();
}

/**
 * 山田 太郎 rings on Friday 20 November 2026: the parcel went to his old address although he changed it on the site.
 * His words name him, his new address and his phone: none of it may reach the audit trail.
 */
export function wrongAddressCall(customerId?: string): ComplaintInput {
  return {
    kind: 'complaint',
    channel: 'phone',
    receivedOn: '2026-11-20',
    subject: '登録住所の変更が反映されていない',
    content: '山田太郎様より入電。10月にサイトで住所を世田谷区若林4-5-6へ変更したのに、11月の注文が旧住所の神宮前1-2-3に届いた。住所を直してほしい、個人情報の管理はどうなっているのか、とのこと。',
    complainantName: '山田 太郎',
    complainantContact: '090-1234-5678',
    ...(customerId ? { customerId } : {}),
  };
}

/** Words of the complaint that must never appear in the audit trail. */
export const wrongAddressTraces = [/山田/, /太郎/, /若林/, /神宮前/, /090-?1234-?5678/, /旧住所/];

export function record(desk: TestDesk, input: ComplaintInput): Promise<ComplaintDetail> {
  return desk.ok<ComplaintDetail>('complaints.create', input);
}

/** The sentence a window shows for a key (`errors.complaint.closed`, `fieldErrors.complaint.linkOne`), per language. */
export function sentence(language: 'ja' | 'en', key: string): string | undefined {
  const bundles = language === 'ja' ? [ja, complaintsJa, customersJa, requestsJa] : [en, complaintsEn, customersEn, requestsEn];
  for (const bundle of bundles) {
    const found = key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), bundle);
    if (typeof found === 'string') return found;
  }
  return undefined;
}
