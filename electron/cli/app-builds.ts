/**
 * What `sendsheet app` builds before it starts when it must (electron/cli/stale-build.ts): the
 * user interface with Vite, and for the desktop window its bundles with esbuild.
 *
 * The build tools are loaded only when a build is made: they are development packages, absent
 * from an installed app, which ships its builds and has no sources to build from.
 */
import { spawn } from 'node:child_process';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import type * as Bundler from './desktop-bundles';
import type { BuildTarget } from './stale-build';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** Where the user interface is built: what `sendsheet app` serves and the window loads. */
export const RENDERER_DIR = join(ROOT, 'dist', 'renderer');
/** The bundled main process the window runs (see electron/cli/desktop-bundles.ts). */
export const DESKTOP_MAIN = join(ROOT, 'dist', 'electron', 'main.js');

/** The files outside renderer/ that the UI is built from: what it imports, and how. */
const UI_INPUTS = [
  'renderer',
  // core holds the contract (core/contract/) too: the UI imports nothing of electron/.
  'core',
  'package-lock.json',
  'tsconfig.base.json',
];

export interface UiProject {
  root: string;
  /** The Vite config: the build's settings, but for the folder it writes to. */
  configFile: string;
  inputs: string[];
  outDir: string;
  stampFile: string;
}

export const UI_PROJECT: UiProject = {
  root: ROOT,
  configFile: join(ROOT, 'renderer', 'vite.config.ts'),
  inputs: UI_INPUTS,
  outDir: RENDERER_DIR,
  stampFile: join(ROOT, 'dist', 'renderer.build.json'),
};

/**
 * The user interface as a build target. Two builds' files are kept: a page opened before a
 * build still loads its own scripts (its file reader starts from one when a file is opened)
 * after the build replaced index.html; a page from before that is told to reload.
 */
export function uiTarget(project: UiProject = UI_PROJECT): BuildTarget {
  return {
    what: 'the user interface',
    root: project.root,
    inputs: project.inputs,
    marker: relative(project.root, project.configFile),
    entry: relative(project.root, join(project.outDir, 'index.html')),
    stampFile: project.stampFile,
    keep: 2,
    remedy:
      'Run "npm ci" (it installs what the build needs), then start again. If it fails the same way, "npm run build:renderer" shows the whole error.',
    make: (clean) => viteBuild(project, clean),
  };
}

/** Runs electron/cli/vite-build.mjs; the files it wrote, relative to the project's root. */
async function viteBuild(project: UiProject, clean: boolean): Promise<string[]> {
  // Beside this file in the sources (the bundled command never builds: it has no sources).
  const script = join(ROOT, 'electron', 'cli', 'vite-build.mjs');
  const child = spawn(
    process.execPath,
    [script, project.configFile, project.outDir, clean ? 'clean' : 'keep'],
    { cwd: project.root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const code = await new Promise<number | null>((done, fail) => {
    child.once('error', fail);
    child.once('close', done);
  });
  // Vite colours its errors whatever the output is; the message is read in plain text.
  if (code !== 0)
    throw new Error(stripVTControlCharacters(stderr).trim() || `the build ended with ${code}`);
  const files = JSON.parse(stdout) as string[];
  return files.map((file) => relative(project.root, join(project.outDir, file)));
}

/** The desktop window's bundles (electron/cli/desktop-bundles.ts), for `npm start` where Electron is. */
export function desktopTarget(root = ROOT): BuildTarget {
  const script = join(root, 'electron', 'cli', 'desktop-bundles.ts');
  return {
    what: 'the desktop window',
    root,
    inputs: ['electron', 'core', 'package-lock.json', 'tsconfig.base.json', 'tsconfig.json'],
    marker: relative(root, script),
    entry: relative(root, join(root, 'dist', 'electron', 'main.js')),
    stampFile: join(root, 'dist', 'electron.build.json'),
    keep: 1,
    remedy:
      'Run "npm ci" (it installs what the build needs), then start again. If it fails the same way, "npm run build" shows the whole error.',
    make: async () => {
      const { bundle, BUNDLES } = await loadBundler(script);
      const written: string[] = [];
      for (const name of Object.keys(BUNDLES) as (keyof typeof BUNDLES)[]) {
        await bundle(name);
        written.push(relative(root, BUNDLES[name].outfile));
      }
      return written;
    },
  };
}

/**
 * electron/cli/desktop-bundles.ts, loaded by its path: were it imported by name, bundling the command
 * (which that very script does) would put esbuild inside the command.
 */
export async function loadBundler(script: string): Promise<typeof Bundler> {
  return (await import(pathToFileURL(script).href)) as typeof Bundler;
}
