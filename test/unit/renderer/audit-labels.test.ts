// Every call the desk can make has a name on the audit screen, in Japanese and English: an auditor reading the trail
// should never have to decode `bulk.extend` alone.
import { describe, expect, it } from 'vitest';
import { methodNames } from '../../../src-shared/api';
import { enBundles } from '../../../renderer/src/i18n/bundles';
import { jaBundles } from '../../../renderer/src/i18n/bundles';
import { en } from '../../../renderer/src/i18n/en';
import { ja } from '../../../renderer/src/i18n/ja';

function lookup(bundles: readonly object[], path: string[]): unknown {
  let found: unknown;
  for (const bundle of bundles) {
    let node: unknown = bundle;
    for (const part of path) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
    if (node !== undefined) found = node;
  }
  return found;
}

describe('the audit screen names every action', () => {
  for (const [language, bundles] of [['ja', [ja, ...jaBundles]], ['en', [en, ...enBundles]]] as const) {
    it(`in ${language}`, () => {
      const unnamed = methodNames.filter((method) => typeof lookup(bundles, ['audit', 'actions', ...method.split('.')]) !== 'string');
      expect(unnamed).toEqual([]);
    });
  }
});
