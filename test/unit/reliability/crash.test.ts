// Crash consistency, the smoke run of `npm run crash-test`: a worker doing imports, four-eyes decisions, erasures and
// audited reads is killed with SIGKILL ten times at random moments; after each kill the desk opens with its key, both
// integrity checks pass, the audit chain verifies, every acknowledged write is there and nothing is half-applied.
import { expect, it } from 'vitest';
import { runCrashTest } from '../../../electron/cli/crash-test';

it('ten kills at random moments lose no acknowledged write and leave no import or decision half-applied', async () => {
  const report = await runCrashTest({ kills: 10, seed: 8, maxDelayMs: 1000 });
  console.log(`crash test: ${report.kills} kills, acknowledged writes checked: ${report.acknowledgedWrites} (and ${report.acknowledgedReads} audited reads), losses: ${report.losses.length}`);
  expect(report.losses).toEqual([]);
  expect(report.kills).toBe(10);
  // The workers got real work done between the kills, and the desk refused none of it.
  expect(report.acknowledgedWrites).toBeGreaterThan(20);
  expect(report.refusals).toEqual([]);
}, 240_000);
