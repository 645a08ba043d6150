import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { errorText } from '../../core/contract/errors';
import { startBackend } from '../backend/backend';
import type { Backend } from '../backend/backend';
import { defaultDataDir } from '../base/data-dir';
import { DEFAULT_HTTP_PORT, startHttpServer } from '../http/http-server';
import type { RunningHttp } from '../http/http-server';
import { DEFAULT_PORTS } from '../server/provider';
import { desktopTarget, uiTarget } from './app-builds';
import type { CommandIo } from './io';
import { EXIT_OK, readCommandLine, stopSignal, UsageError } from './io';
import { ftpPortsAdvice, httpPortMessage } from './ports';
import { CONTROLS_PREFIX } from '../../core/contract/test-controls';
import { ephemeralFolder, formatReadyLine } from './ready-line';
import { parsePorts } from './serve-command';
import { ensureBuilt } from './stale-build';
import type { BuildTarget } from './stale-build';

const ROOT = resolve(import.meta.dirname, '..', '..');

export const APP_USAGE = `Usage: sendsheet app [--port ${DEFAULT_HTTP_PORT}] [--no-servers] [--ftp-ports A,B] [--dir D] [--data D]
                    [--json] [--ephemeral] [--test-controls]

Runs Sendsheet without a window: the emulated provider's two FTP servers (unless
--no-servers), and the app's service over HTTP on 127.0.0.1 with the user interface, at the
URL it prints. The URL holds a secret made for this run: the page and the service answer
only to a browser that opened it (or a program that sends "Authorization: Bearer SECRET").
Ctrl-C stops it. The user interface is built first when it is not built yet or its sources
changed (a few seconds); a page opened before such a build keeps working, or says to reload.

  --port P         the HTTP port (default ${DEFAULT_HTTP_PORT}; 0 for any free port)
  --no-servers     do not start the emulated provider; its profile then points at a
                   "sendsheet serve" on 127.0.0.1, ports ${DEFAULT_PORTS.join(' and ')}
  --ftp-ports A,B  the emulated servers' ports (default ${DEFAULT_PORTS.join(',')}; 0 for any free port)
  --dir D          the emulated provider's data folder (default as for "sendsheet serve")
  --data D         the app's data folder: history and exports (default ${defaultDataDir('app')})
  --electron       open the desktop window when Electron is installed (what "npm start" does)
  --headless       never open the window, even where Electron is installed (the default)
  --json           once serving, print one JSON line on standard output (the URL, the FTP
                   ports, the account, the folders, the process id; README "Testing with
                   Playwright") and everything else on standard error
  --ephemeral      fresh temporary folders for both data folders, removed when it stops
  --test-controls  serve the emulated provider's test controls (servers down and up, held
                   files, failures, delay, outbox) at /test-controls/; never in the window

The provider's real servers are the profile "gatewayapi": its user name comes from
SENDSHEET_USER, its password from SENDSHEET_PASSWORD or the file named in
SENDSHEET_PASSWORD_FILE; the password is kept in memory only.`;

/**
 * The Electron binary when the package and its binary are installed; null otherwise. The
 * package's own export is not used: requiring it downloads the binary when it is missing, and
 * a probe must not reach the network.
 */
