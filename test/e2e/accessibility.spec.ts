// A finished UI on every screen (issue #9): axe finds nothing serious, no i18n key shows raw and no screen mixes its languages, in Japanese and English, for every role's menu.
import AxeBuilder from '@axe-core/playwright';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import type { Core } from '../../electron/core/core';
import { isMethodName } from '../../src-shared/api';
import { localDay } from '../../electron/core/dates';
import { seedComplaints } from '../../electron/cli/demo/complaints';
import { demoCustomer, random } from '../../electron/cli/demo/generate';
import { seedInternalAudit } from '../../electron/cli/demo/internal-audit';
import { seedLedger } from '../../electron/cli/demo/ledger';
import { seedOffice, type Must } from '../../electron/cli/demo/office';
import { seedOutsourcees } from '../../electron/cli/demo/outsourcees';
import { demoPdf } from '../../electron/cli/demo/pdf';
import { seedTraining } from '../../electron/cli/demo/training';
import { docsScreenshot, type DocsScreen } from './docs-screenshots';
import { expect, officer, signInAs, switchLanguageTo, test, textField, type Desk } from './fixtures';

type Lang = 'ja' | 'en';

const people = {
  staff: { loginId: 'sato', displayName: '佐藤 健', password: 'demo-staff-2026-sato', role: 'staff', department: 'カスタマーサポート' },
  newcomer: { loginId: 'suzuki', displayName: '鈴木 新', password: 'demo-staff-2026-suzuki', role: 'staff', department: 'カスタマーサポート' },
  auditor: { loginId: 'takahashi', displayName: '高橋 監査', password: 'demo-auditor-2026-takahashi', role: 'auditor', department: '内部監査室' },
} as const;
const temporary = (password: string) => `temporary-${password}`;
type Person = (typeof people)[keyof typeof people];
const accountFor = ({ displayName, loginId, role, department, password }: Person) => ({ displayName, loginId, role, department, temporaryPassword: temporary(password) });


/**
 * The demo office of `npm run seed-demo`, made through the host's API: accounts (the newcomer still on a temporary
 * password and without a statement), customers, requests, a provision, an incident and the Privacy Mark records, so
 * every register has rows to open. The demo's steps only read the clock from the core; the host's clock is the real one.
 */
async function seedDemoOffice(desk: Desk): Promise<void> {
  await desk.setUpOfficer();
  const must: Must = (_core, method, input) => desk.ok(method, input);
  const clock = { desk: { now: () => new Date() } } as unknown as Core;
  const signIn = async (loginId: string, password: string) => {
    await desk.ok('auth.logout', {}).catch(() => undefined);
    await desk.ok('auth.login', { loginId, password });
  };
  await signIn(officer.loginId, officer.password);
  const today = localDay(new Date());
  const ids: Record<string, string> = {};
  for (const person of Object.values(people)) {
    ids[person.loginId] = (await desk.ok<{ id: string }>('accounts.create', accountFor(person))).id;
  }
  const officerId = (await desk.ok<{ accountId: string }>('auth.session', {})).accountId;
  for (const accountId of [officerId, ids[people.staff.loginId]!]) {
    await desk.ok('statements.record', { accountId, templateVersion: 1, signedOn: today, trainingOn: today, scan: { fileName: `誓約書_${accountId}.pdf`, mimeType: 'application/pdf', dataBase64: demoPdf(`Signed statement: ${accountId}`).toString('base64') } });
  }
  const rng = random(9);
  for (let i = 0; i < 12; i++) await desk.ok('customers.create', demoCustomer(i, rng, { receiptIds: [], today }));
  for (const person of [people.staff, people.auditor]) {
    await signIn(person.loginId, temporary(person.password));
    await desk.ok('auth.changePassword', { currentPassword: temporary(person.password), newPassword: person.password });
  }
  await signIn(officer.loginId, officer.password);
  await seedOffice(clock, must, (who) => (who === 'staff' ? signIn(people.staff.loginId, people.staff.password) : signIn(officer.loginId, officer.password)));
  await signIn(officer.loginId, officer.password);
  for (const seed of [seedLedger, seedComplaints, seedTraining, seedOutsourcees, seedInternalAudit]) await seed(clock, must);
  await desk.ok('auth.logout', {});
}

// ---- what the desk's own words are, from the bundles themselves (a new bundle is checked without a change here) ----

type Tree = { [key: string]: string | Tree };

async function bundlesOf(lang: Lang): Promise<Tree[]> {
  const dir = join(import.meta.dirname, '..', '..', 'renderer', 'src', 'i18n');
  const files = [join(dir, `${lang}.ts`), ...readdirSync(join(dir, lang)).filter((f) => f.endsWith('.ts')).map((f) => join(dir, lang, f))];
  const modules = await Promise.all(files.map((f) => import(pathToFileURL(f).href) as Promise<Record<string, unknown>>));
  return modules.flatMap((m) => Object.values(m).filter((v): v is Tree => typeof v === 'object' && v !== null));
}

