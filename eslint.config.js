// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Packages that core may use: pure JavaScript that runs the same in Node and in a browser.
const corePackages = ['d3-dsv'];

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'out/', 'coverage/', 'test-results/', 'playwright-report/'],
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
    files: ['core/**/*.ts'],
    ignores: ['core/**/*.test.ts', 'core/**/*.test-util.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // core is one flat folder: `./x` stays in it, `../x` leaves it.
              regex: `^(?!\\./|(${corePackages.join('|')})$)`,
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
    // The Node side and the UI never reach into each other; both may use core.
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**'], message: 'electron/ must not import the UI.' }] },
      ],
    },
  },
  {
    // The UI runs in a browser (or the Electron window, sandboxed): browser globals, no Node.
    // It reaches the Node side only through the service interface, whose types it imports;
    // any other import of electron/ (or a value import of api.ts, which would bundle zod's
    // schemas and could grow to pull in Node code) fails here.
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
              group: [
                '**/electron/service/api',
                '**/electron/service/api.ts',
                '**/electron/preload/desktop-api',
                '**/electron/preload/desktop-api.ts',
              ],
              allowTypeImports: true,
              message: 'The UI imports only the types of the service and desktop interfaces.',
            },
            {
              group: [
                '**/electron/**',
                '!**/electron/service/api',
                '!**/electron/service/api.ts',
                '!**/electron/preload/desktop-api',
                '!**/electron/preload/desktop-api.ts',
                'node:*',
                'electron',
              ],
              message:
                "The UI reaches the Node side only through the service interface (electron/service/api.ts) and the desktop window's (electron/preload/desktop-api.ts).",
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
  {
    // Tests run in Node and may compare the UI with the service interface's values.
    files: ['renderer/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '/electron/(?!service/api$)',
              message: 'Tests of the UI may use only the service interface.',
            },
          ],
        },
      ],
    },
  },
);
