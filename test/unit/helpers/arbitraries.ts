// fast-check arbitraries derived from a zod 4 schema of the contract: inputs that follow it (test/unit/fuzz/broken-inputs.ts
// breaks them on purpose). One deriver for every method: it walks `schema._zod.def`, so a new field needs no line here.
import fc from 'fast-check';
import type { z } from 'zod';

/** What the desk already holds, mixed into generated values so that calls reach real records. */
export interface DeskPool {
  /**
   * Ids of real rows by kind: the table's name in the singular, lower case, without underscores (`idcopy`,
   * `requesttask`). A uuid field takes one of its own kind most of the time: `customerId` a customer's, the `id` of
   * `requests.get` a request's.
   */
  ids: Readonly<Record<string, readonly string[]>>;
  /** Real values (purpose ids, customer numbers, phone numbers, e-mail addresses...): a string field may take one it accepts. */
  strings: readonly string[];
}

/** Where a value sits: the area of the method (`requests`) and the key of the field (`customerId`). */
interface Place {
  area: string;
  key: string;
}

/** `id_copies` → `idcopy`, `requests` → `request`: the kind of a table's ids. */
export function kindOfTable(table: string): string {
  const name = table.replace(/_/g, '').toLowerCase();
  return name.endsWith('ies') ? `${name.slice(0, -3)}y` : name.endsWith('s') ? name.slice(0, -1) : name;
}

function idsFor(pool: DeskPool, place: Place): { kin: string[]; all: string[] } {
  const all = Object.values(pool.ids).flat();
  const hint = place.key.toLowerCase() === 'id' ? kindOfTable(place.area) : place.key.replace(/Ids?$/, '').toLowerCase();
  const kinds = Object.keys(pool.ids);
  let chosen = kinds.filter((k) => k.endsWith(hint));
  if (!chosen.length) chosen = kinds.filter((k) => k.startsWith(kindOfTable(place.area)));
  return { kin: chosen.flatMap((k) => pool.ids[k]!), all };
}

/** Names, comments and file names as an attacker or a careless paste would type them. */
export const hostileStrings = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(document.cookie)</script>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  '\u202Egnp.exe',
  '山田\u202E太郎',
  'a\u0000b',
  '\u0000',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  '𠮷野家',
  '=HYPERLINK("http://x.example/","click")',
  '+81-3-1234',
  '-1+1',
  '@SUM(A1:A9)',
  '\t=1+1',
  '\r=1',
  "'; drop table customers; --",
  '../../../../etc/passwd',
  'C:\\Windows\\system32',
  '%s%s%n{{constructor}}',
  '${jndi:ldap://x}',
  '\uD800',
  'ﾔﾏﾀﾞ ﾀﾛｳ',
  'ｱｲｳ　ＡＢＣ１２３',
] as const;

/** Keys a parser must never treat as anything but data. */
export const prototypeKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'] as const;

/** Values of every wrong kind, for a field or the whole input. */
export const wrongValues: readonly unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  -0,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  1e308,
  -1e308,
  2 ** 53 + 1,
  '',
  ' ',
  '0',
  'true',
  'null',
  'a\u0000b',
  [],
  [null],
  {},
  { length: 1e9 },
  new Date(0),
  withOwnKey('__proto__', { admin: true }),
  withOwnKey('constructor', { prototype: { admin: true } }),
];

