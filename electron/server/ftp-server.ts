/**
 * One of the provider's two FTP servers: ftp-srv speaks the protocol; this module gives it the
 * accounts, the account folders with their rules (file-system.ts), explicit FTPS, and the few
 * commands answered differently from ftp-srv (commands.ts).
 */
import type { EventEmitter } from 'node:events';
import type { AddressInfo, Server, Socket } from 'node:net';
import FtpSrv from 'ftp-srv';
import type { FtpConnection } from 'ftp-srv';
import { authenticate } from './accounts';
import type { Account } from './accounts';
import { applyCommandRules } from './commands';
import { AccountFileSystem } from './file-system';
import type { AccountFolder } from './file-system';
import type { Logger } from './log';
import { addressOf } from './throttle';
import type { LoginThrottle } from './throttle';
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
  /** The server's own folders, never to be shown in a reply. */
  paths: readonly string[];
  /** Logins and connections per address, shared by both servers. */
  throttle: LoginThrottle;
  /** A control connection with no command under way for this long is closed. */
  idleMs: number;
  /** A data connection with nothing sent either way for this long is closed. */
  dataMs: number;
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

  const { throttle } = options;
  server.on('login', ({ connection, username, password }, resolve, reject) => {
    const from = addressOf(connection.ip);
    const check = () => authenticate(options.accounts, username, password);
    void throttle.login(from, check, { server: name, user: username }).then((account) => {
      if (account === null) {
        // ftp-srv keeps the user name after a failure, so a retry on this connection could never succeed.
        delete (connection as unknown as { username?: string }).username;
        reject(new Error('Login incorrect.'));
        return;
      }
      const folder: AccountFolder = { ...options.folder(account.user), server: name, log };
      log.info(account.user, null, `logged in on server ${name} from ${from}`);
      resolve({ fs: new AccountFileSystem(connection, folder) });
    }, reject);
  });
  // Events ftp-srv emits but its typings leave out.
  const events = server as EventEmitter;
  events.on('connect', ({ connection }: { connection: FtpConnection }) => {
    const socket = (connection as unknown as { commandSocket: Socket }).commandSocket;
    const from = addressOf(socket.remoteAddress);
    if (!throttle.admit(from)) {
      // Before ftp-srv's greeting, which then finds the connection closed.
      socket.end(
        `421 Too many connections from your address at once: close one and try again.\r\n`,
        () => socket.destroy(),
      );
      return;
    }
    socket.once('close', () => throttle.closed(from));
    applyCommandRules(connection, {
      tls: options.tls,
      paths: options.paths,
      idleMs: options.idleMs,
      dataMs: options.dataMs,
    });
  });
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
