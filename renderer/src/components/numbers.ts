// Counts and amounts as a Japanese office writes them: 1,234件 and 1,000円 in Japanese, 1,234 and ¥1,000 in English.

function isJapanese(language: string): boolean {
  return language.startsWith('ja');
}

/** A plain number with thousands separators: "1,234". */
export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(isJapanese(language) ? 'ja-JP' : 'en-US', { maximumFractionDigits: 1 }).format(value);
}

/** A count of cases or rows: "1,234件" in Japanese, "1,234" in English (the English label names the unit). */
export function formatCount(value: number, language: string): string {
  const number = formatNumber(value, language);
  return isJapanese(language) ? `${number}件` : number;
}

/**
 * An amount in yen: "1,000円" in Japanese (how fees are written on the company's notices, rather than Intl's
 * full-width ￥), "¥1,000" in English. Yen have no minor unit.
 */
export function formatYen(value: number, language: string): string {
  const number = new Intl.NumberFormat(isJapanese(language) ? 'ja-JP' : 'en-US', { maximumFractionDigits: 0 }).format(value);
  return isJapanese(language) ? `${number}円` : `¥${number}`;
}

/** A share as a percentage: "92.5%". */
export function formatPercent(ratio: number, language: string): string {
  return new Intl.NumberFormat(isJapanese(language) ? 'ja-JP' : 'en-US', { style: 'percent', maximumFractionDigits: 1 }).format(ratio);
}