const leaves = (tree: Tree): string[] => Object.values(tree).flatMap((v) => (typeof v === 'string' ? [v] : leaves(v)));

interface Words {
  /** The bundles' top-level names: a text such as `reports.chart.title` under one of them is a key shown raw. */
  namespaces: Set<string>;
  /** English sentences and phrases of ours (8+ characters, not also in the Japanese bundle) that a Japanese screen must not show. */
  english: string[];
  /** Our Japanese strings as patterns (interpolations as wildcards, none also an English string): one shown whole on an English screen is a fallback. */
  japanese: RegExp[];
  /** Each English string as a pattern, its interpolations as wildcards: "Welcome, 南 真美" is English with a name in it. */
  englishTemplates: RegExp[];
}

const hasJapanese = /[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]/;
// Interpolations ({{count}}, {{name}}), <0>…</0> of <Trans> and $t() nestings split a sentence into literal parts.
const interpolation = /\{\{[^}]*\}\}|<\/?\d+>|\$t\([^)]*\)/;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const template = (s: string) => new RegExp(`^${s.split(interpolation).map((p) => escape(p.trim())).join('.+?')}$`, 's');

async function desksWords(): Promise<Words> {
  const [ja, en] = [await bundlesOf('ja'), await bundlesOf('en')];
  const [jaStrings, enStrings] = [ja.flatMap(leaves), en.flatMap(leaves)];
  const jaText = jaStrings.join('\n');
  const parts = (strings: string[]) => [...new Set(strings.flatMap((s) => s.split(interpolation)).map((f) => f.trim()))];
  return {
    namespaces: new Set([...ja, ...en].flatMap((t) => Object.keys(t))),
    english: parts(enStrings).filter((f) => f.length >= 8 && /[A-Za-z]{3}/.test(f) && / /.test(f) && !jaText.includes(f)),
    // Only strings with four characters of their own: `{{a}}。{{b}}` would match any sentence of data.
    japanese: jaStrings.filter((s) => hasJapanese.test(s) && !enStrings.includes(s) && s.split(interpolation).join('').replace(/[\s、。・：（）()]/g, '').length >= 4).map(template),
    englishTemplates: enStrings.filter((s) => s.split(interpolation).join('').trim().length >= 3).map(template),
  };
}

// ---- one screen, in one language ----

interface Seen {
  text: string;
  /** Always the UI's own words (label, column header, tab, menu), never a record's data. */
  ui: boolean;
  /** In a table cell or under translate="no": a record's data, which may read like one of our strings. */
  data: boolean;
}

/** Visible text nodes and the UI's attributes (aria-label, placeholder, title), read in the page. */
async function visibleText(page: Page): Promise<Seen[]> {
  return page.evaluate(() => {
    const seen: { text: string; ui: boolean; data: boolean }[] = [];
    // Labels, legends, column headers, tabs and the menu are always the desk's own words; headings, buttons and badges
    // may carry a record's name (a customer, a partner, a system), and data sits in cells. The language switch names
    // each language in its own words.
    const uiSelector = 'label, legend, th, [role="tab"], nav, .mantine-InputWrapper-label';
    // translate="no" (HTML's own mark for words not to be translated) marks a record's data outside table cells.
    const dataSelector = 'td, [translate="no"], [aria-label="Language"], [aria-label="表示言語"]';
    const isUi = (el: Element) => el.closest(uiSelector) !== null && el.closest(dataSelector) === null;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const parent = node.parentElement;
      if (!text || !parent || !parent.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      if (parent.closest('script, style, [aria-hidden="true"]')) continue;
      seen.push({ text, ui: isUi(parent), data: parent.closest(dataSelector) !== null });
    }
    for (const el of document.querySelectorAll('[aria-label], [placeholder], [title]')) {
      if (!el.checkVisibility() || el.closest(dataSelector)) continue;
      for (const name of ['aria-label', 'placeholder', 'title']) {
        const value = el.getAttribute(name)?.trim();
        // A placeholder shows an example of the data (山田 太郎), in the data's language.
        if (value) seen.push({ text: value, ui: name !== 'placeholder', data: false });
      }
    }
    return seen;
  });
}

const rawKey = /^[a-z]+(\.[a-zA-Z0-9]+)+$/;

class Findings {
  readonly list: string[] = [];
  private logged = 0;
  constructor(private readonly words: Words) {}

