/** Starting a provider on free loopback ports and talking to it as a client does, for tests and benchmarks. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createConnection } from 'node:net';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { Client } from 'basic-ftp';
import type { Account } from './accounts';
import type { LogEntry } from './log';
import { startProvider } from './provider';
import type { Provider, ProviderOptions } from './provider';

export interface TestProvider extends Provider {
  logs: LogEntry[];
}

/** A provider in a fresh folder, on ports the system picks, answering refused logins quickly. */
export async function startTestProvider(
  options: Partial<ProviderOptions> = {},
): Promise<TestProvider> {
  const logs: LogEntry[] = [];
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'sendsheet-server-')));
  const provider = await startProvider({
    ports: [0, 0],
    passivePorts: 'any',
    loginDelayMs: 50,
    scanIntervalMs: 250,
    log: (entry) => logs.push(entry),
    ...options,
    dir,
  });
  return Object.assign(provider, { logs });
}

export interface ConnectOptions {
  server?: 0 | 1;
  account?: Account;
  secure?: boolean;
}

export async function connect(provider: Provider, options: ConnectOptions = {}): Promise<Client> {
  const client = new Client(10_000);
  const account = options.account ?? provider.accounts[0]!;
  await client.access({
    host: provider.host,
    port: provider.servers[options.server ?? 0]!.port,
    user: account.user,
    password: account.password,
    secure: options.secure ?? false,
    secureOptions: { rejectUnauthorized: false },
  });
  return client;
}

export async function upload(
  client: Client,
  name: string,
  content: string | Uint8Array,
): Promise<void> {
  await client.uploadFrom(Readable.from([Buffer.from(content)]), name);
}

export async function download(client: Client, name: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  await client.downloadTo(sink, name);
  return Buffer.concat(chunks);
}

export async function names(client: Client): Promise<string[]> {
  return (await client.list()).map((file) => file.name).sort();
}

/**
 * Lists the folder until `done` holds for the names in it, as a client following a file does.
 * The time-out only tells a file that never gets there apart from the test's own time-out.
 */
export async function waitForNames(
  client: Client,
  done: (names: string[]) => boolean,
  timeoutMs = 20_000,
): Promise<string[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = await names(client);
    if (done(found)) return found;
    if (Date.now() > until)
      throw new Error(`Timed out; the folder holds: ${found.join(', ') || 'nothing'}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The one name in the folder that starts with `base.` and ends in `.stage`. */
export function finished(
  found: string[],
  base: string,
  stage: 'success' | 'rejected' | 'processing',
): string | undefined {
  return found.find((name) => name.startsWith(`${base}.`) && name.endsWith(`.${stage}`));
}

/** FTP's answer to a command, or the error's code and text when it fails. */
export async function answer(client: Client, command: string): Promise<string> {
  try {
    return (await client.send(command)).message;
  } catch (error) {
    return (error as Error).message;
  }
}

export const GOOD_CSV = 'msisdn,message\n4512345678,Hello\n4512345679,Hi there\n';
/** GOOD_CSV's messages, as the app sends them. */
export const GOOD_MESSAGES = [
  { msisdn: '4512345678', message: 'Hello' },
  { msisdn: '4512345679', message: 'Hi there' },
];
export const BAD_CSV = 'msisdn,message\n123,Hello\n';

/**
 * FTP spoken by hand, for what a well-behaved client never does: stall, flood, or go on
 * sending after the server said no. Each reply is read whole (a multi-line one to its end).
 */
export class RawFtp {
  private buffered = '';
  private readonly waiting: ((line: string) => void)[] = [];
  private readonly lines: string[] = [];
  /** Resolves when the server closes the control connection. */
  readonly closed: Promise<void>;

  private constructor(readonly socket: Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (text: string) => {
      this.buffered += text;
      for (;;) {
        const end = this.buffered.indexOf('\r\n');
        if (end < 0) break;
        const line = this.buffered.slice(0, end);
        this.buffered = this.buffered.slice(end + 2);
        // The last line of a reply: its code and a space.
        if (!/^\d{3} /.test(line)) continue;
        const waiter = this.waiting.shift();
        if (waiter) waiter(line);
        else this.lines.push(line);
      }
    });
    socket.on('error', () => {});
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
  }

  static async open(port: number, host = '127.0.0.1'): Promise<RawFtp> {
    const socket = createConnection({ port, host });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    const raw = new RawFtp(socket);
    await raw.reply();
    return raw;
  }

  /** The next reply; null if the connection closes first. */
  reply(): Promise<string | null> {
    const line = this.lines.shift();
    if (line !== undefined) return Promise.resolve(line);
    if (this.socket.destroyed) return Promise.resolve(null);
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      void this.closed.then(() => {
        const index = this.waiting.indexOf(resolve);
        if (index >= 0) {
          this.waiting.splice(index, 1);
          resolve(null);
        }
      });
    });
  }

  async send(command: string): Promise<string | null> {
    this.socket.write(`${command}\r\n`);
    return this.reply();
  }

  async login(user: string, password: string): Promise<string | null> {
    await this.send(`USER ${user}`);
    return this.send(`PASS ${password}`);
  }

  /** A passive data connection, opened (EPSV). */
  async data(): Promise<Socket> {
    const answer = (await this.send('EPSV')) ?? '';
    const port = /\(\|\|\|(\d+)\|\)/.exec(answer);
    if (!port) throw new Error(`EPSV refused: ${answer}`);
    const socket = createConnection({ port: Number(port[1]), host: '127.0.0.1' });
    socket.on('error', () => {});
    await new Promise((resolve) => socket.once('connect', resolve));
    return socket;
  }

  close(): void {
    this.socket.destroy();
  }
}
