// Japanese search text: the folding that makes やまだ, ヤマダ, ﾔﾏﾀﾞ and ＹＡＭＡＤＡ one word, and the 2-grams of the index.
// Pure functions, no SQL: search-index.ts stores and queries what these produce.
import { toHiragana } from 'wanakana';

const katakana = /[\u30a1-\u30f6]/;

/** Katakana (after NFKC, so half-width is already full-width) shifted onto hiragana; ー and ヷ-ヺ have no hiragana and stay. */
function katakanaToHiragana(text: string): string {
  if (!katakana.test(text)) return text;
  const codes = new Array<number>(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    codes[i] = c >= 0x30a1 && c <= 0x30f6 ? c - 0x60 : c;
  }
  return String.fromCharCode(...codes);
}

/**
 * NFKC (full-width Latin and digits to ASCII, half-width kana to full-width), katakana to hiragana, lower case.
 * Neither FTS5 tokenizer folds these (FACTS.md), so the index holds folded text and queries are folded the same way.
 */
export function fold(text: string): string {
  return katakanaToHiragana(text.normalize('NFKC')).toLowerCase();
}

const ascii = /^[\x00-\x7f]*$/;

/** Letters and digits only: spaces, hyphens, @ and dots are dropped so `090-1234-5678` and `09012345678` meet. */
export function searchable(text: string): string {
  // ASCII (e-mails, numbers, romaji: most of what is indexed) is its own NFKC and holds no kana: the short way.
  if (ascii.test(text)) return text.toLowerCase().replace(/[^a-z0-9]/g, '');
  return fold(text).replace(/[^\p{L}\p{N}]/gu, '');
}

/** The kana reading as the list sorts it. */
export function kanaKey(nameKana: string): string {
  return searchable(nameKana);
}

/**
 * Digits are indexed a second time as 4-grams of each run of 4 or more. Ten digits make only 100 bigrams, each in
 * about a third of the customers (phones, customer numbers, postal codes): a phrase of them for `1234-5678` made
 * FTS5 walk hundreds of thousands of candidates, 50–300 ms at a million customers. 10,000 digit 4-grams are each in
 * a few thousand, so a number is found in a few milliseconds.
 */
const digitGram = 4;
const digitRuns = /[0-9]{4,}/g;

function digitGrams(text: string): string[] {
  const grams: string[] = [];
  for (const run of text.match(digitRuns) ?? []) {
    for (let i = 0; i + digitGram <= run.length; i++) grams.push(run.slice(i, i + digitGram));
  }
  return grams;
}

/**
 * The index tokens of one field: its overlapping 2-grams, then its last character alone, then the 4-grams of its
 * runs of digits. The trailing 1-gram lets a 1-character prefix query find a character at the end of a field (藤 in
 * 佐藤), and it keeps a phrase from running across fields: fields are never joined into a gram. The 4-grams follow
 * in a stretch of their own, between this field's 2-grams and the next field's, so a phrase of them cannot run
 * into another field's either.
 */
export function fieldGrams(text: string): string[] {
  const grams: string[] = [];
  pushFieldGrams(text, grams);
  return grams;
}

const surrogates = /[\ud800-\udfff]/;

function pushFieldGrams(text: string, grams: string[]): void {
  const folded = searchable(text);
  if (folded === '') return;
  // Slices of the folded text (no characters beyond the BMP: one code unit each) cost less than joined characters.
  if (!surrogates.test(folded)) {
    for (let i = 0; i + 1 < folded.length; i++) grams.push(folded.slice(i, i + 2));
    grams.push(folded.slice(-1));
  } else {
    const chars = Array.from(folded);
    for (let i = 0; i + 1 < chars.length; i++) grams.push(chars[i]! + chars[i + 1]!);
    grams.push(chars[chars.length - 1]!);
  }
  for (const gram of digitGrams(folded)) grams.push(gram);
}

/** The whole document of one customer in the index: each field's grams, space-separated (unicode61 tokens). */
export function documentGrams(fields: (string | null | undefined)[]): string {
  const grams: string[] = [];
  for (const field of fields) if (field) pushFieldGrams(field, grams);
  return grams.join(' ');
}

/**
 * The forms a query is searched under: its folded letters and digits, and for romaji its hiragana reading
 * (`yamada` → やまだ finds 山田 through the reading). A trailing consonant still being typed (`yamad`) is dropped
 * from the reading rather than left as a Latin letter that no reading holds.
 */
export function queryForms(query: string): string[] {
  const base = searchable(query);
  if (base === '') return [];
  const forms = [base];
  const folded = fold(query).trim();
  if (/^[a-z][a-z\s'-]*$/.test(folded)) {
    const reading = searchable(toHiragana(folded.replace(/[\s'-]/g, ''))).replace(/[a-z]+$/, '');
    if (reading !== '' && !/[a-z]/.test(reading) && reading !== base) forms.push(reading);
  }
  return forms;
}

/**
 * An FTS5 MATCH expression for the query, or null when there is nothing to search.
 * 2+ characters: a phrase of the query's 2-grams, which finds exactly the substring (no false hits).
 * 1 character: a prefix query on the grams starting with it (and the trailing 1-grams), i.e. "contains".
 * A run of 4+ digits: also a phrase of its digit 4-grams (see digitGrams), which narrows the search first.
 */
export function matchExpression(query: string): string | null {
  const forms = queryForms(query);
  if (forms.length === 0) return null;
  const parts = forms.map((form) => {
    const chars = Array.from(form);
    if (chars.length === 1) return `"${chars[0]}"*`;
    const grams: string[] = [];
    for (let i = 0; i + 1 < chars.length; i++) grams.push(chars[i]! + chars[i + 1]!);
    const phrase = `"${grams.join(' ')}"`;
    const runs = form.match(digitRuns) ?? [];
    if (runs.length === 0) return phrase;
    // A run of 4+ digits is found through its 4-grams first (a few thousand candidates, not a third of the desk).
    // Digits alone: that is the whole answer. With letters (C-0000123): AND the 2-gram phrase, which keeps it exact.
    const narrowing = runs.map((run) => `"${digitGrams(run).join(' ')}"`);
    if (runs.length === 1 && runs[0] === form) return narrowing[0]!;
    return `(${[...narrowing, phrase].join(' AND ')})`;
  });
  return parts.join(' OR ');
}
