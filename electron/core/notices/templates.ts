// The wording of the notices to the person, in Japanese and English: what the company tells them at each step.
import type { ManagerInCharge } from '../../../src-shared/domain';
import { localDay } from '../dates';
import type { CorrectableField, DisclosureForm, NoticeKind, NoticeLanguage, RefusalGround, RequestKind } from '../../../src-shared/requests';

/** What a notice may say about its request: the number, dates and what was done, and only the addressee's name. */
export interface NoticeFacts {
  number: string;
  requestKind: RequestKind;
  /** The person (or their proxy) the notice is addressed to; null once the request's copy of it was erased. */
  addressee: string | null;
  /** For a cessation per purpose: the purpose's title in the notice's language. */
  purposeTitle: string | null;
  receivedOn: string;
  dueOn: string;
  extension: { dueOn: string; reason: string } | null;
  result: NoticeResult | null;
  refusal: { ground: RefusalGround | null; text: string | null } | null;
}

export type NoticeResult =
  | { kind: 'disclosure'; form: DisclosureForm; preparedOn: string | null }
  | { kind: 'correction'; fields: CorrectableField[]; on: string }
  | { kind: 'erasure'; on: string }
  | { kind: 'cessation'; since: string };

export const fieldLabels: Record<NoticeLanguage, Record<CorrectableField, string>> = {
  ja: {
    name: '氏名',
    nameKana: 'フリガナ',
    nameRomaji: '氏名（ローマ字）',
    birthDate: '生年月日',
    postalCode: '郵便番号',
    prefecture: '都道府県',
    city: '市区町村',
    addressLine1: '住所（番地）',
    addressLine2: '住所（建物名等）',
    phones: '電話番号',
    emails: 'メールアドレス',
  },
  en: {
    name: 'name',
    nameKana: 'name in kana',
    nameRomaji: 'name in Latin letters',
    birthDate: 'date of birth',
    postalCode: 'postal code',
    prefecture: 'prefecture',
    city: 'city',
    addressLine1: 'address',
    addressLine2: 'address (building)',
    phones: 'phone numbers',
    emails: 'e-mail addresses',
  },
};

const requestKindLabels: Record<NoticeLanguage, Record<RequestKind, string>> = {
  ja: {
    disclosure: '保有個人データの開示（第三者提供記録の開示を含みます）',
    correction: '保有個人データの内容の訂正・追加・削除',
    erasure: '保有個人データの消去',
    cessationOfUse: '保有個人データの利用停止',
    cessationOfProvision: '保有個人データの第三者への提供の停止',
    cessationOfPurpose: '利用目的ごとの利用停止',
  },
  en: {
    disclosure: 'disclosure of your retained personal data (including the records of provision to third parties)',
    correction: 'correction, addition or deletion of the content of your retained personal data',
    erasure: 'erasure of your retained personal data',
    cessationOfUse: 'cessation of the use of your retained personal data',
    cessationOfProvision: 'cessation of the provision of your retained personal data to third parties',
    cessationOfPurpose: 'cessation of use for a purpose',
  },
};

