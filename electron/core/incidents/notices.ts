// Telling the people affected (APPI Art. 26(2)): a notice per known person, an .eml for those with an e-mail address.
import { createHash, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { composeEml, emlPath, fileStamp, writeEml } from '../notices/eml';
import { readRequestSettings } from '../requests/settings';
import { DeskError } from '../errors';
import type { Ctx } from '../handler';
import { storedFacts } from './facts';
import { composeIncidentNotice } from './notice-text';
import type { IncidentRecord } from './store';

/** An .eml ready to be written once every row of the call is in. */
export interface PendingEml {
  file: string;
  eml: Buffer;
}

export interface NotifyOutcome {
  /** People with an e-mail address: an .eml each, and they count as told. */
  emailed: number;
  /** People without one: the text is kept for a letter by post, which the office sends. */
  withoutEmail: number;
  /** People whose record was erased since: nobody left to write to. */
  unreachable: number;
  files: PendingEml[];
}

/**
 * Prepares a notice for each known person not yet written to about this incident. The rows are written now; the .eml
 * files are handed back to be written last (`writeNoticeFiles`), so a failure before that leaves no stray file behind.
 */
export async function notifyPeople(ctx: Ctx, incident: IncidentRecord, language: 'ja' | 'en'): Promise<NotifyOutcome> {
  const db = ctx.db;
  const now = ctx.desk.now();
  const pending = await db
    .selectFrom('incident_people as p')
    .leftJoin('customers as c', 'c.id', 'p.customer_id')
    .select(['p.customer_id', 'p.customer_no', 'c.name'])
    .where('p.incident_id', '=', incident.id)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('incident_notices as n').select('n.id').whereRef('n.incident_id', '=', 'p.incident_id').whereRef('n.customer_no', '=', 'p.customer_no'))),
    )
    .orderBy('p.customer_no')
    .execute();
  // An erased customer left only their number on the incident: nobody is left to write to.
  const reachable = pending.filter((p): p is typeof p & { customer_id: string; name: string } => p.customer_id !== null && p.name !== null);
  if (reachable.length === 0) throw new DeskError('CONFLICT', 'incident.nobodyToNotify', { id: incident.id });

  const manager = await db.selectFrom('manager_in_charge').select(['name', 'title', 'email', 'phone']).where('id', '=', 1).executeTakeFirstOrThrow();
  const settings = await readRequestSettings(db, ctx.desk.exportsDir);
  const facts = storedFacts(incident);
  const outcome: NotifyOutcome = { emailed: 0, withoutEmail: 0, unreachable: pending.length - reachable.length, files: [] };
  const stamp = fileStamp(now);
  for (const person of reachable) {
    const email = await db.selectFrom('customer_emails').select('address').where('customer_id', '=', person.customer_id).orderBy('id').executeTakeFirst();
    const { subject, body } = composeIncidentNotice(
      language,
      { number: incident.number, addressee: person.name, discoveredAt: facts.discovered_at, summary: facts.summary, categories: facts.categories, cause: facts.cause, measures: facts.measures },
      manager,
    );
    let emlFile: string | null = null;
    if (email) {
      // The file's name says which incident, never whom: an outbox listing gives nobody away.
      emlFile = emlPath(settings.outboxDir, `${incident.number}-notice-${stamp}-${String(outcome.emailed + 1).padStart(4, '0')}`);
      const eml = await composeEml({ from: settings.smtp?.from ?? manager.email, to: email.address, subject, text: body, date: now });
      outcome.files.push({ file: emlFile, eml });
      outcome.emailed++;
    } else {
      outcome.withoutEmail++;
    }
    await db
      .insertInto('incident_notices')
      .values({
        id: randomUUID(),
        incident_id: incident.id,
        customer_no: person.customer_no,
        language,
        recipient: email?.address ?? null,
        subject,
        body,
        body_sha256: createHash('sha256').update(body).digest('hex'),
        eml_file: emlFile,
        created_at: now.toISOString(),
        created_by: ctx.session?.accountId ?? null,
      })
      .execute();
    if (email) {
      await db.updateTable('incident_people').set({ notified_at: now.toISOString() }).where('incident_id', '=', incident.id).where('customer_no', '=', person.customer_no).execute();
    }
  }
  return outcome;
}

/** Writes the .eml files; if one cannot be written, those already written go too and the call fails whole. */
export function writeNoticeFiles(files: readonly PendingEml[]): void {
  const written: string[] = [];
  try {
    for (const { file, eml } of files) {
      writeEml(file, eml);
      written.push(file);
    }
  } catch (err) {
    for (const file of written) rmSync(file, { force: true });
    throw err;
  }
}
