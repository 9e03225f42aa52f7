// The app's password wraps cost what kdf.ts promises (256 MiB, 3 passes), whatever the test runs use for speed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { passwordKdfDefaults, testPasswordKdfCost, usePasswordKdfCost } from '../../../../electron/core/keys/kdf';
import { setUpDesk, type TestDesk } from '../../helpers/desk';

let desk: TestDesk | undefined;
afterEach(async () => {
  usePasswordKdfCost(testPasswordKdfCost);
  await desk?.dispose();
});

it("an officer's password wrap is derived with 256 MiB and 3 passes of argon2id, as the app makes it", async () => {
  usePasswordKdfCost(passwordKdfDefaults);
  desk = await setUpDesk();
  const keyring = JSON.parse(readFileSync(join(desk.dataDir, 'keyring.json'), 'utf8')) as { passwords: { kind: string; kdf: { alg: string; memoryKiB: number; iterations: number } }[] };
  const accountSlots = keyring.passwords.filter((s) => s.kind === 'account');
  expect(accountSlots.length).toBeGreaterThan(0);
  for (const slot of accountSlots) expect(slot.kdf).toMatchObject({ alg: 'argon2id', memoryKiB: 256 * 1024, iterations: 3 });
});
