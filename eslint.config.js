import i18next from 'eslint-plugin-i18next';
import tseslint from 'typescript-eslint';

/**
 * The layering rule: the core is plain Node, the renderer reaches the core only through the
 * contract, and shared/ depends on nothing but zod. Breaking a layer fails `npm test`.
 */
const electronOnlyInShell = {
  name: 'electron',
  message: "Only electron/main.ts, electron/preload.ts and electron/shell/ may import 'electron'. The core must stay plain Node.",
};

/**
 * Words a user reads come from renderer/i18n, never from a component: a literal in JSX text, or in
 * an attribute a screen or a screen reader says (aria-label, title, placeholder, alt, and props named
 * like them), fails the lint. Punctuation, symbols and numbers alone ("·", "×", "40 %") and codes in
 * capitals are not words. Strings outside JSX are not checked here; the pseudo-locale screenshot test
 * (test/e2e/pseudo-locale.spec.ts) finds those on the screen.
 */
const userVisibleLiterals = {
  mode: 'jsx-only',
  'should-validate-template': true,
  'jsx-attributes': {
    include: ['aria-label', 'aria-description', 'aria-placeholder', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt', 'label', 'what', '\\w+(Label|Title|Text)'],
  },
  // Codes (VALIDATION, NOK) are for the program, not the reader.
  words: { exclude: [/^[\s\p{P}\p{S}\p{N}]*$/u, /^[A-Z][A-Z0-9_]*$/] },
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
    files: ['renderer/**/*.tsx'],
    plugins: { i18next },
    rules: { 'i18next/no-literal-string': ['error', userVisibleLiterals] },
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
