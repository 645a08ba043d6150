/**
 * The emulated provider: two FTP servers on one folder, and the processing behind them, started
 * and stopped as one. `serve` runs it in the foreground; the app's headless mode and the tests
 * start it in-process.
 */
import { mkdir, readdir, realpath, rm } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { DEMO_ACCOUNT } from './accounts';
import type { Account } from './accounts';
import { loadCertificate } from './certificate';
import type { Faults } from './faults';
import { startFtpServer } from './ftp-server';
import type { RunningFtpServer } from './ftp-server';
import { accountRoot, layoutOf } from './layout';
import type { Layout } from './layout';
import { lockFolder } from './folder-lock';
import { logger, silentLog } from './log';
import type { Log } from './log';
import { Processor } from './processor';
import { SPEC_RETRY } from './retries';
import { AccountStorage, DEFAULT_STORAGE } from './storage';
import { DEFAULT_THROTTLE, LoginThrottle } from './throttle';
import type { StorageLimits } from './storage';
import type { RetryPolicy } from './retries';

export interface ProviderOptions {
  /** The data folder: account folders, outbox, state and certificate. */
  dir: string;
  /** Default: the demo account alone. */
  accounts?: readonly Account[];
  /** Default 127.0.0.1. */
  host?: string;
  /** Control ports of server A and B; 0 for any free port. Default 2121 and 2122. */
  ports?: readonly [number, number];
  /**
   * Passive data ports, first and last, split between the two servers; 'any' for free ports
   * chosen by the system (tests). Default 21000 to 21099.
   */
  passivePorts?: readonly [number, number] | 'any';
  /** Default SPEC 9's: 5 attempts, 30 minutes apart. */
  retry?: Partial<RetryPolicy>;
  /** How often the folders are listed as a safety net for missed changes. Default 2 s. */
  scanIntervalMs?: number;
  /** How long a refused login waits for its answer; it grows after 5 in a row. Default 1 s. */
  loginDelayMs?: number;
  /** The most a refused login waits. Default 30 s. */
  maxLoginDelayMs?: number;
  /** Control connections one address may hold at once, both servers together. Default 50. */
  connectionsPerAddress?: number;
  /** A control connection with no command under way for this long is closed. Default 300 s. */
  idleTimeoutMs?: number;
  /** A data connection with nothing sent either way for this long is closed. Default 60 s. */
  dataTimeoutMs?: number;
  /** The size an upload may reach, and an account's quota. Default 100 MiB and 1 GiB. */
  storage?: Partial<StorageLimits>;
  log?: Log;
  faults?: Faults;
  /** The clock for stamps and causes. */
  now?: () => Date;
  /** Awaited between two pieces of a file's check; default: the event loop's next turn. */
  pause?: () => Promise<void>;
}

export interface Provider {
  dir: string;
  layout: Layout;
  host: string;
  servers: readonly RunningFtpServer[];
  accounts: readonly Account[];
  certificate: { fingerprint: string; created: boolean };
  /** The limits it keeps to (issue 15), defaults filled in. */
  limits: ProviderLimits;
  /** The retry policy in force; tests' controls shorten its interval while it runs. */
  retry: RetryPolicy;
  /** The injected failures given in the options, if any. */
  faults: Faults | null;
  /** Resolves when no file is being claimed or processed (a retry may still be waiting). */
  idle(): Promise<void>;
  /** Stops both servers, finishes the file in hand and stops watching. */
  close(): Promise<void>;
}

export interface ProviderLimits extends StorageLimits {
  idleTimeoutMs: number;
  dataTimeoutMs: number;
  connectionsPerAddress: number;
}

export const DEFAULT_PORTS: readonly [number, number] = [2121, 2122];
export const DEFAULT_PASSIVE_PORTS: readonly [number, number] = [21000, 21099];
/** vsftpd's idle_session_timeout. */
export const DEFAULT_IDLE_TIMEOUT_MS = 300_000;
export const DEFAULT_DATA_TIMEOUT_MS = 60_000;

function halves(range: readonly [number, number] | 'any'): [[number, number], [number, number]] {
  if (range === 'any')
    return [
      [0, 0],
      [0, 0],
    ];
  const [first, last] = range;
  const middle = Math.floor((first + last) / 2);
  return [
    [first, middle],
    [middle + 1, last],
  ];
}

