import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Anchored regexes: gitignore-style groups would also match relative files such as './events'.
const nodeBuiltinPatterns = [
  {
    regex:
      '^(node:.*|fs|path|os|crypto|child_process|http|https|net|url|util|stream|worker_threads|events|zlib)(/.*)?$',
    message: 'This folder must not import Node built-ins (DESIGN.md, boundaries).',
  },
];
const electronPattern = {
  group: ['electron', 'electron/*', 'electron-log', 'electron-log/*', 'electron-updater'],
  message: 'Only electron/main and electron/preload may import Electron.',
};
const nativePattern = {
  group: ['better-sqlite3', 'kysely'],
  message: 'Only the backend owns the database.',
};
const reactPattern = {
  group: ['react', 'react-dom', 'react/*', '@mantine/*'],
  message: 'shared/ holds no UI code.',
};

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'playwright-report/**',
      'test-results/**',
      'bench/data/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...nodeBuiltinPatterns, electronPattern, nativePattern, reactPattern] },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'shared/ has no DOM.' },
        { name: 'document', message: 'shared/ has no DOM.' },
        { name: 'process', message: 'shared/ has no Node.' },
        { name: 'require', message: 'shared/ has no Node.' },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        { patterns: [...nodeBuiltinPatterns, electronPattern, nativePattern] },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'The renderer has no Node.' },
        { name: 'require', message: 'The renderer has no Node.' },
      ],
    },
  },
  {
    files: ['electron/backend/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-imports': ['error', { patterns: [electronPattern] }] },
  },
  {
    files: [
      'electron/main/**/*.ts',
      'electron/preload/**/*.ts',
      'upstream/**/*.ts',
      'e2e/**/*.ts',
      'bench/**/*.ts',
      'scripts/**/*.mjs',
      '*.config.{ts,mjs}',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [nativePattern] }] },
  },
);
