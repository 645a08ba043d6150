/**
 * What an FTP client can do in its account's folder, with the provider's rules (SPEC 1): a
 * `.processing` file cannot be deleted, renamed or overwritten; no folders can be made and no
 * permissions changed; nothing outside the folder can be reached, by `..`, absolute path or
 * symbolic link. Every refusal is a clear sentence, which ftp-srv sends as `550 <sentence>`
 * (or with the code the refusal asks for, replies.ts).
 */
import type { Stats } from 'node:fs';
import { lstat, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Socket } from 'node:net';
import type { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { FileSystem } from 'ftp-srv';
import type { FtpConnection } from 'ftp-srv';
import { parseStageName } from '../../core/names';
import { isErrno } from '../base/files';
import type { Faults } from './faults';
import { NotRegularFile, openForReading } from './account-file';
import { listFolder } from './listing';
import type { Logger } from './log';
import { resolveFtpPath } from './paths';
import { expectReply, FtpRefusal } from './replies';
import type { AccountStorage, Allowance } from './storage';
import { StagedUpload } from './upload';

export interface AccountFolder {
  account: string;
  /** The folder's real path: no symbolic link in it. */
  root: string;
  /** Where uploads arrive before they are complete; on the same file system as `root`. */
  stagingDir: string;
  /** The server's name in log lines. */
  server: string;
  log: Logger;
  /** A file in the folder now has a `.ready` name. */
  onReady: (account: string, name: string) => void;
  /** What the account may store, shared by both servers. */
  storage: AccountStorage;
  /** Listings made to fail or show nothing, by tests. */
  faults: Faults | null;
}

/** What LIST shows of a file: the owner is the server, not a user of this machine. */
export interface ListedFile {
  name: string;
  size: number;
  mtime: Date;
  mode: number;
  uid: string;
  gid: string;
  isDirectory(): boolean;
}

function isProcessingName(name: string): boolean {
  return parseStageName(name)?.stage === 'processing';
}

/** Long enough for a control connection's close sent with the data's to be read on loopback or a LAN. */
const CONTROL_GRACE_MS = 50;

/** ls(1) options some clients send as LIST's argument (`LIST -la`); files here never start so. */
const LIST_OPTIONS = /^-[A-Za-z]+$/;

function listed(name: string, stats: Stats | null): ListedFile {
  const directory = stats === null;
  return {
    name,
    size: stats?.size ?? 0,
    mtime: stats?.mtime ?? new Date(),
    mode: directory ? 0o755 : 0o644,
    uid: 'ftp',
    gid: 'ftp',
    isDirectory: () => directory,
  };
}

/** An unexpected file system error in words, without the server's paths in it. */
function refusal(error: unknown, name: string): FtpRefusal {
  if (error instanceof FtpRefusal) return error;
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
    case 'ELOOP':
    case 'EISDIR':
    case 'ENOTDIR':
      return new FtpRefusal(`No such file: ${name}.`);
    case 'ENOSPC':
    case 'EDQUOT':
      return new FtpRefusal("The server's disk is full; nothing was stored.");
    case 'EACCES':
    case 'EPERM':
      return new FtpRefusal(`Permission denied: ${name}.`);
    default:
      return new FtpRefusal(
        `The server could not do that with ${name}${code ? ` (${code})` : ''}.`,
      );
  }
}

export class AccountFileSystem extends FileSystem {
  constructor(
    connection: FtpConnection,
    private readonly folder: AccountFolder,
  ) {
    super(connection, { root: folder.root, cwd: '/' });
  }

  override currentDirectory(): string {
    return '/';
  }

  /** The name of the one file a path names, or a refusal. */
  private fileName(path: string): string {
    const resolved = resolveFtpPath(path);
    switch (resolved.kind) {
      case 'file':
        return resolved.name;
      case 'root':
        throw new FtpRefusal('"/" is your folder, not a file.');
      case 'nested':
        throw new FtpRefusal(`No such file: ${resolved.path} (this server has no folders).`);
      case 'invalid':
        throw new FtpRefusal(`Invalid name: ${resolved.reason}.`);
    }
  }

