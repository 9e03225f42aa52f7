// statements.*: recording, renewing and listing written confidentiality statements; their text and blank forms.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { statements } from '../../../src-shared/api/statements';
import { addYears, localDay } from '../dates';
import { DeskError } from '../errors';
import { writeFileAtomic, storageError } from '../files';
import type { Ctx, Handlers } from '../handler';
import { readSettings } from '../settings/store';
import { blankStatementHtml } from './blank';
import { decodeScan } from './scan';
import { selectStatements, statementStates, toStatementRow } from './store';

async function readRow(ctx: Ctx, id: string) {
  const row = await selectStatements(ctx.db).where('s.id', '=', id).executeTakeFirst();
  if (!row) throw new DeskError('NOT_FOUND', 'statement.notFound');
  return toStatementRow(row, localDay(ctx.desk.now()));
}

async function requireTemplate(ctx: Ctx, version: number): Promise<void> {
  const template = await ctx.db.selectFrom('statement_templates').select('version').where('version', '=', version).executeTakeFirst();
  if (!template) throw new DeskError('VALIDATION', 'statement.templateUnknown', { version });
}

function checkDates(signedOn: string, trainingOn: string, renewalOn: string, today: string): void {
  if (signedOn > today) throw new DeskError('VALIDATION', 'statement.signedInFuture');
  if (trainingOn > today) throw new DeskError('VALIDATION', 'statement.trainingInFuture');
  if (renewalOn <= signedOn) throw new DeskError('VALIDATION', 'statement.renewalBeforeSigning');
}

interface Signing {
  templateVersion: number;
  signedOn: string;
  trainingOn: string;
  renewalOn: string;
  scan: { fileName: string; mimeType: string; dataBase64: string };
}

async function insertStatement(ctx: Ctx, whose: { accountId: string | null; personName: string | null; department: string | null }, signing: Signing): Promise<string> {
  const scan = await decodeScan(signing.scan);
  const id = randomUUID();
  await ctx.db
    .insertInto('statements')
    .values({
      id,
      account_id: whose.accountId,
      person_name: whose.personName,
      department: whose.department,
      template_version: signing.templateVersion,
      signed_on: signing.signedOn,
      training_on: signing.trainingOn,
      renewal_on: signing.renewalOn,
      scan_name: signing.scan.fileName,
      scan_mime: signing.scan.mimeType,
      scan,
      superseded_by: null,
      recorded_at: ctx.desk.now().toISOString(),
      recorded_by: ctx.session!.accountId,
    })
    .execute();
  return id;
}

