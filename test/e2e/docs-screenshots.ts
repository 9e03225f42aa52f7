// The README's pictures of the main screens, in Japanese at 1280×800, written only when DOCS_SCREENSHOTS=1 so CI runs do not churn the repository.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

/** The screens the README and docs/first-day.md show, by their stable file names. */
export type DocsScreen = 'dashboard' | 'customers' | 'customer-record' | 'requests' | 'request' | 'incidents' | 'ledger' | 'reports' | 'audit';

const docsDir = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');

export const docsScreenshotsWanted = process.env.DOCS_SCREENSHOTS === '1';

export async function docsScreenshot(page: Page, name: DocsScreen): Promise<void> {
  if (!docsScreenshotsWanted) return;
  mkdirSync(docsDir, { recursive: true });
  await page.mouse.move(0, 0); // no tooltip or hover in the picture
  await page.evaluate(() => window.scrollTo(0, 0));
  // The window a person sees (1280×800), not the full page: the README shows screens, not scrolls.
  await page.screenshot({ path: join(docsDir, `${name}.png`), fullPage: false, animations: 'disabled' });
}
