/**
 * Servers that fail the way real ones do, on loopback, for tests and benchmarks: a port where
 * nothing listens, a server that accepts connections and never says a word, and a proxy in front
 * of an FTP server's control connection that cuts it at a chosen command, as a server dying then.
 */
import { createServer, connect } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function closeServer(server: Server, sockets: Set<Socket>): Promise<void> {
  for (const socket of sockets) socket.destroy();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** A loopback port that refuses connections: one just listened on and closed. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface BlackHole {
  port: number;
  /** Connections accepted so far. */
  accepted: number;
  close(): Promise<void>;
}

/** Accepts every connection and never answers, like a server that hangs. */
export async function startBlackHole(): Promise<BlackHole> {
  const sockets = new Set<Socket>();
  const hole = { port: 0, accepted: 0, close: () => closeServer(server, sockets) };
  const server = createServer((socket) => {
    hole.accepted++;
    sockets.add(socket);
    socket.on('error', () => {});
    socket.once('close', () => sockets.delete(socket));
  });
  hole.port = await listen(server);
  return hole;
}

/**
 * Where to cut: when the client sends a command matching `command`, either before the server
 * sees it (`before`), or after the server has done it and answered, the answer never reaching
 * the client (`after-answer`); or when the server answers with `reply` (the answer then lost).
 */
export type Cut = { command: RegExp; when: 'before' | 'after-answer' } | { reply: RegExp };

export interface CuttingProxy {
  port: number;
  /** Whether the cut happened; after it the proxy refuses every connection. */
  cut: boolean;
  /** Every command the clients sent through it. */
  commands: string[];
  close(): Promise<void>;
}

/** A proxy for a plain FTP control connection; data connections go to the server directly. */
export async function startCuttingProxy(target: number, cut: Cut): Promise<CuttingProxy> {
  const sockets = new Set<Socket>();
  const proxy: CuttingProxy = {
    port: 0,
    cut: false,
    commands: [],
    close: () => closeServer(server, sockets),
  };
  const die = () => {
    proxy.cut = true;
    for (const socket of sockets) socket.destroy();
    server.close();
  };
  const server = createServer((client) => {
    if (proxy.cut) {
      client.destroy();
      return;
    }
    const upstream = connect(target, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => {});
      socket.once('close', () => sockets.delete(socket));
    }
    let fromClient = '';
    let fromServer = '';
    let cutOnAnswer = false;
    client.on('data', (data: Buffer) => {
      fromClient += data.toString('latin1');
      let end: number;
      while ((end = fromClient.indexOf('\r\n')) !== -1) {
        const line = fromClient.slice(0, end);
        fromClient = fromClient.slice(end + 2);
        proxy.commands.push(line);
        if ('command' in cut && cut.command.test(line)) {
          if (cut.when === 'before') return die();
          cutOnAnswer = true;
        }
        upstream.write(`${line}\r\n`, 'latin1');
      }
    });
    upstream.on('data', (data: Buffer) => {
      if (cutOnAnswer) return die();
      fromServer += data.toString('latin1');
      let end: number;
      let forward = '';
      while ((end = fromServer.indexOf('\r\n')) !== -1) {
        const line = fromServer.slice(0, end);
        fromServer = fromServer.slice(end + 2);
        if ('reply' in cut && cut.reply.test(line)) {
          client.write(forward, 'latin1');
          return die();
        }
        forward += `${line}\r\n`;
      }
      client.write(forward, 'latin1');
    });
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
  });
  proxy.port = await listen(server);
  return proxy;
}
