// The application menu in Japanese and English: the standard edit roles (so copy, paste and undo work in every field),
// printing, zoom, the window and an about box; rebuilt when the signed-in person's language changes.
import { app, dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { desktopEn } from '../../renderer/src/i18n/en/desktop';
import { desktopJa } from '../../renderer/src/i18n/ja/desktop';
import { windowTitle } from './window';

export type MenuLanguage = 'ja' | 'en';

export interface MenuOptions {
  language: MenuLanguage;
  platform: NodeJS.Platform;
  /** Reload and DevTools only while developing: in the installed app they would let anyone read the page's data. */
  isPackaged: boolean;
  /** ファイル > 印刷…: the page's own print (it records the printout first, see PrintButton.tsx). */
  onPrint: () => void;
  onAbout: () => void;
}

export function menuLabels(language: MenuLanguage) {
  return (language === 'en' ? desktopEn : desktopJa).desktop.menu;
}

/** The menu as a template, kept apart from Electron so that tests read it item by item. */
export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const l = menuLabels(options.language);
  const mac = options.platform === 'darwin';
  const appMenu: MenuItemConstructorOptions = {
    label: l.app,
    submenu: [
      { label: l.about, click: options.onAbout },
      { type: 'separator' },
      { role: 'services', label: l.services },
      { type: 'separator' },
      { role: 'hide', label: l.hide },
      { role: 'hideOthers', label: l.hideOthers },
      { role: 'unhide', label: l.unhide },
      { type: 'separator' },
      { role: 'quit', label: l.quit },
    ],
  };
  const file: MenuItemConstructorOptions = {
    label: l.file,
    submenu: [
      { label: l.print, accelerator: 'CmdOrCtrl+P', click: options.onPrint },
      { type: 'separator' },
      // macOS quits from the app menu and closes windows from File; elsewhere File ends with Quit.
      mac ? { role: 'close', label: l.close } : { role: 'quit', label: l.quit },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: l.edit,
    submenu: [
      { role: 'undo', label: l.undo },
      { role: 'redo', label: l.redo },
      { type: 'separator' },
      { role: 'cut', label: l.cut },
      { role: 'copy', label: l.copy },
      { role: 'paste', label: l.paste },
      { role: 'pasteAndMatchStyle', label: l.pasteAndMatchStyle },
      { role: 'delete', label: l.delete },
      { type: 'separator' },
      { role: 'selectAll', label: l.selectAll },
    ],
  };
  const developing: MenuItemConstructorOptions[] = options.isPackaged
    ? []
    : [{ type: 'separator' }, { role: 'reload', label: l.reload }, { role: 'toggleDevTools', label: l.devTools }];
  const view: MenuItemConstructorOptions = {
    label: l.view,
    submenu: [
      { role: 'resetZoom', label: l.resetZoom },
      { role: 'zoomIn', label: l.zoomIn },
      { role: 'zoomOut', label: l.zoomOut },
      { type: 'separator' },
      { role: 'togglefullscreen', label: l.fullScreen },
      ...developing,
    ],
  };
  const window: MenuItemConstructorOptions = {
    label: l.window,
    role: 'window',
    submenu: mac
      ? [{ role: 'minimize', label: l.minimize }, { role: 'zoom', label: l.zoom }, { type: 'separator' }, { role: 'front', label: l.front }]
      : [{ role: 'minimize', label: l.minimize }, { role: 'close', label: l.close }],
  };
  const help: MenuItemConstructorOptions = { label: l.help, role: 'help', submenu: [{ label: l.about, click: options.onAbout }] };
  return [...(mac ? [appMenu] : []), file, edit, view, window, help];
}

/** The about box: the desk's name and version, in the person's language. */
export function showAbout(language: MenuLanguage, window: BrowserWindow | null): void {
  const l = menuLabels(language);
  const options = { type: 'info' as const, title: l.about, message: windowTitle, detail: l.aboutDetail.replace('{{version}}', app.getVersion()), buttons: [l.ok] };
  void (window && !window.isDestroyed() ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
}

/**
 * The page's print, as its Print button does it: `window.deskPrint` (set by PrintButton.tsx on a record's view)
 * records the printout in the trail and then prints; a page without one prints as it is.
 */
export function printPage(window: BrowserWindow | null): void {
  if (!window || window.isDestroyed()) return;
  void window.webContents.executeJavaScript('typeof window.deskPrint === "function" ? window.deskPrint() : window.print()', true).catch(() => undefined);
}

/** Sets the application menu in a language; called at start (Japanese) and whenever the core says the language changed. */
export function applyMenu(language: MenuLanguage, window: () => BrowserWindow | null): void {
  const template = menuTemplate({
    language,
    platform: process.platform,
    isPackaged: app.isPackaged,
    onPrint: () => printPage(window()),
    onAbout: () => showAbout(language, window()),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
