// The journeys' fixture: a fresh desk per test on the run's one host, and helpers to call it and to look at it.
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Result } from '../../src-shared/errors';

import { officer } from '../fixtures/officer';

export { officer };

export interface Desk {
  url: string;
  token: string;
  /** A new, empty data folder: the desk is not set up. */
  reset(): Promise<{ dataDir: string }>;
  api<T = unknown>(method: string, input?: unknown): Promise<Result<T>>;
  /** The value of a call that must succeed (a journey's setup through the API); throws with the error otherwise. */
  ok<T = unknown>(method: string, input?: unknown): Promise<T>;
  /** Runs setup through the API with `officer` and returns the recovery key. */
  setUpOfficer(): Promise<{ recoveryKey: string }>;
  /** Opens the app as a person would, with the token in the fragment. */
  open(page: Page, options?: { lang?: 'ja' | 'en' }): Promise<void>;
  screenshot(page: Page, name: string): Promise<void>;
}

const screenshotDir = join(import.meta.dirname, 'screenshots');

export const test = base.extend<{ desk: Desk }>({
  desk: async ({}, use) => {
    const url = process.env.DESK_HOST_URL!;
    const token = process.env.DESK_HOST_TOKEN!;
    const post = async <T>(path: string, body: unknown): Promise<T> => {
      const res = await fetch(`${url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body ?? {}),
      });
      return (await res.json()) as T;
    };
    const desk: Desk = {
      url,
      token,
      reset: async () => (await post<Result<{ dataDir: string }>>('/__test/reset', {}) as { ok: true; value: { dataDir: string } }).value,
      api: (method, input) => post(`/api/${method}`, input ?? {}),
      ok: async <T>(method: string, input?: unknown) => {
        const result = await post<Result<T>>(`/api/${method}`, input ?? {});
        if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message} ${JSON.stringify(result.error.details)}`);
        return result.value;
      },
      setUpOfficer: async () => {
        const result = await post<Result<{ recoveryKey: string }>>('/api/setup.createOfficer', officer);
        if (!result.ok) throw new Error(`setup failed: ${result.error.code} ${result.error.message}`);
        return result.value;
      },
      open: async (page, options) => {
        if (options?.lang) {
          await page.addInitScript((lang) => window.localStorage.setItem('desk.lang', lang), options.lang);
        }
        // A fresh document each time: the app reads the token once, at start.
        await page.goto('about:blank');
        await page.goto(`${url}/#token=${token}`);
      },
      screenshot: async (page, name) => {
        mkdirSync(screenshotDir, { recursive: true });
        await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
      },
    };
    await desk.reset();
    await use(desk);
  },
});

export { expect };

// ---- helpers shared by the journeys of accounts, statements and audit (issue #3) ----

/** A text or password field by its label (Mantine adds a " *" to required labels, so getByLabel would not match exactly). */
export const textField = (scope: Page | Locator, name: string) => scope.getByRole('textbox', { name, exact: true });

export const mainMenu = (page: Page) => page.getByRole('navigation', { name: 'メインメニュー' });

export async function signInAs(page: Page, loginId: string, password: string): Promise<void> {
  await textField(page, 'ログインID').fill(loginId);
  await textField(page, 'パスワード').fill(password);
  await page.getByRole('button', { name: 'サインイン', exact: true }).click();
}

export async function signOutOfDesk(page: Page): Promise<void> {
  // The window clears at once and then tells the core; a next step that signs in through the API must wait for the
  // core's answer, or it finds the session still there.
  const loggedOut = page.waitForResponse((r) => r.url().endsWith('/api/auth.logout'));
  await page.getByRole('button', { name: 'サインアウト' }).click();
  await expect(page.getByRole('heading', { name: 'サインイン' })).toBeVisible();
  await loggedOut;
}

/** At first sign-in with a temporary password: the person chooses their own. */
export async function replaceTemporaryPassword(page: Page, temporary: string, chosen: string): Promise<void> {
  await expect(page.getByRole('heading', { name: 'パスワードの変更が必要です' })).toBeVisible();
  await textField(page, '現在のパスワード').fill(temporary);
  await textField(page, '新しいパスワード').fill(chosen);
  await textField(page, '新しいパスワード（確認）').fill(chosen);
  await page.getByRole('button', { name: 'パスワードを変更する' }).click();
}

export async function switchLanguageTo(page: Page, lang: 'ja' | 'en'): Promise<void> {
  // The segmented control's radios are visually hidden, so its label is clicked; dispatched to it directly, because an
  // open dialog's overlay covers the header (and a click there would close some dialogs).
  const languageSwitch = page.locator('[aria-label="表示言語"], [aria-label="Language"]').first();
  await languageSwitch.locator('label').filter({ hasText: lang === 'en' ? /^English$/ : /^日本語$/ }).dispatchEvent('click');
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

/** Screenshots what is on screen (dialogs included) in Japanese, then in English, and comes back to Japanese. */
export async function shootInBothLanguages(desk: Desk, page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0); // no tooltip or hover in the picture
  await page.evaluate(() => window.scrollTo(0, 0)); // the fixed header stays where it belongs in a full-page picture
  // Toasts of earlier steps would cover the screen: they are closed as a person would.
  // One at a time, always the first: closing one moves the others, so a list taken beforehand goes stale.
  const toasts = page.locator('.mantine-Notification-root');
  for (let left = await toasts.count(); left > 0; left = await toasts.count()) {
    await toasts.first().locator('button').click().catch(() => undefined);
    await expect(toasts).toHaveCount(left - 1);
  }
  await desk.screenshot(page, `${name}-ja`);
  await switchLanguageTo(page, 'en');
  await desk.screenshot(page, `${name}-en`);
  await switchLanguageTo(page, 'ja');
}
