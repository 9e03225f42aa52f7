// Countries of partners as ISO 3166-1 alpha-2 codes, named in the person's language by the browser's own
// Intl.DisplayNames: the common ones are listed, any other two-letter code may be typed (APPI Art. 28 needs the country).
import { homeCountry } from '../../../../src-shared/registers';

/** Where the shop's partners usually are: Japan first, then its neighbours and the big cloud and ad markets. */
export const commonCountries = [
  'JP', 'US', 'CN', 'KR', 'TW', 'HK', 'SG', 'TH', 'VN', 'PH', 'MY', 'ID', 'IN', 'AU', 'NZ', 'CA', 'GB', 'IE', 'DE', 'FR', 'NL', 'SE', 'CH', 'IL',
] as const;

const namers = new Map<string, Intl.DisplayNames>();

/** "米国" / "United States" for `US`; the code itself when the browser does not know it. */
export function countryName(code: string, language: string): string {
  let namer = namers.get(language);
  if (!namer) {
    namer = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
    namers.set(language, namer);
  }
  try {
    return namer.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** "US 米国": the code first, so the register reads the same in both languages and the code can be searched. */
export function countryLabel(code: string, language: string): string {
  const name = countryName(code, language);
  return name === code.toUpperCase() ? code.toUpperCase() : `${code.toUpperCase()} ${name}`;
}

export function isAbroad(code: string): boolean {
  return code.toUpperCase() !== homeCountry;
}

/** The choices of a country select: the common ones, plus the one already chosen and a typed two-letter code. */
export function countryOptions(language: string, extra: (string | null | undefined)[] = []): { value: string; label: string }[] {
  const codes = new Set<string>(commonCountries);
  for (const c of extra) if (c && /^[A-Za-z]{2}$/.test(c)) codes.add(c.toUpperCase());
  return [...codes].map((c) => ({ value: c, label: countryLabel(c, language) }));
}
