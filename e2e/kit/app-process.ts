/**
 * One headless Sendsheet for a test worker: `sendsheet app --json --ephemeral --test-controls`
 * on free ports, read from its ready line (README "Testing with Playwright"), stopped with
 * SIGTERM, which also removes its temporary folders.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { READY_SCHEMA } from '../../electron/cli/ready-line';
import type { ReadyLine } from '../../electron/cli/ready-line';

const ROOT = resolve(import.meta.dirname, '..', '..');

export type { ReadyLine };

export interface RunningApp {
  ready: ReadyLine;
  /** What the app wrote on standard error so far: its log, for a failing test's report. */
  log(): string;
  stop(): Promise<number | null>;
}

export interface StartOptions {
  /** More arguments for `sendsheet app`. */
  args?: string[];
  env?: NodeJS.ProcessEnv;
  /** Named in its errors, to tell apart the apps of one run. */
  name?: string;
  /** How long the start may take, the UI's first build included. Default 120 s. */
  timeoutMs?: number;
}

export function startApp(options: StartOptions = {}): Promise<RunningApp> {
  const args = ['app', '--json', '--ephemeral', '--test-controls', '--headless'];
  args.push('--port', '0', '--ftp-ports', '0,0', ...(options.args ?? []));
  const child = spawn(process.execPath, [resolve(ROOT, 'bin', 'sendsheet.js'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      killer.unref();
      const code = await exited;
      clearTimeout(killer);
      return code;
    }
    return child.exitCode;
  };
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`sendsheet app (${options.name ?? 'app'}) did not start in time:\n${log}`));
    }, options.timeoutMs ?? 120_000);
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      clearTimeout(timer);
      try {
        const ready = JSON.parse(line) as ReadyLine;
        if (ready.event !== 'ready' || ready.schema !== READY_SCHEMA)
          throw new Error(`not a ready line`);
        resolvePromise({ ready, log: () => log, stop });
      } catch (error) {
        void stop();
        reject(new Error(`sendsheet app printed ${line}: ${String(error)}\n${log}`));
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`sendsheet app ended with ${code} before it was ready:\n${log}`));
    });
  });
}
