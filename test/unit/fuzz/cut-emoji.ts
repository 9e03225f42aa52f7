// Half an emoji (a lone surrogate, what slicing "👩‍👧" at a length limit leaves) in every free-text field of every
// method: the contract fuzzing found the audit trail's canonical JSON cannot hash such text, so each method is tried.
import fc from 'fast-check';
import { api, methodNames } from '../../../src-shared/api';
import type { MethodSpec } from '../../../src-shared/api/method';
import { validArbitrary, type DeskPool } from '../helpers/arbitraries';
import type { RoleDesk } from './fuzz-desk';

export const cutEmoji = '👩'.slice(0, 1);

/** The input with a lone surrogate added to every string the contract still accepts it in. */
export function withCutEmoji(schema: MethodSpec['input'], input: unknown): { input: unknown; fields: string[] } {
  const fields: string[] = [];
  const root = structuredClone(input);
  const visit = (value: unknown, path: string[], set: (v: unknown) => void) => {
    if (typeof value === 'string') {
      set(`${value}${cutEmoji}`);
      if (schema.safeParse(root).success) fields.push(path.join('.'));
      else set(value);
    } else if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...path, String(i)], (n) => (value[i] = n)));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, [...path, k], (n) => ((value as Record<string, unknown>)[k] = n));
  };
  visit(root, [], () => undefined);
  return { input: root, fields };
}

/**
 * For each method the desk's session may call (not its own sign-out, lock or password calls, nor backups), valid
 * inputs carrying half an emoji until one is accepted or crashes: returns the crashes, with the log's first line.
 */
export async function sweepCutEmoji(desk: RoleDesk, pool: DeskPool, seed: number): Promise<{ tried: number; accepted: number; crashed: string[] }> {
  const crashed: string[] = [];
  let tried = 0;
  let accepted = 0;
  for (const [index, method] of methodNames.entries()) {
    const spec = api[method] as MethodSpec;
    if (spec.access === 'public' || spec.audit === 'self' || method.startsWith('backup.') || method === 'requestSettings.update') continue;
    const samples = fc.sample(validArbitrary(spec.input, pool, { area: method.split('.')[0]!, key: '' }), { numRuns: 16, seed: seed + index });
    for (const sample of samples.filter((s) => spec.input.safeParse(s).success).slice(0, 6)) {
      const { input, fields } = withCutEmoji(spec.input, sample);
      if (!fields.length) continue;
      tried += 1;
      desk.logged.length = 0;
      const result = await desk.core.call(method, input);
      if (!desk.core.desk.session) await desk.restore();
      if (result.ok) accepted += 1;
      if (!result.ok && result.error.code === 'INTERNAL') crashed.push(`${method} (${fields.join(', ')}): ${desk.logged[0]?.split('\n')[0] ?? ''}`);
      if (result.ok || result.error.code === 'INTERNAL') break;
    }
  }
  return { tried, accepted, crashed };
}