/** APPI Art. 36: the reason for not acting, told in plain words with the article it rests on. */
export const refusalGroundTexts: Record<NoticeLanguage, Record<RefusalGround, string>> = {
  ja: {
    harmToPerson: '開示することにより、ご本人または第三者の生命、身体、財産その他の権利利益を害するおそれがあるため（個人情報の保護に関する法律 第33条第2項第1号）',
    hindranceToBusiness: '開示することにより、当社の業務の適正な実施に著しい支障を及ぼすおそれがあるため（個人情報の保護に関する法律 第33条第2項第2号）',
    breachOfOtherLaw: '開示することが他の法令に違反することとなるため（個人情報の保護に関する法律 第33条第2項第3号）',
    contentIsAccurate: '調査の結果、保有個人データの内容が事実であることを確認したため（個人情報の保護に関する法律 第34条）',
    requirementsNotMet: '利用停止・消去・第三者提供の停止について法律の定める要件に該当しないため（個人情報の保護に関する法律 第35条）',
    alternativeMeasureTaken:
      '利用停止等に多額の費用を要するなど対応が困難であり、これに代わるご本人の権利利益を保護するための措置を講じたため（個人情報の保護に関する法律 第35条ただし書）',
    identityNotVerified: 'ご本人（または代理人の権限）を確認することができなかったため（個人情報の保護に関する法律 第37条）',
    noDataHeld: 'ご請求に係る保有個人データを当社が保有していないため（個人情報の保護に関する法律 第33条第3項）',
  },
  en: {
    harmToPerson: 'Disclosure could harm the life, body, property or other rights and interests of you or a third party (Act on the Protection of Personal Information, Article 33(2)(i)).',
    hindranceToBusiness: 'Disclosure could seriously hinder the proper conduct of our business (Act on the Protection of Personal Information, Article 33(2)(ii)).',
    breachOfOtherLaw: 'Disclosure would violate another law (Act on the Protection of Personal Information, Article 33(2)(iii)).',
    contentIsAccurate: 'Our investigation found the content of the data to be accurate (Act on the Protection of Personal Information, Article 34).',
    requirementsNotMet: 'The conditions the law sets for ceasing use, erasure or ceasing provision are not met (Act on the Protection of Personal Information, Article 35).',
    alternativeMeasureTaken:
      'Ceasing use or erasing the data would be very costly or otherwise difficult, and we have instead taken a measure that protects your rights and interests (Act on the Protection of Personal Information, Article 35, proviso).',
    identityNotVerified: 'We could not confirm your identity (or the authority of your proxy) (Act on the Protection of Personal Information, Article 37).',
    noDataHeld: 'We hold no retained personal data about you covered by the request (Act on the Protection of Personal Information, Article 33(3)).',
  },
};

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2026-12-15` (or an instant, taken on the workstation's calendar) as the person reads it: 2026年12月15日, 15 December 2026. */
export function formatDay(day: string, language: NoticeLanguage): string {
  const [y, m, d] = (day.length > 10 ? localDay(new Date(day)) : day).split('-').map(Number) as [number, number, number];
  return language === 'ja' ? `${y}年${m}月${d}日` : `${d} ${months[m - 1]} ${y}`;
}

function kindLabel(facts: NoticeFacts, language: NoticeLanguage): string {
  const label = requestKindLabels[language][facts.requestKind];
  if (facts.requestKind !== 'cessationOfPurpose' || !facts.purposeTitle) return label;
  return language === 'ja' ? `${label}（${facts.purposeTitle}）` : `${label} (${facts.purposeTitle})`;
}

const subjects: Record<NoticeLanguage, Record<NoticeKind, string>> = {
  ja: {
    receipt: '個人情報に関するご請求の受付のお知らせ',
    extension: 'ご回答の期限の延長のお知らせ',
    result: '個人情報に関するご請求への対応結果のお知らせ',
    refusal: '個人情報に関するご請求へのご回答',
  },
  en: {
    receipt: 'We have received your request about your personal information',
    extension: 'We need more time to answer your request',
    result: 'We have carried out your request about your personal information',
    refusal: 'Our answer to your request about your personal information',
  },
};

/** APPI Art. 32: the manager-in-charge's name and contact close every notice. */
function signature(manager: ManagerInCharge, language: NoticeLanguage): string {
  const rule = '――――――――――――――――――――――――――――――';
  if (language === 'ja') {
    const title = manager.title && manager.title !== '個人情報保護管理者' ? `（${manager.title}）` : '';
    return [rule, '個人情報に関するお問い合わせ窓口', `個人情報保護管理者　${manager.name}${title}`, `メール: ${manager.email}`, `電話: ${manager.phone}`, rule].join('\n');
  }
  const title = manager.title ? `, ${manager.title}` : '';
  return [rule, 'Contact for personal information', `Manager-in-charge of personal information: ${manager.name}${title}`, `E-mail: ${manager.email}`, `Phone: ${manager.phone}`, rule].join('\n');
}

function resultLinesJa(result: NoticeResult, facts: NoticeFacts): string[] {
  switch (result.kind) {
    case 'disclosure': {
      const how = result.form === 'paper' ? '書面（郵送）' : '電磁的記録（PDFファイル及びJSONファイル）の提供';
      const prepared = result.preparedOn ? [`　開示資料の作成日: ${formatDay(result.preparedOn, 'ja')}`] : [];
      return [`ご請求いただいた保有個人データ及び第三者提供記録について、${how}により開示いたします。`, ...prepared];
    }
    case 'correction': {
      const fields = result.fields.map((f) => fieldLabels.ja[f]).join('、');
      return [`${formatDay(result.on, 'ja')}付で、ご請求に基づき保有個人データの内容を訂正いたしました。`, `　訂正した項目: ${fields || '（ご請求の内容のとおり）'}`];
    }
    case 'erasure':
      return [
        `${formatDay(result.on, 'ja')}付で、当社が保有するお客様の個人データを消去いたしました。`,
        'なお、法令により保存が義務付けられている記録に限り、必要最小限の項目を保存期間の満了まで保管いたします。',
      ];
    case 'cessation': {
      const what =
        facts.requestKind === 'cessationOfProvision'
          ? 'お客様の保有個人データの第三者への提供'
          : facts.requestKind === 'cessationOfPurpose' && facts.purposeTitle
            ? `「${facts.purposeTitle}」の目的でのお客様の保有個人データの利用`
            : 'お客様の保有個人データの利用';
      return [`${formatDay(result.since, 'ja')}より、${what}を停止いたしました。`];
    }
  }
}

function resultLinesEn(result: NoticeResult, facts: NoticeFacts): string[] {
  switch (result.kind) {
    case 'disclosure': {
      const how = result.form === 'paper' ? 'in writing, by post' : 'electronically, as a PDF file and a JSON file';
      const prepared = result.preparedOn ? [`  Disclosure prepared on: ${formatDay(result.preparedOn, 'en')}`] : [];
      return [`We disclose the retained personal data and the records of provision to third parties that you asked for ${how}.`, ...prepared];
    }
    case 'correction': {
      const fields = result.fields.map((f) => fieldLabels.en[f]).join(', ');
      return [`On ${formatDay(result.on, 'en')} we corrected the content of your retained personal data as you asked.`, `  Corrected: ${fields || '(as requested)'}`];
    }
    case 'erasure':
      return [
        `On ${formatDay(result.on, 'en')} we erased the personal data about you that we held.`,
        'Only records that the law obliges us to keep are kept, with the fewest items possible, until their keeping period ends.',
      ];
    case 'cessation': {
      const what =
        facts.requestKind === 'cessationOfProvision'
          ? 'the provision of your retained personal data to third parties'
          : facts.requestKind === 'cessationOfPurpose' && facts.purposeTitle
            ? `the use of your retained personal data for "${facts.purposeTitle}"`
            : 'the use of your retained personal data';
      return [`From ${formatDay(result.since, 'en')} we have stopped ${what}.`];
    }
  }
}

function bodyJa(kind: NoticeKind, facts: NoticeFacts): string[] {
  const label = kindLabel(facts, 'ja');
  const ref = [`　受付番号: ${facts.number}`, `　ご請求の内容: ${label}`, `　受付日: ${formatDay(facts.receivedOn, 'ja')}`];
  switch (kind) {
    case 'receipt':
      return [
        `このたびは、${label}のご請求をお寄せいただきました。下記のとおり受け付けいたしましたので、お知らせいたします。`,
        '',
        ...ref,
        `　ご回答予定日: ${formatDay(facts.dueOn, 'ja')}`,
        '',
        'ご本人確認のため、本人確認書類のご提出をお願いする場合がございます。内容を確認のうえ、遅滞なく対応いたします。',
      ];
    case 'extension':
      return [
        `先日受け付けいたしました${label}のご請求につきまして、誠に恐縮ではございますが、下記の理由によりご回答の期限を延長させていただきたく、お知らせいたします。`,
        '',
        ...ref,
        `　新たなご回答予定日: ${formatDay(facts.extension!.dueOn, 'ja')}`,
        `　延長の理由: ${facts.extension!.reason}`,
        '',
        'お待たせいたしますことを深くお詫び申し上げます。',
      ];
    case 'result':
      return [`先日受け付けいたしました${label}のご請求につきまして、下記のとおり対応いたしましたので、お知らせいたします。`, '', ...ref, '', ...resultLinesJa(facts.result!, facts)];
    case 'refusal': {
      const { ground, text } = facts.refusal!;
      return [
        `先日受け付けいたしました${label}のご請求につきまして、慎重に検討いたしました結果、誠に恐縮ではございますが、ご請求のとおりに対応することができないとの結論に至りました。`,
        '個人情報の保護に関する法律第36条に基づき、その理由を下記のとおりご説明いたします。',
        '',
        ...ref,
        ...(ground ? [`　理由: ${refusalGroundTexts.ja[ground]}`] : []),
        ...(text ? [`　補足: ${text}`] : []),
      ];
    }
  }
}

function bodyEn(kind: NoticeKind, facts: NoticeFacts): string[] {
  const label = kindLabel(facts, 'en');
  const ref = [`  Request number: ${facts.number}`, `  Request: ${label}`, `  Received on: ${formatDay(facts.receivedOn, 'en')}`];
  switch (kind) {
    case 'receipt':
      return [
        `Thank you for your request for ${label}. We have received it as follows.`,
        '',
        ...ref,
        `  We expect to answer by: ${formatDay(facts.dueOn, 'en')}`,
        '',
        'We may ask you for a copy of an identity document to confirm that the request is yours. We will deal with it without delay.',
      ];
    case 'extension':
      return [
        `We are sorry to tell you that we need more time to answer your request for ${label}, for the reason below.`,
        '',
        ...ref,
        `  New date of our answer: ${formatDay(facts.extension!.dueOn, 'en')}`,
        `  Reason: ${facts.extension!.reason}`,
        '',
        'We apologise for keeping you waiting.',
      ];
    case 'result':
      return [`We have dealt with your request for ${label} as follows.`, '', ...ref, '', ...resultLinesEn(facts.result!, facts)];
    case 'refusal': {
      const { ground, text } = facts.refusal!;
      return [
        `We have carefully considered your request for ${label}, and we regret that we cannot act on it as you asked.`,
        'As Article 36 of the Act on the Protection of Personal Information requires, we explain the reason below.',
        '',
        ...ref,
        ...(ground ? [`  Reason: ${refusalGroundTexts.en[ground]}`] : []),
        ...(text ? [`  Further explanation: ${text}`] : []),
      ];
    }
  }
}

/** The notice's subject and body; the request number leads the subject so a reply finds its request. */
export function composeNotice(kind: NoticeKind, language: NoticeLanguage, facts: NoticeFacts, manager: ManagerInCharge): { subject: string; body: string } {
  if (language === 'ja') {
    const subject = `【${facts.number}】${subjects.ja[kind]}`;
    const body = [
      facts.addressee ? `${facts.addressee} 様` : 'お客様',
      '',
      '平素より格別のお引き立てを賜り、誠にありがとうございます。',
      '',
      ...bodyJa(kind, facts),
      '',
      '本件についてお問い合わせの際は、受付番号をお書き添えのうえ、下記の窓口までご連絡くださいますようお願いいたします。',
      '',
      signature(manager, 'ja'),
    ];
    return { subject, body: body.join('\n') + '\n' };
  }
  const subject = `[${facts.number}] ${subjects.en[kind]}`;
  const body = [
    `Dear ${facts.addressee ?? 'Customer'},`,
    '',
    ...bodyEn(kind, facts),
    '',
    'If you contact us about this request, please quote the request number. We are glad to help.',
    '',
    'Yours sincerely,',
    '',
    signature(manager, 'en'),
  ];
  return { subject, body: body.join('\n') + '\n' };
}
