// The demo desk's outsourcees show every state a real office's year has, and every sentence of the screens is
// written in both languages.
import { afterAll, describe, expect, it } from 'vitest';
import { seedOutsourcees } from '../../../../electron/cli/demo/outsourcees';
import type { Core } from '../../../../electron/core/core';
import { outsourceesEn } from '../../../../renderer/src/i18n/en/outsourcees';
import { outsourceesJa } from '../../../../renderer/src/i18n/ja/outsourcees';
import type { OutsourceeDetail, OutsourceeList } from '../../../../src-shared/api/outsourcees';
import { asOfficer, setUpDesk, type TestDesk } from '../../helpers/desk';

let desk: TestDesk | undefined;
afterAll(async () => desk?.dispose());

async function must<T>(core: Core, method: string, input: unknown): Promise<T> {
  const result = await core.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message} ${JSON.stringify(result.error.details ?? {})}`);
  return result.value as T;
}

/** Every key of a bundle, with the plural endings of a language taken off (ja needs only `_other`). */
function keysOf(bundle: object, prefix = ''): string[] {
  return Object.entries(bundle).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keysOf(v as object, `${prefix}${k}.`) : [`${prefix}${k.replace(/_(one|other)$/, '')}`]));
}

describe('the demo desk', () => {
  it('has an outsourcee evaluated with a finding followed up and one open, one overdue for 13 months, one without a selection check', async () => {
    desk = await setUpDesk();
    await asOfficer(desk);
    await seedOutsourcees(desk.core, must);
    const { rows, counts } = await desk.ok<OutsourceeList>('outsourcees.list', { show: 'all' });
    expect(rows.map((r) => [r.name, r.due, r.selectionMissing, r.openFindings])).toEqual([
      ['デモシステム保守株式会社', 'never', true, 0],
      ['株式会社デモコールセンター', 'overdue', false, 0],
      ['株式会社デモ物流', 'current', false, 1],
    ]);
    expect(counts).toEqual({ outsourcees: 3, overdue: 2, selectionMissing: 1, dueSoon: 0, findingsOverdue: 0 });
    const delivery = await desk.ok<OutsourceeDetail>('outsourcees.get', { partnerId: rows[2]!.partnerId });
    expect(delivery.evaluations.map((e) => [e.kind, e.result, e.evidence.length])).toEqual([
      ['periodic', 'conditional', 2],
      ['selection', 'conditional', 2],
    ]);
    expect(delivery.evaluations[0]!.findings.map((f) => f.doneOn !== null)).toEqual([true, false]);
  });
});

describe('the screens of outsourcee supervision', () => {
  it('say everything in Japanese and in English', () => {
    expect([...new Set(keysOf(outsourceesEn))].sort()).toEqual([...new Set(keysOf(outsourceesJa))].sort());
  });
});
