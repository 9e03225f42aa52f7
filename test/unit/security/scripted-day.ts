// A full day at the desk through the core's own calls, on a seeded demo desk: what the privacy office does in a day.
import sharp from 'sharp';
import { seedDemo, demoAccounts } from '../../../electron/cli/seed-demo';
import { createCore, type Core } from '../../../electron/core/core';
import { localDay } from '../../../electron/core/dates';
import type { Logger } from '../../../electron/core/desk';
import type { Printer } from '../../../electron/core/printer';
import { chromiumPrinter } from '../../../electron/host/printer';
import type { CustomerRecord } from '../../../src-shared/customers';
import type { DisclosurePackage, RequestDetail } from '../../../src-shared/requests';

/** The people and words the day adds, beside the seeded customers: each must stay inside the database too. */
export const dayValues = {
  walkIn: { name: '椎名 琴音', nameKana: 'シイナ コトネ', nameRomaji: 'Shiina Kotone', email: 'kotone.shiina.walkin@example.net', phone: '080-7345-9012', addressLine1: '桜新町4-18-27' },
  requester: { name: '藤堂 凛太郎', email: 'rintaro.todo.requester@example.org', phone: '070-2468-1357' },
  correctedAddress: '緑が丘7-31-9',
  comment: '電話でご本人確認のうえ、住所を確認しました（担当: 受付窓口）',
  revealText: 'お問い合わせ対応のため番号を確認',
};

export interface DayResult {
  core: Core;
  recoveryKey: string;
  /** Customer ids the day worked on: opened, disclosed, corrected, erased. */
  touched: { disclosed: string; corrected: string; erased: string };
  exportsWritten: string[];
  /** Disclosure builds that failed on the printer before one succeeded. */
  printFaults: number;
}

async function idCopyImage(): Promise<string> {
  const png = await sharp({ create: { width: 640, height: 400, channels: 3, background: { r: 225, g: 232, b: 238 } } }).png().toBuffer();
  return png.toString('base64');
}

export async function seededDesk(options: { dataDir: string; exportsDir: string; customers: number; seed: number }): Promise<string> {
  return (await seedDemo(options)).recoveryKey;
}

/**
 * Staff take requests and check ID copies, the officer decides and builds the disclosure package, a correction and
 * an erasure are carried out, and the audit trail and the provision register are exported. `log` receives what the
 * desk logs, so the caller can check it; `printer` lets it watch the printing.
 */
