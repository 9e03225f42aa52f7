// What the screen benchmark types into the customer search: queries drawn from the desk's own customers, the way a
// person at the privacy office would look someone up (surname in kanji, kana, romaji, phone, e-mail, number).
import { sql, type Kysely } from 'kysely';
import { toHiragana, toKatakana } from 'wanakana';
import type { Database } from '../../core/db/schema';
import { random } from '../demo/generate';
import type { SampleCustomer as Sampled } from './search-queries';

export interface TypedQuery {
  /** What ends up in the search box. */
  text: string;
  /** Japanese is typed through the input method: its reading is composed, then converted and committed at once. */
  reading?: string;
  kind: string;
}


const first = (text: string) => text.split(/[\s\u3000]+/)[0] ?? text;
const last = (text: string) => text.split(/[\s\u3000]+/).at(-1) ?? text;
const hiragana = (kana: string) => toHiragana(kana.replace(/[\s\u3000]+/g, ' '));

/** The kinds in turn, each from a customer of its own; `n` queries in all, the same for the same seed and desk. */
const kinds: ((c: Sampled) => TypedQuery | null)[] = [
  (c) => ({ kind: 'surname (kanji)', text: first(c.name), reading: hiragana(first(c.nameKana)) }),
  (c) => ({ kind: 'surname (hiragana)', text: hiragana(first(c.nameKana)), reading: hiragana(first(c.nameKana)) }),
  (c) => (c.nameRomaji ? { kind: 'surname (romaji)', text: first(c.nameRomaji).toLowerCase() } : null),
  (c) => (c.phone ? { kind: 'phone fragment', text: c.phone.slice(-9) } : null),
  (c) => ({ kind: 'full name (kanji)', text: c.name, reading: hiragana(c.nameKana) }),
  (c) => ({ kind: 'given name (katakana)', text: toKatakana(hiragana(last(c.nameKana))), reading: hiragana(last(c.nameKana)) }),
  (c) => (c.email ? { kind: 'e-mail fragment', text: c.email.split('@')[0]!.slice(0, 8) } : null),
  (c) => ({ kind: 'customer number', text: c.customerNo }),
  (c) => (c.nameRomaji ? { kind: 'full name (romaji)', text: c.nameRomaji.toLowerCase() } : null),
  // Nobody is called this (old kana no name uses): the list must say so as quickly as it shows rows.
  (c) => {
    const text = `ゑゐ${Array.from(c.customerNo.replace(/\D/g, '').slice(-3), (d) => 'ゑゐゔ'[Number(d) % 3]).join('')}`;
    return { kind: 'no match', text, reading: text };
  },
];

/** Customers picked at random by their table row id, with their first phone and e-mail. */
async function sample(db: Kysely<Database>, count: number, seed: number): Promise<Sampled[]> {
  const { rows } = await sql<{ n: number }>`select max(rowid) as n from customers`.execute(db);
  const max = Number(rows[0]?.n ?? 0);
  if (max === 0) throw new Error('the desk has no customers to search for');
  const rng = random(seed);
  const out: Sampled[] = [];
  for (let tries = 0; out.length < count && tries < count * 20; tries++) {
    const rowid = 1 + Math.floor(rng() * max);
    const c = await db
      .selectFrom('customers as c')
      .select((eb) => [
        'c.customer_no',
        'c.name',
        'c.name_kana',
        'c.name_romaji',
        eb.selectFrom('customer_phones as p').select('p.number').whereRef('p.customer_id', '=', 'c.id').orderBy('p.id').limit(1).as('phone'),
        eb.selectFrom('customer_emails as e').select('e.address').whereRef('e.customer_id', '=', 'c.id').orderBy('e.id').limit(1).as('email'),
      ])
      .where(sql<boolean>`c.rowid = ${rowid}`)
      .executeTakeFirst();
    if (c) out.push({ customerNo: c.customer_no, name: c.name, nameKana: c.name_kana, nameRomaji: c.name_romaji, phone: c.phone ?? null, email: c.email ?? null });
  }
  return out;
}

export async function chooseQueries(db: Kysely<Database>, count: number, seed: number): Promise<TypedQuery[]> {
  const people = await sample(db, count * 3, seed);
  const queries: TypedQuery[] = [];
  // Each query once: the list shows a query it answered minutes ago from its cache at once, which times no search.
  const seen = new Set<string>();
  for (let i = 0; queries.length < count && i < people.length; i++) {
    const q = kinds[queries.length % kinds.length]!(people[i]!);
    if (q && q.text.trim() !== '' && !seen.has(q.text.trim())) {
      seen.add(q.text.trim());
      queries.push(q);
    }
  }
  return queries;
}
