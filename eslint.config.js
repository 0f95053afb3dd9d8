import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Layer boundaries (cheaper than a review): client/ never imports server/;
// shared/ imports neither, and nothing from React or Node.
const noServerInClient = {
  patterns: [{ group: ['**/server', '**/server/**'], message: 'client/ must not import server/ code; put shared code in shared/.' }],
};
const sharedIsPure = {
  patterns: [
    { group: ['**/server', '**/server/**', '**/client/**'], message: 'shared/ must not import client/ or server/.' },
    { group: ['react', 'react-dom', 'react/*', 'node:*'], message: 'shared/ has no React and no Node APIs.' },
  ],
  paths: ['fs', 'path', 'http', 'crypto', 'ws', 'better-sqlite3'].map((name) => ({
    name,
    message: 'shared/ has no Node APIs.',
  })),
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': ['error', noServerInClient],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', sharedIsPure] },
  },
);
