// The host's printer: the system Chromium prints HTML to PDF, as Electron's printToPDF does in the app.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Printer } from '../core/printer';

export function chromiumPrinter(executable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'): Printer {
  return {
    async htmlToPdf(html) {
      const dir = mkdtempSync(join(tmpdir(), 'desk-print-'));
      try {
        const page = join(dir, 'page.html');
        const out = join(dir, 'out.pdf');
        // The page is ours and static; its own CSP (default-src 'none') keeps scripts and requests out.
        writeFileSync(page, html);
        const args = [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--no-pdf-header-footer',
          `--user-data-dir=${join(dir, 'profile')}`,
          `--print-to-pdf=${out}`,
          pathToFileURL(page).href,
        ];
        await new Promise<void>((resolve, reject) => {
          const child = spawn(executable, args, { stdio: 'ignore' });
          const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
          child.once('error', reject);
          child.once('exit', (code) => {
            clearTimeout(timer);
            code === 0 ? resolve() : reject(new Error(`chromium exited with ${code}`));
          });
        });
        return readFileSync(out);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
