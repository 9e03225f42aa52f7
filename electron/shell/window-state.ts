// The window's size, position and maximised state, remembered in userData/window-state.json and restored only where a
// connected display still shows it.
import { readFileSync } from 'node:fs';
import type { BrowserWindow, Rectangle } from 'electron';
import { writeFileAtomic } from '../core/files';

/** The desk's default and smallest sizes (window.ts): tables of requests need the width, the side menu the height. */
export const defaultSize = { width: 1280, height: 800 };
export const minimumSize = { width: 1024, height: 680 };

/** Moves and resizes come in bursts of dozens a second: the file is written once the window has been still this long. */
export const saveDelayMs = 500;

/** How much of the title bar must lie on a display for the person to grab it and move the window back. */
const grabWidth = 100;
const grabHeight = 20;

export interface WindowState {
  bounds: { x?: number; y?: number; width: number; height: number };
  maximized: boolean;
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** True when a strip of the title bar lies within one display's work area (not behind a task bar, not on a display now gone). */
function titleBarVisible(bounds: Rectangle, workAreas: Rectangle[]): boolean {
  return workAreas.some((area) => {
    const width = Math.min(bounds.x + bounds.width, area.x + area.width) - Math.max(bounds.x, area.x);
    const height = Math.min(bounds.y + grabHeight, area.y + area.height) - Math.max(bounds.y, area.y);
    return width >= grabWidth && height >= grabHeight;
  });
}

/**
 * The state to open with: the remembered one when it still lies on a connected display, else the default size,
 * centred (no x and y). A missing or damaged file is simply the first start.
 */
export function restoreWindowState(file: string, workAreas: Rectangle[]): WindowState {
  const fallback: WindowState = { bounds: { ...defaultSize }, maximized: false };
  let saved: unknown;
  try {
    saved = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return fallback;
  }
  if (typeof saved !== 'object' || saved === null) return fallback;
  const { x, y, width, height, maximized } = saved as Record<string, unknown>;
  if (!isNumber(x) || !isNumber(y) || !isNumber(width) || !isNumber(height)) return fallback;
  const bounds = { x: Math.round(x), y: Math.round(y), width: Math.max(Math.round(width), minimumSize.width), height: Math.max(Math.round(height), minimumSize.height) };
  // A laptop taken off its second screen: the window would open out of reach. The default size, centred, instead.
  if (!titleBarVisible(bounds, workAreas)) return { bounds: { ...defaultSize }, maximized: maximized === true };
  return { bounds, maximized: maximized === true };
}

/** Writes the window's state whole or not at all (a crash mid-write leaves the previous state, never half a file). */
export function saveWindowState(file: string, window: BrowserWindow): void {
  if (window.isDestroyed()) return;
  // The size it returns to when un-maximised: the maximised size is the display's, not the person's choice.
  const bounds = window.getNormalBounds();
  const state = { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height, maximized: window.isMaximized() };
  try {
    writeFileAtomic(file, `${JSON.stringify(state)}\n`);
  } catch (error) {
    // A full disk must not stop the window from closing: it opens at the default next time.
    console.error('desk: the window state could not be saved', error);
  }
}

/** Saves after moves and resizes (debounced) and at close; maximises once the page is ready if it was left so. */
export function trackWindowState(window: BrowserWindow, file: string, state: WindowState): void {
  if (state.maximized) window.once('ready-to-show', () => window.maximize());
  let timer: NodeJS.Timeout | null = null;
  const later = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      saveWindowState(file, window);
    }, saveDelayMs);
    timer.unref?.();
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event as 'resize', later);
  window.on('close', () => {
    if (timer) clearTimeout(timer);
    timer = null;
    saveWindowState(file, window);
  });
}
