// The benchmark's cache of seeded desks: built once per seed and size, and brought forward by the desk's own
// migrations rather than built again when a migration lands.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildOnce, type BuildInfo } from '../../../electron/cli/bench/dataset';
import { latestMigration } from '../../../electron/core/db/migrations';

const cacheDir = mkdtempSync(join(tmpdir(), 'bench-cache-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

describe('the benchmark cache', () => {
  it('a desk built before the latest migration is migrated in place, not built again', async () => {
    const first = await buildOnce({ size: 200, seed: 7, cacheDir });
    expect(first).toMatchObject({ builtNow: true, migration: latestMigration });
    const info = join(cacheDir, 's7-200', 'pristine', 'build.json');

    // As if the cache had been built by the code of one migration ago.
    const recorded = JSON.parse(readFileSync(info, 'utf8')) as BuildInfo;
    writeFileSync(info, JSON.stringify({ ...recorded, migration: '0008-search-digit-grams' }));

    const again = await buildOnce({ size: 200, seed: 7, cacheDir });
    expect(again.builtNow).toBe(false);
    expect(again.migration).toBe(latestMigration);
    // The same build: its key and its seeding time are the first build's.
    expect(again.dataKeyHex).toBe(first.dataKeyHex);
    expect(again.seedSeconds).toBe(first.seedSeconds);
    expect((JSON.parse(readFileSync(info, 'utf8')) as BuildInfo).migration).toBe(latestMigration);
  }, 120_000);
});
