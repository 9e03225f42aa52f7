// Where an export is written: the path chosen in the save dialog (by its token), or the exports folder by default.
import { basename, dirname, extname, join } from 'node:path';
import { DeskError } from '../errors';
import type { Ctx } from '../handler';
import { takeChosenPath } from './tokens';

/**
 * The file an export writes. `folder` and `name` are the default under the exports folder (no personal data in
 * either); a `saveTo` token, when given, stands for the path the person chose in the save dialog (used up here).
 */
export function exportPath(ctx: Ctx, saveTo: string | undefined, folder: string, name: string): string {
  if (!saveTo) return join(ctx.desk.exportsDir, folder, name);
  const chosen = ctx.session ? takeChosenPath(ctx.desk, ctx.session.accountId, saveTo) : null;
  if (!chosen) throw new DeskError('NOT_FOUND', 'saveTarget.unknown');
  // A token chosen for a PDF must not receive a workbook: the file would open in the wrong program, or not at all.
  if (extname(chosen).toLowerCase() !== extname(name).toLowerCase()) {
    throw new DeskError('VALIDATION', 'saveTarget.wrongKind', { expected: extname(name).slice(1), chosen: extname(chosen).slice(1) });
  }
  return chosen;
}

/** A file written beside the main one (the audit export's CSV, the package's PDF): same folder, same stem, its own extension. */
export function besidePath(main: string, extension: string): string {
  const stem = basename(main, extname(main));
  return join(dirname(main), `${stem}.${extension}`);
}