/** Makes the folders, and refuses an account folder that leads out of the data folder. */
async function prepareFolders(
  layout: Layout,
  accounts: readonly Account[],
): Promise<Map<string, string>> {
  for (const dir of [layout.accounts, layout.outbox, layout.uploads, layout.tmp, layout.retries]) {
    await mkdir(dir, { recursive: true });
  }
  // Unfinished uploads and temporary files of a previous run are of no use to anyone.
  for (const dir of [layout.uploads, layout.tmp]) {
    for (const name of await readdir(dir))
      await rm(join(dir, name), { force: true, recursive: true });
  }
  const accountsReal = await realpath(layout.accounts);
  const roots = new Map<string, string>();
  for (const { user } of accounts) {
    await mkdir(accountRoot(layout, user), { recursive: true });
    await mkdir(join(layout.outbox, user), { recursive: true });
    const real = await realpath(accountRoot(layout, user));
    if (real !== join(accountsReal, user) || !real.startsWith(accountsReal + sep)) {
      throw new Error(
        `The folder of account ${user} is a link out of ${layout.accounts}: refusing to serve it.`,
      );
    }
    roots.set(user, real);
  }
  return roots;
}

export async function startProvider(options: ProviderOptions): Promise<Provider> {
  const dir = resolve(options.dir);
  const layout = layoutOf(dir);
  // Before anything in the folder is touched: a second provider would clear the first one's uploads.
  const lock = await lockFolder(dir, layout.state);
  try {
    const provider = await startServing(options, layout);
    return {
      ...provider,
      close: async () => {
        await provider.close();
        await lock.release();
      },
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
}

async function startServing(options: ProviderOptions, layout: Layout): Promise<Provider> {
  const { dir } = layout;
  const accounts = options.accounts ?? [{ ...DEMO_ACCOUNT }];
  const host = options.host ?? '127.0.0.1';
  const now = options.now ?? (() => new Date());
  const log = logger(options.log ?? silentLog, now);
  const roots = await prepareFolders(layout, accounts);
  const certificate = await loadCertificate(layout.tls, now());
  if (certificate.created)
    log.info(
      null,
      null,
      `made a self-signed certificate for FTPS, SHA-256 ${certificate.fingerprint}`,
    );

  const retry: RetryPolicy = { ...SPEC_RETRY, ...options.retry };
  const processor = new Processor({
    layout,
    accounts: accounts.map((account) => account.user),
    log,
    now,
    retry,
    scanIntervalMs: options.scanIntervalMs ?? 2000,
    faults: options.faults ?? null,
    pause: options.pause,
  });
  await processor.start();

  const limits: ProviderLimits = {
    maxFileBytes: options.storage?.maxFileBytes ?? DEFAULT_STORAGE.maxFileBytes,
    quotaBytes: options.storage?.quotaBytes ?? DEFAULT_STORAGE.quotaBytes,
    idleTimeoutMs: options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
    dataTimeoutMs: options.dataTimeoutMs ?? DEFAULT_DATA_TIMEOUT_MS,
    connectionsPerAddress: options.connectionsPerAddress ?? DEFAULT_THROTTLE.connectionsPerAddress,
  };
  const storage = new AccountStorage(limits);
  const throttle = new LoginThrottle({
    ...DEFAULT_THROTTLE,
    delayMs: options.loginDelayMs ?? DEFAULT_THROTTLE.delayMs,
    maxDelayMs: options.maxLoginDelayMs ?? DEFAULT_THROTTLE.maxDelayMs,
    connectionsPerAddress: limits.connectionsPerAddress,
    log,
  });
  const ports = options.ports ?? DEFAULT_PORTS;
  const passive = halves(options.passivePorts ?? DEFAULT_PASSIVE_PORTS);
  const servers: RunningFtpServer[] = [];
  const close = async () => {
    options.faults?.stop();
    await Promise.all(servers.map((server) => server.close()));
    throttle.close();
    await processor.close();
  };
  try {
    for (const [index, name] of ['A', 'B'].entries()) {
      servers.push(
        await startFtpServer({
          name,
          host,
          port: ports[index]!,
          passivePorts: passive[index]!,
          tls: { key: certificate.key, cert: certificate.cert },
          accounts,
          folder: (account) => ({
            account,
            root: roots.get(account)!,
            stagingDir: layout.uploads,
            onReady: (user, file) => processor.notice(user, file),
            storage,
            faults: options.faults ?? null,
          }),
          paths: [...new Set([dir, await realpath(dir)])],
          throttle,
          idleMs: limits.idleTimeoutMs,
          dataMs: limits.dataTimeoutMs,
          log,
        }),
      );
    }
  } catch (error) {
    await close();
    throw error;
  }
  return {
    dir,
    layout,
    host,
    servers,
    accounts,
    certificate: { fingerprint: certificate.fingerprint, created: certificate.created },
    limits,
    retry,
    faults: options.faults ?? null,
    idle: () => processor.idle(),
    close,
  };
}
