// `npm run load -- --smoke`: eight windows of the signed-in officer work the desk at once through the loopback host
// for a few seconds; every answer is ok or a refusal by the rules, nothing is busy, and the audit chain holds.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatReport, runLoad, type LoadReport } from '../../../electron/cli/load';
import { expectedRefusals } from '../../../electron/cli/load-mix';

const cacheDir = mkdtempSync(join(tmpdir(), 'load-smoke-'));
let report: LoadReport;

beforeAll(async () => {
  report = await runLoad({ clients: 8, seconds: 5, customers: 1000, seed: 1, cacheDir });
  console.info(formatReport(report));
}, 240_000);
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

describe('eight windows of one officer at once', () => {
  it('did every kind of work: searches, records, consents, requests with ID copies and proposals, provisions, registers, the audit trail', () => {
    const kinds = [
      'customers.search', 'customers.get', 'customers.reveal', 'customers.create', 'consents.record', 'consents.withdraw',
      'requests.create', 'requests.comment', 'requests.list', 'requests.get', 'idcopies.attach', 'idcopies.verify',
      'proposals.create', 'proposals.decide', 'provisionConsents.record', 'provisions.check', 'provisions.create',
      'provisions.list', 'receipts.list', 'partners.list', 'incidents.list', 'statements.list', 'policy.versions',
      'audit.search', 'auth.heartbeat', 'settings.get',
    ];
    for (const method of kinds) expect(report.methods[method]?.calls ?? 0, method).toBeGreaterThan(0);
    for (const method of kinds.filter((m) => m !== 'proposals.decide')) expect(report.methods[method]!.ok, method).toBeGreaterThan(0);
    // The officer's own proposals: four eyes refuses every self-decision, and the run counts that as the rule working.
    expect(report.methods['proposals.decide']!.refused).toBe(report.methods['proposals.decide']!.calls);
  });

  it('got only answers that are ok or a refusal by the rules, and no busy database', () => {
    expect(report.errors).toEqual([]);
    expect(report.busy).toBe(0);
    for (const [method, figures] of Object.entries(report.methods)) {
      expect(figures.ok + figures.refused, method).toBe(figures.calls);
      if (figures.refused > 0) expect(expectedRefusals[method], method).toBeDefined();
    }
  });

  it('left an audit chain that verifies, with an event for each recorded call', () => {
    expect(report.chain.valid).toBe(true);
    expect(report.chain.added).toBeGreaterThan(report.calls / 2);
  });
});
