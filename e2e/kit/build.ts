/**
 * The package as a team installs it (`npm pack`; README "Testing with Playwright"), which has
 * neither the sources nor the build tools: the command's bundle (bin/build-cli.js), and the kit
 * as JavaScript with its type declarations, since Playwright does not compile TypeScript inside
 * node_modules. The UI is built by `npm run build:renderer`; `npm run build:package` runs both.
 *
 * dist/playwright/index.js is the kit in one ES module (`@playwright/test` left to the test's
 * own); dist/playwright/index.d.ts re-exports the declarations tsc writes into types/.
 */
import { spawnSync } from 'node:child_process';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { build } from 'esbuild';
import { buildCli, CLI_ENTRY } from '../../bin/build-cli.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
export const KIT_DIR = join(ROOT, 'dist', 'playwright');
export const KIT_ENTRY = join(KIT_DIR, 'index.js');
const TYPES_DIR = join(KIT_DIR, 'types');

/** The packages the kit may load: the installed package's own dependencies and the test's Playwright. */
async function allowedPackages(): Promise<Set<string>> {
  const manifest = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  return new Set([...Object.keys(manifest.dependencies ?? {}), '@playwright/test']);
}

export async function buildKitScript(): Promise<void> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [join(ROOT, 'e2e', 'kit', 'index.ts')],
    outfile: KIT_ENTRY,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    metafile: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const allowed = await allowedPackages();
  const imported = Object.values(result.metafile.outputs).flatMap((output) =>
    output.imports.filter((entry) => entry.external && !entry.path.startsWith('node:')),
  );
  const foreign = imported.map((entry) => entry.path).filter((path) => !allowed.has(path));
  // A development package would be missing where the kit is installed.
  if (foreign.length > 0)
    throw new Error(`the kit imports ${foreign.join(', ')}: not installed with it`);
}

async function declarationFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * `'../x'` becomes `'../x.js'` (or `'../x/index.js'`): the sources leave the extension out, as
 * bundlers allow, but a project resolving as Node does ("moduleResolution": "nodenext") needs it.
 */
export function withExtensions(text: string, file: string): string {
  return text.replace(
    /(from |import\()(['"])(\.{1,2}\/[^'"]+)\2/g,
    (whole, before, quote, path: string) => {
      if (/\.js$/.test(path)) return whole;
      const target = resolve(dirname(file), path);
      const spec = existsSync(`${target}.d.ts`)
        ? `${path}.js`
        : existsSync(join(target, 'index.d.ts'))
          ? `${path}/index.js`
          : null;
      if (spec === null) throw new Error(`${relative(ROOT, file)}: no declarations for ${path}`);
      return `${before}${quote}${spec}${quote}`;
    },
  );
}

export async function buildKitTypes(): Promise<void> {
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const run = spawnSync(
    process.execPath,
    [tsc, '-p', join(ROOT, 'e2e', 'kit', 'tsconfig.types.json')],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  if (run.status !== 0)
    throw new Error(`tsc did not write the kit's declarations:\n${run.stdout}${run.stderr}`);
  for (const file of await declarationFiles(TYPES_DIR))
    await writeFile(file, withExtensions(await readFile(file, 'utf8'), file));
  await writeFile(join(KIT_DIR, 'index.d.ts'), `export * from './types/e2e/kit/index.js';\n`);
}

export async function buildKit(): Promise<void> {
  await rm(KIT_DIR, { recursive: true, force: true });
  await buildKitScript();
  await buildKitTypes();
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  await buildCli();
  console.log(`built ${relative(ROOT, CLI_ENTRY)} and its chunks`);
  await buildKit();
  console.log(`built ${relative(ROOT, KIT_ENTRY)} and its declarations`);
}
