// i18next set up once: Japanese by default, English selectable on every screen; the choice is remembered on this machine.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { ja } from './ja';
import { accountsEn } from './en/accounts';
import { auditEn } from './en/audit';
import { statementsEn } from './en/statements';
import { accountsJa } from './ja/accounts';
import { auditJa } from './ja/audit';
import { statementsJa } from './ja/statements';
import { customersEn } from './en/customers';
import { customerImportEn } from './en/customer-import';
import { customersJa } from './ja/customers';
import { customerImportJa } from './ja/customer-import';
import { requestsEn } from './en/requests';
import { requestsJa } from './ja/requests';
import { idCopiesEn } from './en/idcopies';
import { idCopiesJa } from './ja/idcopies';
import { provisionsEn } from './en/provisions';
import { provisionsJa } from './ja/provisions';
import { registersEn } from './en/registers';
import { registersJa } from './ja/registers';
import { backupEn } from './en/backup';
import { backupJa } from './ja/backup';
import { reliabilityEn } from './en/reliability';
import { reliabilityJa } from './ja/reliability';
import { ledgerEn } from './en/ledger';
import { ledgerJa } from './ja/ledger';
import { complaintsEn } from './en/complaints';
import { complaintsJa } from './ja/complaints';
import { trainingEn } from './en/training';
import { trainingJa } from './ja/training';
import { outsourceesEn } from './en/outsourcees';
import { outsourceesJa } from './ja/outsourcees';
import { internalAuditEn } from './en/internal-audit';
import { internalAuditJa } from './ja/internal-audit';

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

export function setLanguage(language: Language): void {
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // A browser without storage still switches; it just does not remember.
  }
  void i18next.changeLanguage(language);
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

// Each feature's strings live in their own files (i18n/ja/<feature>.ts, i18n/en/<feature>.ts), merged deep into the one namespace.
for (const bundle of [accountsJa, statementsJa, auditJa]) i18next.addResourceBundle('ja', 'translation', bundle, true, false);
for (const bundle of [accountsEn, statementsEn, auditEn]) i18next.addResourceBundle('en', 'translation', bundle, true, false);
// Customer records and the CSV import (issue #4).
for (const bundle of [customersJa, customerImportJa]) i18next.addResourceBundle('ja', 'translation', bundle, true, false);
for (const bundle of [customersEn, customerImportEn]) i18next.addResourceBundle('en', 'translation', bundle, true, false);
// Requests from the person, ID copy checks and proposals (issue #5).
for (const bundle of [requestsJa, idCopiesJa]) i18next.addResourceBundle('ja', 'translation', bundle, true, false);
for (const bundle of [requestsEn, idCopiesEn]) i18next.addResourceBundle('en', 'translation', bundle, true, false);
// Partners, provision and receipt registers; incidents, policy versions and retention (issue #6).
for (const bundle of [provisionsJa, registersJa]) i18next.addResourceBundle('ja', 'translation', bundle, true, false);
for (const bundle of [provisionsEn, registersEn]) i18next.addResourceBundle('en', 'translation', bundle, true, false);
// Backups, restore and the data key's rotation; faults and damaged files (issue #8).
for (const bundle of [backupJa, reliabilityJa]) i18next.addResourceBundle('ja', 'translation', bundle, true, false);
for (const bundle of [backupEn, reliabilityEn]) i18next.addResourceBundle('en', 'translation', bundle, true, false);
// The Privacy Mark records: ledger, complaints, training, outsourcees, internal audit (issue #10).
for (const bundle of [ledgerJa, complaintsJa, trainingJa, outsourceesJa, internalAuditJa]) i18next.addResourceBundle('ja', 'translation', bundle, true, false);
for (const bundle of [ledgerEn, complaintsEn, trainingEn, outsourceesEn, internalAuditEn]) i18next.addResourceBundle('en', 'translation', bundle, true, false);

export { i18next };
