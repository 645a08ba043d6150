/**
 * The few FTP commands the provider answers differently from ftp-srv, answered here before
 * ftp-srv sees them:
 *
 * - SITE CHMOD: ftp-srv answers its failure 500; the provider says 550 (SPEC 1).
 * - AUTH TLS: ftp-srv goes on reading plain text until its 234 is written, so a client quick to
 *   start the handshake (curl) has its ClientHello taken for a command and answered 502.
 * - PASV and EPSV with TLS: ftp-srv waits for the data connection's handshake before its 150
 *   reply, but lftp starts that handshake only after the 150: both wait until a time-out. Here the
 *   data connection counts as open once connected, and TLS is set up on it meanwhile.
 * - Transfers after AUTH TLS without PROT P: ftp-srv encrypts them anyway, which hangs a client
 *   that asked for none; here they are refused with 522, as vsftpd does.
 */
import { createRequire } from 'node:module';
import { createServer, isIPv4 } from 'node:net';
import type { Server, Socket } from 'node:net';
import { createSecureContext, TLSSocket } from 'node:tls';
import type { SecureContextOptions } from 'node:tls';
import type { FtpConnection } from 'ftp-srv';
import { guardReplies } from './replies';
import { closeWhenIdle, stopWhenStalled } from './timeouts';

interface Command {
  directive: string;
  arg: string | null;
}

/** A data connection as ftp-srv's transfer commands wait for it. */
type DataSocket = Socket & { connected?: boolean };

interface PassiveConnector {
  dataServer: Server | null;
  dataSocket: DataSocket | null;
  closeServer(): void;
  end(): void;
}

/** The parts of ftp-srv's connection that its typings leave out. */
interface Connection {
  commands: {
    parse(message: string): Command;
    handle(command: string | Command): Promise<unknown>;
  };
  connector: PassiveConnector;
  commandSocket: Socket;
  server: { getNextPasvPort(): Promise<number>; emit(event: string, data: unknown): void };
  bufferSize: number | boolean;
  secure: boolean;
  authenticated?: boolean;
  reply(code: number, message: string): Promise<unknown>;
}

const require = createRequire(import.meta.url);
const PassiveConnectorClass = require('ftp-srv/src/connector/passive') as new (
  connection: Connection,
) => PassiveConnector;

/** Commands that open a data connection. */
const TRANSFERS = new Set(['LIST', 'NLST', 'RETR', 'STOR', 'STOU', 'APPE']);

export interface CommandOptions {
  tls: SecureContextOptions;
  /** The server's own folders, never to be shown in a reply. */
  paths: readonly string[];
  /** A control connection with no command under way for this long is closed. */
  idleMs: number;
  /** A data connection with nothing sent either way for this long is closed. */
  dataMs: number;
}

/** The address the client reached this server at, in the form PASV writes (a, b, c, d). */
function ipv4Of(socket: Socket): string | null {
  const address = socket.localAddress?.replace(/^::ffff:/, '') ?? '';
  return isIPv4(address) ? address : null;
}

/**
 * TLS on a data connection, usable at once: what ftp-srv writes before the handshake is done
 * waits for it, since a client that starts the handshake late (lftp) takes data sent earlier, or
 * a close, for a broken handshake.
 */
function secureDataSocket(raw: Socket, context: ReturnType<typeof createSecureContext>): TLSSocket {
  const socket = new TLSSocket(raw, { isServer: true, secureContext: context });
  const waiting: (() => void)[] = [];
  let secured = false;
  socket.once('secure', () => {
    secured = true;
    for (const run of waiting.splice(0)) run();
  });
  const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
  const end = socket.end.bind(socket) as (...args: unknown[]) => TLSSocket;
  socket.write = ((...args: unknown[]) => {
    if (secured) return write(...args);
    waiting.push(() => write(...args));
    return true;
  }) as TLSSocket['write'];
  socket.end = ((...args: unknown[]) => {
    if (secured) return end(...args);
    waiting.push(() => end(...args));
    return socket;
  }) as TLSSocket['end'];
  return socket;
}

async function openPassive(
  connection: Connection,
  secure: boolean,
  context: ReturnType<typeof createSecureContext>,
  dataMs: number,
): Promise<number> {
  connection.connector?.end?.();
  const connector = new PassiveConnectorClass(connection);
  connection.connector = connector;
  const port = await connection.server.getNextPasvPort();
  const host = connection.commandSocket.localAddress ?? '127.0.0.1';
  const server = createServer({ pauseOnConnect: true }, (raw) => {
    if (raw.remoteAddress !== connection.commandSocket.remoteAddress) {
      // Someone else than the client connected to its data port.
      raw.destroy();
      return;
    }
    clearTimeout(idle);
    const socket: DataSocket = secure ? secureDataSocket(raw, context) : raw;
    stopWhenStalled(connection, raw, () => socket, dataMs);
    socket.on('error', (error) =>
      connection.server.emit('client-error', { connection, context: 'dataSocket', error }),
    );
    socket.once('close', () => connector.closeServer());
    socket.connected = true;
    connector.dataSocket = socket;
  });
  server.maxConnections = 1;
  server.on('error', () => connector.closeServer());
  connector.dataServer = server;
  // A port nobody connects to is given back as soon as one that nobody uses.
  const idle = setTimeout(() => connector.closeServer(), dataMs);
  server.once('close', () => clearTimeout(idle));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
  return (server.address() as { port: number }).port;
}

