// `npm run host -- --data DIR --exports DIR [--test-kdf]`: the loopback host for development and end-to-end tests.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createCore, type Core } from '../core/core';
import { testPasswordKdfCost, usePasswordKdfCost } from '../core/keys/kdf';
import { chromiumPrinter } from './printer';
import { hostSaveDialog } from './save-dialog';
import { startHost } from './server';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    exports: { type: 'string' },
    renderer: { type: 'string' },
    port: { type: 'string' },
    'allow-reset': { type: 'boolean', default: false },
    /** End-to-end runs: password wraps at the keyring's lowest cost, so the journeys' sign-ins take little time. */
    'test-kdf': { type: 'boolean', default: false },
  },
});

function freshDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `privacy-desk-${label}-`));
}

const base = values.data ? resolve(values.data) : freshDir('data');
const exportsDir = values.exports ? resolve(values.exports) : join(base, '..', `${base.split(/[\\/]/).pop()}-exports`);

if (values['test-kdf']) usePasswordKdfCost(testPasswordKdfCost);

const printer = chromiumPrinter();
const saveDialog = hostSaveDialog();
let core: Core = createCore({ dataDir: base, exportsDir, printer, saveDialog });

const { url, token } = await startHost({
  core: () => core,
  rendererDir: resolve(values.renderer ?? join(import.meta.dirname, '..', '..', 'dist', 'renderer')),
  port: values.port ? Number(values.port) : 0,
  onReset: values['allow-reset']
    ? async () => {
        await core.close();
        const dataDir = freshDir('data');
        core = createCore({ dataDir, exportsDir: join(dataDir, 'exports'), printer, saveDialog });
        return { dataDir };
      }
    : undefined,
});

console.log(`host listening ${url} token=${token}`);

async function stop(): Promise<void> {
  await core.close().catch(() => undefined);
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
