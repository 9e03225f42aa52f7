// disclosures.build: the package for an approved disclosure request, as JSON and a PDF in the person's language.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { disclosures } from '../../../src-shared/api/disclosures';
import type { DisclosurePackage } from '../../../src-shared/requests';
import { localDay } from '../dates';
import { DeskError } from '../errors';
import { besidePath, exportPath } from '../exports/target';
import { writeFileAtomic, storageError } from '../files';
import type { Handlers } from '../handler';
import { gatherDisclosure } from './package';
import { disclosureHtml } from './pdf-html';

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** `<exportsDir>/disclosures/<number>-disclosure-<day>.json|.pdf`: no personal data in the names, never over an earlier package. */
function packagePaths(dir: string, number: string, day: string): { json: string; pdf: string } {
  const base = `${number}-disclosure-${day}`;
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base}-${n}`;
    const paths = { json: join(dir, `${name}.json`), pdf: join(dir, `${name}.pdf`) };
    if (!existsSync(paths.json) && !existsSync(paths.pdf)) return paths;
  }
}

export const disclosureHandlers: Handlers<typeof disclosures> = {
  'disclosures.build': async (input, ctx) => {
    const db = ctx.db;
    const request = await db.selectFrom('requests').selectAll().where('id', '=', input.requestId).executeTakeFirst();
    if (!request) throw new DeskError('NOT_FOUND', 'request.notFound', { requestId: input.requestId });
    if (request.kind !== 'disclosure') throw new DeskError('CONFLICT', 'disclosure.notDisclosure', { requestId: request.id, kind: request.kind });
    if (request.state === 'refused' || request.state === 'withdrawn') throw new DeskError('CONFLICT', 'disclosure.requestClosed', { requestId: request.id, state: request.state });
    const customerId = request.customer_id;
    if (!customerId) throw new DeskError('CONFLICT', 'disclosure.noCustomer', { requestId: request.id });
    // APPI Art. 37 and policy §5.2: nothing is disclosed to someone whose identity was not confirmed from an ID copy.
    const verified = await db.selectFrom('id_copies').select('id').where('request_id', '=', request.id).where('result', '=', 'verified').executeTakeFirst();
    if (!verified) throw new DeskError('CONFLICT', 'disclosure.identityNotVerified', { requestId: request.id });
    // Policy §7.2: the officer decides what is disclosed (four eyes), before any file is made.
    const approved = await db
      .selectFrom('proposals')
      .select('id')
      .where('request_id', '=', request.id)
      .where('kind', '=', 'disclose')
      .where('state', '=', 'approved')
      .executeTakeFirst();
    if (!approved) throw new DeskError('CONFLICT', 'disclosure.notApproved', { requestId: request.id });
    const printer = ctx.desk.printer;
    if (!printer) throw new DeskError('CONFLICT', 'print.unavailable');

    const now = ctx.desk.now();
    const manager = await db.selectFrom('manager_in_charge').select(['name', 'title', 'email', 'phone']).where('id', '=', 1).executeTakeFirstOrThrow();
    const content = await gatherDisclosure(db, { ...request, customer_id: customerId }, request.notice_language, manager, now);
    const json = `${JSON.stringify(content, null, 2)}\n`;
    const pdf = await printer.htmlToPdf(disclosureHtml(content));

    // The place chosen in the save dialog (the PDF goes beside the JSON), or the disclosures folder.
    const chosen = input.saveTo ? exportPath(ctx, input.saveTo, 'disclosures', `${request.number}.json`) : null;
    const dir = chosen ? dirname(chosen) : join(ctx.desk.exportsDir, 'disclosures');
    let paths: { json: string; pdf: string };
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      paths = chosen ? { json: chosen, pdf: besidePath(chosen, 'pdf') } : packagePaths(dir, request.number, localDay(now));
      writeFileAtomic(paths.json, json);
      writeFileAtomic(paths.pdf, pdf);
    } catch (err) {
      throw storageError(err, dir) ?? new DeskError('CONFLICT', 'export.writeFailed', { reason: (err as NodeJS.ErrnoException).code ?? 'unknown' });
    }

    const id = randomUUID();
    const builtAt = now.toISOString();
    const row = { id, request_id: request.id, json_file: paths.json, pdf_file: paths.pdf, json_sha256: sha256(json), pdf_sha256: sha256(pdf), built_at: builtAt, built_by: ctx.session?.accountId ?? null };
    await db.insertInto('disclosure_packages').values(row).execute();
    const files = { jsonFile: basename(paths.json), pdfFile: basename(paths.pdf) };
    await db
      .insertInto('request_history')
      .values({ request_id: request.id, at: builtAt, actor_id: ctx.session?.accountId ?? null, action: 'disclosure.built', from_state: null, to_state: null, note: `${files.jsonFile}, ${files.pdfFile}` })
      .execute();
    // Ids and file names only: the default names carry the request number, never the person; a name typed in the save
    // dialog is free text, so the trail notes only that one was chosen.
    Object.assign(ctx.audit, { targetType: 'disclosurePackage', targetId: id, details: { requestId: request.id, ...(chosen ? { chosen: true } : files) } });
    const result: DisclosurePackage = {
      id,
      jsonFile: paths.json,
      pdfFile: paths.pdf,
      jsonSha256: row.json_sha256,
      pdfSha256: row.pdf_sha256,
      builtAt,
      builtByName: ctx.session?.displayName ?? null,
    };
    return result;
  },
};
