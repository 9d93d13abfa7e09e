import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Anchored regexes: gitignore-style groups would also match relative files such as './events'.
const nodeBuiltinPatterns = [
  {
    regex:
      '^(node:.*|fs|path|os|crypto|child_process|http|https|net|url|util|stream|worker_threads|events|zlib)(/.*)?$',
    message:
      'This folder runs where Node is absent: pass what you need in, or do it in electron/backend (docs/architecture.md, "Boundaries").',
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

// Relative paths cross folders as easily as package names do, so they are fenced too (anchored regexes:
// the rule sees the path as written, not where it leads).
const rendererToElectronPattern = {
  regex: '^(\\.\\./)+electron(/|$)',
  message:
    'The renderer reaches the backend only through the contract: call a method of shared/api with the desk client, and put types both sides need in shared/ (docs/architecture.md, "The contract").',
};
const sharedToAppPattern = {
  regex: '^(\\.\\./)+(electron|renderer)(/|$)',
  message:
    'shared/ is imported by every process and by the hub, so it depends on none of them: move what you need into shared/ or pass it in (docs/architecture.md, "Boundaries").',
};

// Backend domains: one folder each under electron/backend. A domain reaches another through that
// domain's service.ts, plus the modules listed in PUBLIC_MODULES, so that what a domain offers others is
// written down and everything else in its folder can change freely (docs/architecture.md, "Boundaries").
const BACKEND = 'electron/backend';
// core/ and db/ are what every domain stands on; app/, host/ and testing/ assemble the domains into a
// process or a test's world. None of them is bound by the rule below.
const LAYERS = ['core', 'db'];
const ASSEMBLERS = ['app', 'host', 'testing'];
const PUBLIC_MODULES = {
  // The one password format: setup and users make accounts with it.
  auth: ['password-hash'],
  // The blob store, the checks of an upload and the attachment as the contract shows it, which event
  // reports use for their own files.
  attachments: ['store', 'content', 'file-name'],
  // Reference data that setup loads on the first run.
  calendar: ['seed'],
  catalogue: ['seed'],
  // The org tree has no use cases: its reads are what every scope check asks; the hub's sync cycle
  // applies the county's tree.
  org: ['repository', 'hub-edition'],
  // The appliers' interface, which each domain's applier of county reference data implements.
  hub: ['applier-context'],
  // Who is acting and the reference lists, which event reports share with mediation; mediation files a
  // major dispute's event report, so event reports cannot come through mediation's service.ts.
  mediation: ['dispute/actor', 'dispute/reference'],
  // The account reads of sign-in, the dispatcher and mediation's roster; users/service adds accounts to
  // the roster, so these reads cannot come through it without an import cycle.
  users: ['repository'],
  // Each domain's search-index definition, which search-index/ rebuilds and cases' intake reads.
  residents: ['search-index'],
  cases: ['search-index'],
  // The Handlers type every domain's handlers.ts fills in.
  rpc: ['handler'],
};
// rpc/ registers every domain's handlers.ts; no other domain imports them.
const HANDLER_READERS = ['rpc'];
const MAX_DEPTH = 4;

const backendFolders = readdirSync(new URL(`./${BACKEND}`, import.meta.url), {
  withFileTypes: true,
})
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const domains = backendFolders.filter(
  (name) => !LAYERS.includes(name) && !ASSEMBLERS.includes(name),
);

// Folder and file names hold letters, digits and hyphens; only the dot would mean more in a regex.
const escape = (text) => text.replaceAll('.', '\\.');

/** The patterns for a file of `domain` that sits `depth` folders below electron/backend. */
function boundaryPatterns(domain, depth, isTest) {
  const up = '\\.\\./'.repeat(depth);
  const patterns = [];
  for (const other of domains) {
    if (other === domain) continue;
    const entries = [
      'service',
      ...(PUBLIC_MODULES[other] ?? []),
      ...(HANDLER_READERS.includes(domain) ? ['handlers'] : []),
    ];
    const listed = entries.map((name) => `${other}/${name}.ts`).join(', ');
    patterns.push({
      regex: `^${up}${escape(other)}/(?!(${entries.map(escape).join('|')})$)`,
      message:
        `${other}/ is another domain: import it through ${listed}. If what you need is not there, ` +
        `export it from ${other}/service.ts instead of reaching inside` +
        (isTest ? '; test set-up comes from electron/backend/testing/' : '') +
        ' (docs/architecture.md, "Boundaries").',
    });
  }
  if (!isTest) {
    patterns.push(
      {
        regex: `^${up}testing/`,
        message:
          'electron/backend/testing/ is test set-up: production code never imports it (docs/architecture.md, "Boundaries").',
      },
      {
        regex: `^${up}(app|host)/`,
        message:
          'app/ and host/ start the backend and call the domains, never the other way round; take what you need as an argument (docs/architecture.md, "Boundaries").',
      },
    );
  }
  return patterns;
}

function backendBoundaryConfigs() {
  const configs = [];
  for (const domain of domains) {
    for (let depth = 1; depth <= MAX_DEPTH; depth++) {
      const folder = `${BACKEND}/${domain}/${'*/'.repeat(depth - 1)}`;
      configs.push(
        {
          files: [`${folder}*.ts`],
          ignores: [`${folder}*.test.ts`],
          rules: {
            'no-restricted-imports': [
              'error',
              { patterns: [electronPattern, ...boundaryPatterns(domain, depth, false)] },
            ],
          },
        },
        {
          files: [`${folder}*.test.ts`],
          rules: {
            'no-restricted-imports': [
              'error',
              { patterns: [electronPattern, ...boundaryPatterns(domain, depth, true)] },
            ],
          },
        },
      );
    }
  }
  return configs;
}

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
        {
          patterns: [
            ...nodeBuiltinPatterns,
            electronPattern,
            nativePattern,
            reactPattern,
            sharedToAppPattern,
          ],
        },
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
        {
          patterns: [
            ...nodeBuiltinPatterns,
            electronPattern,
            nativePattern,
            rendererToElectronPattern,
          ],
        },
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
  ...backendBoundaryConfigs(),
  {
    files: ['shared/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [sharedToAppPattern] }] },
  },
  {
    files: [
      'electron/main/**/*.ts',
      'electron/preload/**/*.ts',
      'upstream/**/*.ts',
      'e2e/**/*.ts',
      'bench/**/*.{ts,mjs}',
      'scripts/**/*.mjs',
      '*.config.{ts,mjs}',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The county hub runs on a server: it shares the contract in shared/ with the terminals, and
    // nothing of the desktop app.
    files: ['upstream/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            electronPattern,
            {
              regex: '^(\\.\\./)+(electron|renderer)(/|$)',
              message:
                'upstream/ is the county hub, a separate server: it imports shared/ (the contract), never the desktop app. Move what both need into shared/.',
            },
            {
              group: ['better-sqlite3'],
              message: 'The hub keeps its data in PostgreSQL (or PGlite), through Kysely.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [nativePattern] }] },
  },
);
