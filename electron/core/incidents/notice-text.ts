// The wording of the notice to a person affected by a leak, in Japanese and English (APPI Art. 26(2), rules Art. 10).
import type { ManagerInCharge } from '../../../src-shared/domain';
import type { IncidentDataCategory } from '../../../src-shared/registers';
import { formatDay } from '../notices/templates';

type Language = 'ja' | 'en';

/** What the notice may say: the incident's own facts and only the addressee's name. */
export interface IncidentNoticeFacts {
  number: string;
  addressee: string;
  discoveredAt: string;
  summary: string;
  categories: readonly IncidentDataCategory[];
  cause: string;
  measures: string;
}

export const categoryLabels: Record<Language, Record<IncidentDataCategory, string>> = {
  ja: {
    specialCare: '要配慮個人情報',
    financial: 'クレジットカード番号・口座情報等の決済に関する情報',
    name: '氏名',
    contact: '電話番号・メールアドレス等の連絡先',
    address: '住所',
    birthDate: '生年月日',
    purchaseHistory: 'ご購入の履歴',
    credentials: 'ログインID・パスワード',
    other: 'その他の情報',
  },
  en: {
    specialCare: 'special-care-required personal information',
    financial: 'payment card or bank account information',
    name: 'your name',
    contact: 'your contact details (phone number, e-mail address)',
    address: 'your address',
    birthDate: 'your date of birth',
    purchaseHistory: 'your purchase history',
    credentials: 'your login ID and password',
    other: 'other information',
  },
};

/** What the person can do themselves, for the data that leaked: rules Art. 10 asks for what helps prevent further harm. */
const advice: Record<Language, Record<'financial' | 'credentials' | 'phishing' | 'always', string>> = {
  ja: {
    financial: 'カードのご利用明細・口座の取引履歴をご確認いただき、身に覚えのないご利用がございましたら、カード会社・金融機関へご連絡ください。',
    credentials: '同じパスワードを他のサービスでもご利用の場合は、お早めに変更されることをお勧めいたします。',
    phishing: '当社を装った不審なメールや電話にご注意ください。当社からパスワードやカード番号をお尋ねすることはございません。',
    always: 'ご不明な点や、不審な連絡・被害にお気づきの点がございましたら、下記の窓口までご連絡ください。',
  },
  en: {
    financial: 'Please check your card and bank statements, and tell your card company or bank of any use you do not recognise.',
    credentials: 'If you use the same password for other services, we recommend that you change it soon.',
    phishing: 'Please beware of e-mails or calls that claim to come from us: we never ask for your password or card number.',
    always: 'If anything is unclear, or you notice a suspicious contact or any harm, please contact us at the address below.',
  },
};

function adviceFor(categories: readonly IncidentDataCategory[], language: Language): string[] {
  const texts = advice[language];
  const keys: (keyof typeof texts)[] = [];
  if (categories.includes('financial')) keys.push('financial');
  if (categories.includes('credentials')) keys.push('credentials');
  // A name or an address, with or without contact details, invites phishing all the same.
  if (categories.some((c) => c === 'contact' || c === 'name' || c === 'address')) keys.push('phishing');
  keys.push('always');
  return keys.map((k) => texts[k]);
}

/** APPI Art. 32: the manager-in-charge's name and contact close the notice, as they close every notice. */
function signature(manager: ManagerInCharge, language: Language): string[] {
  const rule = '――――――――――――――――――――――――――――――';
  if (language === 'ja') {
    const title = manager.title && manager.title !== '個人情報保護管理者' ? `（${manager.title}）` : '';
    return [rule, '個人情報に関するお問い合わせ窓口', `個人情報保護管理者　${manager.name}${title}`, `メール: ${manager.email}`, `電話: ${manager.phone}`, rule];
  }
  const title = manager.title ? `, ${manager.title}` : '';
  return [rule, 'Contact for personal information', `Manager-in-charge of personal information: ${manager.name}${title}`, `E-mail: ${manager.email}`, `Phone: ${manager.phone}`, rule];
}

const indent = (text: string, by: string) => text.split('\n').map((line) => `${by}${line}`);

/** The subject leads with the incident number, so a reply or a call finds its incident. */
export function composeIncidentNotice(language: Language, facts: IncidentNoticeFacts, manager: ManagerInCharge): { subject: string; body: string } {
  if (language === 'ja') {
    const items = facts.categories.map((c) => categoryLabels.ja[c]).join('、');
    const body = [
      `${facts.addressee} 様`,
      '',
      '平素より格別のお引き立てを賜り、誠にありがとうございます。',
      '',
      'このたび、当社がお預かりしているお客様の個人情報について、漏えい等が発生した（またはそのおそれがある）ことが判明いたしました。',
      'お客様に多大なご迷惑とご心配をおかけしますことを、深くお詫び申し上げます。',
      '個人情報の保護に関する法律第26条第2項に基づき、下記のとおりお知らせいたします。',
      '',
      '１．発生した事態の概要',
      `　事案番号: ${facts.number}`,
      `　判明した日: ${formatDay(facts.discoveredAt, 'ja')}`,
      ...indent(facts.summary, '　'),
      '',
      '２．漏えい等のおそれがある個人情報の項目',
      `　${items}`,
      '',
      '３．原因',
      ...indent(facts.cause || '現在調査中です。判明しだい改めてお知らせいたします。', '　'),
      '',
      '４．当社の対応',
      ...indent(facts.measures || '事実関係の調査と再発防止策の検討を進めております。', '　'),
      '',
      '５．お客様へのお願い',
      ...adviceFor(facts.categories, 'ja').map((t) => `　${t}`),
      '',
      '本件についてお問い合わせの際は、事案番号をお書き添えくださいますようお願いいたします。',
      '',
      ...signature(manager, 'ja'),
    ];
    return { subject: `【${facts.number}】個人情報の漏えい等に関するお知らせとお詫び`, body: body.join('\n') + '\n' };
  }
  const items = facts.categories.map((c) => categoryLabels.en[c]).join(', ');
  const body = [
    `Dear ${facts.addressee},`,
    '',
    'We have learned that personal information about you that we hold has been, or may have been, leaked, lost or damaged.',
    'We sincerely apologise for the concern and inconvenience this causes you.',
    'As Article 26(2) of the Act on the Protection of Personal Information requires, we tell you the following.',
    '',
    '1. What happened',
    `  Incident number: ${facts.number}`,
    `  Discovered on: ${formatDay(facts.discoveredAt, 'en')}`,
    ...indent(facts.summary, '  '),
    '',
    '2. The information concerned',
    `  ${items}`,
    '',
    '3. The cause',
    ...indent(facts.cause || 'We are still investigating and will tell you once we know.', '  '),
    '',
    '4. What we have done',
    ...indent(facts.measures || 'We are investigating the facts and working on measures to prevent a recurrence.', '  '),
    '',
    '5. What you can do',
    ...adviceFor(facts.categories, 'en').map((t) => `  ${t}`),
    '',
    'If you contact us about this incident, please quote the incident number.',
    '',
    'Yours sincerely,',
    '',
    ...signature(manager, 'en'),
  ];
  return { subject: `[${facts.number}] Notice and apology: an incident involving your personal information`, body: body.join('\n') + '\n' };
}
