// Builds the renderer into dist/renderer with relative paths, so the shell (file/app protocol) and the loopback host both serve it.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // The strict CSP forbids inline scripts; Vite's module preload polyfill would be inlined otherwise.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 2000,
  },
});
