// The crash test's desk, set up once: two officers (four eyes: one proposes, the other decides), a staff member with a
// statement on file, a few customers; and the accounts, the ID-copy picture and the import file the worker uses.
import sharp from 'sharp';
import type { Core } from '../core/core';
import { createCore } from '../core/core';
import { localDay } from '../core/dates';
import { demoPdf } from './demo/pdf';

export interface CrashAccount {
  loginId: string;
  password: string;
}

export const crashAccounts = {
  officer: { loginId: 'minami', displayName: '南 真美', password: 'crash-officer-2026-minami' },
  secondOfficer: { loginId: 'kitamura', displayName: '北村 理沙', password: 'crash-officer-2026-kitamura' },
  staff: { loginId: 'sato', displayName: '佐藤 健', password: 'crash-staff-2026-sato' },
} as const;

/** The shop's CSV header, as its system writes it; the import guesses every column from it. */
export const shopHeader = ['顧客番号', '氏名', 'フリガナ', '生年月日', '郵便番号', '都道府県', '市区町村', '住所1', '住所2', '電話番号', 'メールアドレス', '同意（3.6）'];

const families = [
  ['山田', 'ヤマダ'],
  ['佐藤', 'サトウ'],
  ['鈴木', 'スズキ'],
  ['高橋', 'タカハシ'],
  ['田中', 'タナカ'],
  ['伊藤', 'イトウ'],
] as const;
const givens = [
  ['太郎', 'タロウ'],
  ['花子', 'ハナコ'],
  ['健', 'ケン'],
  ['美咲', 'ミサキ'],
] as const;

/** A person of the shop numbered `n` (customer number given): the same n gives the same person. */
export function shopPerson(customerNo: string, n: number) {
  const [family, familyKana] = families[n % families.length]!;
  const [given, givenKana] = givens[Math.floor(n / families.length) % givens.length]!;
  return {
    customerNo,
    name: `${family} ${given}`,
    nameKana: `${familyKana} ${givenKana}`,
    birthDate: `19${60 + (n % 40)}-0${1 + (n % 9)}-1${n % 10}`,
    postalCode: '150-0001',
    prefecture: '東京都',
    city: '渋谷区',
    addressLine1: `神宮前${1 + (n % 6)}-${1 + (n % 20)}-${n % 50}`,
    phone: `090-${String(1000 + (n % 9000)).padStart(4, '0')}-${String(n % 10000).padStart(4, '0')}`,
    email: `${customerNo.toLowerCase()}@example.jp`,
  };
}

/** A CSV row of the shop header for a person; `badDate` makes the row one the import refuses. */
export function shopRow(person: ReturnType<typeof shopPerson>, badDate = false): string[] {
  return [person.customerNo, person.name, person.nameKana, badDate ? '2023-02-30' : person.birthDate, person.postalCode, person.prefecture, person.city, person.addressLine1, '', person.phone, person.email, ''];
}

/** UTF-8 with a BOM and CRLF, as Excel in Japan writes it. */
export function shopCsv(rows: string[][]): Buffer {
  const text = [shopHeader, ...rows].map((r) => r.join(',')).join('\r\n') + '\r\n';
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

/** A pale card-sized picture for the ID-copy checks: nobody's document. */
export async function licencePng(): Promise<Buffer> {
  return sharp({ create: { width: 640, height: 400, channels: 3, background: { r: 230, g: 236, b: 240 } } }).png().toBuffer();
}

export async function must<T>(core: Core, method: string, input: unknown): Promise<T> {
  const result = await core.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message} ${JSON.stringify(result.error.details ?? {})}`);
  return result.value as T;
}

async function signIn(core: Core, account: CrashAccount): Promise<void> {
  if (core.desk.session) await must(core, 'auth.logout', {});
  await must(core, 'auth.login', { loginId: account.loginId, password: account.password });
}

/** Sets up the desk in an empty data folder. */
export async function setUpCrashDesk(dataDir: string, exportsDir: string): Promise<void> {
  const core = createCore({ dataDir, exportsDir, log: { warn: () => undefined, error: (m) => process.stderr.write(`${m}\n`) } });
  try {
    const { officer, secondOfficer, staff } = crashAccounts;
    await must(core, 'setup.createOfficer', {
      displayName: officer.displayName,
      loginId: officer.loginId,
      password: officer.password,
      manager: { name: officer.displayName, title: '個人情報保護管理者', email: 'privacy@example.co.jp', phone: '03-1234-5678' },
    });
    await signIn(core, officer);
    const ids: Record<string, string> = {};
    for (const [person, role] of [[secondOfficer, 'officer'], [staff, 'staff']] as const) {
      const created = await must<{ id: string }>(core, 'accounts.create', { displayName: person.displayName, loginId: person.loginId, role, temporaryPassword: `temporary-${person.password}` });
      ids[person.loginId] = created.id;
    }
    const today = localDay(core.desk.now());
    await must(core, 'statements.record', {
      accountId: ids[staff.loginId],
      templateVersion: 1,
      signedOn: today,
      trainingOn: today,
      scan: { fileName: 'statement.pdf', mimeType: 'application/pdf', dataBase64: demoPdf('Signed statement').toString('base64') },
    });
    const people = Array.from({ length: 20 }, (_, i) => shopRow(shopPerson(`S-${String(i + 1).padStart(4, '0')}`, i)));
    await must(core, 'customers.importCommit', { file: { fileName: 'setup.csv', dataBase64: shopCsv(people).toString('base64') }, language: 'ja' });
    // Each new account chooses its password at the first sign-in, as the desk asks.
    for (const person of [secondOfficer, staff]) {
      await signIn(core, { loginId: person.loginId, password: `temporary-${person.password}` });
      await must(core, 'auth.changePassword', { currentPassword: `temporary-${person.password}`, newPassword: person.password });
    }
  } finally {
    await core.close();
  }
}
