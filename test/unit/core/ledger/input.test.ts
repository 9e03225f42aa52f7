// Bad input gets a clear reason, in Japanese and in English, and nothing is half-written; the auditor reads the
// ledger but changes nothing in it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../../../src-shared/api/ledger';
import type { Partner } from '../../../../src-shared/registers';
import { ledgerEn } from '../../../../renderer/src/i18n/en/ledger';
import { ledgerJa } from '../../../../renderer/src/i18n/ja/ledger';
import { addAccount, asOfficer, auditorPerson, errorOf, setUpDesk, signInAs, type TestDesk } from '../../helpers/desk';
import { applicants, customerMaster, customerRisk, register, sentence } from './steps';

let desk: TestDesk;
let entry: LedgerEntry;
let adNetwork: Partner;
const db = () => desk.core.desk.requireDb();
const stored = async () => ({
  entries: await db().selectFrom('ledger_entries').selectAll().execute(),
  links: await db().selectFrom('ledger_entry_partners').selectAll().execute(),
  assessments: await db().selectFrom('ledger_risk_assessments').selectAll().execute(),
});
/** The keys the window will look up for a refusal: its own, or each validation issue's under fieldErrors. */
const keysOf = (error: { message: string; details?: Record<string, unknown> }) =>
  error.message === 'validation.input' ? (error.details!.issues as { message: string }[]).map((i) => `fieldErrors.${i.message}`) : [`errors.${error.message}`];
const seen = new Set<string>();

async function refused(method: string, input: unknown, expected: { code: string; message: string; path?: string }) {
  const before = await stored();
  const error = errorOf(await desk.call(method, input));
  expect(error.code).toBe(expected.code);
  const issues = (error.details?.issues ?? []) as { path: string; message: string }[];
  if (error.message === 'validation.input') expect(issues).toContainEqual({ path: expected.path, message: expected.message });
  else expect({ message: error.message, path: error.details?.path }).toEqual({ message: expected.message, path: expected.path });
  for (const key of keysOf(error)) seen.add(key);
  // One transaction per call: a refusal leaves the ledger as it was.
  expect(await stored()).toEqual(before);
}

beforeAll(async () => {
  desk = await setUpDesk();
  await asOfficer(desk);
  adNetwork = await desk.ok<Partner>('partners.create', {
    name: '株式会社デモ広告',
    address: '東京都港区芝公園1-1-1',
    representative: '代表取締役 山本 一',
    roles: ['advertiser'],
    country: 'JP',
    securityMeasures: '覚書を締結済み',
    contactName: '広告運用部',
    contactEmail: 'ads@example.jp',
  });
  entry = await register(desk, customerMaster);
});
afterAll(async () => desk.dispose());

describe('a ledger entry with bad input', () => {
  it('is refused field by field, with keys the window can put next to each field', async () => {
    await refused('ledger.save', { entry: { ...applicants, items: [] } }, { code: 'VALIDATION', path: 'entry.items', message: 'ledger.itemsRequired' });
    await refused('ledger.save', { entry: { ...applicants, otherPurposes: undefined } }, { code: 'VALIDATION', path: 'entry.purposeIds', message: 'ledger.purposesRequired' });
    await refused('ledger.save', { entry: { ...applicants, storageKind: 'usb' } }, { code: 'VALIDATION', path: 'entry.storageKind', message: 'ledger.storageKind' });
    await refused('ledger.save', { entry: { ...applicants, count: { kind: 'typed', people: -3, asOf: '2026-10-31' } } }, { code: 'VALIDATION', path: 'entry.count.people', message: 'ledger.people' });
    await refused('ledger.save', { entry: { ...applicants, count: { kind: 'typed', people: 12.5, asOf: '2026-10-31' } } }, { code: 'VALIDATION', path: 'entry.count.people', message: 'ledger.people' });
    await refused('ledger.save', { entry: { ...applicants, count: { kind: 'desk', source: 'everyone' } } }, { code: 'VALIDATION', path: 'entry.count.source', message: 'ledger.source' });
    await refused('ledger.save', { entry: { ...applicants, count: { kind: 'guess', people: 10 } } }, { code: 'VALIDATION', path: 'entry.count.kind', message: 'ledger.countKind' });
    await refused('ledger.save', { entry: { ...applicants, count: { kind: 'typed', people: 10, asOf: '2026-02-30' } } }, { code: 'VALIDATION', path: 'entry.count.asOf', message: 'date.format' });
    await refused('ledger.save', { entry: { ...applicants, name: 'あ'.repeat(101) } }, { code: 'VALIDATION', path: 'entry.name', message: 'tooLong' });
  });

  it('is refused by the desk’s own rules, naming the field', async () => {
    await refused('ledger.save', { entry: { ...applicants, count: { kind: 'typed', people: 48, asOf: '2026-12-01' } } }, { code: 'VALIDATION', path: 'entry.count.asOf', message: 'ledger.countAsOfFuture' });
    await refused('ledger.save', { entry: { ...customerMaster, name: 'その他', purposeIds: ['3.1', '9.9'] } }, { code: 'VALIDATION', path: 'entry.purposeIds.1', message: 'ledger.purposeUnknown' });
    await refused('ledger.save', { entry: { ...applicants, outsourceeIds: [adNetwork.id] } }, { code: 'VALIDATION', path: 'entry.outsourceeIds', message: 'ledger.notOutsourcee' });
    await refused('ledger.save', { entry: { ...applicants, recipientIds: ['0b7d5d0e-2c3b-4b8e-9d7e-6a1f2e3d4c5b'] } }, { code: 'VALIDATION', path: 'entry.recipientIds', message: 'ledger.partnerUnknown' });
    await refused('ledger.save', { entry: { ...customerMaster, name: ' 顧客マスタ ' } }, { code: 'CONFLICT', path: 'entry.name', message: 'ledger.duplicate' });
    await refused('ledger.save', { entry: applicants, paperReview: { on: '2026-12-01', by: '人事部' } }, { code: 'VALIDATION', path: 'paperReview.on', message: 'ledger.paperReviewFuture' });
    await refused('ledger.retire', { id: entry.id, retiredOn: '2026-12-01', reason: '移行' }, { code: 'VALIDATION', path: 'retiredOn', message: 'ledger.retiredInFuture' });
    await refused('ledger.retire', { id: entry.id, retiredOn: '2026-01-01', reason: '移行' }, { code: 'VALIDATION', path: 'retiredOn', message: 'ledger.retiredBeforeHeld' });
    await refused('ledger.get', { id: '0b7d5d0e-2c3b-4b8e-9d7e-6a1f2e3d4c5b' }, { code: 'NOT_FOUND', message: 'ledger.notFound' });
  });

  it('a partner it names is linked to the entry and shown by name', async () => {
    const changed = await desk.ok<LedgerEntry>('ledger.save', { id: entry.id, entry: { ...customerMaster, recipientIds: [adNetwork.id] } });
    expect(changed.recipients).toEqual([{ id: adNetwork.id, name: '株式会社デモ広告', country: 'JP', endedOn: null }]);
  });
});

