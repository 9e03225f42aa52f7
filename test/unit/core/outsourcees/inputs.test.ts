// Any input the contract accepts for outsourcee supervision, aimed at real outsourcees, findings and evidence, is
// answered with a value or a clear refusal: never a fault of the desk.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOutsourcees } from '../../../../electron/cli/demo/outsourcees';
import type { Core } from '../../../../electron/core/core';
import { api } from '../../../../src-shared/api';
import type { MethodSpec } from '../../../../src-shared/api/method';
import { validArbitrary } from '../../helpers/arbitraries';
import { asOfficer, setUpDesk, type TestDesk } from '../../helpers/desk';
import { poolOf } from '../../fuzz/fuzz-desk';

let desk: TestDesk;
beforeAll(async () => {
  desk = await setUpDesk();
  await asOfficer(desk);
  const must = async <T>(core: Core, method: string, input: unknown): Promise<T> => {
    const result = await core.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as T;
  };
  await seedOutsourcees(desk.core, must);
});
afterAll(async () => desk.dispose());

const methods = ['outsourcees.list', 'outsourcees.get', 'outsourcees.evaluate', 'outsourcees.evidence', 'outsourcees.followUp'] as const;

describe('inputs the contract accepts', () => {
  it.each(methods)('%s answers every one with a value or a typed refusal', async (method) => {
    const pool = await poolOf(desk.core);
    const spec = api[method] as MethodSpec;
    const samples = fc.sample(validArbitrary(spec.input, pool, { area: 'outsourcees', key: '' }), { numRuns: 40, seed: 20261125 });
    const faults: string[] = [];
    let answered = 0;
    for (const input of samples.filter((s) => spec.input.safeParse(s).success)) {
      const result = await desk.call(method, input);
      if (!result.ok && result.error.code === 'INTERNAL') faults.push(JSON.stringify(input).slice(0, 200));
      answered += 1;
      if (!desk.core.desk.session || desk.core.desk.session.locked) await asOfficer(desk);
    }
    expect(faults).toEqual([]);
    expect(answered).toBeGreaterThan(10);
  });
});
