import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    // The shared core stays pure: no browser APIs, no DOM, no Node built-ins.
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'node:*',
            'wxt/*',
            'webextension-polyfill',
            '@/storage/*',
            '@/components/*',
            '@/entrypoints/*',
            '@/stores/*',
            '@/messaging/*',
            'react',
            'dexie',
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'browser',
        'chrome',
        'indexedDB',
        'localStorage',
        'navigator',
      ],
    },
  },
  {
    // The content script never reads what the seller typed and never talks to the network or IndexedDB.
    files: ['entrypoints/sellercentral.content/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        'fetch',
        'XMLHttpRequest',
        'WebSocket',
        'FormData',
        'indexedDB',
        'EventSource',
      ],
      'no-restricted-properties': [
        'error',
        { property: 'value', message: 'The content script never reads form fields.' },
        { property: 'sendBeacon', message: 'The content script sends nothing.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='FormData']", message: 'No form reading.' },
      ],
    },
  },
  {
    files: ['scripts/**/*.{ts,mjs,js}', 'cli/**/*.ts', 'tests/**/*.{ts,tsx}', '*.config.{ts,js}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
