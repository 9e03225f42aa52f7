// The whole contract: every call the UI can make, from every area. The router, bridge, client and tests iterate this.
import { accounts } from './accounts';
import { audit } from './audit';
import { auth } from './auth';
import { settings } from './settings';
import { setup } from './setup';
import { statements } from './statements';

export const api = { ...setup, ...auth, ...settings, ...accounts, ...statements, ...audit };

export type Api = typeof api;
export type MethodName = keyof Api;
export const methodNames = Object.keys(api) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(api, name);
}

export * from './method';
