import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['lib/**/*.test.ts', 'components/**/*.test.{ts,tsx}', 'entrypoints/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'tests/unit/**/*.test.{ts,tsx}', 'utils/**/*.test.ts', 'bench/**/*.test.ts'],
    exclude: ['node_modules', '.output', 'tests/e2e/**'],
    // Reads the sentence model before each file's tests, so no test pays for it: the 5 s default timeout holds.
    setupFiles: ['tests/unit/setup-model.ts'],
  },
});
