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

// Walls inside server/ (issue 14): the core (sync, storage, scale, limits, the HTTP kit, config,
// logging, metrics) never imports a feature (access, snapshots, votes, boards, stories, exports); features plug
// in through hooks and callbacks they are given (see server/sync/admission.ts). Regex, so
// `../../shared/access` (shared code) is not mistaken for the access feature.
const SERVER_FEATURES = '(access|snapshots|votes|boards|stories|exports)';
const serverCoreImportsNoFeature = {
  patterns: [
    {
      regex: `^\\.\\.?/${SERVER_FEATURES}(/|$)`,
      message: 'The server core (sync, storage, scale, limits, http, config) must not import a feature; pass it a hook instead.',
    },
    { regex: '^\\.\\.?/(app|main)$', message: 'The server core must not import the composition root.' },
  ],
};

// Walls inside client/src/: the canvas and the kits (sync, state, i18n, ui, http) never import a
// tool (cocreation, outcomes, access) or a page; tools reach the canvas through its slots
// (client/src/board/slots.ts), registered once in client/src/tools.ts.
const CLIENT_TOOLS = '(cocreation|outcomes|access|start|pages)';
const clientKitImportsNoTool = {
  patterns: [
    ...noServerInClient.patterns,
    {
      regex: `^(\\.\\./)+${CLIENT_TOOLS}(/|$)`,
      message: 'The canvas and the client kits must not import a tool or a page; give the tool a slot (client/src/board/slots.ts).',
    },
    { regex: '^(\\.\\./)+tools$', message: 'The canvas and the client kits must not import a tool or the tool registry.' },
  ],
};
const toolImportsNoSibling = (tool, siblings) => ({
  patterns: [
    ...noServerInClient.patterns,
    {
      regex: `^(\\.\\./)+(${siblings.join('|')})(/|$)`,
      message: `A tool (${tool}) must not import a sibling tool; share through the canvas, a kit or shared/.`,
    },
  ],
});

// Tests never import scripts/ (issue 14): a script is a tool with its own entry point and side
// effects; code both need lives in shared/ (e.g. shared/prng.ts). Spawning a script is fine.
const testsImportNoScripts = {
  patterns: [{ group: ['**/scripts', '**/scripts/**'], message: 'tests/ must not import scripts/; move the code both need to shared/ (or spawn the script).' }],
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
    files: ['server/{sync,storage,scale,limits,http}/**/*.ts', 'server/{config,accessOptions,log,metrics}.ts'],
    rules: { 'no-restricted-imports': ['error', serverCoreImportsNoFeature] },
  },
  {
    files: ['client/src/{board,sync,state,i18n,ui,http}/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', clientKitImportsNoTool] },
  },
  { files: ['client/src/cocreation/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': ['error', toolImportsNoSibling('cocreation', ['outcomes', 'access'])] } },
  { files: ['client/src/outcomes/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': ['error', toolImportsNoSibling('outcomes', ['cocreation', 'access'])] } },
  { files: ['client/src/access/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': ['error', toolImportsNoSibling('access', ['cocreation', 'outcomes'])] } },
  {
    files: ['shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', sharedIsPure] },
  },
  { files: ['tests/**/*.ts'], rules: { 'no-restricted-imports': ['error', testsImportNoScripts] } },
);
