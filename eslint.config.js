// @ts-check
import js from '@eslint/js';
import i18next from 'eslint-plugin-i18next';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Packages that core may use: pure JavaScript that runs the same in Node and in a browser.
const corePackages = ['d3-dsv'];

// Layers of the Node side, the way VS Code keys its layering rule by folder name: each folder of
// electron/ may import only the folders listed for it (and core, core/contract, Node and
// packages). Every folder has a row; layering.test.ts proves each rule with a probe file.
export const ELECTRON_LAYERS = {
  // Node helpers every other folder may use: data folders, durable files, read errors, words.
  base: [],
  // The emulated provider: two FTP servers that process uploads as the contract says.
  server: ['base'],
  // The FTP client: upload with failover, follow, read a rejection's cause.
  client: ['base'],
  // The app's service: send, export, batches and their history, profiles.
  service: ['client', 'base'],
  // The one composition root: emulated provider + profiles + service.
  backend: ['service', 'client', 'server', 'base'],
  // The contract over HTTP and over IPC: they carry any implementation of it.
  http: ['base'],
  ipc: ['base'],
  // The command line, and the Electron main process: the tops.
  cli: ['backend', 'service', 'client', 'server', 'http', 'base'],
  main: ['backend', 'service', 'client', 'ipc', 'base'],
  // The sandboxed preload: the contract and Electron's renderer modules only.
  preload: [],
};

const FOLDERS = Object.keys(ELECTRON_LAYERS);

/**
 * Every word a person reads goes through the catalogues (renderer/src/i18n/): a string literal
 * in a component is an error wherever it could be shown. The type checker lets through a
 * literal whose type is a union of codes (`status === 'ready'`, `setFilter('all')`).
 */
const noLiteralStrings = {
  files: ['renderer/src/**/*.tsx'],
  plugins: { i18next },
  languageOptions: { parserOptions: { projectService: true } },
  rules: {
    'i18next/no-literal-string': [
      'error',
      {
        mode: 'all',
        'should-validate-template': true,
        message: 'Words a person reads go through the i18n catalogues (renderer/src/i18n/)',
        // Attributes no one reads: names, codes, and the drawing of an icon.
        'jsx-attributes': {
          exclude: [
            'className',
            'style',
            'type',
            'key',
            'id',
            'htmlFor',
            'name',
            'value',
            'role',
            'lang',
            'accept',
            'autoComplete',
            'data-.*',
            'aria-(describedby|labelledby|live|hidden|current|controls)',
            'viewBox',
            'd',
            'fill',
            'stroke',
            'focusable',
            'width',
            'height',
          ],
        },
        callees: {
          exclude: [
            't',
            'i18n(ext)?',
            'useTranslation',
            'querySelector(All)?',
            'getElementById',
            'addEventListener',
            'removeEventListener',
            'postMessage',
            'includes',
            'startsWith',
            'endsWith',
            'split',
            'join',
            'padStart',
            'replace',
            'Error',
            'URL',
          ],
        },
      },
    ],
    // The rule above lets any literal through in an UPPER_CASE constant: a sentence (words
    // with spaces) kept in one is still shown to a person.
    'no-restricted-syntax': [
      'error',
      {
        selector:
          'VariableDeclarator[id.name=/^[A-Z][A-Z0-9_]*$/] :matches(Literal[value=/\\s/], TemplateElement[value.raw=/\\s/])',
        message:
          'Words a person reads go through the i18n catalogues (renderer/src/i18n/), constants too',
      },
    ],
  },
};

