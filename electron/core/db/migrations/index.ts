// The numbered, forward-only migrations, run at every unlock.
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as m0001 from './0001-foundation';
import * as m0002 from './0002-statements';
import * as m0003 from './0003-customers';
import * as m0004 from './0004-import';
import * as m0005 from './0005-import-reviews';
import * as m0006 from './0006-requests';
import * as m0007 from './0007-registers';
import * as m0008 from './0008-search-digit-grams';
import * as m0009 from './0009-ledger';
import * as m0010 from './0010-complaints';
import * as m0011 from './0011-training';
import * as m0012 from './0012-outsourcee-evaluations';
import * as m0013 from './0013-internal-audit';
import * as m0014 from './0014-officers-day';

// Keys sort in order; never rename or edit a landed entry.
const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-statements': m0002,
  '0003-customers': m0003,
  '0004-import': m0004,
  '0005-import-reviews': m0005,
  '0006-requests': m0006,
  '0007-registers': m0007,
  '0008-search-digit-grams': m0008,
  '0009-ledger': m0009,
  '0010-complaints': m0010,
  '0011-training': m0011,
  '0012-outsourcee-evaluations': m0012,
  '0013-internal-audit': m0013,
  '0014-officers-day': m0014,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`migration ${failed ?? '?'} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export const latestMigration = Object.keys(migrations).sort().at(-1)!;
