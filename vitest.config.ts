import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['lib/**/*.test.ts', 'components/**/*.test.{ts,tsx}', 'entrypoints/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'tests/unit/**/*.test.{ts,tsx}', 'utils/**/*.test.ts', 'bench/**/*.test.ts'],
    exclude: ['node_modules', '.output', 'tests/e2e/**'],
    setupFiles: ['tests/unit/setup-model.ts'],
    // The first test of a file that compiles or analyzes reads the sentence model (0.5-1 s, more
    // on a machine shared by many processes): beyond the 5 s default there.
    testTimeout: 20_000,
  },
});
