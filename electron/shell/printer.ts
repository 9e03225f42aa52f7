// The app's printer for the core: a hidden, script-less window renders our own HTML and prints it to PDF.
import { BrowserWindow } from 'electron';
import type { Printer } from '../core/printer';

export function electronPrinter(): Printer {
  return {
    async htmlToPdf(html) {
      const window = new BrowserWindow({
        show: false,
        webPreferences: {
          // The page is ours and static: no scripts, no Node, no preload, sandboxed like the desk's window.
          javascript: false,
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          webSecurity: true,
        },
      });
      try {
        await window.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
        return Buffer.from(await window.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true }));
      } finally {
        window.destroy();
      }
    },
  };
}