  /** A regular file directly in the folder: never a symbolic link, folder or device. */
  private async fileStats(name: string): Promise<Stats> {
    let stats: Stats;
    try {
      stats = await lstat(join(this.folder.root, name));
    } catch (error) {
      throw refusal(error, name);
    }
    if (!stats.isFile()) throw new FtpRefusal(`No such file: ${name}.`);
    return stats;
  }

  override async get(path: string): Promise<ListedFile> {
    const resolved = resolveFtpPath(path);
    if (resolved.kind === 'root') return listed('.', null);
    if (LIST_OPTIONS.test(path)) {
      const stats = await this.fileStats(path).catch(() => null);
      return stats ? listed(path, stats) : listed('.', null);
    }
    const name = this.fileName(path);
    return listed(name, await this.fileStats(name));
  }

  override async list(path = '.'): Promise<ListedFile[]> {
    if (resolveFtpPath(path).kind !== 'root' && !LIST_OPTIONS.test(path)) {
      const file = await this.get(path);
      return [file];
    }
    const fault = this.folder.faults?.listing(this.folder.server) ?? null;
    if (fault === 'fail') throw new FtpRefusal('The folder could not be read (injected failure).');
    if (fault === 'empty') return [];
    const files = await listFolder(this.folder.root).catch((error: unknown) => {
      throw refusal(error, '/');
    });
    return files.map((file) => listed(file.name, file.stats));
  }

  override async chdir(path = '.'): Promise<string> {
    const resolved = resolveFtpPath(path);
    if (resolved.kind === 'root') return '/';
    if (resolved.kind === 'invalid') throw new FtpRefusal(`Invalid name: ${resolved.reason}.`);
    const shown = resolved.kind === 'file' ? `/${resolved.name}` : resolved.path;
    throw new FtpRefusal(
      `No such folder: ${shown} (this server has no folders; every file is in "/").`,
    );
  }

  override async write(
    path: string,
    { append = false, start = undefined }: { append?: boolean; start?: number } = {},
  ): Promise<{ stream: StagedUpload; clientPath: string }> {
    const name = this.fileName(path);
    const { root, account, log, server } = this.folder;
    if (isProcessingName(name)) {
      const exists = await this.fileStats(name).then(
        () => true,
        () => false,
      );
      throw new FtpRefusal(
        exists
          ? `${name} is being processed: it cannot be overwritten.`
          : `${name} is a name the server gives files it is processing: upload under another name.`,
      );
    }
    const resumed =
      append || (start ?? 0) > 0 ? await this.fileStats(name).catch(() => null) : null;
    if ((start ?? 0) > 0 && resumed === null)
      throw new FtpRefusal(`Cannot resume ${name}: there is no such file.`);
    const allowance = await this.allowance(name, append ? (resumed?.size ?? 0) : (start ?? 0));
    let stream: StagedUpload;
    try {
      stream = await StagedUpload.open({
        stagingDir: this.folder.stagingDir,
        existing: resumed === null ? null : join(root, name),
        append,
        start: start !== undefined && start > 0 ? start : undefined,
        allowance,
        refuse: (error) => refusal(error, name),
        publish: async (staged, size) => {
          if (!(await this.clientStillConnected())) {
            log.warn(
              account,
              name,
              `upload broken off by the client on server ${server} after ${size.toLocaleString('en-US')} bytes: discarded`,
            );
            throw new FtpRefusal(
              'The control connection closed during the upload: the file was discarded.',
            );
          }
          await rename(staged, join(root, name)).catch((error: unknown) => {
            const full = isErrno(error, 'ENOSPC') || isErrno(error, 'EDQUOT');
            throw full
              ? refusal(error, name)
              : new FtpRefusal(`The server could not store ${name}: upload it again.`);
          });
          log.info(
            account,
            name,
            `uploaded (${size.toLocaleString('en-US')} bytes) on server ${server}`,
          );
          if (parseStageName(name)?.stage === 'ready') this.folder.onReady(account, name);
        },
      });
    } catch (error) {
      allowance.end();
      throw refusal(error, name);
    }
    // ftp-srv ends an upload by emitting 'close' on the stream when something listens for it,
    // which the stream's own pipe always does: end it then, so that it is published.
    stream.once('close', () => {
      if (!stream.destroyed && !stream.writableEnded) stream.end();
    });
    return { stream, clientPath: `/${name}` };
  }

