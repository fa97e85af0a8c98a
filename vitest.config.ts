// Vitest runs in Node against the real wasm module built into web/src/engine/generated/, and
// tests the npm scripts (scripts/*.test.mjs, plain JavaScript like the scripts they test).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['web/**/*.test.ts', 'scripts/**/*.test.mjs'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
