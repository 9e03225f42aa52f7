// Printing a blank statement in the app: a hidden window without scripts renders our HTML to A4 PDF, then goes.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, resetElectronStub } from './electron-stub';

vi.mock('electron', async () => (await import('./electron-stub')).electron);

const { electronPrinter } = await import('../../../electron/shell/printer');

beforeEach(() => resetElectronStub());

describe('the app prints to PDF', () => {
  it('in a hidden, sandboxed window with scripts off, and closes it afterwards', async () => {
    const pdf = await electronPrinter().htmlToPdf('<h1>誓約書</h1>');
    expect(pdf.toString()).toContain('%PDF');
    const window = FakeBrowserWindow.created.at(-1)!;
    expect(window.options.show).toBe(false);
    expect(window.options.webPreferences).toMatchObject({ javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(window.loadedUrl).toMatch(/^data:text\/html;charset=utf-8;base64,/);
    expect(Buffer.from(window.loadedUrl!.split(',')[1]!, 'base64').toString()).toBe('<h1>誓約書</h1>');
    expect(window.webContents.printOptions).toMatchObject({ pageSize: 'A4' });
    expect(window.destroyed).toBe(true);
  });
});