  /** The upload's share of the account's storage, its refusals answered 552. */
  private async allowance(name: string, start: number): Promise<Allowance> {
    const { storage, account, root, log, server } = this.folder;
    const tell = (error: unknown) => {
      if (!(error instanceof FtpRefusal)) return error;
      log.warn(account, name, `upload refused on server ${server}: ${error.message}`);
      return expectReply(this.connection, error);
    };
    let counted: Allowance;
    try {
      counted = await storage.begin(account, root, name, start);
    } catch (error) {
      throw tell(error);
    }
    return {
      take: (bytes) => {
        try {
          counted.take(bytes);
        } catch (error) {
          throw tell(error);
        }
      },
      end: () => counted.end(),
    };
  }

  /**
   * A transfer ends the same way whether the client finished or died: the data connection
   * closes. A client that died closed its control connection too, which ftp-srv does not read
   * during a transfer; it is read here for a moment, so a broken-off upload is never published.
   */
  private async clientStillConnected(): Promise<boolean> {
    const socket = (this.connection as unknown as { commandSocket: Socket }).commandSocket;
    if (socket.destroyed || socket.readableEnded) return false;
    let closed = false;
    const onClose = () => (closed = true);
    socket.once('end', onClose);
    socket.once('close', onClose);
    socket.resume();
    await sleep(CONTROL_GRACE_MS);
    socket.pause();
    socket.removeListener('end', onClose);
    socket.removeListener('close', onClose);
    return !closed && !socket.destroyed;
  }

  override async read(
    path: string,
    { start = undefined }: { start?: number } = {},
  ): Promise<{ stream: Readable; clientPath: string }> {
    const name = this.fileName(path);
    try {
      const { handle } = await openForReading(join(this.folder.root, name));
      return { stream: handle.createReadStream({ start }), clientPath: `/${name}` };
    } catch (error) {
      if (error instanceof NotRegularFile) throw new FtpRefusal(`No such file: ${name}.`);
      throw refusal(error, name);
    }
  }

  override async delete(path: string): Promise<void> {
    const name = this.fileName(path);
    if (isProcessingName(name)) {
      await this.fileStats(name);
      throw new FtpRefusal(
        `${name} is being processed: it cannot be deleted until it is .success or .rejected.`,
      );
    }
    await this.fileStats(name);
    try {
      await unlink(join(this.folder.root, name));
    } catch (error) {
      throw refusal(error, name);
    }
    this.folder.log.info(this.folder.account, name, `deleted on server ${this.folder.server}`);
  }

  override async mkdir(): Promise<string> {
    throw new FtpRefusal(
      'Folders cannot be created on this server: upload files straight into "/".',
    );
  }

  override async rename(from: string, to: string): Promise<void> {
    const source = this.fileName(from);
    const target = this.fileName(to);
    await this.fileStats(source);
    if (isProcessingName(source)) {
      throw new FtpRefusal(
        `${source} is being processed: it cannot be renamed until it is .success or .rejected.`,
      );
    }
    if (isProcessingName(target)) {
      throw new FtpRefusal(
        `${target} is a name the server gives files it is processing: choose another name.`,
      );
    }
    const { root, account, log, server } = this.folder;
    try {
      await rename(join(root, source), join(root, target));
    } catch (error) {
      if (isErrno(error, 'ENOENT')) throw new FtpRefusal(`No such file: ${source}.`);
      throw refusal(error, source);
    }
    log.info(account, target, `renamed from ${source} on server ${server}`);
    if (parseStageName(target)?.stage === 'ready') this.folder.onReady(account, target);
  }

  override async chmod(): Promise<void> {
    throw new FtpRefusal('Permissions cannot be changed on this server.');
  }

  override getUniqueName(): string {
    return `upload-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  }
}