/** The rule of one electron/ folder: the folders it may not import, and never the UI. */
function electronLayer(folder) {
  const allowed = ELECTRON_LAYERS[folder];
  const forbidden = FOLDERS.filter((other) => other !== folder && !allowed.includes(other));
  const patterns = [{ group: ['**/renderer/**'], message: 'electron/ must not import the UI.' }];
  if (forbidden.length > 0) {
    patterns.push({
      regex: `^\\.\\./(${forbidden.join('|')})(/|$)`,
      message: `electron/${folder}/ may import only ${allowed.length > 0 ? allowed.map((f) => `electron/${f}/`).join(', ') : 'itself'} of electron/ (eslint.config.js, ELECTRON_LAYERS).`,
    });
  }
  if (folder === 'preload') {
    patterns.push({
      regex: '^\\.\\./\\.\\./core/(?!contract/)',
      message:
        'The preload carries the contract only: import core/contract/, not the rest of core.',
    });
  }
  return {
    files: [`electron/${folder}/**/*.ts`],
    // Tests wire real parts of several layers together (a service against a real server).
    ignores: ['**/*.test.ts', '**/*-test-util.ts', '**/*.e2e.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  };
}

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'e2e/generated/',
      'dist/',
      'out/',
      'coverage/',
      'test-results/',
      'playwright-report/',
      // Generated benchmark fixtures.
      'bench/.data/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // noUncheckedIndexedAccess types every indexed read as possibly undefined; after a bounds
      // check, `!` is the plain way to say so, and hot loops should not pay for another test.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Layering: core is the provider's rules in plain language, shared by the preview, the
    // check command and the emulated servers. It may import itself and the pure packages
    // above, nothing else: no Node, no DOM, no Electron, no UI.
    files: ['core/*.ts'],
    ignores: ['core/**/*.test.ts', 'core/**/*.test-util.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // The rules are one flat folder: `./x` stays in it, `../x` leaves it, and the
              // contract (./contract/) sits above them.
              regex: `^(?!\\./(?!contract/)|(${corePackages.join('|')})$)`,
              message:
                'core is pure TypeScript: import only other core modules or the pure packages listed in eslint.config.js.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'Buffer', 'process', 'require', 'global'].map(
          (name) => ({ name, message: `${name} is not available to core: pass what you need in.` }),
        ),
      ],
    },
  },
  {
    // The contract between the UI and the Node side: runtime-free, above the rules it names
    // (`../x`) and below both sides. Its schemas alone may use zod; the rest is types and names.
    files: ['core/contract/*.ts'],
    ignores: ['core/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\./[^/]+$|\\.\\./[^/.][^/]*$)',
              message:
                'core/contract/ imports only itself and the rules of core (../x); zod only in schemas.ts.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'Buffer', 'process', 'require', 'global'].map(
          (name) => ({ name, message: `${name} is not available to the contract: pass it in.` }),
        ),
      ],
    },
  },
  {
    files: ['core/contract/schemas.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\./[^/]+$|\\.\\./[^/.][^/]*$|zod$)',
              message: 'core/contract/schemas.ts imports the contract, the rules of core, and zod.',
            },
          ],
        },
      ],
    },
  },
  ...FOLDERS.map(electronLayer),
  noLiteralStrings,
  {
    // Tests and harnesses of electron/ may wire any layers, but never the UI.
    files: ['electron/**/*.test.ts', 'electron/**/*-test-util.ts', 'electron/**/*.e2e.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**'], message: 'electron/ must not import the UI.' }] },
      ],
    },
  },
  {
    // The UI runs in a browser (or the Electron window, sandboxed): browser globals, no Node.
    // It reaches the Node side only through the contract (core/contract/): nothing of
    // electron/, and not the contract's schemas, which would bundle zod for nothing.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-globals': [
        'error',
        ...['Buffer', 'process', 'require', 'global', '__dirname'].map((name) => ({
          name,
          message: `${name} is Node's: the UI runs in a browser.`,
        })),
      ],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/electron/**', 'node:*', 'electron', '**/core/contract/schemas'],
              message:
                'The UI reaches the Node side only through the contract (core/contract/), never electron/ or Node.',
            },
            {
              group: ['xlsx', 'xlsx/*'],
              message:
                'xlsx reads untrusted files and has known flaws: it runs only in the reading worker (renderer/src/worker/).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/src/worker/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/electron/**', 'node:*', 'electron'],
              message: 'The reading worker reads files; it has nothing to ask the Node side.',
            },
          ],
        },
      ],
    },
  },
);
