// For the commands' tests: a CommandIo that keeps what a command prints.
import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { desktopTarget } from './app-builds';
import type { AppBuilds } from './app-command';
import type { BuildTarget } from './stale-build';
import type { CommandIo } from './io';

export function capture(cwd: string, stdin = '') {
  const out = { stdout: '', stderr: '' };
  const io: CommandIo = {
    stdout: (text) => void (out.stdout += text),
    stderr: (text) => void (out.stderr += text),
    readStdin: async () => new TextEncoder().encode(stdin),
    cwd,
  };
  return { io, out };
}

/**
 * Waits for a condition a running command makes true. The 20 s only tell a command that never
 * gets there apart from the test's own time-out; a busy machine is slow, never that slow.
 */
export async function until(check: () => boolean, what: string): Promise<void> {
  const end = Date.now() + 20_000;
  while (!check() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 25));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}

/** A port another process would hold: a listener on 127.0.0.1, until `close`. */
export async function heldPort(): Promise<{ port: number; close: () => void }> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { port: (server.address() as { port: number }).port, close: () => server.close() };
}

/**
 * A user interface whose build writes a page at once, so that these tests start the app
 * quickly; the real one is built in the fresh-clone test below and in app-builds.test.ts.
 */
export async function quickUi(): Promise<AppBuilds> {
  const root = await mkdtemp(join(tmpdir(), 'sendsheet-ui-'));
  await writeFile(join(root, 'index.src.html'), '<!doctype html><div id="root"></div>\n');
  const ui: BuildTarget = {
    what: 'the user interface',
    root,
    inputs: ['index.src.html'],
    marker: 'index.src.html',
    entry: 'out/index.html',
    stampFile: join(root, 'out.build.json'),
    keep: 2,
    remedy: 'Run "npm ci".',
    make: async () => {
      await mkdir(join(root, 'out'), { recursive: true });
      await cp(join(root, 'index.src.html'), join(root, 'out', 'index.html'));
      return ['out/index.html'];
    },
  };
  return { ui, desktop: desktopTarget() };
}
