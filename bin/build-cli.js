// @ts-check
/**
 * How the `sendsheet` command is bundled: for the launcher beside this file, which rebuilds a
 * stale bundle before it runs it, and for `npm run build:electron`, since the packages run the
 * same bundle. Each command is a chunk of its own, loaded only when that command runs, so that
 * `sendsheet segments` does not pay for loading the FTP servers. Plain JavaScript: the launcher
 * must start without TypeScript.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
export const CLI_DIR = join(ROOT, 'dist', 'cli');
export const CLI_ENTRY = join(CLI_DIR, 'sendsheet.mjs');
/** What the last build read, and when it started: the launcher's test of staleness. */
const RECORD = join(CLI_DIR, 'inputs.json');

/** @type {import('esbuild').BuildOptions & { outdir: string }} */
export const CLI_BUILD = {
  absWorkingDir: ROOT,
  entryPoints: { sendsheet: 'electron/cli/sendsheet.ts' },
  outdir: CLI_DIR,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  // Node 20 in the repository; the packages run it in Electron's Node 24.
  target: 'node20',
  // The packages of `dependencies` are loaded from node_modules (electron-builder ships them).
  packages: 'external',
  chunkNames: '[name]-[hash]',
  legalComments: 'none',
  metafile: true,
};

/** There only with the sources: without it (an installed package) the bundle is what runs. */
export const CLI_SOURCE = join(ROOT, 'electron', 'cli', 'sendsheet.ts');

/** Files that shape the bundle without being read into it. */
const BUILD_FILES = ['bin/build-cli.js', 'package.json', 'tsconfig.json', 'tsconfig.base.json'];

/**
 * Why the bundle must be built again, or null when it is up to date (or cannot be built here: an
 * installed package): it is missing, or a file it was built from changed (or went) since that
 * build started. A stat per source file: ~1 ms.
 * @returns {string | null}
 */
export function staleness() {
  // An installed package ships its bundle and neither the sources nor esbuild to build one.
  if (!existsSync(CLI_SOURCE))
    return existsSync(CLI_ENTRY) ? null : 'it is missing from this installation';
  /** @type {{ startedAt: number, inputs: string[] }} */
  let record;
  try {
    statSync(CLI_ENTRY);
    record = JSON.parse(readFileSync(RECORD, 'utf8'));
  } catch {
    return 'it is not built yet';
  }
  for (const input of record.inputs) {
    let changed;
    try {
      // Not after the start: an edit saved while esbuild was reading may not be in the bundle.
      changed = statSync(join(ROOT, input)).mtimeMs >= record.startedAt;
    } catch {
      return `${input} is gone`;
    }
    if (changed) return `${input} changed`;
  }
  return null;
}

/**
 * Builds the bundle. Written so that a command started meanwhile runs either build whole: the
 * chunks' names hold their hashes, and the entry and the record are renamed into place.
 * @param {{ write?: boolean }} [options] `write: false` builds in memory only (for tests).
 */
export async function buildCli({ write = true } = {}) {
  const startedAt = Date.now();
  const { build } = await import('esbuild');
  const result = await build({ ...CLI_BUILD, write: false, logLevel: 'silent' });
  const metafile = result.metafile;
  if (metafile === undefined) throw new Error('esbuild gave no metafile');
  if (!write) return { files: result.outputFiles, metafile };
  mkdirSync(CLI_DIR, { recursive: true });
  const written = new Set();
  const entry = result.outputFiles.find((file) => file.path === CLI_ENTRY);
  for (const file of result.outputFiles) {
    written.add(basename(file.path));
    if (file !== entry) writeFileSync(file.path, file.contents);
  }
  if (entry === undefined) throw new Error(`esbuild made no ${CLI_ENTRY}`);
  replace(CLI_ENTRY, entry.contents);
  const inputs = [...Object.keys(metafile.inputs), ...BUILD_FILES];
  replace(RECORD, JSON.stringify({ startedAt, inputs }));
  // Chunks of earlier builds (one written since this build started is another build's).
  for (const name of readdirSync(CLI_DIR)) {
    const path = join(CLI_DIR, name);
    if (name.endsWith('.mjs') && !written.has(name) && statSync(path).mtimeMs < startedAt)
      rmSync(path, { force: true });
  }
  return { files: result.outputFiles, metafile };
}

/**
 * @param {string} path
 * @param {string | Uint8Array} contents
 */
function replace(path, contents) {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}
