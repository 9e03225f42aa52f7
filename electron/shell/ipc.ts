// The one IPC channel: a call from our window's main frame on app://desk goes to the core, nothing else does.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { Result } from '../../src-shared/errors';
import type { Core } from '../core/core';
import { deskCallChannel } from './channel';
import { isAppUrl } from './origin';

const forbidden: Result<never> = { ok: false, error: { code: 'FORBIDDEN', message: 'ipc.sender' } };

export interface IpcOptions {
  core: () => Core;
  /** The desk's window; null while it does not exist. */
  window: () => BrowserWindow | null;
}

/**
 * Only the main frame of our own window, showing our own origin, may call. A frame from elsewhere (an
 * iframe, a page navigated away despite the guards, another webContents) is refused before the core is
 * reached. The core still validates the method, the input, the session and the permission.
 */
export function senderIsOurPage(event: IpcMainInvokeEvent, window: BrowserWindow | null): boolean {
  if (!window || window.isDestroyed()) return false;
  const frame = event.senderFrame;
  if (!frame) return false; // the frame navigated or was destroyed since it sent the call
  if (event.sender !== window.webContents) return false;
  if (frame !== window.webContents.mainFrame) return false;
  return isAppUrl(frame.url);
}

export function registerIpc(options: IpcOptions): void {
  ipcMain.handle(deskCallChannel, async (event, method: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!senderIsOurPage(event, options.window())) return forbidden;
    if (typeof method !== 'string') return { ok: false, error: { code: 'BAD_REQUEST', message: 'request.malformed' } };
    try {
      return await options.core().call(method, input);
    } catch {
      // The router turns errors into results; this is the last guard so no stack trace crosses to the page.
      return { ok: false, error: { code: 'INTERNAL', message: 'internal' } };
    }
  });
}
