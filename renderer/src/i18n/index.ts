// i18next set up once: Japanese by default, English selectable on every screen; the sign-in screen's choice is remembered on this machine, a signed-in person's on their account.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { ja } from './ja';
import { enBundles, jaBundles } from './bundles';

export const languages = ['ja', 'en'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'desk.lang';

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(storageKey);
    return value === 'en' ? 'en' : 'ja';
  } catch {
    return 'ja';
  }
}

/** The machine's choice, made on the sign-in screen: what the desk shows to nobody in particular. */
export function machineLanguage(): Language {
  return storedLanguage();
}

/** Chosen before sign-in: remembered on this machine for the next person at the sign-in screen. */
export function setLanguage(language: Language): void {
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // A browser without storage still switches; it just does not remember.
  }
  showLanguage(language);
}

/** Shows a language without making it the machine's choice: a signed-in person's own language is saved on their account. */
export function showLanguage(language: Language): void {
  if (i18next.language !== language) void i18next.changeLanguage(language);
}

i18next.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

void i18next.use(initReactI18next).init({
  resources: { ja: { translation: ja }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'ja',
  supportedLngs: [...languages],
  interpolation: { escapeValue: false }, // React escapes
  initAsync: false,
  returnNull: false,
});

// Each feature's strings live in their own files (see bundles.ts), merged deep into the one namespace.
for (const bundle of jaBundles) i18next.addResourceBundle('ja', 'translation', bundle, true, false);
for (const bundle of enBundles) i18next.addResourceBundle('en', 'translation', bundle, true, false);

export { i18next };
