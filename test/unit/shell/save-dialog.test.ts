// Exports go through the operating system's save dialog, over the desk's window, starting at the exports folder.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { electron, resetElectronStub, state } from './electron-stub';

vi.mock('electron', async () => (await import('./electron-stub')).electron);

const { electronSaveDialog } = await import('../../../electron/shell/save-dialog');

const defaultPath = '/home/officer/Documents/Privacy Desk exports/registers/ledger-2026-11-26.xlsx';
const filters = [{ name: 'Excel ブック', extensions: ['xlsx'] }];

beforeEach(() => resetElectronStub());

describe('the save dialog', () => {
  it('opens over the desk window at the default path in the exports folder, and returns the chosen path', async () => {
    const window = new electron.BrowserWindow({});
    state.saveDialogAnswer = '/home/officer/Desktop/監査用台帳.xlsx';
    const chosen = await electronSaveDialog({ window: () => window as never, language: () => 'ja' }).choose({ defaultPath, filters });
    expect(chosen).toBe('/home/officer/Desktop/監査用台帳.xlsx');
    expect(state.saveDialogs).toEqual([
      { window, options: { title: '書き出し先を選ぶ', defaultPath, filters, properties: ['createDirectory', 'showOverwriteConfirmation'] } },
    ]);
  });

  it('returns null when the person cancels', async () => {
    state.saveDialogAnswer = null;
    expect(await electronSaveDialog({ window: () => null, language: () => 'en' }).choose({ defaultPath, filters })).toBeNull();
    expect(state.saveDialogs[0]?.options.title).toBe('Choose where to save');
  });
});
