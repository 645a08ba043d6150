/**
 * How the end-to-end tests run Chromium, and `sendsheet app` started by hand on folders a test
 * keeps: the tests that kill the app (kill -9) and start it again on the same folders
 * (send-safely.spec.ts). Every other test's app comes from e2e/kit/.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

export interface Running {
  /** Everything the command printed until it was ready. */
  output: string;
  /** Everything it printed so far. */
  log(): string;
  /** Kills it at once (kill -9), as a crash or a power cut would. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** Runs `sendsheet <args>` and waits until it prints `Press Ctrl-C` (it is then serving). */
export function startSendsheet(
  args: string[],
  timeoutMs = 30_000,
  env: NodeJS.ProcessEnv = {},
): Promise<Running> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/cli/sendsheet.ts', ...args],
    {
      cwd: ROOT,
      env: { ...process.env, INIT_CWD: ROOT, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const ended = () => child.exitCode !== null || child.signalCode !== null;
  const kill = () =>
    new Promise<void>((done) => {
      if (ended()) return done();
      child.once('exit', () => done());
      child.kill('SIGKILL');
    });
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
    });
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`sendsheet ${args.join(' ')} did not start in time:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('Press Ctrl-C')) {
        clearTimeout(timer);
        resolvePromise({ output, log: () => output, kill, stop });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sendsheet ${args.join(' ')} ended with ${code}:\n${output}`));
    });
  });
}

/**
 * The address `sendsheet app` printed, with this run's secret (`/?token=...`): a page's first
 * visit to it gets the cookie that every later request carries (electron/http/secret.ts).
 */
export function urlOf(output: string): string {
  const match = /Open (http:\/\/\S+?)\/? in a browser/.exec(output);
  if (!match) throw new Error(`no URL in:\n${output}`);
  return match[1]!;
}

/** `sendsheet app` on free ports, with its emulated provider and its data under `dir`. */
export function startHeadlessApp(dir: string, env: NodeJS.ProcessEnv = {}): Promise<Running> {
  return startSendsheet(
    ['app', '--port', '0', '--ftp-ports', '0,0'].concat([
      '--dir',
      join(dir, 'provider'),
      '--data',
      join(dir, 'app'),
    ]),
    30_000,
    env,
  );
}

/**
 * The first-run choice made already, as practice: the tests of everything else start where a
 * person who chose practice is (e2e/send-safely.spec.ts tests the first run itself).
 */
export async function choosePractice(dataDir: string): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  await writeFile(
    join(dataDir, 'settings.json'),
    JSON.stringify({ setup: 'practice', profile: 'emulated', prices: null, ownNumber: '' }),
  );
}

/** Debian's Chromium, never a browser Playwright downloads, with the flags this machine needs. */
export const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
