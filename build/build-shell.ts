// `npm run build:shell`: bundles the Electron main process and the sandboxed preload into dist/shell/*.cjs.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { build, type BuildOptions } from 'esbuild';

const root = join(import.meta.dirname, '..');
const outDir = join(root, 'dist', 'shell');

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // Electron 45 runs Node 24; node22 is a floor the bundle certainly meets.
  target: 'node22',
  sourcemap: 'linked',
  logLevel: 'warning',
  absWorkingDir: root,
  legalComments: 'none',
};

await rm(outDir, { recursive: true, force: true });

await Promise.all([
  build({
    ...common,
    entryPoints: ['electron/shell/main.ts'],
    outfile: join(outDir, 'main.cjs'),
    // Native modules stay in node_modules (electron-builder unpacks their .node files from the ASAR);
    // everything else, including the core, is bundled into one file.
    external: ['electron', '@journeyapps/sqlcipher', '@node-rs/argon2', 'sharp'],
    // Only this bundle starts the app on load (see the end of electron/shell/main.ts).
    define: { __DESK_SHELL_ENTRY__: 'true' },
  }),
  build({
    ...common,
    entryPoints: ['electron/shell/preload.ts'],
    outfile: join(outDir, 'preload.cjs'),
    // A sandboxed preload may require only a few built-ins, 'electron' among them: everything else is bundled.
    external: ['electron'],
  }),
]);

console.log('shell built: dist/shell/main.cjs, dist/shell/preload.cjs');
