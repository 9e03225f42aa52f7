// The desk's window: locked-down web preferences, and a page that can never leave app://desk.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { electron, electronEvent, FakeBrowserWindow, resetElectronStub } from './electron-stub';

vi.mock('electron', async () => (await import('./electron-stub')).electron);

const { createMainWindow, windowTitle } = await import('../../../electron/shell/window');

function open(): FakeBrowserWindow {
  createMainWindow({ preload: '/app/dist/shell/preload.cjs' });
  const window = FakeBrowserWindow.created.at(-1);
  if (!window) throw new Error('no window was created');
  return window;
}

beforeEach(() => resetElectronStub());

describe('the desk window', () => {
  it('runs the page sandboxed, isolated and without Node, with only our preload', () => {
    const window = open();
    expect(window.options.webPreferences).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: false,
      devTools: true,
      preload: '/app/dist/shell/preload.cjs',
    });
  });

  it('offers no DevTools in the installed app', () => {
    electron.app.isPackaged = true;
    expect(open().options.webPreferences.devTools).toBe(false);
  });

  it('finds the built preload next to the app when none is given', () => {
    createMainWindow();
    const preload = FakeBrowserWindow.created[0]?.options.webPreferences.preload as string;
    expect(preload).toMatch(/[\\/]dist[\\/]shell[\\/]preload\.cjs$/);
    expect(preload.startsWith(electron.app.getAppPath())).toBe(true);
  });

  it('is titled in Japanese first, at a desk size, and loads our own page', () => {
    const window = open();
    expect(windowTitle).toBe('個人情報保護デスク — Privacy Office Desk');
    expect(window.options).toMatchObject({ title: windowTitle, width: 1280, height: 800, minWidth: 1024, minHeight: 680 });
    expect(window.loadedUrl).toBe('app://desk/index.html');
  });

  it('appears only once its page is ready to show', () => {
    const window = open();
    expect(window.options.show).toBe(false);
    expect(window.shown).toBe(false);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
  });

  it('refuses a link that would navigate the desk to a web site', () => {
    const contents = open().webContents;
    for (const url of ['https://example.com/', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'app://desk.evil.example/', 'app://user@desk/']) {
      const event = electronEvent(url);
      contents.emit('will-navigate', event);
      expect(event.prevented, url).toBe(true);
    }
  });

  it('lets the desk move between its own pages', () => {
    const contents = open().webContents;
    const event = electronEvent('app://desk/index.html#/customers');
    contents.emit('will-navigate', event);
    expect(event.prevented).toBe(false);
  });

  it('refuses a redirect or a frame navigation away from the desk', () => {
    const contents = open().webContents;
    const redirect = electronEvent('https://example.com/');
    contents.emit('will-redirect', redirect);
    const frame = electronEvent('https://example.com/');
    contents.emit('will-frame-navigate', frame);
    const own = electronEvent('app://desk/index.html');
    contents.emit('will-redirect', own);
    expect([redirect.prevented, frame.prevented, own.prevented]).toEqual([true, true, false]);
  });

  it('refuses a page that tries to open a new window, even one of its own', () => {
    const handler = open().webContents.windowOpenHandler;
    expect(handler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(handler?.({ url: 'app://desk/index.html' })).toEqual({ action: 'deny' });
  });

  it('refuses to attach a webview', () => {
    const contents = open().webContents;
    const event = electronEvent();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.prevented).toBe(true);
  });
});
