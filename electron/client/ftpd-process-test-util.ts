/**
 * Running an FTP server we did not write as a child process of a test: finding its program
 * (unpacked by `.ci/install-ftp-servers`, which `.ci/run` calls), free loopback ports for it, and
 * starting and stopping it with every session it forked.
 */
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { connect, createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export type FtpdKind = 'vsftpd' | 'pure-ftpd';

const INSTALLED = process.env.SENDSHEET_FTPD_DIR ?? '/opt/sendsheet-ftpd';
export const HOW_TO_INSTALL =
  'bash .ci/run installs it on a fresh machine (as root, through .ci/install-ftp-servers, which can be run alone)';

/** A program of a package: where .ci/install-ftp-servers unpacks it, else where Debian puts it. */
export function findProgram(kind: FtpdKind, file: string): string {
  const candidates = [join(INSTALLED, kind, file), join('/', file)];
  for (const path of candidates) {
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // the next place
    }
  }
  throw new Error(`${kind} is not installed (no ${candidates.join(' nor ')}): ${HOW_TO_INSTALL}.`);
}

/** `3.0.3`, `1.0.50`: the version the program says it is. */
export function versionOf(kind: FtpdKind): string {
  if (kind === 'vsftpd') {
    // vsftpd -v writes its version to standard input's descriptor.
    const out = execFileSync('sh', ['-c', '"$0" -v 0>&1', findProgram(kind, 'usr/sbin/vsftpd')], {
      encoding: 'utf8',
    });
    return /version (\S+)/.exec(out)?.[1] ?? 'unknown';
  }
  const help = execFileSync(findProgram(kind, 'usr/sbin/pure-ftpd'), ['--help'], {
    encoding: 'utf8',
  });
  return /pure-ftpd v(\S+)/.exec(help)?.[1] ?? 'unknown';
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * `count` consecutive ports free on loopback now, for a server's passive data connections: other
 * test runs on the machine pick theirs the same way, so a range is probed before it is taken.
 */
export async function freePortRange(count: number): Promise<[number, number]> {
  for (let tries = 0; tries < 50; tries++) {
    // Below the ephemeral ports (32768 on), which outgoing connections take without asking.
    const first = 22_000 + Math.floor(Math.random() * 10_000);
    const held: ReturnType<typeof createServer>[] = [];
    let free = true;
    for (let port = first; free && port < first + count; port++) {
      const server = createServer();
      free = await new Promise<boolean>((resolve) => {
        server.once('error', () => resolve(false));
        server.listen(port, '127.0.0.1', () => resolve(true));
      });
      if (free) held.push(server);
    }
    await Promise.all(held.map((s) => new Promise((resolve) => s.close(resolve))));
    if (free) return [first, first + count - 1];
  }
  throw new Error(`no ${count} consecutive free ports on 127.0.0.1`);
}

/** Whether something on `port` greets as an FTP server does: a line starting with 220. */
function greets(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2000, () => done(false));
    socket.on('data', (data) => {
      text += data.toString('latin1');
      if (/^220[ -]/.test(text)) done(true);
      else if (text.includes('\n')) done(false);
    });
    socket.on('error', () => done(false));
    socket.on('close', () => done(false));
  });
}

/** Every process group a test started and has not stopped: ended when the test run ends. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // gone already
    }
  }
});

export class ServerDidNotStart extends Error {}

/** One server process: A or B. */
export class Ftpd {
  private child: ChildProcess | null = null;

  constructor(
    readonly name: 'A' | 'B',
    readonly port: number,
    private readonly command: { program: string; args: string[] },
  ) {}

  get running(): boolean {
    return this.child !== null;
  }

  /**
   * Starts the server, in a process group of its own (both servers fork a process for each
   * session), and waits for its greeting. The budget only tells a server that never starts
   * from a slow machine.
   */
  async start(): Promise<void> {
    if (this.child !== null) return;
    const child = spawn(this.command.program, this.command.args, {
      detached: true,
      // Not a pipe: Node's are sockets, and pure-ftpd run on a socket takes it for inetd's.
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (data: Buffer) => (output += data.toString()));
    child.stderr!.on('data', (data: Buffer) => (output += data.toString()));
    let exited = false;
    child.once('exit', () => (exited = true));
    running.add(child);
    this.child = child;
    const end = Date.now() + 20_000;
    while (!exited && Date.now() < end) {
      if (await greets(this.port)) return;
      await sleep(25);
    }
    await this.stop();
    throw new ServerDidNotStart(
      `server ${this.name} (${this.command.program}) did not start on port ${this.port}: ${output.trim() || '(it said nothing)'}`,
    );
  }

  /** Ends the server and every session it has open, as a server going down does. */
  async stop(): Promise<void> {
    const child = this.child;
    if (child === null) return;
    this.child = null;
    running.delete(child);
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // gone already
      }
      await exited;
    }
    // The sessions, in the same group, end with it; wait until the port is free again.
    const end = Date.now() + 20_000;
    while (Date.now() < end && (await greets(this.port))) await sleep(25);
  }
}
