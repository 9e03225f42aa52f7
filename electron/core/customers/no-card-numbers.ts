// Refusing full payment card numbers anywhere in customer data: the desk keeps brand, last four digits and expiry only.
import { containsCardNumber } from '../../../src-shared/card-numbers';
import { DeskError } from '../errors';

/** A card number has at least 13 digits. */
const cardDigitsAtLeast = 13;

let nfkcDigits: Uint8Array | null = null;

/** For each BMP character, how many ASCII digits NFKC makes of it (１ → 1, ⑳ → 2, ¹ → 1; most characters → 0). */
function nfkcDigitTable(): Uint8Array {
  if (nfkcDigits) return nfkcDigits;
  const table = new Uint8Array(0x10000);
  for (let c = 0x80; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    table[c] = asciiDigits(String.fromCharCode(c).normalize('NFKC'));
  }
  nfkcDigits = table;
  return table;
}

function asciiDigits(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

/**
 * How many ASCII digits the text holds once NFKC-normalised, counted character by character (NFKC never makes a
 * digit out of two characters, nor joins one to another). Fewer than 13 cannot hide a card number, whatever the
 * separators: containsCardNumber, whose NFKC and pattern search are the costly part of a bulk write (a million demo
 * customers spent about 50 s in it), then need not run.
 */
export function digitsAfterNfkc(text: string): number {
  const table = nfkcDigitTable();
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 48 && c <= 57) n++;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      // A character beyond the BMP (𝟗, 🄂): normalised on its own.
      n += asciiDigits(text.slice(i, i + 2).normalize('NFKC'));
      i++;
    } else n += table[c]!;
  }
  return n;
}

/** containsCardNumber, skipped when the text has too few digits to hold one. */
export function holdsCardNumber(text: string): boolean {
  return digitsAfterNfkc(text) >= cardDigitsAtLeast && containsCardNumber(text);
}

/**
 * The path (`orders.0.items`) of the first string inside `value` that holds a full card number, or null.
 * Only the path ever leaves this function: the number itself must not be echoed, logged or audited.
 */
export function findCardNumberPath(value: unknown, path: (string | number)[] = []): string | null {
  if (typeof value === 'string') return holdsCardNumber(value) ? path.join('.') : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findCardNumberPath(value[i], [...path, i]);
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found = findCardNumberPath(inner, [...path, key]);
      if (found !== null) return found;
    }
  }
  return null;
}

/** Throws VALIDATION `card.number` naming the field, never the value. */
export function refuseCardNumbers(value: unknown, root?: string): void {
  const found = findCardNumberPath(value);
  if (found === null) return;
  const path = [root, found].filter((p) => p !== undefined && p !== '').join('.');
  throw new DeskError('VALIDATION', 'card.number', { path });
}