/**
 * AUTH TLS. The 234 is written and the socket wrapped in the same tick: no byte the client sends
 * after reading the 234 can reach the plain socket, and the 234 itself, queued on the plain
 * socket first, still goes out before anything encrypted.
 */
function upgradeToTls(
  connection: Connection,
  context: ReturnType<typeof createSecureContext>,
): void {
  const plain = connection.commandSocket;
  plain.write('234 Honored\r\n');
  const secure = new TLSSocket(plain, { isServer: true, secureContext: context });
  // ftp-srv listens on the plain socket: its events come from the secure one now.
  for (const event of ['data', 'timeout', 'end', 'close', 'drain', 'error']) {
    secure.on(event, (...args: unknown[]) => plain.emit(event, ...args));
  }
  connection.commandSocket = secure;
  connection.secure = true;
}

export function applyCommandRules(ftpConnection: FtpConnection, options: CommandOptions): void {
  const connection = ftpConnection as unknown as Connection;
  guardReplies(connection, options.paths);
  // Replies are small and a client waits for each: without this, a multi-line reply (FEAT, a
  // LIST's 150 and 226) sits ~40 ms behind Nagle's algorithm and the client's delayed ACK.
  connection.commandSocket.setNoDelay(true);
  const commands = connection.commands;
  const handle = commands.handle.bind(commands);
  const context = createSecureContext(options.tls);
  let dataProtected = false;
  let loggingIn = false;
  const idle = closeWhenIdle(connection, options.idleMs);
  commands.handle = (message) => idle.busy(() => answer(message));
  const answer = async (message: string | Command): Promise<unknown> => {
    const command = typeof message === 'string' ? commands.parse(message) : message;
    if (command.directive === 'PASS') {
      // One login at a time per connection: each waits its turn (throttle.ts), and no more.
      if (loggingIn) return connection.reply(503, 'Wait for the answer to your last PASS.');
      loggingIn = true;
      try {
        return await handle(command);
      } finally {
        loggingIn = false;
      }
    }
    const argument = (command.arg ?? '').trim().toUpperCase();
    if (command.directive === 'AUTH' && argument === 'TLS' && !connection.secure) {
      upgradeToTls(connection, context);
      return;
    }
    // Before a login every other command but a few is answered 530 by ftp-srv: so be it.
    if (!connection.authenticated) return handle(command);
    switch (command.directive) {
      case 'SITE':
        if (argument === 'CHMOD' || argument.startsWith('CHMOD ')) {
          return connection.reply(550, 'Permissions cannot be changed on this server.');
        }
        break;
      case 'PASV':
      case 'EPSV': {
        let port: number;
        try {
          port = await openPassive(
            connection,
            connection.secure && dataProtected,
            context,
            options.dataMs,
          );
        } catch {
          return connection.reply(425, 'No passive port is free now: try again.');
        }
        if (command.directive === 'EPSV') return connection.reply(229, `EPSV OK (|||${port}|)`);
        const address = ipv4Of(connection.commandSocket);
        if (address === null) return connection.reply(425, 'PASV needs IPv4: use EPSV.');
        return connection.reply(
          227,
          `PASV OK (${address.replace(/\./g, ',')},${port >> 8},${port & 255})`,
        );
      }
      case 'PORT':
      case 'EPRT': {
        // Active mode: ftp-srv connects to the client (its own address only); that
        // connection times out as a passive one does.
        const answered = await handle(command);
        const connector = connection.connector;
        const raw = connector.dataSocket;
        if (raw)
          stopWhenStalled(connection, raw, () => connector.dataSocket ?? raw, options.dataMs);
        return answered;
      }
      case 'PROT':
        // Decided before ftp-srv answers: the client may send PASV the moment it reads the 200.
        if (argument === 'P' && connection.secure && typeof connection.bufferSize === 'number')
          dataProtected = true;
        break;
    }
    if (TRANSFERS.has(command.directive) && connection.secure && !dataProtected) {
      connection.connector.end();
      return connection.reply(
        522,
        'Data connections must be encrypted too on this connection: send PROT P first.',
      );
    }
    return handle(command);
  };
}