export function findElectron(env: NodeJS.ProcessEnv = process.env): string | null {
  let dir: string;
  try {
    dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
  // What the package's install script writes: the binary's path inside its dist folder.
  let executable: string;
  try {
    executable = readFileSync(join(dir, 'path.txt'), 'utf8').trim();
  } catch {
    return null;
  }
  const binary = env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(env.ELECTRON_OVERRIDE_DIST_PATH, executable || 'electron')
    : join(dir, 'dist', executable);
  return executable !== '' && existsSync(binary) ? binary : null;
}

/** What `app --electron` (`npm start`) says when it cannot open the window. */
export const NO_ELECTRON = `Electron's binary is not installed here (where it can be downloaded, "npm run setup:electron" fetches it): running headless; open the URL below in a browser.`;

/** What `app` builds when it must before it starts: the UI, and the window's bundles. */
export interface AppBuilds {
  ui: BuildTarget;
  desktop: BuildTarget;
}

/** The folder a UI target's build is served from. */
function servedDir(ui: BuildTarget): string {
  return dirname(join(ui.root, ui.entry));
}

async function providerPassword(env: NodeJS.ProcessEnv): Promise<string | null> {
  if (env.SENDSHEET_PASSWORD) return env.SENDSHEET_PASSWORD;
  if (!env.SENDSHEET_PASSWORD_FILE) return null;
  const { readFile } = await import('node:fs/promises');
  try {
    return (await readFile(env.SENDSHEET_PASSWORD_FILE, 'utf8')).split(/\r?\n/)[0] || null;
  } catch {
    throw new UsageError(`cannot read the password file named in SENDSHEET_PASSWORD_FILE.`);
  }
}

export async function appCommand(
  args: string[],
  io: CommandIo,
  stop?: AbortSignal,
  env: NodeJS.ProcessEnv = process.env,
  builds: AppBuilds = { ui: uiTarget(), desktop: desktopTarget() },
): Promise<number> {
  const parsed = readCommandLine(
    args,
    {
      port: { type: 'string' },
      'no-servers': { type: 'boolean' },
      'ftp-ports': { type: 'string' },
      dir: { type: 'string' },
      data: { type: 'string' },
      electron: { type: 'boolean' },
      headless: { type: 'boolean' },
      json: { type: 'boolean' },
      ephemeral: { type: 'boolean' },
      'test-controls': { type: 'boolean' },
    },
    APP_USAGE,
    io,
  );
  if (parsed === null) return EXIT_OK;
  const { values } = parsed;
  const port = values.port === undefined ? DEFAULT_HTTP_PORT : Number(values.port);
  if (!/^\d{1,5}$/.test(values.port ?? '0') || port > 65535) {
    throw new UsageError(
      `--port takes a port from 0 to 65535, not ${JSON.stringify(values.port)}.`,
    );
  }
  if (values['no-servers'] && (values['ftp-ports'] !== undefined || values.dir !== undefined)) {
    throw new UsageError(
      '--ftp-ports and --dir are for the emulated servers, which --no-servers leaves off.',
    );
  }

  if (values.ephemeral && (values.dir !== undefined || values.data !== undefined)) {
    throw new UsageError('--ephemeral makes its own folders: leave out --dir and --data.');
  }
  if (values['test-controls'] && values['no-servers']) {
    throw new UsageError(
      '--test-controls control the emulated servers, which --no-servers leaves off.',
    );
  }
  if (values['test-controls'] && values.electron) {
    throw new UsageError('--test-controls are for headless tests, never for the desktop window.');
  }
  // With --json, standard output holds the ready line alone.
  const json = values.json === true;
  const human: CommandIo = json ? { ...io, stdout: io.stderr } : io;
  if (values.electron && values.headless) {
    throw new UsageError('--electron asks for the window and --headless for none: choose one.');
  }
  if (values.electron) {
    const binary = findElectron(env);
    if (binary !== null) {
      await ensureBuilt(builds.ui, io);
      await ensureBuilt(builds.desktop, io);
      io.stdout(`Starting the desktop window (${binary}).\n`);
      // A variable that makes Electron plain Node must not reach the window's process.
      const childEnv = { ...env };
      delete childEnv.ELECTRON_RUN_AS_NODE;
      const child = spawn(binary, [ROOT], { stdio: 'inherit', env: childEnv });
      return new Promise((done, fail) => {
        child.once('error', fail);
        child.once('exit', (code) => done(code ?? 0));
      });
    }
    io.stdout(NO_ELECTRON + '\n');
  }
  // Before anything starts: a build that fails ends the command with what to do.
  await ensureBuilt(builds.ui, human);

  const own = stop ? null : stopSignal();
  const signal = stop ?? own!.signal;
  let backend: Backend | null = null;
  let http: RunningHttp | null = null;
  const temporary = values.ephemeral ? await ephemeralFolder() : null;
  try {
    const ftpPorts =
      values['ftp-ports'] === undefined ? DEFAULT_PORTS : parsePorts(values['ftp-ports']);
    const dataDir = temporary
      ? join(temporary.dir, 'app')
      : resolve(io.cwd, values.data ?? defaultDataDir('app', env));
    const providerDir = values['no-servers']
      ? null
      : temporary
        ? join(temporary.dir, 'provider')
        : resolve(io.cwd, values.dir ?? defaultDataDir('server', env));
    try {
      backend = await startBackend({
        dataDir,
        providerDir,
        ports: ftpPorts,
        whenProviderFails: 'fail',
        testControls: values['test-controls'] === true,
        providerUser: env.SENDSHEET_USER ?? '',
        providerPassword: await providerPassword(env),
        log: (line) => io.stderr(`sendsheet app: ${line}\n`),
      });
    } catch (error) {
      const advice = await ftpPortsAdvice(error, ftpPorts, '--ftp-ports');
      throw new UsageError(
        `${errorText(error)}${advice ? ` ${advice}` : ''} (Or run with --no-servers to use a "sendsheet serve" already running.)`,
      );
    }
    const { service, provider } = backend;
    const staticDir = servedDir(builds.ui);
    try {
      http = await startHttpServer(service, { port, staticDir, controls: backend.controls });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(
        code === 'EADDRINUSE'
          ? await httpPortMessage(port)
          : `cannot listen on port ${port}: ${errorText(error)}`,
      );
    }
    const controls = backend.controls
      ? `${http.url}${CONTROLS_PREFIX.slice(1)}?token=${http.secret}`
      : null;
    const lines = [
      'Sendsheet (headless)',
      // The address carries this run's secret (electron/http/secret.ts): without it, neither
      // the page nor the service answers.
      `  Open ${http.pageUrl} in a browser`,
      `  (the address holds this run's secret: whoever has it can use Sendsheet until it stops)`,
      ...(provider
        ? provider.servers.map(
            (server) =>
              `  Emulated server ${server.name}: ftp://${server.host}:${server.port} (user demo, password demo)`,
          )
        : [
            `  Emulated provider: not started; its profile points at 127.0.0.1:${DEFAULT_PORTS.join(' and ')}`,
          ]),
      `  Data: ${dataDir}`,
      ...(controls ? [`  Test controls: ${controls}`] : []),
      'Press Ctrl-C to stop.',
    ];
    if (json) {
      const account = provider?.accounts[0];
      io.stdout(
        formatReadyLine({
          command: 'app',
          url: http.pageUrl,
          secret: http.secret,
          controls,
          ftp: provider
            ? { host: provider.host, a: provider.servers[0]!.port, b: provider.servers[1]!.port }
            : null,
          account: account ? { user: account.user, password: account.password } : null,
          dataDir,
          providerDir,
          ephemeral: temporary !== null,
        }),
      );
    } else io.stdout(lines.join('\n') + '\n');
    if (!signal.aborted)
      await new Promise((done) => signal.addEventListener('abort', done, { once: true }));
    // Only the emulated servers have a file in hand to finish.
    human.stdout(provider ? 'Stopping: finishing the file in hand...\n' : 'Stopping...\n');
    await http.close();
    await backend.close();
    human.stdout('Stopped.\n');
    return EXIT_OK;
  } finally {
    await http?.close();
    await backend?.close();
    await temporary?.remove();
    own?.dispose();
  }
}
