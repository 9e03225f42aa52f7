// Where the built files are, the same way in development (`electron .`) and in the packaged app.asar.
// `app.getAppPath()` is the folder (or app.asar) holding package.json in both cases, so no `__dirname`
// or `import.meta` is needed in code that esbuild bundles to CommonJS.
import { join } from 'node:path';
import { app } from 'electron';

export interface AppPaths {
  /** The sandboxed preload, bundled to one CommonJS file by build/build-shell.ts. */
  preload: string;
  /** The renderer built by Vite (index.html + assets). */
  renderer: string;
}

export function appPaths(appPath: string = app.getAppPath()): AppPaths {
  return {
    preload: join(appPath, 'dist', 'shell', 'preload.cjs'),
    renderer: join(appPath, 'dist', 'renderer'),
  };
}
