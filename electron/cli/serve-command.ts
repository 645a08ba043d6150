import { join, resolve } from 'node:path';
import { defaultDataDir } from '../base/data-dir';
import { readConfig } from '../server/accounts';
import type { ServerConfig } from '../server/accounts';
import { formatLogEntry } from '../server/log';
import { DEFAULT_PASSIVE_PORTS, DEFAULT_PORTS, startProvider } from '../server/provider';
import type { ProviderLimits } from '../server/provider';
import type { CommandIo } from './io';
import { EXIT_OK, readCommandLine, stopSignal, UsageError } from './io';
import { errorText } from '../../core/contract/errors';
import { ftpPortsAdvice } from './ports';
import { startControlsServer } from '../http/controls-route';
import { Faults } from '../server/faults';
import { ProviderControls } from '../server/test-controls';
import { ephemeralFolder, formatReadyLine } from './ready-line';

export const SERVE_USAGE = `Usage: sendsheet serve [--dir D] [--ports 2121,2122] [--config F] [--json] [--ephemeral]
                      [--test-controls [--controls-port P]]

Runs the emulated provider in the foreground: two FTP servers on 127.0.0.1 that share one
folder and process uploads exactly as the provider's servers do. Plain FTP and explicit FTPS
(AUTH TLS, with a self-signed certificate made on first start) both work. Ctrl-C stops it.

  --dir D        the data folder: accounts/<user>/ (what FTP shows), outbox/<user>/ (the
                 queued messages), state/ and tls/ (default: ${defaultDataDir('server')})
  --ports A,B    the control ports of server A and B (default ${DEFAULT_PORTS.join(',')}; 0 for any free port)
  --config F     a JSON file: {"accounts": [{"user": "...", "password": "..."}], "host": "127.0.0.1",
                 "passivePorts": [${DEFAULT_PASSIVE_PORTS.join(', ')}], "retryIntervalSeconds": 1800,
                 "uploadLimitMiB": 100, "quotaMiB": 1024, "idleTimeoutSeconds": 300,
                 "dataTimeoutSeconds": 60, "connectionsPerAddress": 50}, every key optional;
                 without accounts, the one account is user demo, password demo
  --json         once serving, print one JSON line on standard output (the FTP ports, the
                 account, the folder, the process id; README "Testing with Playwright") and
                 everything else on standard error
  --ephemeral    a fresh temporary data folder, removed when it stops
  --test-controls  serve the test controls (servers down and up, held files, failures,
                 delay, outbox) over HTTP on 127.0.0.1, at the URL it prints
  --controls-port P  their port (default 0: any free port)

One serve per folder: a second one on the same --dir is refused.`;

export function parsePorts(text: string): [number, number] {
  const parts = text.split(',');
  const ports = parts.map((part) => (/^\d{1,5}$/.test(part.trim()) ? Number(part.trim()) : NaN));
  if (ports.length !== 2 || ports.some((port) => !(port >= 0 && port <= 65535))) {
    throw new UsageError(
      `--ports takes two ports from 0 to 65535, like 2121,2122; not ${JSON.stringify(text)}.`,
    );
  }
  if (ports[0] === ports[1] && ports[0] !== 0)
    throw new UsageError('--ports needs two different ports.');
  return [ports[0]!, ports[1]!];
}

function sizeText(bytes: number): string {
  const mib = bytes / 2 ** 20;
  return mib >= 1 ? `${+mib.toFixed(1)} MiB` : `${Math.round(bytes / 1024)} KiB`;
}

function limitsText(limits: ProviderLimits): string {
  return [
    `uploads up to ${sizeText(limits.maxFileBytes)}`,
    `${sizeText(limits.quotaBytes)} per account`,
    `idle connections closed after ${limits.idleTimeoutMs / 1000} s (data ${limits.dataTimeoutMs / 1000} s)`,
    `${limits.connectionsPerAddress} connections per address`,
  ].join(', ');
}

function mib(value: number | undefined): number | undefined {
  return value === undefined ? undefined : Math.round(value * 2 ** 20);
}

function ms(seconds: number | undefined): number | undefined {
  return seconds === undefined ? undefined : seconds * 1000;
}

