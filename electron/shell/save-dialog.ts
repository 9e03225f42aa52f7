// The operating system's save dialog, for the core's exports: opened over the desk's window, at the exports folder.
import { dialog, type BrowserWindow, type SaveDialogOptions } from 'electron';
import type { SaveDialog } from '../core/desk';
import { desktopEn } from '../../renderer/src/i18n/en/desktop';
import { desktopJa } from '../../renderer/src/i18n/ja/desktop';

export interface SaveDialogDeps {
  /** The window the dialog belongs to (modal to it); none: a free dialog. */
  window: () => BrowserWindow | null;
  /** The signed-in person's language, for the dialog's title. */
  language: () => 'ja' | 'en';
}

/**
 * The path the person chose, or null when they cancelled. The core proposes `<exportsDir>/<folder>/<name>`; the
 * dialog asks before replacing a file (showOverwriteConfirmation), which is why the core then writes over it.
 */
export function electronSaveDialog(deps: SaveDialogDeps): SaveDialog {
  return {
    async choose({ defaultPath, filters }) {
      const title = (deps.language() === 'en' ? desktopEn : desktopJa).desktop.save.title;
      const options: SaveDialogOptions = { title, defaultPath, filters, properties: ['createDirectory', 'showOverwriteConfirmation'] };
      const window = deps.window();
      const result = window && !window.isDestroyed() ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
