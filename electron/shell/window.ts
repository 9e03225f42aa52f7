// The desk's one window: locked-down web preferences and guards so the page can only ever be our renderer.
import { app, BrowserWindow, type WebContents } from 'electron';
import { appEntryUrl, isAppUrl } from './origin';
import { appPaths } from './paths';

export const windowTitle = '個人情報保護デスク — Privacy Office Desk';

export interface MainWindowOptions {
  /** Absolute path of the built preload; defaults to dist/shell/preload.cjs of the app. */
  preload?: string;
  /** The page to load; defaults to app://desk/index.html. */
  url?: string;
  /** Where and how large to open (window-state.ts); no x and y: centred. Defaults to 1280 × 800. */
  bounds?: { x?: number; y?: number; width: number; height: number };
}

/**
 * The renderer shows personal data of customers: it gets no Node, no remote content and no way to leave
 * our origin. Everything it may do goes through `window.api.call`, checked again by the core.
 */
export function createMainWindow(options: MainWindowOptions = {}): BrowserWindow {
  const window = new BrowserWindow({
    title: windowTitle,
    width: 1280,
    height: 800,
    ...options.bounds,
    minWidth: 1024,
    minHeight: 680,
    // Shown on ready-to-show: no white flash and no half-drawn window.
    show: false,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // Chromium's spellchecker downloads its dictionaries from the network on Windows and Linux: the desk makes no
      // network requests, and customers' names are not words to correct.
      spellcheck: false,
      devTools: !app.isPackaged,
      preload: options.preload ?? appPaths().preload,
    },
  });
  guardContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  // The page's <title> must not rename the window: the desk's name stays visible in the task bar.
  window.on('page-title-updated', (event) => event.preventDefault());
  void window.loadURL(options.url ?? appEntryUrl);
  return window;
}

/** No navigation, redirect, pop-up or webview away from app://desk: a link in data can never open a page. */
export function guardContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // New windows are refused outright, even to our own origin: the desk has one window holding one session.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