describe('a risk assessment with bad input', () => {
  it('is refused with a key per field', async () => {
    const assess = (over: object) => ({ entryId: entry.id, assessment: { ...customerRisk, ...over } });
    await refused('ledger.assessRisk', assess({ likelihood: 4 }), { code: 'VALIDATION', path: 'assessment.likelihood', message: 'ledger.rating' });
    await refused('ledger.assessRisk', assess({ impact: 0 }), { code: 'VALIDATION', path: 'assessment.impact', message: 'ledger.rating' });
    await refused('ledger.assessRisk', assess({ impact: 2.5 }), { code: 'VALIDATION', path: 'assessment.impact', message: 'ledger.rating' });
    await refused('ledger.assessRisk', assess({ threats: [] }), { code: 'VALIDATION', path: 'assessment.threats', message: 'ledger.threatsRequired' });
    await refused('ledger.assessRisk', assess({ threats: ['earthquake'] }), { code: 'VALIDATION', path: 'assessment.threats.0', message: 'ledger.threat' });
    await refused('ledger.assessRisk', assess({ residual: 'none' }), { code: 'VALIDATION', path: 'assessment.residual', message: 'ledger.residual' });
    await refused('ledger.assessRisk', assess({ measures: '  ' }), { code: 'VALIDATION', path: 'assessment.measures', message: 'required' });
    await refused('ledger.approveRisk', { id: '0b7d5d0e-2c3b-4b8e-9d7e-6a1f2e3d4c5b' }, { code: 'NOT_FOUND', message: 'ledger.riskNotFound' });
  });

  it('every refusal reads as a sentence in Japanese and in English', () => {
    expect(seen.size).toBeGreaterThan(15);
    for (const key of seen) {
      expect({ key, ja: sentence('ja', key) }).toEqual({ key, ja: expect.any(String) });
      expect({ key, en: sentence('en', key) }).toEqual({ key, en: expect.any(String) });
    }
  });
});

describe('the auditor', () => {
  it('reads the ledger and exports it, but neither drafts, confirms, approves nor retires', async () => {
    await addAccount(desk, auditorPerson);
    await signInAs(desk, auditorPerson);
    expect((await desk.ok<{ rows: unknown[] }>('ledger.list', {})).rows).toHaveLength(1);
    expect((await desk.ok<{ name: string }>('ledger.export', { format: 'xlsx' })).name).toMatch(/^ledger-2026-11-25/);
    for (const [method, input] of [
      ['ledger.save', { entry: applicants }],
      ['ledger.assessRisk', { entryId: entry.id, assessment: customerRisk }],
      ['ledger.confirm', { id: entry.id }],
      ['ledger.retire', { id: entry.id, retiredOn: '2026-11-25', reason: '—' }],
    ] as const) {
      expect(errorOf(await desk.call(method, input)).code).toBe('FORBIDDEN');
    }
  });
});

describe('the screens of the ledger', () => {
  it('say everything in Japanese and in English', () => {
    const keys = (bundle: object, prefix = ''): string[] =>
      Object.entries(bundle).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k.replace(/_(one|other)$/, '')}`]));
    expect([...new Set(keys(ledgerEn))].sort()).toEqual([...new Set(keys(ledgerJa))].sort());
  });
});
