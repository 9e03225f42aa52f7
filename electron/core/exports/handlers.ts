// saveTargets.*: the operating system's save dialog for exports: the core asks the edge, and hands the page a token for the path chosen.
// records.printed: the trail's line for a printout of a customer record, a request or an incident.
import { existsSync, mkdirSync } from 'node:fs';
import { extname, isAbsolute, join } from 'node:path';
import { printableRecords } from '../../../src-shared/api/records';
import { saveKinds, type saveTargets } from '../../../src-shared/api/save-targets';
import { roleHas } from '../../../src-shared/roles';
import { localDay } from '../dates';
import { DeskError } from '../errors';
import type { Handlers } from '../handler';
import { fileTypeName } from './file-types';
import { keepChosenPath } from './tokens';

const recordTables = { customer: 'customers', request: 'requests', incident: 'incidents' } as const;

/** `<stem>.<ext>`, then `-2`, `-3`: the proposal never lands on an earlier export (nor on the files beside one). */
function freePath(folder: string, stem: string, extensions: readonly string[]): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? stem : `${stem}-${n}`;
    if (extensions.every((extension) => !existsSync(join(folder, `${name}.${extension}`)))) return join(folder, `${name}.${extensions[0]}`);
  }
}

export const saveTargetHandlers: Handlers<typeof saveTargets> = {
  'saveTargets.choose': async (input, ctx) => {
    const session = ctx.session!;
    const kind = saveKinds[input.kind];
    const folder = join(ctx.desk.exportsDir, kind.folder);
    const day = localDay(ctx.desk.now());
    const stem = input.name !== undefined && 'periodInName' in kind ? input.name : `${input.name ?? kind.base}-${day}`;
    const defaultPath = freePath(folder, stem, [kind.extension, ...('beside' in kind ? kind.beside : [])]);
    let chosen: string | null = defaultPath;
    if (ctx.desk.saveDialog) {
      // The dialog opens in the exports folder only if it exists; an unwritable disk simply leaves it elsewhere.
      try {
        mkdirSync(folder, { recursive: true });
      } catch {
        // The dialog falls back to the person's home folder; the export reports a write failure if there is one.
      }
      try {
        chosen = await ctx.desk.saveDialog.choose({ defaultPath, filters: [{ name: fileTypeName(kind.extension, input.language), extensions: [kind.extension] }] });
      } catch (err) {
        ctx.desk.log.error('saveTargets.choose: the save dialog failed', err);
        throw new DeskError('CONFLICT', 'saveTarget.noDialog', { kind: input.kind });
      }
    }
    if (chosen === null) return { cancelled: true };
    if (!isAbsolute(chosen)) throw new DeskError('VALIDATION', 'saveTarget.unknown', { kind: input.kind });
    // A name typed without its extension (or with another) still gets the kind's: the export's checks and the person's
    // file manager both go by it.
    const path = extname(chosen).toLowerCase() === `.${kind.extension}` ? chosen : `${chosen}.${kind.extension}`;
    return { token: keepChosenPath(ctx.desk, session.accountId, path) };
  },

  'records.printed': async (input, ctx) => {
    const session = ctx.session!;
    // One method for three records: the permission to read the record is the permission to print it.
    if (!roleHas(session.role, printableRecords[input.type])) throw new DeskError('FORBIDDEN', 'auth.forbidden', { method: 'records.printed', type: input.type });
    const row = await ctx.db.selectFrom(recordTables[input.type]).select('id').where('id', '=', input.id).executeTakeFirst();
    if (!row) throw new DeskError('NOT_FOUND', 'records.notFound', { type: input.type });
    ctx.audit.targetType = input.type;
    ctx.audit.targetId = input.id;
    ctx.audit.details = { use: 'print' };
    return { recorded: true };
  },
};
