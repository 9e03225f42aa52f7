// After an erasure completes, the request's own copy of the person's data goes too (APPI Art. 35; policy §7).
import { rm } from 'node:fs/promises';
import { basename, isAbsolute, join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Ctx } from '../handler';
import type { Database } from '../db/schema';

/**
 * What stands where free text or a person's details were. Fixed and the same everywhere, so nothing of the original
 * (not even its length) survives. Ids, dates, states, decisions and hashes stay: the register and the audit chain
 * still show what the office did, when and by whom, without saying about whom beyond the customer number.
 */
export const erasedMarker = '[消去済み / erased]';

export async function scrubRequestPersonalData(db: Kysely<Database>, requestId: string, now: Date): Promise<void> {
  const at = now.toISOString();
  await db
    .updateTable('requests')
    .set((eb) => ({
      requester_name: null,
      requester_kana: null,
      requester_email: null,
      requester_phone: null,
      requester_postal_code: null,
      requester_address: null,
      requester_birth_date: null,
      proxy_name: null,
      proxy_relationship: null,
      proxy_authority: null,
      asked: null,
      // Staff's own words may quote the person: reasons and outcome texts go, the grounds (codes) stay.
      extension_reason: eb.case().when('extension_reason', 'is not', null).then(erasedMarker).else(null).end(),
      outcome_text: eb.case().when('outcome_text', 'is not', null).then(erasedMarker).else(null).end(),
      personal_data_erased_at: at,
      updated_at: at,
    }))
    .where('id', '=', requestId)
    .execute();
  await db.updateTable('request_history').set({ note: erasedMarker }).where('request_id', '=', requestId).where('note', 'is not', null).execute();
  await db.updateTable('request_comments').set({ text: erasedMarker }).where('request_id', '=', requestId).execute();
  // A file's name is often the person's name ("山田太郎_委任状.pdf"); size and hash stay as the record that it existed.
  await db
    .updateTable('request_attachments')
    .set((eb) => ({ data: null, file_name: erasedMarker, erased_at: eb.fn.coalesce('erased_at', eb.val(at)) }))
    .where('request_id', '=', requestId)
    .execute();
  await db
    .updateTable('id_copies')
    .set((eb) => ({
      image: null,
      erased_at: eb.fn.coalesce('erased_at', eb.val(at)),
      not_verified_reason: eb.case().when('not_verified_reason', 'is not', null).then(erasedMarker).else(null).end(),
    }))
    .where('request_id', '=', requestId)
    .execute();
  // The notice was written and handed to the outbox before this runs; the request keeps that it was sent, not to whom or what it said.
  await db.updateTable('notices').set({ recipient: null, subject: erasedMarker, body: erasedMarker }).where('request_id', '=', requestId).execute();
  await scrubDecisions(db, requestId);
}

/** Proposals keep which fields and what was decided; the values, the notes and owners' evidence may name the person. */
async function scrubDecisions(db: Kysely<Database>, requestId: string): Promise<void> {
  const proposals = await db.selectFrom('proposals').select(['id', 'changes']).where('request_id', '=', requestId).execute();
  for (const p of proposals) {
    let fields: unknown[] = [];
    try {
      const parsed = JSON.parse(p.changes) as unknown;
      if (Array.isArray(parsed)) fields = parsed.map((c) => ({ field: (c as { field?: unknown }).field ?? null, from: null, to: null }));
    } catch {
      fields = [];
    }
    await db
      .updateTable('proposals')
      .set((eb) => ({
        changes: JSON.stringify(fields),
        note: eb.case().when('note', 'is not', null).then(erasedMarker).else(null).end(),
        reason_text: eb.case().when('reason_text', 'is not', null).then(erasedMarker).else(null).end(),
      }))
      .where('id', '=', p.id)
      .execute();
  }
  await db
    .updateTable('request_tasks')
    .set((eb) => ({
      evidence: eb.case().when('evidence', 'is not', null).then(erasedMarker).else(null).end(),
      waive_reason: eb.case().when('waive_reason', 'is not', null).then(erasedMarker).else(null).end(),
    }))
    .where('request_id', '=', requestId)
    .execute();
}

/**
 * The files the desk wrote for a request outside the database: notices' .eml files, disclosure packages, change
 * orders. They hold the person's data in plain text, so an erasure removes them too (after commit, see below).
 * `keepNoticeIds`: a notice still on its way to the person (the erasure's own result, in the outbox for the mail client).
 */
export async function filesOfRequest(db: Kysely<Database>, requestId: string, exportsDir: string, keepNoticeIds: string[] = []): Promise<string[]> {
  const notices = await db.selectFrom('notices').select(['id', 'eml_file']).where('request_id', '=', requestId).execute();
  const packages = await db.selectFrom('disclosure_packages').select(['json_file', 'pdf_file']).where('request_id', '=', requestId).execute();
  const orders = await db.selectFrom('request_tasks').select('order_file').where('request_id', '=', requestId).execute();
  return [
    ...notices.filter((n) => n.eml_file !== null && !keepNoticeIds.includes(n.id)).map((n) => n.eml_file!),
    ...packages.flatMap((p) => [p.json_file, p.pdf_file]),
    // Change orders are kept relative to the exports folder.
    ...orders.map((o) => (isAbsolute(o.order_file) ? o.order_file : join(exportsDir, o.order_file))),
  ];
}

/** Removes files once the erasure has committed; a file already gone (moved by the office) is fine, a failure is logged. */
export function removeFilesAfterCommit(ctx: Ctx, files: string[]): void {
  if (files.length === 0) return;
  ctx.afterCommit(async () => {
    for (const file of files) {
      await rm(file, { force: true }).catch((err: unknown) => ctx.desk.log.error(`erasure: could not remove ${basename(file)}`, err));
    }
  });
}
