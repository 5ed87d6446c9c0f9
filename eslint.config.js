import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import autoImports from './.wxt/eslint-auto-imports.mjs';

export default tseslint.config(
  {
    // Hidden folders are scratch space (and .wxt is generated).
    ignores: ['node_modules/', '.*/', 'test-results/', 'coverage/', 'public/', 'bench/results*.json'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  autoImports,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The engine runs in Node and in the extension alike: keep browser and extension APIs out.
    files: ['lib/**/*.ts'],
    ignores: ['lib/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['wxt', 'wxt/*', 'webextension-polyfill', '@/entrypoints/*', '@/components/*'] }],
      'no-restricted-globals': ['error', 'document', 'window', 'chrome', 'browser', 'navigator', 'localStorage'],
    },
  },
  {
    // Each entrypoint is built on its own: what two of them share lives in utils/ (WXT's shared
    // folder: stored corpora, the sentence model), lib/ or components/, never in one entrypoint's
    // folder for another to reach into.
    files: ['entrypoints/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            // ../options/x from entrypoints/background/ is another entrypoint's file.
            { regex: '^\\.\\./(?!\\.\\./)', message: 'Entrypoints do not import each other; move what they share to utils/.' },
            { group: ['@/entrypoints/*', '**/entrypoints/**'], message: 'Entrypoints do not import each other; move what they share to utils/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['components/**/*.{ts,tsx}', 'utils/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@/entrypoints/*', '**/entrypoints/**'], message: 'Shared code does not reach into an entrypoint.' }] }],
    },
  },
);