/** An object with an own property of a name such as `__proto__`, as `JSON.parse` makes one. */
export function withOwnKey(key: string, value: unknown, base: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

type Def = { type: string; [key: string]: any };
type Check = { check: string; [key: string]: any };

const defOf = (schema: z.ZodType): Def => (schema as any)._zod.def as Def;
const checksOf = (def: Def): Check[] => ((def.checks ?? []) as any[]).map((c) => c._zod.def as Check);

/** Among a few candidates, the first that the leaf schema accepts (else the first): mostly valid, never a loop. */
function preferValid<T>(leaf: z.ZodType, candidate: fc.Arbitrary<T>, tries = 6): fc.Arbitrary<T> {
  return fc.array(candidate, { minLength: tries, maxLength: tries }).map((list) => list.find((v) => leaf.safeParse(v).success) ?? list[0]!);
}

function stringBounds(def: Def): { min: number; max: number; patterns: RegExp[] } {
  let min = 0;
  let max = Number.POSITIVE_INFINITY;
  const patterns: RegExp[] = [];
  if (def.pattern instanceof RegExp) patterns.push(def.pattern);
  for (const c of checksOf(def)) {
    if (c.check === 'min_length') min = Math.max(min, c.minimum);
    if (c.check === 'max_length') max = Math.min(max, c.maximum);
    if (c.check === 'length_equals') min = max = c.length;
    if (c.check === 'string_format' && c.pattern instanceof RegExp) patterns.push(c.pattern);
  }
  return { min, max, patterns };
}

function stringArbitrary(schema: z.ZodType, def: Def, pool: DeskPool, place: Place): fc.Arbitrary<string> {
  const { min, max, patterns } = stringBounds(def);
  if (def.format === 'uuid' || def.format === 'guid') {
    const generated = fc.uuid().filter((u) => schema.safeParse(u).success);
    const { kin, all } = idsFor(pool, place);
    const options: fc.WeightedArbitrary<string>[] = [{ arbitrary: generated, weight: 1 }];
    if (kin.length) options.push({ arbitrary: fc.constantFrom(...kin), weight: 4 });
    if (all.length) options.push({ arbitrary: fc.constantFrom(...all), weight: 1 });
    return fc.oneof(...options);
  }
  const fits = (s: string) => s.length >= min && s.length <= max;
  const options: fc.Arbitrary<string>[] = [];
  if (def.format === 'date' || def.format === 'datetime') {
    // Days the office works with (the last two years, today included) most of the time; any the pattern allows else.
    const recent = fc.integer({ min: 0, max: 730 * 24 * 60 }).map((minutes) => new Date(Date.now() - minutes * 60_000).toISOString());
    const asFormat = def.format === 'date' ? recent.map((iso) => iso.slice(0, 10)) : recent;
    options.push(asFormat, asFormat);
  }
  if (patterns.length > 0) {
    // A format (e-mail, date, datetime) or a regex: strings drawn from the pattern itself.
    options.push(fc.stringMatching(patterns[0]!));
  } else {
    const cap = Math.min(max, 40);
    options.push(fc.string({ minLength: min, maxLength: Math.max(min, cap) }));
    options.push(fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.max(min, cap) }));
    const hostile = hostileStrings.filter(fits);
    if (hostile.length) options.push(fc.constantFrom(...hostile));
    // The longest the contract allows (10,000 characters where it allows more), in Japanese, with a tag, with emoji.
    const longest = Math.min(max, 10_000);
    if (longest >= Math.max(1, min)) {
      options.push(fc.constantFrom('あ', '<b>', '👩‍👧', 'x').map((unit) => unit.repeat(Math.ceil(longest / unit.length)).slice(0, longest)));
    }
  }
  // Real values this very field accepts (a phone number for a phone field): patterns are hard to hit by chance.
  const real = pool.strings.filter((v) => fits(v) && schema.safeParse(v).success);
  const weighted: fc.WeightedArbitrary<string>[] = options.map((arbitrary) => ({ arbitrary, weight: 1 }));
  // A third of the time or more: a purpose id that exists, a phone number the pattern accepts.
  if (real.length) weighted.push({ arbitrary: fc.constantFrom(...real), weight: Math.max(2, Math.ceil(options.length / 2)) });
  return preferValid(schema, fc.oneof(...weighted));
}

