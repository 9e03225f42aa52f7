// The privacy policy's versions: version 1 as the company posted it, in Japanese and English; the officer publishes a
// new text that keeps the purposes of use and takes over on its effective day; everyone may read, only the officer publishes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerRecord, PolicyVersion, Purpose } from '../../../../src-shared/customers';
import type { PolicyVersionText } from '../../../../src-shared/registers';
import { currentPolicyText } from '../../../../electron/core/policy/store';
import { yamada } from '../../../fixtures/customers';
import { addAccount, asOfficer, auditorPerson, errorOf, officer, setUpDesk, signInAs, staffMember, type TestDesk } from '../../helpers/desk';

let desk: TestDesk;
let first: PolicyVersionText;
let yamadaId: string;
const db = () => desk.core.desk.requireDb();
const count = async (table: 'policy_versions' | 'policy_texts') => Number((await db().selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const versions = () => desk.ok<{ versions: PolicyVersionText[]; current: number }>('policy.versions');
const purposesOf = async (version: number) => (await desk.ok<{ purposes: Purpose[] }>('purposes.list', { version })).purposes;

/** The section headings of a text: "  1. …" to "  8. …", two spaces in, as the company's policy sets them. */
const sections = (text: string) => text.split('\n').filter((l) => /^ {2}\d\. /.test(l)).map((l) => l.trim().split('.')[0]);

/** Version 2: the text with a paragraph on recipients abroad added to §5 (APPI Art. 28), in both languages. */
const abroadJa = '    3. 外国にある第三者に個人情報を提供する場合には、提供先の国名をお示しした上で、お客様の同意を得ます。';
const abroadEn = '    3. Where we provide personal information to a third party in a foreign country, we obtain your consent after telling you the name of that country.';
const withParagraph = (text: string, after: string, paragraph: string) => text.replace(after, `${after}\n${paragraph}`);

beforeAll(async () => {
  desk = await setUpDesk();
  await addAccount(desk, staffMember);
  await addAccount(desk, auditorPerson);
  await asOfficer(desk);
  yamadaId = (await desk.ok<CustomerRecord>('customers.create', yamada)).id;
});
afterAll(async () => desk.dispose());

describe('version 1 is the policy as the company posted it', () => {
  it('is there in Japanese and English, posted and in force from 1 April 2022, seeded with the desk', async () => {
    const { versions: all, current } = await versions();
    expect(current).toBe(1);
    expect(all).toHaveLength(1);
    first = all[0]!;
    expect(first).toMatchObject({ version: 1, postedOn: '2022-04-01', effectiveOn: '2022-04-01', recordedByName: null });
    expect(first.textEn.startsWith('Privacy Policy\n')).toBe(true);
    expect(first.textEn).toContain('Manager-in-Charge of Private Information Protection : Mami Minami Nicori');
    expect(first.textJa.startsWith('個人情報保護方針\n')).toBe(true);
    expect(first.textJa).toContain('「個人情報」');
    expect(first.textJa).toContain('個人情報保護管理者：南 真美');
  });

  it('the Japanese text has the same sections, exceptions and numbering as the English one', () => {
    expect(sections(first.textJa)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(sections(first.textEn)).toEqual(sections(first.textJa));
    const bullets = (text: string) => text.split('\n').filter((l) => l.startsWith('      •')).length;
    expect(bullets(first.textJa)).toBe(4);
    expect(bullets(first.textEn)).toBe(4);
    expect(first.textJa.split('\n')).toHaveLength(first.textEn.split('\n').length);
  });

  it('is stored once, whoever asks first, and is the text in force for notices', async () => {
    await versions();
    expect(await count('policy_texts')).toBe(1);
    expect(await currentPolicyText(db(), '2026-11-25')).toEqual(first);
  });

  it('staff and the auditor may read the versions', async () => {
    for (const person of [staffMember, auditorPerson]) {
      await signInAs(desk, person);
      expect((await versions()).versions.map((v) => v.version)).toEqual([1]);
    }
  });
});

describe('the officer publishes version 2', () => {
  const second = () => ({
    textJa: withParagraph(first.textJa, '      当社にて内容を確認し、ご本人であることが確認でき次第、開示いたします。', abroadJa),
    textEn: withParagraph(first.textEn, 'as soon as it becomes clear that you are the person concerned.', abroadEn),
    postedOn: '2026-12-01',
    effectiveOn: '2026-12-01',
  });

  it('staff cannot publish, and nothing is stored', async () => {
    await signInAs(desk, staffMember);
    expect(errorOf(await desk.call('policy.publish', second()))).toMatchObject({ code: 'FORBIDDEN', message: 'auth.forbidden' });
    expect([await count('policy_versions'), await count('policy_texts')]).toEqual([1, 1]);
  });

  it('version 2 is recorded with its text, who recorded it, and the purposes of version 1 unchanged', async () => {
    await asOfficer(desk);
    const published = await desk.ok<PolicyVersionText>('policy.publish', second());
    expect(published).toMatchObject({ version: 2, postedOn: '2026-12-01', effectiveOn: '2026-12-01', recordedByName: officer.displayName, recordedAt: desk.clock.now.toISOString() });
    expect(published.textJa).toContain(abroadJa);
    expect(published.textEn).toContain(abroadEn);
    expect(await purposesOf(2)).toEqual(await purposesOf(1));
  });

  it('the trail names the version only', async () => {
    const event = await db().selectFrom('audit_events').selectAll().where('action', '=', 'policy.publish').where('outcome', '=', 'ok').executeTakeFirstOrThrow();
    expect(event).toMatchObject({ target_type: 'policyVersion', target_id: '2', fields: null, details: null });
  });

  it('is listed newest first, but version 1 stays current until 1 December', async () => {
    const { versions: all, current } = await versions();
    expect(all.map((v) => v.version)).toEqual([2, 1]);
    expect(current).toBe(1);
    expect((await currentPolicyText(db(), '2026-11-30')).version).toBe(1);
  });

  it('a consent given before 1 December names version 1, the one in force that day, not the one published', async () => {
    await desk.ok('consents.record', { customerId: yamadaId, purposeId: '3.6', channel: 'web', givenOn: '2026-11-25' });
    const record = await desk.ok<CustomerRecord>('customers.get', { id: yamadaId });
    expect(record.consents.find((c) => c.purposeId === '3.6')).toMatchObject({ policyVersion: 1 });
    expect((await desk.ok<{ version: { version: number } }>('purposes.list', {})).version.version).toBe(1);
  });

  it('becomes current on its effective day; a consent given under version 1 still names version 1', async () => {
    desk.clock.now = new Date('2026-12-01T09:00:00+09:00');
    await asOfficer(desk);
    expect((await versions()).current).toBe(2);
    expect((await currentPolicyText(db(), '2026-12-01')).version).toBe(2);
    const record = await desk.ok<CustomerRecord>('customers.get', { id: yamadaId });
    expect(record.consents).toMatchObject([{ purposeId: '3.1', policyVersion: 1 }, { purposeId: '3.6', policyVersion: 1 }]);
    // From that day on, new consents name version 2.
    await desk.ok('consents.withdraw', { customerId: yamadaId, purposeId: '3.6' });
    await desk.ok('consents.record', { customerId: yamadaId, purposeId: '3.6', channel: 'web', givenOn: '2026-12-01' });
    const again = await desk.ok<CustomerRecord>('customers.get', { id: yamadaId });
    expect(again.consents.find((c) => c.purposeId === '3.6')).toMatchObject({ policyVersion: 2 });
  });

  it('an identical text is refused, whatever its line ends, and nothing is stored', async () => {
    const same = second();
    expect(errorOf(await desk.call('policy.publish', { ...same, postedOn: '2026-12-10', effectiveOn: '2026-12-10' }))).toEqual({ code: 'CONFLICT', message: 'policy.unchanged', details: { version: 2 } });
    const crlf = { ...same, textJa: same.textJa.replace(/\n/g, '\r\n'), textEn: `${same.textEn}\n\n` };
    expect(errorOf(await desk.call('policy.publish', crlf))).toMatchObject({ code: 'CONFLICT', message: 'policy.unchanged' });
    expect([await count('policy_versions'), await count('policy_texts')]).toEqual([2, 2]);
  });

  it('a text effective before it was posted, or before the version it follows, is refused', async () => {
    const next = { ...second(), textEn: `${second().textEn}\n(Revised.)` };
    const early = errorOf(await desk.call('policy.publish', { ...next, postedOn: '2027-01-10', effectiveOn: '2027-01-01' }));
    expect(early.details?.issues).toEqual([{ path: 'effectiveOn', message: 'policy.effectiveBeforePosted' }]);
    expect(errorOf(await desk.call('policy.publish', { ...next, postedOn: '2026-11-20', effectiveOn: '2026-11-30' }))).toEqual({
      code: 'VALIDATION',
      message: 'policy.effectiveBeforeLatest',
      details: { path: 'effectiveOn', effectiveOn: '2026-12-01' },
    });
    expect(errorOf(await desk.call('policy.publish', { ...next, textJa: '   ' })).details?.issues).toEqual([{ path: 'textJa', message: 'required' }]);
    expect(await count('policy_versions')).toBe(2);
  });
});

describe('a change of the purposes of use alone, alongside the texts', () => {
  it('makes a version that carries the text before it, and the next text keeps its purposes', async () => {
    const before = await purposesOf(2);
    const changed = before.map((p) => (p.id === '3.5' ? { ...p, descriptionJa: `${p.descriptionJa}（ウェブサイトの利用状況を含みます。）` } : p));
    const made = await desk.ok<{ version: PolicyVersion }>('purposes.update', { effectiveOn: '2027-01-01', purposes: changed });
    expect(made.version.version).toBe(3);

    const { versions: all, current } = await versions();
    expect(current).toBe(2);
    const third = all.find((v) => v.version === 3)!;
    const second = all.find((v) => v.version === 2)!;
    expect(third).toMatchObject({ textJa: second.textJa, textEn: second.textEn, postedOn: '2027-01-01', effectiveOn: '2027-01-01', recordedByName: officer.displayName });

    // A new text is not the same as the one it carries over, and takes the purposes in force when it takes effect.
    const fourth = await desk.ok<PolicyVersionText>('policy.publish', { textJa: third.textJa, textEn: `${third.textEn}\n\nRevised on 1 February 2027.`, postedOn: '2027-02-01', effectiveOn: '2027-02-01' });
    expect(fourth.version).toBe(4);
    expect(await purposesOf(4)).toEqual(changed);
    expect((await currentPolicyText(db(), '2027-02-01')).version).toBe(4);
  });
});
