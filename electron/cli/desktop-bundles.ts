/**
 * Bundles the desktop app's Node side for Electron and the package (npm run build:electron):
 * the main process (ESM), the preload (CommonJS: a sandboxed preload cannot load modules, so
 * everything it needs is inside it, Electron aside) and the `sendsheet` command, as
 * bin/build-cli.js bundles it for the repository's own `sendsheet`. The packages of
 * `dependencies` stay outside the main and the command: electron-builder ships them.
 */
import { join, relative, resolve } from 'node:path';
import { build } from 'esbuild';
import type { BuildOptions, Metafile } from 'esbuild';
import { buildCli, CLI_ENTRY } from '../../bin/build-cli.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
export const OUT_DIR = join(ROOT, 'dist', 'electron');
/**
 * What is inside the Electron this app is built with (package.json's devDependency): Electron 45
 * is Chromium 156 (electron-to-chromium's map says so) and Node 24 (its package depends on
 * @types/node 24). The bundles target them, so esbuild neither lowers what they run natively
 * nor lets through what they cannot run; desktop-bundles.test.ts fails when Electron moves to
 * another major without these.
 */
export const ELECTRON_STACK = { electron: 45, chrome: 156, node: 24 } as const;
const NODE_TARGET = `node${ELECTRON_STACK.node}`;
const CHROME_TARGET = `chrome${ELECTRON_STACK.chrome}`;

export const BUNDLES = {
  main: {
    entryPoints: [join(ROOT, 'electron', 'main', 'main.ts')],
    outfile: join(OUT_DIR, 'main.js'),
    platform: 'node',
    format: 'esm',
    target: NODE_TARGET,
    packages: 'external',
  },
  preload: {
    entryPoints: [join(ROOT, 'electron', 'preload', 'preload.ts')],
    outfile: join(OUT_DIR, 'preload.cjs'),
    platform: 'browser',
    format: 'cjs',
    target: CHROME_TARGET,
    external: ['electron'],
  },
} satisfies Record<string, BuildOptions>;

export type BundleName = keyof typeof BUNDLES;

/** Builds one bundle; `write: false` keeps it in memory (for tests). */
export async function bundle(
  name: BundleName,
  write = true,
): Promise<{ code: string; metafile: Metafile }> {
  const result = await build({
    ...BUNDLES[name],
    bundle: true,
    sourcemap: write ? 'linked' : false,
    metafile: true,
    write,
    logLevel: write ? 'warning' : 'silent',
    legalComments: 'none',
  });
  const code = result.outputFiles?.find(
    (file) => file.path.endsWith('.js') || file.path.endsWith('.cjs'),
  );
  return { code: code?.text ?? '', metafile: result.metafile };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  for (const name of Object.keys(BUNDLES) as BundleName[]) {
    await bundle(name);
    console.log(`built ${relative(ROOT, BUNDLES[name].outfile)}`);
  }
  await buildCli();
  console.log(`built ${relative(ROOT, CLI_ENTRY)} and its chunks`);
}
