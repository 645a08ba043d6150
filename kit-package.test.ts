// Issue 18: the kit as the package ships it (e2e/kit/build.ts; e2e/installed-package.spec.ts
// installs and runs it): package.json names its build with its declarations, and those
// declarations name their relative imports as Node resolves them.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withExtensions } from './e2e/kit/build';

const manifest = JSON.parse(readFileSync(join(import.meta.dirname, 'package.json'), 'utf8')) as {
  exports: Record<string, unknown>;
  files: string[];
  scripts: Record<string, string>;
};

describe('package.json: the kit an installed package gives', () => {
  it('exports sendsheet/playwright as JavaScript with its types, never the TypeScript sources', () => {
    expect(manifest.exports['./playwright']).toEqual({
      types: './dist/playwright/index.d.ts',
      default: './dist/playwright/index.js',
    });
  });

  it('packs the builds the kit and the command run, and builds them when packed', () => {
    for (const folder of ['bin/', 'dist/cli/', 'dist/renderer/', 'dist/playwright/'])
      expect(manifest.files).toContain(folder);
    expect(manifest.scripts.prepare).toBe('npm run build:package');
    expect(manifest.scripts['build:package']).toContain('build:renderer');
  });
});

describe('the kit declarations: relative imports with the extension Node needs', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sendsheet-kit-types-'));
    await mkdir(join(dir, 'kit'), { recursive: true });
    await mkdir(join(dir, 'contract'), { recursive: true });
    await writeFile(join(dir, 'kit', 'pages.d.ts'), '');
    await writeFile(join(dir, 'contract', 'index.d.ts'), '');
    await writeFile(join(dir, 'values.d.ts'), '');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('adds .js to a file, /index.js to a folder, and leaves packages and .js alone', () => {
    const file = join(dir, 'kit', 'index.d.ts');
    const text = [
      "import { SendsheetPage } from './pages';",
      "export type { Message } from '../values';",
      "export * from '../contract';",
      "import type { Page } from '@playwright/test';",
      "export { x } from './pages.js';",
      "export declare const v: import('../values').Message;",
    ].join('\n');
    expect(withExtensions(text, file).split('\n')).toEqual([
      "import { SendsheetPage } from './pages.js';",
      "export type { Message } from '../values.js';",
      "export * from '../contract/index.js';",
      "import type { Page } from '@playwright/test';",
      "export { x } from './pages.js';",
      "export declare const v: import('../values.js').Message;",
    ]);
  });

  it('fails on an import it has no declarations for, rather than ship one that resolves to nothing', () => {
    expect(() =>
      withExtensions("import { y } from './gone';", join(dir, 'kit', 'index.d.ts')),
    ).toThrow(/no declarations for \.\/gone/);
  });
});
