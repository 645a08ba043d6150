/**
 * One of the provider's two FTP servers: ftp-srv speaks the protocol; this module gives it the
 * accounts, the account folders with their rules (file-system.ts), explicit FTPS, and the few
 * commands answered differently from ftp-srv (commands.ts).
 */
import type { EventEmitter } from 'node:events';
import type { AddressInfo, Server, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import FtpSrv from 'ftp-srv';
import type { FtpConnection } from 'ftp-srv';
import { authenticate } from './accounts';
import type { Account } from './accounts';
import { applyCommandRules } from './commands';
import { AccountFileSystem } from './file-system';
import type { AccountFolder } from './file-system';
import type { Logger } from './log';
import { errorText } from '../../core/contract/errors';

export interface FtpServerOptions {
  /** `A` or `B`, in greetings and log lines. */
  name: string;
  host: string;
  /** 0 for any free port. */
  port: number;
  /** Passive data ports, first and last; [0, 0] for any free port. */
  passivePorts: readonly [number, number];
  tls: { key: string; cert: string };
  accounts: readonly Account[];
  folder: (account: string) => Omit<AccountFolder, 'server' | 'log'>;
  /** How long a refused login waits before its answer, against password guessing. */
  loginDelayMs: number;
  log: Logger;
}

/** `refuse`: nothing listens, a connection is refused; `hang`: accepted, never answered. */
export type DownMode = 'refuse' | 'hang';

export interface RunningFtpServer {
  name: string;
  host: string;
  port: number;
  /** `up`, or how it is down (tests' controls). */
  readonly state: 'up' | DownMode;
  /** Ends every session and goes down the given way (tests' controls). */
  down(mode: DownMode): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

/** ftp-srv logs through bunyan to standard output by default; its news reaches us as events. */
const quietLog = {
  child: () => quietLog,
  trace: () => {},
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  fatal: () => {},
};

const SIGNALS = ['SIGTERM', 'SIGINT', 'SIGQUIT'] as const;

/**
 * ftp-srv's constructor makes SIGINT and SIGTERM exit the process at once; the provider stops
 * its own way (finishing the file in hand), so those handlers are taken off again.
 */
function withoutSignalHandlers<T>(make: () => T): T {
  const before = new Map(SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  try {
    return make();
  } finally {
    for (const signal of SIGNALS) {
      for (const listener of process.listeners(signal)) {
        if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
      }
    }
  }
}

/** A server that could not listen: which one, on which port, and the system's code. */
export class ListenError extends Error {
  readonly server: string;
  readonly port: number;
  /** `EADDRINUSE` when another process holds the port. */
  readonly code: string | undefined;

  constructor(
    message: string,
    options: { server: string; port: number; code: string | undefined; cause: unknown },
  ) {
    super(message, { cause: options.cause });
    this.server = options.server;
    this.port = options.port;
    this.code = options.code;
  }
}

export async function startFtpServer(options: FtpServerOptions): Promise<RunningFtpServer> {
  const { name, host, log } = options;
  const [pasvMin, pasvMax] = options.passivePorts;
  const server = withoutSignalHandlers(
    () =>
      new FtpSrv({
        url: `ftp://${host}:${options.port}`,
        pasv_url: host,
        pasv_min: pasvMin,
        pasv_max: pasvMax,
        tls: options.tls,
        anonymous: false,
        greeting: `Sendsheet emulated provider, server ${name}`,
        log: quietLog,
      }),
  );

  server.on('login', ({ connection, username, password }, resolve, reject) => {
    const account = authenticate(options.accounts, username, password);
    const from = connection.ip;
    if (account === null) {
      log.warn(
        null,
        null,
        `login refused on server ${name} for user ${JSON.stringify(username)} from ${from}`,
      );
      // ftp-srv keeps the user name after a failure, so a retry on this connection could never succeed.
      delete (connection as unknown as { username?: string }).username;
      void sleep(options.loginDelayMs).then(() => reject(new Error('Login incorrect.')));
      return;
    }
    const folder: AccountFolder = { ...options.folder(account.user), server: name, log };
    log.info(account.user, null, `logged in on server ${name} from ${from}`);
    resolve({ fs: new AccountFileSystem(connection, folder) });
  });
  // Events ftp-srv emits but its typings leave out.
  const events = server as EventEmitter;
  events.on('connect', ({ connection }: { connection: FtpConnection }) =>
    applyCommandRules(connection, { tls: options.tls }),
  );
  events.on('server-error', ({ error }: { error: Error }) =>
    log.error(null, null, `server ${name}: ${error.message}`),
  );

  try {
    await server.listen();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'EADDRINUSE' ? 'the port is in use (is another server running?)' : errorText(error);
    throw new ListenError(`Server ${name} cannot listen on ${host}:${options.port}: ${why}.`, {
      server: name,
      port: options.port,
      code,
      cause: error,
    });
  }
  const raw = (server as unknown as { server: Server }).server;
  const port = (raw.address() as AddressInfo).port;
  const outage = new Outage(server, raw, host, port);
  return {
    name,
    host,
    port,
    get state() {
      return outage.state;
    },
    down: (mode) => outage.down(mode),
    up: () => outage.up(),
    close: async () => {
      outage.dropHung();
      await server.close();
    },
  };
}

/**
 * A server taken down by a test: its listener closed (connections refused), or its sessions
 * handed to a listener that holds them and never greets (a server that hangs).
 */
class Outage {
  state: 'up' | DownMode = 'up';
  private readonly hung = new Set<Socket>();
  private handlers: ((...args: unknown[]) => void)[] = [];

  constructor(
    private readonly server: FtpSrv,
    private readonly raw: Server,
    private readonly host: string,
    private readonly port: number,
  ) {}

  async down(mode: DownMode): Promise<void> {
    if (this.state !== 'up') await this.up();
    if (mode === 'refuse') this.raw.close();
    else {
      this.handlers = this.raw.listeners('connection') as ((...args: unknown[]) => void)[];
      this.raw.removeAllListeners('connection');
      this.raw.on('connection', (socket: Socket) => {
        this.hung.add(socket);
        socket.on('error', () => {});
        socket.once('close', () => this.hung.delete(socket));
      });
    }
    this.state = mode;
    const connections = (this.server as unknown as { connections: Record<string, unknown> })
      .connections;
    await Promise.all(Object.keys(connections).map((id) => this.server.disconnectClient(id)));
  }

  async up(): Promise<void> {
    if (this.state === 'refuse') {
      await new Promise<void>((resolve, reject) => {
        this.raw.once('error', reject);
        this.raw.listen(this.port, this.host, () => {
          this.raw.removeListener('error', reject);
          resolve();
        });
      });
    } else if (this.state === 'hang') {
      this.dropHung();
      this.raw.removeAllListeners('connection');
      for (const handler of this.handlers) this.raw.on('connection', handler);
    }
    this.state = 'up';
  }

  dropHung(): void {
    for (const socket of this.hung) socket.destroy();
    this.hung.clear();
  }
}
