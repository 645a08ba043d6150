/** What a command says when a port it was to listen on is taken: the option, and a free port. */
import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { ListenError } from '../server/ftp-server';

/** Ports free on 127.0.0.1 now, as the system picks them for port 0: distinct, and unused. */
export async function freePorts(count: number): Promise<number[]> {
  const servers: Server[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const server = createServer();
      servers.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', resolve);
      });
    }
    return servers.map((server) => (server.address() as { port: number }).port);
  } finally {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  }
}

/**
 * The emulated servers could not start because a port is taken: what to type instead, with
 * `option` (`--ports`, `--ftp-ports`). Server A's port is kept when only B's was taken. Null for
 * any other failure.
 */
export async function ftpPortsAdvice(
  error: unknown,
  ports: readonly [number, number],
  option: string,
): Promise<string | null> {
  if (!(error instanceof ListenError) || error.code !== 'EADDRINUSE') return null;
  const [a, b] = await freePorts(2);
  const suggestion = error.server === 'B' ? [ports[0], a] : [a, b];
  return `Choose other ports with ${option}, for example ${option} ${suggestion.join(',')}.`;
}

/** The HTTP port is taken: the message that names --port and a free port. */
export async function httpPortMessage(port: number): Promise<string> {
  const [free] = await freePorts(1);
  return `port ${port} is in use: choose another with --port, for example --port ${free}.`;
}
