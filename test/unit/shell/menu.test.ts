// The application menu: copy, paste and undo in every field, in the person's language, switching when they switch.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { electron, FakeBrowserWindow, resetElectronStub, state } from './electron-stub';

vi.mock('electron', async () => (await import('./electron-stub')).electron);

const { menuTemplate, printPage, showAbout } = await import('../../../electron/shell/menu');

type Item = { label?: string; role?: string; type?: string; submenu?: Item[]; click?: () => void; accelerator?: string };
const editRoles = ['undo', 'redo', 'cut', 'copy', 'paste', 'pasteAndMatchStyle', 'delete', 'selectAll'];

function menu(language: 'ja' | 'en', platform: NodeJS.Platform = 'win32', isPackaged = true) {
  const printed: string[] = [];
  const template = menuTemplate({ language, platform, isPackaged, onPrint: () => printed.push('print'), onAbout: () => printed.push('about') }) as Item[];
  return { template, printed };
}
const labels = (items: Item[]) => items.map((i) => i.label);
const roles = (item: Item | undefined) => (item?.submenu ?? []).map((i) => i.role).filter(Boolean);

beforeEach(() => resetElectronStub());

describe('the application menu', () => {
  it('reads ファイル 編集 表示 ウィンドウ ヘルプ in Japanese, with every edit role so copy, paste and undo work in fields', () => {
    const { template } = menu('ja');
    expect(labels(template)).toEqual(['ファイル', '編集', '表示', 'ウィンドウ', 'ヘルプ']);
    expect(roles(template[1])).toEqual(editRoles);
    expect(labels(template[1]!.submenu!.filter((i) => i.role))).toEqual(['取り消す', 'やり直す', '切り取り', 'コピー', '貼り付け', 'ペーストしてスタイルを合わせる', '削除', 'すべてを選択']);
  });

  it('reads File Edit View Window Help in English, with the same edit roles', () => {
    const { template } = menu('en');
    expect(labels(template)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(roles(template[1])).toEqual(editRoles);
    expect(template[0]!.submenu!.map((i) => i.label ?? i.type)).toEqual(['Print…', 'separator', 'Quit']);
  });

  it("prints the page from ファイル > 印刷… with Ctrl+P, and shows the desk's version from Help", () => {
    const { template, printed } = menu('ja');
    const print = template[0]!.submenu![0]!;
    expect([print.label, print.accelerator]).toEqual(['印刷…', 'CmdOrCtrl+P']);
    print.click?.();
    template[4]!.submenu![0]!.click?.();
    expect(printed).toEqual(['print', 'about']);
  });

  it('offers zoom always, but reload and DevTools only while developing', () => {
    expect(roles(menu('en', 'linux', true).template[2])).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    expect(roles(menu('en', 'linux', false).template[2])).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'reload', 'toggleDevTools']);
  });

  it('puts the app menu first on macOS, with quit there and close window in File', () => {
    const { template } = menu('ja', 'darwin');
    expect(labels(template)).toEqual(['個人情報保護デスク', 'ファイル', '編集', '表示', 'ウィンドウ', 'ヘルプ']);
    expect(roles(template[0])).toEqual(['services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(roles(template[1])).toEqual(['close']);
    expect(roles(template[2])).toEqual(editRoles);
  });

  it("prints through the page's own print, which records the printout first", async () => {
    const window = new electron.BrowserWindow({});
    printPage(window as never);
    expect(window.webContents.executed).toEqual(['typeof window.deskPrint === "function" ? window.deskPrint() : window.print()']);
    window.destroyed = true;
    printPage(window as never);
    expect(window.webContents.executed).toHaveLength(1);
  });

  it('shows the version in the about box, in the chosen language', () => {
    showAbout('en', null);
    showAbout('ja', FakeBrowserWindow.created[0] as never);
    expect(state.messageBoxes.map((b) => [b.title, b.detail.split('\n')[0]])).toEqual([
      ['About Privacy Office Desk', 'Version 1.9.0'],
      ['個人情報保護デスクについて', 'バージョン 1.9.0'],
    ]);
  });
});