export const statementHandlers: Handlers<typeof statements> = {
  'statements.list': async (input, ctx) => {
    let query = selectStatements(ctx.db);
    if (!input.includeSuperseded) query = query.where('s.superseded_by', 'is', null);
    const rows = await query.orderBy('s.renewal_on').orderBy('s.id').execute();
    const today = localDay(ctx.desk.now());
    return { rows: rows.map((r) => toStatementRow(r, today)) };
  },

  'statements.record': async (input, ctx) => {
    const today = localDay(ctx.desk.now());
    const renewalOn = input.renewalOn ?? addYears(input.signedOn, 1);
    checkDates(input.signedOn, input.trainingOn, renewalOn, today);
    await requireTemplate(ctx, input.templateVersion);
    if (input.accountId) {
      const account = await ctx.db.selectFrom('accounts').select('id').where('id', '=', input.accountId).executeTakeFirst();
      if (!account) throw new DeskError('NOT_FOUND', 'account.notFound');
      const existing = await ctx.db.selectFrom('statements').select('id').where('account_id', '=', input.accountId).where('superseded_by', 'is', null).executeTakeFirst();
      // One statement stands for a person at a time; a new one is a renewal of it.
      if (existing) throw new DeskError('CONFLICT', 'statement.exists', { id: existing.id });
    }
    const id = await insertStatement(ctx, { accountId: input.accountId ?? null, personName: input.accountId ? null : input.personName!, department: input.department ?? null }, { ...input, renewalOn });
    Object.assign(ctx.audit, { targetType: 'statement', targetId: id, fields: ['templateVersion', 'signedOn', 'trainingOn', 'renewalOn', 'scan'], details: { accountId: input.accountId ?? null } });
    return readRow(ctx, id);
  },

  'statements.renew': async (input, ctx) => {
    const old = await ctx.db.selectFrom('statements').select(['id', 'account_id', 'person_name', 'department', 'superseded_by', 'signed_on']).where('id', '=', input.id).executeTakeFirst();
    if (!old) throw new DeskError('NOT_FOUND', 'statement.notFound');
    if (old.superseded_by) throw new DeskError('CONFLICT', 'statement.alreadySuperseded', { by: old.superseded_by });
    const today = localDay(ctx.desk.now());
    const renewalOn = input.renewalOn ?? addYears(input.signedOn, 1);
    checkDates(input.signedOn, input.trainingOn, renewalOn, today);
    if (input.signedOn < old.signed_on) throw new DeskError('VALIDATION', 'statement.renewalOlder');
    await requireTemplate(ctx, input.templateVersion);
    const id = await insertStatement(ctx, { accountId: old.account_id, personName: old.person_name, department: old.department }, { ...input, renewalOn });
    // The old statement is kept as it was signed; it only learns which one replaced it.
    await ctx.db.updateTable('statements').set({ superseded_by: id }).where('id', '=', old.id).execute();
    Object.assign(ctx.audit, { targetType: 'statement', targetId: id, fields: ['templateVersion', 'signedOn', 'trainingOn', 'renewalOn', 'scan'], details: { supersedes: old.id, accountId: old.account_id } });
    return readRow(ctx, id);
  },

  'statements.due': async (_input, ctx) => {
    const today = localDay(ctx.desk.now());
    const rows = (await selectStatements(ctx.db).where('s.superseded_by', 'is', null).orderBy('s.renewal_on').execute()).map((r) => toStatementRow(r, today));
    const states = await statementStates(ctx.db, today);
    const accounts = await ctx.db.selectFrom('accounts').select(['id', 'display_name', 'role']).where('status', '=', 'active').orderBy('display_name').execute();
    return {
      dueSoon: rows.filter((r) => r.state === 'dueSoon'),
      overdue: rows.filter((r) => r.state === 'overdue'),
      missing: accounts.filter((a) => !states.has(a.id)).map((a) => ({ accountId: a.id, displayName: a.display_name, role: a.role })),
    };
  },

  'statements.scan': async (input, ctx) => {
    const row = await ctx.db.selectFrom('statements').select(['scan_name', 'scan_mime', 'scan']).where('id', '=', input.id).executeTakeFirst();
    if (!row) throw new DeskError('NOT_FOUND', 'statement.notFound');
    Object.assign(ctx.audit, { targetType: 'statement', targetId: input.id, fields: ['scan'] });
    return { fileName: row.scan_name, mimeType: row.scan_mime, dataBase64: Buffer.from(row.scan).toString('base64') };
  },

  'statements.templates': async (_input, ctx) => {
    const rows = await ctx.db.selectFrom('statement_templates').selectAll().orderBy('version', 'desc').execute();
    return { rows: rows.map((r) => ({ version: r.version, textJa: r.text_ja, textEn: r.text_en, createdAt: r.created_at })) };
  },

  'statements.saveTemplate': async (input, ctx) => {
    const latest = await ctx.db.selectFrom('statement_templates').select(['version', 'text_ja', 'text_en']).orderBy('version', 'desc').executeTakeFirstOrThrow();
    if (latest.text_ja === input.textJa && latest.text_en === input.textEn) throw new DeskError('CONFLICT', 'statement.templateUnchanged');
    const version = latest.version + 1;
    const createdAt = ctx.desk.now().toISOString();
    await ctx.db.insertInto('statement_templates').values({ version, text_ja: input.textJa, text_en: input.textEn, created_at: createdAt, created_by: ctx.session!.accountId }).execute();
    Object.assign(ctx.audit, { targetType: 'statementTemplate', targetId: String(version), fields: ['textJa', 'textEn'] });
    return { version, textJa: input.textJa, textEn: input.textEn, createdAt };
  },

  'statements.printBlank': async (input, ctx) => {
    const template = await ctx.db.selectFrom('statement_templates').selectAll().where('version', '=', input.version).executeTakeFirst();
    if (!template) throw new DeskError('NOT_FOUND', 'statement.templateUnknown', { version: input.version });
    const printer = ctx.desk.printer;
    if (!printer) throw new DeskError('CONFLICT', 'print.unavailable');
    const { manager } = await readSettings(ctx.db);
    const html = blankStatementHtml(input.language === 'ja' ? template.text_ja : template.text_en, template.version, input.language, manager);
    const pdf = await printer.htmlToPdf(html);
    const path = join(ctx.desk.exportsDir, `statement-blank-v${template.version}-${input.language}.pdf`);
    try {
      mkdirSync(ctx.desk.exportsDir, { recursive: true });
      writeFileAtomic(path, pdf);
    } catch (err) {
      throw storageError(err, ctx.desk.exportsDir) ?? new DeskError('CONFLICT', 'export.writeFailed', { reason: (err as NodeJS.ErrnoException).code ?? 'unknown' });
    }
    Object.assign(ctx.audit, { targetType: 'statementTemplate', targetId: String(template.version), details: { language: input.language } });
    return { path };
  },
};
