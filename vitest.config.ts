// Vitest runs in Node against the real wasm module built into web/src/engine/generated/.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['web/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
