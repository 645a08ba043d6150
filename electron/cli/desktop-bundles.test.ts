// Issue 6, the bundles Electron and the package run: a sandboxed preload can load no module but
// Electron's, and the main process and the `sendsheet` command may import only what the package
// ships (Node's own modules, Electron, and the packages of `dependencies`).
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCli } from '../../bin/build-cli.js';
import { bundle, BUNDLES, ELECTRON_STACK } from './desktop-bundles';

const ROOT = join(import.meta.dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  main: string;
  dependencies: Record<string, string>;
};

/** The packages a bundle leaves to be loaded at run time. */
function externals(metafile: Awaited<ReturnType<typeof buildCli>>['metafile']): Set<string> {
  const names = new Set<string>();
  for (const output of Object.values(metafile.outputs))
    for (const imported of output.imports) if (imported.external) names.add(imported.path);
  return names;
}

function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

describe('issue 15: the bundles target the Electron they run in', () => {
  const devDependencies = (
    JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    }
  ).devDependencies;
  const installed = JSON.parse(
    readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8'),
  ) as { version: string; dependencies: Record<string, string> };

  it('Electron 45.5.0, the newest 45.x, pinned and installed', () => {
    expect(devDependencies.electron).toBe('45.5.0');
    expect(installed.version).toBe(devDependencies.electron);
    expect(Number(installed.version.split('.')[0])).toBe(ELECTRON_STACK.electron);
  });

  it("the preload's Chromium and the main process's Node are Electron 45's (Chromium 156, Node 24)", () => {
    expect(BUNDLES.preload.target).toBe(`chrome${ELECTRON_STACK.chrome}`);
    expect(BUNDLES.main.target).toBe(`node${ELECTRON_STACK.node}`);
    // The Chromium of each Electron major (the same through its minors), as browserslist's
    // electron-to-chromium has it.
    const chromiumOf = JSON.parse(
      readFileSync(join(ROOT, 'node_modules', 'electron-to-chromium', 'versions.json'), 'utf8'),
    ) as Record<string, string>;
    const major = installed.version.split('.')[0]!;
    expect(chromiumOf[`${major}.0`]).toBe(String(ELECTRON_STACK.chrome));
    // Electron's package types its Node with the @types/node of its own major.
    expect(installed.dependencies['@types/node']).toMatch(
      new RegExp(`^\\^${ELECTRON_STACK.node}\\.`),
    );
  });
});

describe('issue 6: the bundles', () => {
  it('the preload needs nothing at run time but electron (a sandboxed preload loads no module)', async () => {
    const { code, metafile } = await bundle('preload', false);
    expect([...externals(metafile)]).toEqual(['electron']);
    const required = new Set([...code.matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((m) => m[1]));
    expect([...required]).toEqual(['electron']);
    expect(code).toContain('exposeInMainWorld');
  }, 60_000);

  it.each(['main', 'cli'] as const)(
    '%s imports only Node, Electron and the packages the app ships',
    async (name) => {
      const { metafile } =
        name === 'cli' ? await buildCli({ write: false }) : await bundle(name, false);
      const builtins = new Set(builtinModules);
      for (const specifier of externals(metafile)) {
        const ok =
          specifier.startsWith('node:') ||
          builtins.has(specifier) ||
          (name === 'main' && specifier === 'electron') ||
          Object.prototype.hasOwnProperty.call(manifest.dependencies, packageOf(specifier));
        expect([specifier, ok]).toEqual([specifier, true]);
      }
    },
    60_000,
  );

  it("package.json's main is the bundled main, which Electron and electron-builder start", () => {
    expect(join(ROOT, manifest.main)).toBe(BUNDLES.main.outfile);
    expect(BUNDLES.preload.outfile).toMatch(/preload\.cjs$/);
  });
});