  /** Axe (WCAG 2.0/2.1 A and AA), raw keys and mixed language on what is on screen now. */
  async check(page: Page, screen: string, lang: Lang, whole: boolean): Promise<void> {
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    // Loaded: nothing spinning, no skeleton; a figure that is still coming is not what a person reads.
    await expect(page.locator('.mantine-Loader-root:visible, .mantine-Skeleton-root:visible, [aria-busy="true"]')).toHaveCount(0);
    const where = `${screen} [${lang}]`;
    await page.mouse.move(0, 0); // a hovered row or button is a passing state, not the screen
    // The header and menu are the same on every signed-in screen: checked whole once per walk, then the screen's own part.
    // resultTypes: passes and other results are summarised, not listed node by node (axe's own advice for speed).
    const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).options({ resultTypes: ['violations'] });
    const axe = await (whole ? builder : builder.include('main')).analyze();
    for (const v of axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
      // Colours go with a contrast finding: which text on which background is what one fixes.
      const colours = (n: (typeof v.nodes)[number]) => {
        const data = n.any[0]?.data as { fgColor?: string; bgColor?: string; contrastRatio?: number } | undefined;
        return data?.fgColor ? ` (${data.fgColor} on ${data.bgColor}: ${data.contrastRatio})` : '';
      };
      this.list.push(`${where} axe ${v.impact} ${v.id}: ${v.nodes.slice(0, 4).map((n) => `${n.target.join(' ')}${colours(n)}`).join(' | ')}`);
    }
    const seen = await visibleText(page);
    for (const { text } of seen) {
      // The audit trail names each call (`customers.get`) beside its label, on purpose: a method name is its data.
      if (rawKey.test(text) && this.words.namespaces.has(text.split('.')[0]!) && !isMethodName(text)) this.list.push(`${where} raw i18n key: ${text}`);
    }
    if (lang === 'ja') {
      for (const { text } of seen) {
        const english = this.words.english.find((e) => text.includes(e));
        if (english) this.list.push(`${where} English on a Japanese screen: "${english}" in "${text.slice(0, 80)}"`);
      }
    } else {
      for (const { text, ui, data } of seen) {
        if (!hasJapanese.test(text) || this.words.englishTemplates.some((t) => t.test(text))) continue;
        // Any Japanese in a label, column header, tab or the menu; elsewhere, one of our Japanese strings shown whole
        // (a missing English string falls back to Japanese), outside table cells, where data may read the same.
        const ours = ui ? undefined : this.words.japanese.find((j) => j.test(text));
        if (ui || (!data && ours)) this.list.push(`${where} Japanese on an English screen: "${text.slice(0, 80)}" (${ui ? 'a label' : `the bundle's ${ours}`})`);
      }
    }
    // Printed as found too: a walk cut short by a timeout still says what it saw.
    while (this.logged < this.list.length) console.log(`found: ${this.list[this.logged++]}`);
  }

  /** The screen in Japanese, then in English, and back: one visit, both languages. */
  async both(page: Page, screen: string, whole = true): Promise<void> {
    await this.check(page, screen, 'ja', whole);
    await switchLanguageTo(page, 'en');
    await this.check(page, screen, 'en', whole);
    await switchLanguageTo(page, 'ja');
  }

  expectNone(): void {
    expect(this.list, `found on screen:\n${this.list.join('\n')}`).toEqual([]);
  }
}

// ---- walking a role's desk ----

/** The lists whose first row opens a record: the view it opens, and the README picture of it. */
const openable: Record<string, { view: string; picture?: DocsScreen }> = {
  customers: { view: 'customer-record', picture: 'customer-record' },
  requests: { view: 'request-view', picture: 'request' },
  incidents: { view: 'incident-view' },
  ledger: { view: 'ledger-entry' },
  complaints: { view: 'complaint-view' },
  provisions: { view: 'provision-view' },
  outsourcees: { view: 'outsourcee-view' },
};
const listPictures: Record<string, DocsScreen> = { home: 'dashboard', customers: 'customers', requests: 'requests', incidents: 'incidents', ledger: 'ledger', reports: 'reports', audit: 'audit' };

async function signInOnScreen(desk: Desk, page: Page, loginId: string, password: string): Promise<void> {
  await desk.open(page);
  await signInAs(page, loginId, password);
  await expect(page.locator('nav [data-route]').first()).toBeVisible();
}

