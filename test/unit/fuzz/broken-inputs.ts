// Inputs broken on purpose for the contract fuzzing: a valid value (derived from the method's schema) with one place
// broken, or a whole input of the wrong kind. Only values the schema itself refuses come out.
import fc from 'fast-check';
import type { z } from 'zod';
import { hostileStrings, isPlainObject, prototypeKeys, validArbitrary, withOwnKey, wrongValues, type DeskPool } from '../helpers/arbitraries';

type Mutation = 'wrongType' | 'drop' | 'extraKey' | 'tooLong' | 'nul' | 'numberEdge' | 'arrayFlood' | 'stringified';
const mutations: Mutation[] = ['wrongType', 'drop', 'extraKey', 'tooLong', 'nul', 'numberEdge', 'arrayFlood', 'stringified'];

/** Every place in a value: [] is the value itself, ['a', 0] its `a[0]`. */
function pathsOf(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
  else if (isPlainObject(value)) for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  return out;
}

function clone(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clone);
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clone(v)]));
  return value;
}

const longString = (seed: string) => (seed || 'x').repeat(Math.ceil(120_000 / Math.max(1, seed.length))).slice(0, 120_000);

function mutateAt(root: unknown, path: (string | number)[], mutation: Mutation, pick: number): unknown {
  const copy = clone(root);
  const parentPath = path.slice(0, -1);
  const key = path.at(-1);
  let parent: any = copy;
  for (const step of parentPath) parent = parent[step];
  const current = key === undefined ? copy : parent[key];
  const replace = (next: unknown): unknown => {
    if (key === undefined) return next;
    parent[key] = next;
    return copy;
  };
  switch (mutation) {
    case 'wrongType':
      return replace(wrongValues[pick % wrongValues.length]);
    case 'drop':
      if (key !== undefined && isPlainObject(parent)) {
        delete parent[key];
        return copy;
      }
      return replace(undefined);
    case 'extraKey': {
      const target = isPlainObject(current) ? current : isPlainObject(parent) ? parent : null;
      const name = [...prototypeKeys, 'isAdmin', '$where', 'role'][pick % (prototypeKeys.length + 3)]!;
      if (!target) return withOwnKey(name, 1, isPlainObject(copy) ? copy : {});
      Object.defineProperty(target, name, { value: pick % 2 ? { admin: true } : 'officer', enumerable: true, writable: true, configurable: true });
      return copy;
    }
    case 'tooLong':
      return replace(longString(typeof current === 'string' ? current : hostileStrings[pick % hostileStrings.length]!));
    case 'nul':
      return replace(typeof current === 'string' ? `${current.slice(0, 1)}\u0000${current.slice(1)}` : 'a\u0000b');
    case 'numberEdge':
      return replace([Number.NaN, Number.POSITIVE_INFINITY, -1, 1.5, 1e308, -(2 ** 63), 2 ** 53 + 1, -0][pick % 8]);
    case 'arrayFlood':
      return replace(Array.from({ length: 2_000 }, () => (Array.isArray(current) && current.length ? current[0] : 'x')));
    case 'stringified':
      return replace(typeof current === 'string' ? [current] : JSON.stringify(current ?? null));
  }
}

/**
 * Values the schema refuses: a valid value with one place broken (wrong type, key dropped, extra or prototype key,
 * too long, NUL byte, NaN or a huge number, a flood of items), or a whole input of the wrong kind. Only values that
 * `schema.safeParse` refuses come out: a NUL byte in free text is valid, and is sent on the valid side instead.
 */
export function brokenArbitrary(schema: z.ZodType, pool: DeskPool, area = ''): fc.Arbitrary<unknown> {
  const mutated = fc
    .tuple(validArbitrary(schema, pool, { area, key: '' }), fc.nat(), fc.constantFrom(...mutations), fc.nat())
    .map(([value, where, mutation, pick]) => {
      const paths = pathsOf(value);
      return mutateAt(value, paths[where % paths.length]!, mutation, pick);
    });
  const wholeInput = fc.constantFrom<unknown>('not an object', 42, [], [{}], true, Number.NaN, withOwnKey('__proto__', { admin: true }));
  const candidate = fc.oneof({ arbitrary: mutated, weight: 5 }, { arbitrary: wholeInput, weight: 1 });
  return fc.array(candidate, { minLength: 6, maxLength: 6 }).map((list) => list.find((v) => !schema.safeParse(v).success) ?? 'not an object');
}

/** Either side, tagged, so a test can count what it sent. */
export function contractInputs(method: string, schema: z.ZodType, pool: DeskPool, sides: { valid: boolean }): fc.Arbitrary<{ side: 'valid' | 'broken'; input: unknown }> {
  const area = method.split('.')[0]!;
  const broken = brokenArbitrary(schema, pool, area).map((input) => ({ side: 'broken' as const, input }));
  if (!sides.valid) return broken;
  const valid = validArbitrary(schema, pool, { area, key: '' }).map((input) => ({ side: 'valid' as const, input }));
  return fc.oneof({ arbitrary: valid, weight: 3 }, { arbitrary: broken, weight: 2 });
}
