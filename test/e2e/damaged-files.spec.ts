// Damaged files at sign-in: the screen names what happened, says that nothing was repaired or overwritten, and gives
// the way back (set the data folder aside, restore the latest backup with the recovery key), in Japanese and English.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, officer, shootInBothLanguages, signInAs, test } from './fixtures';

const credentials = { loginId: officer.loginId, password: officer.password };

test('an older copy of desk.db put back is refused at sign-in, with the steps back to the latest backup', async ({ desk, page }) => {
  const { dataDir } = await desk.reset();
  await desk.setUpOfficer();
  const dbFile = join(dataDir, 'desk.db');
  await desk.api('auth.login', credentials);
  await desk.api('auth.logout');
  copyFileSync(dbFile, `${dbFile}.monday`);
  await desk.api('auth.login', credentials);
  await desk.api('settings.update', { idleLockMinutes: 25 });
  await desk.api('auth.logout');
  copyFileSync(`${dbFile}.monday`, dbFile);

  await desk.open(page);
  await signInAs(page, officer.loginId, officer.password);
  await expect(page.getByRole('alert')).toContainText('保存済みの変更の一部がありません');
  const steps = page.getByRole('region', { name: '復旧の手順' });
  await expect(steps).toContainText('バックアップから復元');
  await expect(steps.getByTestId('data-folder')).toHaveText(dataDir);
  await shootInBothLanguages(desk, page, 'signin-database-behind');
});

test('a damaged page is named at sign-in, never a crash, with the same way back', async ({ desk, page }) => {
  const { dataDir } = await desk.reset();
  await desk.setUpOfficer();
  await desk.api('auth.login', credentials);
  await desk.api('auth.logout');
  const dbFile = join(dataDir, 'desk.db');
  const bytes = readFileSync(dbFile);
  bytes[4096 + 200] = bytes[4096 + 200]! ^ 0xff;
  writeFileSync(dbFile, bytes);

  await desk.open(page);
  await signInAs(page, officer.loginId, officer.password);
  await expect(page.getByRole('alert')).toContainText('破損しています');
  await expect(page.getByRole('region', { name: '復旧の手順' })).toBeVisible();
  await shootInBothLanguages(desk, page, 'signin-database-damaged');
});