function numberArbitrary(def: Def): fc.Arbitrary<number> {
  let min = Number.NEGATIVE_INFINITY;
  let max = Number.POSITIVE_INFINITY;
  let integer = false;
  let minExclusive = false;
  let maxExclusive = false;
  for (const c of checksOf(def)) {
    if (c.check === 'number_format' && /int/.test(c.format)) integer = true;
    if (c.check === 'greater_than' && c.value >= min) [min, minExclusive] = [c.value, !c.inclusive];
    if (c.check === 'less_than' && c.value <= max) [max, maxExclusive] = [c.value, !c.inclusive];
  }
  if (integer) {
    const lo = Math.max(Number.isFinite(min) ? (minExclusive ? min + 1 : min) : -(2 ** 31), Number.MIN_SAFE_INTEGER);
    const hi = Math.min(Number.isFinite(max) ? (maxExclusive ? max - 1 : max) : 2 ** 31 - 1, Number.MAX_SAFE_INTEGER);
    return fc.oneof(fc.integer({ min: lo, max: hi }), fc.constantFrom(lo, hi));
  }
  const lo = Number.isFinite(min) ? min : -1e9;
  const hi = Number.isFinite(max) ? max : 1e9;
  return fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true, minExcluded: minExclusive, maxExcluded: maxExclusive });
}

/** Values the schema describes: mostly accepted by it (refinements across fields may still refuse some). */
export function validArbitrary(schema: z.ZodType, pool: DeskPool, place: Place = { area: '', key: '' }): fc.Arbitrary<unknown> {
  const derive = (inner: z.ZodType, key = place.key) => validArbitrary(inner, pool, { area: place.area, key });
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return stringArbitrary(schema, def, pool, place);
    case 'number':
      return numberArbitrary(def);
    case 'int':
      return fc.integer();
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'undefined':
    case 'void':
      return fc.constant(undefined);
    case 'any':
    case 'unknown':
      return fc.jsonValue({ maxDepth: 2 });
    case 'date':
      return fc.date({ noInvalidDate: true });
    case 'bigint':
      return fc.bigInt();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, string | number>));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'optional':
    case 'default':
    case 'prefault':
      // Left out half the time: fields that exclude each other (a receipt only for a partner's customers) then pass.
      return fc.option(derive(def.innerType), { nil: undefined, freq: 2 });
    case 'nullable':
      return fc.option(derive(def.innerType), { nil: null, freq: 3 });
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return derive(def.innerType);
    case 'pipe':
      // A transform's input is what a caller sends.
      return derive(def.in);
    case 'lazy':
      return derive(def.getter());
    case 'union':
      return fc.oneof(...(def.options as z.ZodType[]).map((o) => derive(o)));
    case 'intersection':
      return fc.tuple(derive(def.left), derive(def.right)).map(([a, b]) => (isPlainObject(a) && isPlainObject(b) ? { ...a, ...b } : a));
    case 'tuple':
      return fc.tuple(...(def.items as z.ZodType[]).map((i) => derive(i)));
    case 'array': {
      const { min, max } = stringBounds(def);
      return fc.array(derive(def.element), { minLength: min, maxLength: Math.max(min, Math.min(max, 4)) });
    }
    case 'record':
      return fc.dictionary(derive(def.keyType) as fc.Arbitrary<string>, derive(def.valueType), { maxKeys: 4 });
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      const model = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, derive(v, k)]));
      const requiredKeys = Object.keys(shape).filter((k) => !['optional', 'default', 'prefault'].includes(defOf(shape[k]!).type));
      const record = fc.record(model, { requiredKeys });
      // A rule across fields (a receipt only for a partner's customers): among a few candidates, one that keeps it.
      return checksOf(def).some((c) => c.check === 'custom') ? preferValid(schema, record, 4) : record;
    }
    default:
      throw new Error(`arbitraries: no deriver for zod type "${def.type}"; add one here`);
  }
}

/** A plain object (not an array, a date or null): what a mutation may add keys to. */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}
