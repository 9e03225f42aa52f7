// Starting the desk: one instance, sandbox and scheme before ready, no permissions, no network, the core closed on quit.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../../electron/core/core';
import type { DeskOptions } from '../../../electron/core/desk';
import { electron, electronEvent, FakeBrowserWindow, resetElectronStub, state } from './electron-stub';

vi.mock('electron', async () => (await import('./electron-stub')).electron);

const { start } = await import('../../../electron/shell/main');
const { deskCallChannel } = await import('../../../electron/shell/channel');

interface FakeCore extends Core {
  options: DeskOptions[];
  calls: [string, unknown][];
  closed: number;
}

let core: FakeCore;
function createCore(options: DeskOptions): Core {
  core.options.push(options);
  return core;
}

beforeEach(() => {
  resetElectronStub();
  core = {
    options: [],
    calls: [],
    closed: 0,
    desk: {} as Core['desk'],
    async call(method, input) {
      core.calls.push([method, input]);
      return { ok: true, value: 'answered' };
    },
    async close() {
      await new Promise((resolve) => setTimeout(resolve, 5));
      core.closed++;
    },
  };
});

async function started() {
  const result = await start({ createCore });
  if (!result) throw new Error('the desk did not start');
  const window = FakeBrowserWindow.created[0];
  if (!window) throw new Error('no window');
  return { ...result, window };
}

