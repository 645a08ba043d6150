/**
 * Time-outs on both kinds of connection (issue 15): a client that connects and says nothing,
 * or starts a transfer and sends nothing, would otherwise hold its connection and its passive
 * port for good (50 stalled uploads held all 50 ports).
 */
import type { Socket } from 'node:net';
import { expectReply, FtpRefusal } from './replies';

function seconds(ms: number): string {
  return `${ms / 1000} s`;
}

interface ControlConnection {
  commandSocket: Socket;
  reply(code: number, message: string): Promise<unknown>;
}

/**
 * Closes a control connection once no command has been under way for `idleMs`. A transfer is
 * a command under way: its own data connection times out when it stalls.
 */
export function closeWhenIdle(
  connection: ControlConnection,
  idleMs: number,
): { busy<T>(work: () => Promise<T>): Promise<T> } {
  let underWay = 0;
  const timer = setTimeout(function expire() {
    if (underWay > 0) {
      timer.refresh();
      return;
    }
    void connection
      .reply(421, `No command for ${seconds(idleMs)}: closing the connection.`)
      .finally(() => connection.commandSocket.destroy());
  }, idleMs);
  timer.unref();
  connection.commandSocket.once('close', () => clearTimeout(timer));
  return {
    async busy(work) {
      underWay++;
      try {
        return await work();
      } finally {
        underWay--;
        timer.refresh();
      }
    },
  };
}

/**
 * Closes a data connection once nothing has come or gone on it for `dataMs`, with an error, so
 * that the transfer waiting on it ends (426) and its passive port is given back.
 */
export function stopWhenStalled(
  connection: object,
  raw: Socket,
  socket: () => Socket,
  dataMs: number,
): void {
  // The raw socket: with TLS on top, its bytes are what moves.
  raw.setTimeout(dataMs);
  raw.once('timeout', () => {
    const stalled = new FtpRefusal(
      `Nothing came or went on the data connection for ${seconds(dataMs)}: the transfer was stopped.`,
      426,
    );
    // The socket the transfer listens on (TLS over the raw one, once set up) ends with an error.
    socket().destroy(expectReply(connection, stalled));
  });
}
