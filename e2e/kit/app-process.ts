/**
 * One headless Sendsheet for a test: `sendsheet app --json --test-controls` on free ports, read
 * from its ready line (README "Testing with Playwright"). By default on fresh temporary folders
 * (`--ephemeral`, removed when it stops); with `folder`, on folders the test keeps, so that it
 * can be killed (as a crash would) and started again on the same history and provider.
 *
 * The command is this package's own `bin/sendsheet.js`, found from this file (in a checkout
 * e2e/kit/, installed dist/playwright/; both two folders below the package), never from the
 * folder the tests run in.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { controlsClient } from '../../core/contract/test-controls';
import type { QueuedMessage, TestControls } from '../../core/contract/test-controls';
import { READY_SCHEMA } from '../../electron/cli/ready-line';
import type { ReadyLine } from '../../electron/cli/ready-line';

/** The package's root: two folders above this file, in the sources and in the build alike. */
export const PACKAGE_ROOT = resolve(import.meta.dirname, '..', '..');
/** The command the app is started with. */
export const SENDSHEET_BIN = resolve(PACKAGE_ROOT, 'bin', 'sendsheet.js');

export type { ReadyLine };

export interface RunningApp {
  ready: ReadyLine;
  /** The provider's test controls of this run. */
  controls: TestControls;
  /** The messages the emulated provider queued (of one account, or all): its `outbox` control. */
  outbox(account?: string): Promise<QueuedMessage[]>;
  /** What the app wrote on standard error so far: its log, for a failing test's report. */
  log(): string;
  /** Stops it as Ctrl-C does (SIGTERM; SIGKILL after 15 s); resolves with its exit code. */
  stop(): Promise<number | null>;
  /** Ends it at once (SIGKILL), as a crash or a power cut would: nothing is finished or saved. */
  kill(): Promise<void>;
  /**
   * Stops it (kill() first for a crash) and starts it again on the same folders: the history,
   * the settings and the provider's files are what the last run left. Only with `folder`. The
   * new run has a new secret (a new `ready.url`); it listens on new free ports unless
   * `samePorts`. `env` and `args` replace the first start's.
   */
  restart(options?: RestartOptions): Promise<RunningApp>;
}

export interface StartOptions {
  /** More arguments for `sendsheet app`. */
  args?: string[];
  /** More environment variables for the app. */
  env?: NodeJS.ProcessEnv;
  /**
   * A folder to keep the app's data (`FOLDER/app`) and the provider's (`FOLDER/provider`) in,
   * left there after it stops, instead of `--ephemeral` temporary ones.
   */
  folder?: string;
  /** Named in its errors, to tell apart the apps of one run. */
  name?: string;
  /** How long the start may take, the UI's first build included. Default 120 s. */
  timeoutMs?: number;
}

export interface RestartOptions {
  args?: string[];
  env?: NodeJS.ProcessEnv;
  /** The HTTP and FTP ports of the run before (a page's origin stays the same). Default false. */
  samePorts?: boolean;
}

/** Answers the first-run question (practice or a provider account) as practice, over the API. */
export async function choosePractice(ready: ReadyLine): Promise<void> {
  if (ready.url === null || ready.secret === null) throw new Error('not an app: no URL to ask');
  const response = await fetch(`${new URL(ready.url).origin}/api/updateSettings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ready.secret}` },
    body: JSON.stringify({ setup: 'practice', profile: 'emulated' }),
  });
  if (!response.ok)
    throw new Error(`the app refused the practice choice: ${await response.text()}`);
}

function portsOf(ready: ReadyLine): string[] {
  const http = ['--port', new URL(ready.url!).port];
  return ready.ftp ? [...http, '--ftp-ports', `${ready.ftp.a},${ready.ftp.b}`] : http;
}

export function startApp(options: StartOptions = {}): Promise<RunningApp> {
  return launch(options, null);
}

function launch(options: StartOptions, ports: string[] | null): Promise<RunningApp> {
  const folders = options.folder
    ? ['--data', resolve(options.folder, 'app'), '--dir', resolve(options.folder, 'provider')]
    : ['--ephemeral'];
  const args = ['app', '--json', '--test-controls', '--headless', ...folders];
  // Ports given last win over the free ones asked for first.
  args.push('--port', '0', '--ftp-ports', '0,0', ...(options.args ?? []), ...(ports ?? []));
  const child = spawn(process.execPath, [SENDSHEET_BIN, ...args], {
    cwd: PACKAGE_ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const name = options.name ?? 'app';
  let log = '';
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const running = () => child.exitCode === null && child.signalCode === null;
  const stop = async () => {
    if (!running()) return child.exitCode;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    killer.unref();
    const code = await exited;
    clearTimeout(killer);
    return code;
  };
  const kill = async () => {
    if (running()) child.kill('SIGKILL');
    await exited;
  };
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`sendsheet app (${name}) did not start in time:\n${log}`));
    }, options.timeoutMs ?? 120_000);
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      clearTimeout(timer);
      try {
        const ready = JSON.parse(line) as ReadyLine;
        if (ready.event !== 'ready' || ready.schema !== READY_SCHEMA || ready.controls === null)
          throw new Error(`not a ready line with test controls`);
        const controls = controlsClient(ready.controls, fetch);
        resolvePromise({
          ready,
          controls,
          outbox: (account) => controls.outbox(account === undefined ? {} : { account }),
          log: () => log,
          stop,
          kill,
          restart: async (again = {}) => {
            if (!options.folder)
              throw new Error(
                `sendsheet app (${name}) has temporary folders: start it with folder`,
              );
            await stop();
            const next: StartOptions = { ...options, ...pick(again) };
            return launch(next, again.samePorts ? portsOf(ready) : null);
          },
        });
      } catch (error) {
        void stop();
        reject(new Error(`sendsheet app (${name}) printed ${line}: ${String(error)}\n${log}`));
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`sendsheet app (${name}) ended with ${code} before it was ready:\n${log}`));
    });
  });
}

function pick(options: RestartOptions): Pick<StartOptions, 'args' | 'env'> {
  const picked: Pick<StartOptions, 'args' | 'env'> = {};
  if (options.args !== undefined) picked.args = options.args;
  if (options.env !== undefined) picked.env = options.env;
  return picked;
}