describe('starting the desk', () => {
  it('does nothing when merely imported (only the built entry starts the app)', () => {
    expect(FakeBrowserWindow.created).toEqual([]);
    expect(state.log).toEqual([]);
  });

  it('turns on the sandbox and registers app:// before Electron is ready', async () => {
    await started();
    const ready = state.log.indexOf('ready');
    expect(ready).toBeGreaterThan(-1);
    expect(state.log.indexOf('app.enableSandbox')).toBeLessThan(ready);
    expect(state.log.indexOf('app.requestSingleInstanceLock')).toBeLessThan(ready);
    expect(state.log.indexOf('protocol.registerSchemesAsPrivileged')).toBeLessThan(ready);
    expect(state.log.indexOf('protocol.handle')).toBeGreaterThan(ready);
  });

  it('a second launch asks for the single-instance lock, does not open the database, and quits', async () => {
    state.singleInstanceLock = false;
    expect(await start({ createCore })).toBeNull();
    expect(state.log).toContain('app.requestSingleInstanceLock');
    expect(state.quitCalls).toBe(1);
    expect(core.options).toEqual([]);
    expect(FakeBrowserWindow.created).toEqual([]);
    expect(state.ipcHandlers.size).toBe(0);
  });

  it('brings the open desk to the front when someone launches it again', async () => {
    const { window } = await started();
    window.minimized = true;
    electron.app.emit('second-instance', electronEvent(), [], '/');
    expect(window.minimized).toBe(false);
    expect(window.focused).toBe(true);
  });

  it("keeps the database in a private folder of the user's profile and exports in Documents", async () => {
    await started();
    const dataDir = join(electron.app.getPath('userData'), 'desk');
    expect(core.options).toEqual([
      {
        dataDir,
        exportsDir: join(electron.app.getPath('documents'), 'Privacy Desk exports'),
        printer: expect.objectContaining({ htmlToPdf: expect.any(Function) }),
        saveDialog: expect.objectContaining({ choose: expect.any(Function) }),
        onLanguage: expect.any(Function),
      },
    ]);
    if (process.platform !== 'win32') expect(statSync(dataDir).mode & 0o777).toBe(0o700);
  });

  it('refuses the page every permission it could ask for or check', async () => {
    await started();
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal']) {
      const answers: boolean[] = [];
      state.permissionRequestHandler?.({}, permission, (granted: boolean) => answers.push(granted), {});
      expect(answers, permission).toEqual([false]);
      expect(state.permissionCheckHandler?.({}, permission, 'app://desk', {}), permission).toBe(false);
    }
    expect(state.devicePermissionHandler?.({ deviceType: 'usb', origin: 'app://desk' })).toBe(false);
  });

  it('lets no request leave for the network, only the desk files', async () => {
    await started();
    const cancelled = (url: string): boolean => {
      let answer: { cancel: boolean } | undefined;
      state.beforeRequest?.({ url }, (response: { cancel: boolean }) => (answer = response));
      if (!answer) throw new Error(`no answer for ${url}`);
      return answer.cancel;
    };
    expect(cancelled('https://example.com/tracker.js')).toBe(true);
    expect(cancelled('http://127.0.0.1:9000/api')).toBe(true);
    expect(cancelled('file:///etc/passwd')).toBe(true);
    expect(cancelled('app://desk.evil/')).toBe(true);
    expect(cancelled('app://desk/assets/main.js')).toBe(false);
  });

  it('shows the desk page from app:// in the one window, served from the built renderer', async () => {
    const { window } = await started();
    expect(FakeBrowserWindow.created).toHaveLength(1);
    expect(window.loadedUrl).toBe('app://desk/index.html');
    expect(window.options.webPreferences.preload).toBe(join(electron.app.getAppPath(), 'dist', 'shell', 'preload.cjs'));
    expect([...state.protocolHandlers.keys()]).toEqual(['app']);
  });

  it('wires exactly one IPC channel from the window to the core', async () => {
    const { window } = await started();
    expect([...state.ipcHandlers.keys()]).toEqual([deskCallChannel]);
    const handler = state.ipcHandlers.get(deskCallChannel)!;
    const result = await handler({ sender: window.webContents, senderFrame: window.webContents.mainFrame }, 'setup.status', {});
    expect(result).toEqual({ ok: true, value: 'answered' });
    expect(core.calls).toEqual([['setup.status', {}]]);
  });

  it('sets the menu in Japanese at start and rebuilds it in English when the signed-in person reads English', async () => {
    await started();
    const menuNames = () => state.menus.at(-1)!.template.map((item: { label: string }) => item.label);
    expect(menuNames()).toContain('編集');
    core.options[0]!.onLanguage!('en');
    expect(menuNames()).toContain('Edit');
    expect(menuNames()).not.toContain('編集');
  });

  it("opens the save dialog over the desk's window, titled in the signed-in person's language", async () => {
    const { window } = await started();
    core.options[0]!.onLanguage!('en');
    const path = await core.options[0]!.saveDialog!.choose({ defaultPath: '/exports/registers/ledger.xlsx', filters: [] });
    expect(path).toBe('/exports/registers/ledger.xlsx');
    expect(state.saveDialogs[0]).toMatchObject({ window, options: { title: 'Choose where to save' } });
  });

  it('opens the window where it was left, and remembers where it is when it closes', async () => {
    const file = join(electron.app.getPath('userData'), 'window-state.json');
    mkdirSync(electron.app.getPath('userData'), { recursive: true });
    writeFileSync(file, JSON.stringify({ x: 240, y: 60, width: 1500, height: 940, maximized: false }));
    const { window } = await started();
    expect(window.options).toMatchObject({ x: 240, y: 60, width: 1500, height: 940, minWidth: 1024, minHeight: 680 });
    window.bounds = { x: 300, y: 80, width: 1600, height: 1000 };
    window.emit('close');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ x: 300, y: 80, width: 1600, height: 1000, maximized: false });
  });

  it('quits when its window closes, on every platform', async () => {
    await started();
    electron.app.emit('window-all-closed');
    expect(state.quitCalls).toBe(1);
  });

  it('closes the database before quitting, once', async () => {
    await started();
    const first = electronEvent();
    electron.app.emit('will-quit', first);
    expect(first.prevented).toBe(true);
    expect(state.quitCalls).toBe(0);
    await vi.waitFor(() => expect(state.quitCalls).toBe(1));
    expect(core.closed).toBe(1);
    // The quit that follows the close goes through.
    const second = electronEvent();
    electron.app.emit('will-quit', second);
    expect(second.prevented).toBe(false);
    expect(core.closed).toBe(1);
  });

  it('still quits when closing the database fails', async () => {
    await started();
    core.close = async () => {
      throw new Error('busy');
    };
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    electron.app.emit('will-quit', electronEvent());
    await vi.waitFor(() => expect(state.quitCalls).toBe(1));
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });
});
