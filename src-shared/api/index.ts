// The whole contract: every call the UI can make, from every area. The router, bridge, client and tests iterate this.
import { accounts } from './accounts';
import { audit } from './audit';
import { auth } from './auth';
import { settings } from './settings';
import { setup } from './setup';
import { statements } from './statements';
import { customers } from './customers';
import { purposes } from './purposes';
import { consents } from './consents';
import { customerImport } from './customer-import';
import { requests, requestSettings } from './requests';
import { idcopies } from './idcopies';
import { proposals } from './proposals';
import { disclosures } from './disclosures';
import { notices } from './notices';
import { systems, tasks } from './tasks';
import { partners } from './partners';
import { provisionConsents, provisions, receipts } from './provisions';
import { policy } from './policy';
import { incidents } from './incidents';
import { retention } from './retention';
import { backup, keys } from './backup';
import { ledger } from './ledger';
import { complaints } from './complaints';
import { training } from './training';
import { outsourcees } from './outsourcees';
import { auditPlans, corrections, findings, managementReviews } from './internal-audit';
import { dashboard } from './dashboard';
import { reports } from './reports';
import { bulk } from './bulk';
import { preferences } from './preferences';
import { saveTargets } from './save-targets';

export const api = { ...setup, ...auth, ...settings, ...accounts, ...statements, ...audit, ...customers, ...purposes, ...consents, ...customerImport, ...requests, ...requestSettings, ...idcopies, ...proposals, ...disclosures, ...notices, ...systems, ...tasks, ...partners, ...provisionConsents, ...provisions, ...receipts, ...policy, ...incidents, ...retention, ...backup, ...keys, ...ledger, ...complaints, ...training, ...outsourcees, ...auditPlans, ...findings, ...corrections, ...managementReviews, ...dashboard, ...reports, ...bulk, ...preferences, ...saveTargets };

export type Api = typeof api;
export type MethodName = keyof Api;
export const methodNames = Object.keys(api) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(api, name);
}

export * from './method';
