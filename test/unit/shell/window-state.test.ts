// The window opens where the officer left it, maximised if it was, and never off every screen or too small.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { electron, FakeBrowserWindow, resetElectronStub } from './electron-stub';

vi.mock('electron', async () => (await import('./electron-stub')).electron);

const { restoreWindowState, saveDelayMs, saveWindowState, trackWindowState } = await import('../../../electron/shell/window-state');

const office = [{ x: 0, y: 0, width: 1920, height: 1040 }];
let file: string;

beforeEach(() => {
  resetElectronStub();
  file = join(mkdtempSync(join(tmpdir(), 'desk-window-')), 'window-state.json');
});
afterEach(() => vi.useRealTimers());

function windowAt(bounds: { x: number; y: number; width: number; height: number }) {
  const window = new electron.BrowserWindow(bounds);
  return window as FakeBrowserWindow;
}

describe('the window remembers its place', () => {
  it('opens at 1280 × 800, centred, the first time and after a damaged file', () => {
    expect(restoreWindowState(file, office)).toEqual({ bounds: { width: 1280, height: 800 }, maximized: false });
    writeFileSync(file, '{"x": 10, "y":');
    expect(restoreWindowState(file, office)).toEqual({ bounds: { width: 1280, height: 800 }, maximized: false });
  });

  it('comes back at the size and place it was closed, maximised if it was', () => {
    const window = windowAt({ x: 200, y: 100, width: 1400, height: 900 });
    trackWindowState(window as never, file, { bounds: { width: 1280, height: 800 }, maximized: false });
    window.maximized = true;
    window.emit('close');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ x: 200, y: 100, width: 1400, height: 900, maximized: true });
    expect(restoreWindowState(file, office)).toEqual({ bounds: { x: 200, y: 100, width: 1400, height: 900 }, maximized: true });
  });

  it('maximises a window left maximised once its page is ready', () => {
    const window = windowAt({ x: 200, y: 100, width: 1400, height: 900 });
    trackWindowState(window as never, file, { bounds: { width: 1400, height: 900 }, maximized: true });
    expect(window.maximized).toBe(false);
    window.emit('ready-to-show');
    expect(window.maximized).toBe(true);
  });

  it('saves once the window has been still for a moment after moves and resizes, not on every step', () => {
    vi.useFakeTimers();
    const window = windowAt({ x: 0, y: 0, width: 1280, height: 800 });
    trackWindowState(window as never, file, { bounds: { width: 1280, height: 800 }, maximized: false });
    for (let step = 1; step <= 5; step++) {
      window.bounds = { ...window.bounds, x: step * 10 };
      window.emit('move');
    }
    expect(existsSync(file)).toBe(false);
    vi.advanceTimersByTime(saveDelayMs);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ x: 50, y: 0 });
  });

  it('ignores a place on a display no longer connected, and opens centred at the default size', () => {
    writeFileSync(file, JSON.stringify({ x: 2200, y: 100, width: 1400, height: 900, maximized: false }));
    expect(restoreWindowState(file, [{ x: 0, y: 0, width: 1920, height: 1040 }, { x: 1920, y: 0, width: 1920, height: 1080 }]).bounds).toEqual({ x: 2200, y: 100, width: 1400, height: 900 });
    expect(restoreWindowState(file, office)).toEqual({ bounds: { width: 1280, height: 800 }, maximized: false });
  });

  it('ignores a place whose title bar is above the screen or only a sliver on it', () => {
    writeFileSync(file, JSON.stringify({ x: 100, y: -300, width: 1280, height: 800, maximized: false }));
    expect(restoreWindowState(file, office).bounds).toEqual({ width: 1280, height: 800 });
    writeFileSync(file, JSON.stringify({ x: 1880, y: 100, width: 1280, height: 800, maximized: false }));
    expect(restoreWindowState(file, office).bounds).toEqual({ width: 1280, height: 800 });
  });

  it('never opens smaller than the smallest size the screens need', () => {
    writeFileSync(file, JSON.stringify({ x: 50, y: 50, width: 300, height: 200, maximized: false }));
    expect(restoreWindowState(file, office).bounds).toEqual({ x: 50, y: 50, width: 1024, height: 680 });
  });

  it('writes nothing for a window already gone', () => {
    const window = windowAt({ x: 0, y: 0, width: 1280, height: 800 });
    window.destroyed = true;
    saveWindowState(file, window as never);
    expect(existsSync(file)).toBe(false);
  });
});
