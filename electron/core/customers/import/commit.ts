// customers.importCommit: the good rows in the call's one transaction, the duplicates flagged, the receipt, the rejected-rows file.
import { randomUUID } from 'node:crypto';
import type { ImportResult } from '../../../../src-shared/api/customer-import';
import type { ReceiptInput } from '../../../../src-shared/api/customer-input';
import { localDay } from '../../dates';
import { DeskError } from '../../errors';
import type { Ctx } from '../../handler';
import { rebuildSearchIndex } from '../search-index';
import { placesFor } from '../search-places';
import { insertReceipt, kanaPlaceOf, type Actor } from '../store';
import { insertCustomersInBulk } from './bulk-insert';
import { readAndCheck } from './preview';
import type { ImportFileInput } from './read-file';
import { rejectedCsv, rejectedFileName, writeRejectedFile } from './rejected';

/**
 * The new customers are placed among those already indexed (search-places.ts): a few index seeks each, and for a
 * large file one pass over the desk's readings, whatever the desk holds (100,000 rows into a million-customer desk
 * took 255 s when they were placed after writing by walking the index; rebuilding the million takes 150 s). A file
 * that is nearly the whole desk (the first import) rebuilds the index instead, which also leaves it in one piece.
 */
const rebuildWhenNewShare = 0.9;

export async function commitImport(ctx: Ctx, input: ImportFileInput & { language: 'ja' | 'en'; partner?: ReceiptInput }): Promise<ImportResult> {
  const now = ctx.desk.now();
  const today = localDay(now);
  const { file, duplicates } = await readAndCheck(ctx.db, input, today);
  // The mapping step is not optional: a required field without a column would refuse every row, and a column
  // nobody placed may hold what the user meant to import. The screen sends 'ignore' for the ones to drop.
  if (file.missingFields.length > 0) throw new DeskError('VALIDATION', 'import.mappingMissing', { fields: file.missingFields });
  if (file.unknownHeaders.length > 0) throw new DeskError('VALIDATION', 'import.mappingUnknown', { headers: file.unknownHeaders });

  const actor: Actor = { accountId: ctx.session?.accountId ?? null, now };
  const importId = randomUUID();
  const receiptId = input.partner ? await insertReceipt(ctx.db, input.partner, actor) : undefined;
  const good = file.rows.flatMap((r, i) => (r.ok ? [{ ...r, index: i }] : []));
  const rejected = file.rows.flatMap((r, i) => (r.ok ? [] : [{ csv: file.csvRows[i]!, problems: r.problems, cardColumns: r.cardColumns }]));
  const rejectedName = rejected.length > 0 ? rejectedFileName(input.file.fileName, now) : null;

  await ctx.db
    .insertInto('customer_imports')
    .values({
      id: importId,
      file_name: input.file.fileName,
      encoding: file.encoding,
      imported: good.length,
      rejected: rejected.length,
      duplicates: duplicates.size,
      receipt_id: receiptId ?? null,
      rejected_file: rejectedName,
      imported_at: now.toISOString(),
      imported_by: actor.accountId,
    })
    .execute();

  // Parsed once, when the row was read (rows.ts); a partner file's rows get the receipt made above.
  const parsed = good.map((row) => (receiptId ? { ...row.parsed, receiptId } : row.parsed));
  // Places in the search index first (search-places.ts), so each customer is written once with its row id and its
  // document; a file that is nearly the whole desk is written first and the index rebuilt after.
  const heldBefore = Number((await ctx.db.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const wholeDesk = parsed.length >= (heldBefore + parsed.length) * rebuildWhenNewShare;
  const places = wholeDesk ? null : await placesFor(ctx.db, parsed.map((p, key) => ({ key, ...kanaPlaceOf(p) })));
  const ids = await insertCustomersInBulk(ctx.db, parsed, actor, places ? { searchRowids: parsed.map((_, key) => places.get(key)!) } : {});
  const reviews = good.flatMap((row, k) =>
    (duplicates.get(row.index) ?? []).map((d) => ({ import_id: importId, customer_id: ids[k]!, existing_customer_id: d.existingCustomerId, reason: d.reason })),
  );
  // In slices: SQLite bounds a statement's parameters.
  for (let i = 0; i < reviews.length; i += 500) await ctx.db.insertInto('customer_import_reviews').values(reviews.slice(i, i + 500)).execute();
  if (!places) await rebuildSearchIndex(ctx.db);

  // Last, once every row is in: a failure before this leaves no file that claims rows were refused from an import
  // that did not happen. (A failure after it is the audit event's; the file then lists rows that were not imported
  // anyway, which stays true.)
  let rejectedPath: string | undefined;
  if (rejectedName) rejectedPath = writeRejectedFile(ctx.desk.exportsDir, rejectedName, rejectedCsv(file.headers, rejected, file.encoding, input.language));

  Object.assign(ctx.audit, {
    targetType: 'customerImport',
    targetId: importId,
    details: { imported: good.length, rejected: rejected.length, duplicates: duplicates.size, receiptId: receiptId ?? null, encoding: file.encoding },
  });
  return { importId, imported: good.length, rejected: rejected.length, duplicates: duplicates.size, ...(rejectedPath ? { rejectedPath } : {}), ...(receiptId ? { receiptId } : {}) };
}