export async function scriptedDay(options: { dataDir: string; exportsDir: string; log: Logger; recoveryKey: string; printer?: Printer }): Promise<DayResult> {
  const core = createCore({ dataDir: options.dataDir, exportsDir: options.exportsDir, printer: options.printer ?? chromiumPrinter(), log: options.log });
  const ok = async <T>(method: string, input: unknown = {}): Promise<T> => {
    const result = await core.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message} ${JSON.stringify(result.error.details ?? {})}`);
    return result.value as T;
  };
  const signIn = async (who: 'officer' | 'staff') => {
    if (core.desk.session) await ok('auth.logout');
    await ok('auth.login', { loginId: demoAccounts[who].loginId, password: demoAccounts[who].password });
  };
  const today = localDay(core.desk.now());
  const exportsWritten: string[] = [];

  await signIn('staff');
  const { rows } = await ok<{ rows: { id: string; name: string }[] }>('customers.search', { query: '', pageSize: 20 });
  // Customers past the first eight, which the seed gave requests, a provision and an incident.
  const [opened, disclosed, corrected, erased] = [rows[10]!, rows[11]!, rows[12]!, rows[13]!];
  await ok('customers.get', { id: opened.id });
  await ok('customers.reveal', { id: opened.id, reason: { kind: 'inquiry', text: `${opened.name}様 ${dayValues.revealText}` } });
  await ok('customers.search', { query: opened.name.slice(0, 2), pageSize: 50 });
  const walkIn = await ok<CustomerRecord>('customers.create', {
    customerNo: 'C-9900001',
    name: dayValues.walkIn.name,
    nameKana: dayValues.walkIn.nameKana,
    nameRomaji: dayValues.walkIn.nameRomaji,
    postalCode: '154-0014',
    prefecture: '東京都',
    city: '世田谷区',
    addressLine1: dayValues.walkIn.addressLine1,
    provenance: 'registration',
    phones: [{ number: dayValues.walkIn.phone, kind: 'mobile' }],
    emails: [{ address: dayValues.walkIn.email }],
    consents: [{ purposeId: '3.1', on: today, channel: 'counter' }],
  });
  await ok('consents.record', { customerId: walkIn.id, purposeId: '3.6', givenOn: today, channel: 'counter' });

  const image = await idCopyImage();
  const takeRequest = async (kind: 'disclosure' | 'correction' | 'erasure', customerId: string, requester: { name: string; email?: string; phone?: string }) => {
    const request = await ok<RequestDetail>('requests.create', {
      kind,
      channel: 'email',
      receivedOn: today,
      requesterKind: 'person',
      requester,
      asked: kind === 'correction' ? `住所を${dayValues.correctedAddress}に訂正してください。` : '保有個人データについて対応をお願いします。',
      ...(kind === 'disclosure' ? { disclosureForm: 'electronic' } : {}),
      customerId,
    });
    const attached = await ok<RequestDetail>('idcopies.attach', {
      requestId: request.id,
      documentType: 'driversLicence',
      side: 'front',
      image: { mediaType: 'image/png', dataBase64: image },
      redactions: [{ x: 0.6, y: 0.7, width: 0.3, height: 0.1 }],
    });
    await ok('idcopies.verify', { id: attached.idCopies.at(-1)!.id, nameMatches: true, addressMatches: true, birthDateMatches: true, result: 'verified' });
    await ok('requests.comment', { id: request.id, text: `${requester.name}様: ${dayValues.comment}` });
    return request;
  };
  const disclosure = await takeRequest('disclosure', disclosed.id, dayValues.requester);
  const correction = await takeRequest('correction', corrected.id, { name: corrected.name });
  const erasure = await takeRequest('erasure', erased.id, { name: erased.name });
  const proposal = async (input: unknown) => (await ok<RequestDetail>('proposals.create', input)).proposals.find((p) => p.state === 'open')!.id;
  const proposals = [
    await proposal({ requestId: disclosure.id, kind: 'disclose' }),
    await proposal({ requestId: correction.id, kind: 'change', changes: [{ field: 'addressLine1', to: dayValues.correctedAddress }] }),
    await proposal({ requestId: erasure.id, kind: 'erase' }),
  ];

  // Four eyes: the officer decides what staff proposed.
  await signIn('officer');
  for (const id of proposals) await ok('proposals.decide', { id, decision: 'approve' });
  // A printer that fails (Chromium missing or crashed) answers INTERNAL and the desk logs the fault; the officer tries again.
  let build = await core.call('disclosures.build', { requestId: disclosure.id });
  let printFaults = 0;
  while (!build.ok && build.error.code === 'INTERNAL' && printFaults < 2) {
    printFaults += 1;
    build = await core.call('disclosures.build', { requestId: disclosure.id });
  }
  if (!build.ok) throw new Error(`disclosures.build: ${build.error.code} ${build.error.message}`);
  const built = build.value as DisclosurePackage;
  exportsWritten.push(built.jsonFile, built.pdfFile);
  await ok('notices.render', { requestId: disclosure.id, kind: 'result' });
  await ok('requests.list', { reveal: true });
  await ok('audit.search', {});
  const audit = await ok<{ path: string; csvPath: string; sigPath: string; allowedSignersPath: string }>('audit.export', {});
  exportsWritten.push(audit.path, audit.csvPath, audit.sigPath, audit.allowedSignersPath);
  for (const format of ['csv', 'pdf'] as const) exportsWritten.push((await ok<{ file: string }>('provisions.export', { format })).file);
  return { core, recoveryKey: options.recoveryKey, printFaults, touched: { disclosed: disclosed.id, corrected: corrected.id, erased: erased.id }, exportsWritten };
}
