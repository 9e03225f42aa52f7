// The app's entry in Electron's main process: one instance, one locked-down window, the core behind one IPC channel.
import { mkdirSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { app, dialog, screen, session, type BrowserWindow } from 'electron';
import { createCore as createDeskCore, type Core } from '../core/core';
import { registerIpc } from './ipc';
import { applyMenu, type MenuLanguage } from './menu';
import { isAppUrl } from './origin';
import { appPaths } from './paths';
import { electronPrinter } from './printer';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { electronSaveDialog } from './save-dialog';
import { createMainWindow, windowTitle } from './window';
import { restoreWindowState, trackWindowState } from './window-state';

export interface ShellDeps {
  createCore: typeof createDeskCore;
}

export interface Started {
  core: Core;
  window: BrowserWindow;
}

/** Requests the page (or Electron itself) may make: our own files, DevTools in development, inline data. */
function requestAllowed(url: string): boolean {
  if (isAppUrl(url)) return true;
  const scheme = url.slice(0, url.indexOf(':') + 1);
  return scheme === 'data:' || scheme === 'blob:' || scheme === 'devtools:' || scheme === 'chrome-devtools:';
}

/**
 * Starts the desk. Returns null in a second instance (which quits) and the core and window otherwise.
 * Everything that must happen before `ready` happens before the first await.
 */
export async function start(deps: Partial<ShellDeps> = {}): Promise<Started | null> {
  const createCore = deps.createCore ?? createDeskCore;

  // Every renderer in a sandbox, whatever a future BrowserWindow forgets to set.
  app.enableSandbox();

  // One desk per user: two processes on one SQLCipher database and keyring would race on sign-in state,
  // lockout counters and the audit chain. A second launch hands over to the first and quits.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }

  registerAppScheme();

  let window: BrowserWindow | null = null;
  let core: Core | null = null;

  app.on('second-instance', () => {
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });

  // Quit when the window closes, on macOS too: the desk holds an unlocked database and a signed-in session
  // in this process, so a closed window must not leave them open in the background (the usual macOS habit
  // of staying alive in the Dock). Quitting closes the database below.
  app.on('window-all-closed', () => app.quit());

  // Close the core (sign out, audit, close the database) before the process ends, once: the first
  // will-quit waits for it, then quits again and lets the second one through.
  let closing: Promise<void> | null = null;
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed || !core) return;
    event.preventDefault();
    closing ??= core
      .close()
      .catch((error: unknown) => console.error('desk: closing the core failed', error))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });

  await app.whenReady();

  // The data folder stays in the user's profile, readable by the owner only (the core's Desk chmods it too).
  const dataDir = join(app.getPath('userData'), 'desk');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  // Exports (signed audit files, CSVs for the auditor) are meant to leave the app: they go where the officer
  // looks for documents and can hand them on, not into the hidden profile folder. The core creates it when
  // it first writes there.
  const exportsDir = join(app.getPath('documents'), 'Privacy Desk exports');
  // The menu starts in Japanese (the desk's default) and follows the signed-in person's language from then on.
  let language: MenuLanguage = 'ja';
  const saveDialog = electronSaveDialog({ window: () => window, language: () => language });
  const onLanguage = (next: MenuLanguage) => {
    language = next;
    applyMenu(language, () => window);
  };
  core = createCore({ dataDir, exportsDir, printer: electronPrinter(), saveDialog, onLanguage });
  const deskCore = core;
  applyMenu(language, () => window);

  // No camera, microphone, notifications, geolocation, clipboard reads, USB, serial, HID...: the desk needs none,
  // so a compromised page gets none, without a prompt the user could accept.
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // No remote content ever: the CSP already forbids it in the page; this also stops anything else in the
  // session (a favicon, a DevTools extension, a spellchecker dictionary) from reaching the network.
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !requestAllowed(details.url) }));

  const paths = appPaths();
  handleAppProtocol(paths.renderer);
  registerIpc({ core: () => deskCore, window: () => window });
  // Beside the desk folder, not in it: the size of a window is no business of the database's backups.
  const stateFile = join(app.getPath('userData'), 'window-state.json');
  const state = restoreWindowState(stateFile, screen.getAllDisplays().map((display) => display.workArea));
  window = createMainWindow({ preload: paths.preload, bounds: state.bounds });
  trackWindowState(window, stateFile, state);
  window.on('closed', () => {
    window = null;
  });
  return { core: deskCore, window };
}

// build/build-shell.ts defines this as true in dist/shell/main.cjs, the file Electron runs; tests import
// `start` and call it with a stub of Electron instead.
declare const __DESK_SHELL_ENTRY__: boolean | undefined;
if (typeof __DESK_SHELL_ENTRY__ !== 'undefined' && __DESK_SHELL_ENTRY__) {
  start().catch((error: unknown) => {
    // A desk that cannot open its data folder must say so, not vanish: the officer calls IT with this text.
    console.error('desk: failed to start', error);
    dialog.showErrorBox(windowTitle, `起動できませんでした / The desk could not start.\n\n${error instanceof Error ? error.message : String(error)}`);
    app.exit(1);
  });
}
