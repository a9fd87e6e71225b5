import tseslint from 'typescript-eslint';

/**
 * The layering rule: the core is plain Node, the renderer reaches the core only through the
 * contract, and shared/ depends on nothing but zod. Breaking a layer fails `npm test`.
 */
const electronOnlyInShell = {
  name: 'electron',
  message: "Only electron/main.ts, electron/preload.ts and electron/shell/ may import 'electron'. The core must stay plain Node.",
};

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests read JSON bodies of every shape; typing each one would add noise, not safety.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/host/**/*.ts', 'electron/sandbox/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronOnlyInShell] }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell],
          patterns: [
            { group: ['**/electron/**', '**/electron'], message: 'The renderer talks to the core only through shared/contract.ts and its bridge.' },
            { group: ['node:*'], message: 'The renderer runs in a sandboxed browser: no Node modules.' },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ regex: '^(?!zod$|\\./)', message: 'shared/ may import only zod and other shared modules.' }],
        },
      ],
    },
  },
);