export async function serveCommand(
  args: string[],
  io: CommandIo,
  stop?: AbortSignal,
): Promise<number> {
  const parsed = readCommandLine(
    args,
    {
      dir: { type: 'string' },
      ports: { type: 'string' },
      config: { type: 'string' },
      json: { type: 'boolean' },
      ephemeral: { type: 'boolean' },
      'test-controls': { type: 'boolean' },
      'controls-port': { type: 'string' },
    },
    SERVE_USAGE,
    io,
  );
  if (parsed === null) return EXIT_OK;
  const ports = parsed.values.ports === undefined ? DEFAULT_PORTS : parsePorts(parsed.values.ports);
  let config: ServerConfig | null = null;
  if (parsed.values.config !== undefined) {
    const result = await readConfig(resolve(io.cwd, parsed.values.config));
    if (!result.ok)
      throw new UsageError(
        `the config ${parsed.values.config} is not usable:\n  ${result.problems.join('\n  ')}`,
      );
    config = result.config;
  }
  const { values } = parsed;
  if (values.ephemeral && values.dir !== undefined)
    throw new UsageError('--ephemeral makes its own folder: leave out --dir.');
  if (values['controls-port'] !== undefined && !values['test-controls'])
    throw new UsageError('--controls-port goes with --test-controls.');
  const controlsPort = Number(values['controls-port'] ?? '0');
  if (!/^\d{1,5}$/.test(values['controls-port'] ?? '0') || controlsPort > 65535)
    throw new UsageError('--controls-port takes a port from 0 to 65535.');
  const json = values.json === true;
  // With --json, standard output holds the ready line alone.
  const human: CommandIo = json ? { ...io, stdout: io.stderr } : io;

  const own = stop ? null : stopSignal();
  const signal = stop ?? own!.signal;
  const temporary = values.ephemeral ? await ephemeralFolder() : null;
  const dir = temporary
    ? join(temporary.dir, 'provider')
    : resolve(io.cwd, values.dir ?? defaultDataDir('server'));
  let controlsServer: { url: string; close(): Promise<void> } | null = null;
  try {
    let provider;
    try {
      provider = await startProvider({
        dir,
        ports,
        faults: values['test-controls'] ? new Faults() : undefined,
        accounts: config?.accounts,
        host: config?.host,
        passivePorts: config?.passivePorts,
        retry: config?.retryIntervalSeconds
          ? { intervalMs: config.retryIntervalSeconds * 1000 }
          : {},
        storage: {
          maxFileBytes: mib(config?.uploadLimitMiB),
          quotaBytes: mib(config?.quotaMiB),
        },
        idleTimeoutMs: ms(config?.idleTimeoutSeconds),
        dataTimeoutMs: ms(config?.dataTimeoutSeconds),
        connectionsPerAddress: config?.connectionsPerAddress,
        log: (entry) =>
          (entry.level === 'info' ? human.stdout : io.stderr)(formatLogEntry(entry) + '\n'),
      });
    } catch (error) {
      const advice = await ftpPortsAdvice(error, ports, '--ports');
      throw new UsageError(`${errorText(error)}${advice ? ` ${advice}` : ''}`);
    }
    if (provider.faults) {
      try {
        controlsServer = await startControlsServer(new ProviderControls(provider), controlsPort);
      } catch (error) {
        await provider.close();
        throw new UsageError(`the test controls cannot listen: ${errorText(error)}`);
      }
    }
    const passive = config?.passivePorts ?? DEFAULT_PASSIVE_PORTS;
    const lines = [
      'Sendsheet emulated provider',
      ...provider.servers.map(
        (server) => `  Server ${server.name}: ftp://${server.host}:${server.port}`,
      ),
      `  Plain FTP or explicit FTPS (AUTH TLS); self-signed certificate, SHA-256 ${provider.certificate.fingerprint}`,
      `  Passive ports ${passive[0]}-${passive[1]}`,
      `  Folder: ${dir}`,
      `  Limits: ${limitsText(provider.limits)}`,
      ...(config === null
        ? ['  Account: user demo, password demo']
        : [`  Accounts: ${provider.accounts.map((account) => account.user).join(', ')}`]),
      ...(controlsServer ? [`  Test controls: ${controlsServer.url}`] : []),
      'Press Ctrl-C to stop.',
    ];
    if (json) {
      const account = provider.accounts[0];
      io.stdout(
        formatReadyLine({
          command: 'serve',
          url: null,
          secret: null,
          controls: controlsServer?.url ?? null,
          ftp: { host: provider.host, a: provider.servers[0]!.port, b: provider.servers[1]!.port },
          account: account ? { user: account.user, password: account.password } : null,
          dataDir: null,
          providerDir: dir,
          ephemeral: temporary !== null,
        }),
      );
    } else io.stdout(lines.join('\n') + '\n');
    if (!signal.aborted)
      await new Promise((done) => signal.addEventListener('abort', done, { once: true }));
    human.stdout('Stopping: finishing the file in hand...\n');
    await controlsServer?.close();
    await provider.close();
    human.stdout('Stopped.\n');
    return EXIT_OK;
  } finally {
    await controlsServer?.close();
    await temporary?.remove();
    own?.dispose();
  }
}
