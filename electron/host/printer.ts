// The host's printer: the system Chromium prints HTML to PDF over the DevTools protocol, as Electron's printToPDF does.
import { chromium } from '@playwright/test';
import type { Printer } from '../core/printer';

/** A print that takes longer than this is a hung browser, not a long document. */
const printTimeoutMs = 60_000;

/**
 * The page goes to the browser over its DevTools pipe and the PDF comes back the same way: neither touches the disk.
 * (Chromium's `--print-to-pdf` needed the page as a file and wrote the PDF to a file, so a disclosure package lay in
 * plain text in the temp folder while it printed; test/unit/security/no-plaintext.test.ts watches for that.)
 */
export function chromiumPrinter(executable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'): Printer {
  return {
    async htmlToPdf(html) {
      const browser = await chromium.launch({
        executablePath: executable,
        timeout: printTimeoutMs,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      });
      const timer = setTimeout(() => void browser.close(), printTimeoutMs);
      try {
        // The page is ours and static; scripts are off and the network is cut, besides its own CSP (default-src 'none').
        const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
        const page = await context.newPage();
        await page.setContent(html, { waitUntil: 'load', timeout: printTimeoutMs });
        // The page's own @page rule sets its size and margins (A4, or A4 landscape for the registers).
        return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      } finally {
        clearTimeout(timer);
        await browser.close();
      }
    },
  };
}
