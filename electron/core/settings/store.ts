// Reading and writing the desk's settings and the manager-in-charge.
import type { Kysely } from 'kysely';
import { idleLockBounds, type DeskSettings, type ManagerInCharge } from '../../../src-shared/domain';
import { sshFingerprint } from '../audit/sshsig';
import type { Database } from '../db/schema';

export async function readIdleLockMinutes(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'idleLockMinutes').executeTakeFirst();
  const value = row ? Number(JSON.parse(row.value)) : idleLockBounds.default;
  return Number.isInteger(value) && value >= idleLockBounds.min && value <= idleLockBounds.max ? value : idleLockBounds.default;
}

export async function writeIdleLockMinutes(db: Kysely<Database>, minutes: number): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key: 'idleLockMinutes', value: JSON.stringify(minutes) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(minutes) }))
    .execute();
}

export async function writeManager(db: Kysely<Database>, manager: ManagerInCharge, at: string): Promise<void> {
  const row = { name: manager.name, title: manager.title, email: manager.email, phone: manager.phone, updated_at: at };
  await db
    .insertInto('manager_in_charge')
    .values({ id: 1, ...row })
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute();
}

export async function readSettings(db: Kysely<Database>): Promise<DeskSettings> {
  const installation = await db.selectFrom('installation').select(['installation_id', 'signing_public_key']).where('id', '=', 1).executeTakeFirstOrThrow();
  const manager = await db.selectFrom('manager_in_charge').select(['name', 'title', 'email', 'phone']).where('id', '=', 1).executeTakeFirstOrThrow();
  return {
    installationId: installation.installation_id,
    idleLockMinutes: await readIdleLockMinutes(db),
    manager,
    signingKeyFingerprint: sshFingerprint(installation.signing_public_key),
  };
}
