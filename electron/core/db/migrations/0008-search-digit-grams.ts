// Migration 8: the customers' search index built again, now with the 4-grams of runs of digits (customers/search-text.ts),
// so a desk made before finds phone and customer numbers by a fragment of 4+ digits (and in milliseconds at a million).
import type { Kysely } from 'kysely';
import { rebuildSearchIndex } from '../../customers/search-bulk';
import type { Database } from '../schema';

export async function up(db: Kysely<unknown>): Promise<void> {
  await rebuildSearchIndex(db as unknown as Kysely<Database>);
}
