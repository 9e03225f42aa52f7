// The search benchmark's fixed mix of queries, drawn from the desk's own customers with a seeded generator.
import { random } from '../demo/generate';
import { all, type RawDatabase } from './raw';

export const queryKinds = ['kanji2', 'kana', 'halfWidthKana', 'romaji', 'phone', 'email', 'customerNo', 'noMatch'] as const;
export type QueryKind = (typeof queryKinds)[number];

export interface BenchQuery {
  kind: QueryKind;
  query: string;
}

/** What the mix is drawn from: one customer's searchable fields. */
export interface SampleCustomer {
  customerNo: string;
  name: string;
  nameKana: string;
  nameRomaji: string | null;
  phone: string | null;
  email: string | null;
}

/** Half-width katakana for full-width, built by inverting NFKC over the half-width block (voiced marks included). */
const halfWidthOf: Map<string, string> = (() => {
  const map = new Map<string, string>();
  const base: string[] = [];
  for (let code = 0xff66; code <= 0xff9d; code++) base.push(String.fromCharCode(code));
  for (const half of base) {
    map.set(half.normalize('NFKC'), half);
    for (const mark of ['\uff9e', '\uff9f']) {
      const full = (half + mark).normalize('NFKC');
      if (Array.from(full).length === 1) map.set(full, half + mark);
    }
  }
  map.set('ー', '\uff70');
  return map;
})();

export function toHalfWidthKana(katakana: string): string {
  return Array.from(katakana, (c) => halfWidthOf.get(c) ?? c).join('');
}

export function toHiraganaText(katakana: string): string {
  return katakana.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

/** The query a person would type for this customer, of this kind. */
export function queryFor(kind: QueryKind, c: SampleCustomer): string {
  const surname = c.name.split(/\s+/)[0]!;
  const surnameKana = c.nameKana.split(/\s+/)[0]!;
  switch (kind) {
    case 'kanji2':
      return Array.from(surname).slice(0, 2).join('');
    case 'kana':
      return toHiraganaText(surnameKana);
    case 'halfWidthKana':
      return toHalfWidthKana(surnameKana);
    case 'romaji':
      return (c.nameRomaji ?? '').split(/\s+/)[0]!.toLowerCase();
    case 'phone':
      // The last two groups, as people read a number out: `1234-5678`.
      return (c.phone ?? '').split('-').slice(-2).join('-');
    case 'email':
      // The part before the @, as someone reads it off a message.
      return (c.email ?? '').split('@')[0]!;
    case 'customerNo':
      return c.customerNo;
    case 'noMatch':
      // Characters no generated name, address or number holds.
      return '鰯鰹鱈';
  }
}

/** `perKind` queries of every kind, each from a different customer picked at random among all `size` customers. */
export async function drawQueries(db: RawDatabase, size: number, perKind: number, seed: number): Promise<BenchQuery[]> {
  const rng = random(seed * 7919 + size);
  const out: BenchQuery[] = [];
  for (const kind of queryKinds) {
    for (let i = 0; i < perKind; i++) {
      const rowid = 1 + Math.floor(rng() * size);
      const [c] = await all<SampleCustomer>(
        db,
        `select c.customer_no as customerNo, c.name, c.name_kana as nameKana, c.name_romaji as nameRomaji,
                (select p.number from customer_phones p where p.customer_id = c.id order by p.id limit 1) as phone,
                (select e.address from customer_emails e where e.customer_id = c.id order by e.id limit 1) as email
         from customers c where c.rowid >= ? order by c.rowid limit 1`,
        [rowid],
      );
      if (!c) throw new Error(`no customer at or after rowid ${rowid}`);
      out.push({ kind, query: queryFor(kind, c) });
    }
  }
  return out;
}
