// The journeys' fixture: a fresh desk per test on the run's one host, and helpers to call it and to look at it.
import { test as base, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Result } from '../../src-shared/errors';

export const officer = {
  displayName: '南 真美',
  loginId: 'minami',
  password: 'kojinjoho-hogo-2026',
  manager: { name: '南 真美', title: '個人情報保護管理者', email: 'mami.minami@example.co.jp', phone: '03-1234-5678' },
} as const;

export interface Desk {
  url: string;
  token: string;
  /** A new, empty data folder: the desk is not set up. */
  reset(): Promise<{ dataDir: string }>;
  api<T = unknown>(method: string, input?: unknown): Promise<Result<T>>;
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
