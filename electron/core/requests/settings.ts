// The office's settings for requests: the due date's business days, how long ID copies are kept, where notices go.
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { defaultDueBusinessDays, defaultIdCopyRetentionDays, type RequestSettings } from '../../../src-shared/requests';
import type { Database } from '../db/schema';

type Db = Kysely<Database>;

export const settingKeys = {
  dueBusinessDays: 'requests.dueBusinessDays',
  idCopyRetentionDays: 'idCopies.retentionDays',
  outboxDir: 'notices.outboxDir',
  smtp: 'notices.smtp',
} as const;

/** As stored: the SMTP password lives only in the encrypted database and never leaves the core through `get`. */
export interface StoredSmtp {
  host: string;
  port: number;
  secure: boolean;
  user: string | null;
  from: string;
  password: string | null;
}

async function readValue(db: Db, key: string): Promise<unknown> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  if (!row) return undefined;
  try {
    return JSON.parse(row.value) as unknown;
  } catch {
    return undefined;
  }
}

export async function writeSetting(db: Db, key: string, value: unknown): Promise<void> {
  if (value === undefined || value === null) {
    await db.deleteFrom('settings').where('key', '=', key).execute();
    return;
  }
  const text = JSON.stringify(value);
  await db
    .insertInto('settings')
    .values({ key, value: text })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: text }))
    .execute();
}

const wholeNumberIn = (value: unknown, min: number, max: number, fallback: number) =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : fallback;

export async function readDueBusinessDays(db: Db): Promise<number> {
  return wholeNumberIn(await readValue(db, settingKeys.dueBusinessDays), 1, 60, defaultDueBusinessDays);
}

export async function readIdCopyRetentionDays(db: Db): Promise<number> {
  return wholeNumberIn(await readValue(db, settingKeys.idCopyRetentionDays), 0, 365, defaultIdCopyRetentionDays);
}

export async function readStoredSmtp(db: Db): Promise<StoredSmtp | null> {
  const value = (await readValue(db, settingKeys.smtp)) as Partial<StoredSmtp> | undefined;
  if (!value || typeof value.host !== 'string' || typeof value.port !== 'number' || typeof value.from !== 'string') return null;
  return { host: value.host, port: value.port, secure: value.secure === true, user: value.user ?? null, from: value.from, password: value.password ?? null };
}

export async function readRequestSettings(db: Db, exportsDir: string): Promise<RequestSettings & { smtpPassword: string | null }> {
  const outbox = await readValue(db, settingKeys.outboxDir);
  const smtp = await readStoredSmtp(db);
  return {
    dueBusinessDays: await readDueBusinessDays(db),
    idCopyRetentionDays: await readIdCopyRetentionDays(db),
    outboxDir: typeof outbox === 'string' && outbox !== '' ? outbox : join(exportsDir, 'outbox'),
    smtp: smtp && { host: smtp.host, port: smtp.port, secure: smtp.secure, user: smtp.user, from: smtp.from, hasPassword: smtp.password !== null },
    smtpPassword: smtp?.password ?? null,
  };
}

/** What `requestSettings.get` returns: everything but the password. */
export function withoutPassword(settings: RequestSettings & { smtpPassword: string | null }): RequestSettings {
  const { smtpPassword: _password, ...rest } = settings;
  return rest;
}
