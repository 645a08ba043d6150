/**
 * One logged-in connection to one server, with the few operations sending needs. basic-ftp
 * speaks the protocol; this adds what it leaves to its user: a connect time-out separate from the
 * idle time-out (a black-holed server never sends its greeting), certificate pinning, progress
 * in bytes, and listings that are always fresh (basic-ftp caches nothing; each list is a LIST).
 */
import { Readable, Writable } from 'node:stream';
import { TLSSocket } from 'node:tls';
import { Client, FileType } from 'basic-ftp';
import { said } from '../../core/contract/said';
import { ClientFailure, tlsDemanded, tlsRefused } from './failures';
import type { FtpServer } from './profile';
import { formatSecondsLong } from './words';
import { checkPinned, normalizeFingerprint, pinDataConnections } from './tls-pin';

export interface SessionTimings {
  /** From opening the TCP connection to being logged in. */
  connectTimeoutMs: number;
  /** How long any later step may go without an answer or a byte moving. */
  idleTimeoutMs: number;
}

export interface RemoteFile {
  name: string;
  size: number;
}

export type ProgressHandler = (bytes: number, total: number) => void;

/** Upload chunks: 30 steps of progress for the largest file, and as fast as one buffer (bench). */
const CHUNK_BYTES = 1024 * 1024;

function pinOf(server: FtpServer): string | null {
  if (server.fingerprint === null) return null;
  const pin = normalizeFingerprint(server.fingerprint);
  if (pin === null) {
    throw new ClientFailure({
      kind: 'certificate',
      code: null,
      reason: `has a trusted fingerprint that is not a SHA-256 fingerprint: ${server.fingerprint}`,
      said: said('reason.fingerprint-not-sha256', { fingerprint: server.fingerprint }),
    });
  }
  return pin;
}

/**
 * basic-ftp's useDefaultSettings without its FEAT, which only chooses MLSD for listings (plain
 * LIST gives the names and sizes needed here) and costs a delayed-ACK wait on servers that send
 * the multi-line answer in pieces (40 ms a connection on the emulated servers). With TLS the data
 * connections must be protected too: a server refusing PROT P is refused in turn.
 */
async function settings(client: Client, server: FtpServer): Promise<void> {
  await client.send('TYPE I');
  await client.sendIgnoringError('STRU F');
  await client.sendIgnoringError('OPTS UTF8 ON');
  if (server.security === 'ftps') {
    await client.send('PBSZ 0');
    await client.send('PROT P');
  }
}

export class FtpSession {
  private constructor(
    private readonly client: Client,
    readonly server: FtpServer,
  ) {}

  /** Connects and logs in, or fails with the reason; a failed attempt leaves nothing open. */
  static async open(
    server: FtpServer,
    credentials: { user: string; password: string },
    timings: SessionTimings,
    signal?: AbortSignal,
  ): Promise<FtpSession> {
    const client = new Client(timings.idleTimeoutMs);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      client.close();
    }, timings.connectTimeoutMs);
    const abort = () => client.close();
    signal?.addEventListener('abort', abort, { once: true });
    try {
      const pin = pinOf(server);
      await client.connect(server.host, server.port);
      if (server.security === 'ftps') {
        // The host is kept so that data connections resume this TLS session (basic-ftp #166).
        await client
          .useTLS(
            pin === null ? { host: server.host } : { host: server.host, rejectUnauthorized: false },
          )
          .catch((error: unknown) => {
            const refused = tlsRefused(error);
            throw refused === null ? error : new ClientFailure(refused);
          });
        if (pin !== null) {
          checkPinned(client.ftp.socket as TLSSocket, pin, server.host);
          pinDataConnections(client.ftp, pin, server.host);
        }
      }
      await client.sendIgnoringError('OPTS UTF8 ON');
      await client.login(credentials.user, credentials.password).catch((error: unknown) => {
        const demanded = server.security === 'ftp' ? tlsDemanded(error) : null;
        throw demanded === null ? error : new ClientFailure(demanded);
      });
      await settings(client, server);
      return new FtpSession(client, server);
    } catch (error) {
      client.close();
      if (timedOut) {
        throw new ClientFailure({
          kind: 'connection',
          code: null,
          reason: `did not answer within ${formatSecondsLong(timings.connectTimeoutMs)}`,
          said: said('reason.no-answer-within', { ms: timings.connectTimeoutMs }),
        });
      }
      throw error;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
    }
  }

  get closed(): boolean {
    return this.client.closed;
  }

  /** The SHA-256 fingerprint of the certificate the server showed; null over plain FTP. */
  get certificateFingerprint(): string | null {
    const socket = this.client.ftp.socket;
    return socket instanceof TLSSocket
      ? (socket.getPeerCertificate().fingerprint256 ?? null)
      : null;
  }

  close(): void {
    this.client.close();
  }

  /** The files in the account's folder, as the server lists them now. */
  async list(): Promise<RemoteFile[]> {
    const files = await this.client.list();
    return files
      .filter((file) => file.type === FileType.File || file.type === FileType.Unknown)
      .map((file) => ({ name: file.name, size: file.size }));
  }

  async size(name: string): Promise<number> {
    return this.client.size(name);
  }

  /** Stores `bytes` as `name`, telling how many bytes went out as they go. */
  async upload(bytes: Uint8Array, name: string, onProgress?: ProgressHandler): Promise<void> {
    const total = bytes.length;
    let sent = 0;
    function* chunks() {
      for (let offset = 0; offset < total; offset += CHUNK_BYTES) {
        const chunk = bytes.subarray(offset, Math.min(total, offset + CHUNK_BYTES));
        // Counted when the socket takes the chunk, which it does only as fast as it sends.
        sent += chunk.length;
        onProgress?.(sent, total);
        yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      }
    }
    onProgress?.(0, total);
    await this.client.uploadFrom(Readable.from(chunks(), { objectMode: false }), name);
  }

  async rename(from: string, to: string): Promise<void> {
    await this.client.rename(from, to);
  }

  async remove(name: string): Promise<void> {
    await this.client.remove(name);
  }

  async download(name: string): Promise<Uint8Array> {
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk);
        callback();
      },
    });
    await this.client.downloadTo(sink, name);
    return Buffer.concat(chunks);
  }
}
