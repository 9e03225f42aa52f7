// Unit tests: the core in plain Node against real SQLCipher files, the shell with a stub of electron.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    setupFiles: ['test/unit/helpers/setup.ts'],
    // Native modules (SQLCipher, argon2) are happiest in child processes, not worker threads.
    pool: 'forks',
    // argon2id takes ~0.4 s a derivation by design, and these machines are shared: be patient, never time logic.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
