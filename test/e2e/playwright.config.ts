// End-to-end journeys in Debian's Chromium through one loopback host for the whole run.
import { defineConfig } from '@playwright/test';

// The desk runs on one workstation in Japan: the browser, the host and the tests must agree on what "today" is,
// whatever zone the CI machine keeps (at 00:00–09:00 JST a UTC machine is still on yesterday).
process.env.TZ = 'Asia/Tokyo';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  // One host, one desk at a time: journeys run one after another, each on a fresh desk.
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  retries: 0,
  reporter: [['list']],
  globalSetup: './global-setup.ts',
  outputDir: '../../test-results',
  use: {
    browserName: 'chromium',
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // --lang: date fields show 年/月/日 as on a Japanese workstation, not the browser's own mm/dd/yyyy.
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--lang=ja-JP'],
    },
    trace: 'retain-on-failure',
  },
});
