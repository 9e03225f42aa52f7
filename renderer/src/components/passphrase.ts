// Temporary passwords the officer hands over: random romaji "words" that are easy to read out and type, from crypto.getRandomValues.

// Romaji syllables without ones that are easily misheard or mistyped (ji/zi, tsu, wo...).
const syllables = [
  'ka', 'ki', 'ku', 'ke', 'ko', 'sa', 'shi', 'su', 'se', 'so', 'ta', 'chi', 'te', 'to', 'na', 'ni', 'nu', 'ne', 'no',
  'ha', 'hi', 'fu', 'he', 'ho', 'ma', 'mi', 'mu', 'me', 'mo', 'ya', 'yu', 'yo', 'ra', 'ri', 'ru', 're', 'ro', 'wa',
  'ga', 'gi', 'gu', 'ge', 'go', 'da', 'de', 'do', 'ba', 'bi', 'bu', 'be', 'bo', 'pa', 'pi', 'pu', 'pe', 'po',
] as const;

/** A uniform random integer in [0, n), without modulo bias. */
function randomBelow(n: number): number {
  const limit = Math.floor(0x1_0000_0000 / n) * n;
  const buf = new Uint32Array(1);
  for (;;) {
    crypto.getRandomValues(buf);
    if (buf[0]! < limit) return buf[0]! % n;
  }
}

/**
 * Four words of three syllables and a four-digit number, e.g. "Hamiso-Kurete-Dobani-Yosuga-4821":
 * 56^12 × 10^4 ≈ 2^83 possibilities, far beyond guessing, and readable over a desk.
 */
export function generatePassphrase(): string {
  const words = Array.from({ length: 4 }, () => {
    const word = Array.from({ length: 3 }, () => syllables[randomBelow(syllables.length)]).join('');
    return word[0]!.toUpperCase() + word.slice(1);
  });
  const number = String(randomBelow(10_000)).padStart(4, '0');
  return [...words, number].join('-');
}