/** Every screen the side menu offers (the route table filtered by the role), and the first record of each list that opens one. */
async function walkTheMenu(page: Page, findings: Findings, role: string, pictures = false): Promise<string[]> {
  const menu = page.locator('nav [data-route]');
  const routes = await menu.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-route')!));
  for (const route of routes) {
    await page.locator(`nav [data-route="${route}"]`).click();
    await expect(page.locator('main h1').first()).toBeVisible();
    await findings.both(page, `${role} ${route}`, route === routes[0]);
    if (pictures && listPictures[route]) await docsScreenshot(page, listPictures[route]);
    const opens = openable[route];
    if (!opens) continue;
    const firstRow = page.locator('main table tbody tr').first();
    if ((await firstRow.count()) === 0) continue;
    // A row opens by its name's button where it has one (a customer's), otherwise by a click on the row.
    const opener = firstRow.locator('button').first();
    await ((await opener.count()) > 0 ? opener : firstRow).click();
    await expect(page.getByTestId(opens.view)).toBeVisible();
    await findings.both(page, `${role} ${route}: a record opened`, false);
    if (pictures && opens.picture) await docsScreenshot(page, opens.picture);
  }
  return routes;
}

// A trace of a hundred screens in two languages is larger than it is useful: the findings name screen, rule and target.
test.use({ trace: 'off' });

test.beforeEach(async ({ page }) => {
  // Fades and transitions would have axe measure a half-drawn colour.
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

test('before anyone signs in, setup, restore, sign-in, recovery, a first password change and the locked desk read well in both languages', async ({ page, desk }) => {
  const findings = new Findings(await desksWords());
  await desk.open(page);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await findings.both(page, 'setup');
  await page.getByRole('button', { name: 'バックアップから復元' }).click();
  await findings.both(page, 'setup: restore from a backup');

  await desk.setUpOfficer();
  await desk.ok('auth.login', { loginId: officer.loginId, password: officer.password });
  await desk.ok('accounts.create', accountFor(people.newcomer));
  await desk.ok('auth.logout', {});
  await desk.open(page);
  await expect(page.getByRole('heading', { name: 'サインイン' })).toBeVisible();
  await findings.both(page, 'sign-in');
  await page.getByRole('button', { name: 'パスワードを忘れた場合' }).click();
  await findings.both(page, 'recovery with the recovery key');

  await desk.open(page);
  await signInAs(page, people.newcomer.loginId, temporary(people.newcomer.password));
  await expect(page.getByRole('heading', { name: 'パスワードの変更が必要です' })).toBeVisible();
  await findings.both(page, 'first sign-in: choose a password');
  await desk.ok('auth.logout', {});

  await signInOnScreen(desk, page, officer.loginId, officer.password);
  await page.getByRole('button', { name: 'ロック', exact: true }).click();
  await expect(textField(page, 'パスワード')).toBeVisible();
  await findings.both(page, 'locked desk');
  findings.expectNone();

  // The checks see what they are for: a key shown raw and an English phrase of ours on a Japanese screen are reported.
  const words = await desksWords();
  await page.evaluate(([english]) => {
    for (const text of ['nav.requestSettings', english]) document.querySelector('main, body')!.append(Object.assign(document.createElement('p'), { textContent: text }));
  }, [words.english[0]!]);
  const probe = new Findings(words);
  await probe.check(page, 'locked desk with two planted faults', 'ja', true);
  expect(probe.list).toEqual([expect.stringContaining('raw i18n key: nav.requestSettings'), expect.stringContaining(`English on a Japanese screen: "${words.english[0]}"`)]);
});

test('the privacy officer finds every screen of the menu and every opened record accessible and in one language, Japanese or English', async ({ page, desk }) => {
  test.setTimeout(300_000);
  const findings = new Findings(await desksWords());
  await seedDemoOffice(desk);
  await signInOnScreen(desk, page, officer.loginId, officer.password);
  const routes = await walkTheMenu(page, findings, 'officer', true);
  // The officer's menu is the whole route table but for nothing: the walk did cover the desk.
  expect(routes).toEqual(expect.arrayContaining(['home', 'customers', 'requests', 'incidents', 'ledger', 'reports', 'audit', 'accounts', 'settings']));
  findings.expectNone();
});

test('a staff member with a signed statement and the auditor find their menus accessible and in one language', async ({ page, desk }) => {
  test.setTimeout(300_000);
  const findings = new Findings(await desksWords());
  await seedDemoOffice(desk);
  await signInOnScreen(desk, page, people.staff.loginId, people.staff.password);
  const staffRoutes = await walkTheMenu(page, findings, 'staff');
  expect(staffRoutes).toEqual(expect.arrayContaining(['home', 'customers', 'requests']));
  expect(staffRoutes).not.toContain('accounts');
  await desk.ok('auth.logout', {});

  await signInOnScreen(desk, page, people.auditor.loginId, people.auditor.password);
  const auditorRoutes = await walkTheMenu(page, findings, 'auditor');
  expect(auditorRoutes).toEqual(expect.arrayContaining(['home', 'audit']));
  findings.expectNone();
});
