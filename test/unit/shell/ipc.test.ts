// The one IPC channel: only our window's own page reaches the core.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { FakeBrowserWindow, FakeFrame, FakeWebContents, resetElectronStub, state } from './electron-stub';

vi.mock('electron', async () => (await import('./electron-stub')).electron);

const { registerIpc } = await import('../../../electron/shell/ipc');
const { deskCallChannel } = await import('../../../electron/shell/channel');

function fakeCore(): Core & { calls: [string, unknown][] } {
  const calls: [string, unknown][] = [];
  return {
    calls,
    desk: {} as Core['desk'],
    call: async (method, input) => {
      calls.push([method, input]);
      return { ok: true, value: { needsSetup: true } };
    },
    close: async () => undefined,
  };
}

let core: ReturnType<typeof fakeCore>;
let window: FakeBrowserWindow;

function handler(): (event: unknown, ...args: unknown[]) => Promise<unknown> {
  const registered = state.ipcHandlers.get(deskCallChannel);
  if (!registered) throw new Error('no handler on the desk channel');
  return registered as (event: unknown, ...args: unknown[]) => Promise<unknown>;
}

/** An invoke event as Electron builds it: the sending webContents and frame. */
function from(sender: FakeWebContents, senderFrame: FakeFrame | null) {
  return { sender, senderFrame, frameId: 1, processId: 1, type: 'frame' };
}

const forbidden = { ok: false, error: { code: 'FORBIDDEN', message: 'ipc.sender' } };

beforeEach(() => {
  resetElectronStub();
  core = fakeCore();
  window = new FakeBrowserWindow({});
  registerIpc({ core: () => core, window: () => window as never });
});

describe('the desk IPC channel', () => {
  it('is exactly one channel', () => {
    expect([...state.ipcHandlers.keys()]).toEqual([deskCallChannel]);
  });

  it('passes a call from the desk page to the core and returns its result', async () => {
    const result = await handler()(from(window.webContents, window.webContents.mainFrame), 'setup.status', { a: 1 });
    expect(result).toEqual({ ok: true, value: { needsSetup: true } });
    expect(core.calls).toEqual([['setup.status', { a: 1 }]]);
  });

  it('refuses a page from a foreign origin without reaching the core', async () => {
    for (const url of ['https://example.com/', 'file:///tmp/x.html', 'app://desk.evil/', 'about:blank', '']) {
      window.webContents.mainFrame.url = url;
      expect(await handler()(from(window.webContents, window.webContents.mainFrame), 'auth.signIn', {}), url).toEqual(forbidden);
    }
    expect(core.calls).toEqual([]);
  });

  it('refuses a frame inside the page, even on our origin', async () => {
    const child = new FakeFrame('app://desk/index.html');
    expect(await handler()(from(window.webContents, child), 'auth.signIn', {})).toEqual(forbidden);
    expect(core.calls).toEqual([]);
  });

  it('refuses another webContents that shows our page', async () => {
    const other = new FakeWebContents();
    expect(await handler()(from(other, other.mainFrame), 'auth.signIn', {})).toEqual(forbidden);
    expect(core.calls).toEqual([]);
  });

  it('refuses a call whose frame has already navigated away or gone', async () => {
    expect(await handler()(from(window.webContents, null), 'auth.signIn', {})).toEqual(forbidden);
    window.destroyed = true;
    expect(await handler()(from(window.webContents, window.webContents.mainFrame), 'auth.signIn', {})).toEqual(forbidden);
    expect(core.calls).toEqual([]);
  });

  it('refuses a method name that is not a string', async () => {
    const result = await handler()(from(window.webContents, window.webContents.mainFrame), { toString: () => 'setup.status' }, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(core.calls).toEqual([]);
  });

  it('turns a fault in the core into an error result without its stack', async () => {
    core.call = async () => {
      throw new Error('disk on fire at /home/officer/desk.db');
    };
    const result = await handler()(from(window.webContents, window.webContents.mainFrame), 'setup.status', {});
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'internal' } });
  });
});
