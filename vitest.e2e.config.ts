import { defineConfig } from 'vitest/config';

// Real browsers: one file at a time (two cores, and each file owns a browser), long timeouts.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
