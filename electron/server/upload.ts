/**
 * An upload arrives in a staging file outside every account's folder and appears under its name
 * only once complete, so no server ever sees half a file: a `.ready` upload is processed whole
 * or not at all (SPEC 1), and a broken transfer leaves nothing behind.
 */
import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, open, truncate, unlink } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { Allowance } from './storage';

export interface UploadTarget {
  /** The folder for files still arriving. */
  stagingDir: string;
  /** The file to start from, for APPE or a resumed STOR (REST); null for a new file. */
  existing: string | null;
  /** Append to `existing` (APPE). */
  append: boolean;
  /** Resume at this byte (REST): `existing` is cut there and written on from it. */
  start: number | undefined;
  /** Puts the complete file in place; its failure fails the upload. */
  publish: (stagedPath: string, size: number) => Promise<void>;
  /** Takes each piece before it is written: throws past a size or quota. */
  allowance: Allowance;
  /** The error the client is told of a failure to write (never a server path). */
  refuse: (error: unknown) => Error;
}

export class StagedUpload extends Writable {
  private position: number;
  private published = false;

  private constructor(
    private readonly handle: FileHandle,
    readonly path: string,
    start: number,
    private readonly target: UploadTarget,
  ) {
    super();
    this.position = start;
  }

  static async open(target: UploadTarget): Promise<StagedUpload> {
    const path = join(target.stagingDir, `${randomUUID()}.upload`);
    const resumes = target.existing !== null && (target.append || target.start !== undefined);
    if (resumes) {
      await copyFile(target.existing!, path, constants.COPYFILE_EXCL);
      if (target.start !== undefined) await truncate(path, target.start);
    }
    const handle = await open(
      path,
      constants.O_WRONLY | constants.O_CREAT | constants.O_NOFOLLOW,
      0o644,
    );
    let start = 0;
    try {
      if (resumes) start = target.append ? (await handle.stat()).size : target.start!;
    } catch (error) {
      await handle.close();
      await unlink(path).catch(() => {});
      throw error;
    }
    return new StagedUpload(handle, path, start, target);
  }

  override _write(
    chunk: Buffer,
    _encoding: BufferEncoding,
    callback: (error?: Error | null) => void,
  ): void {
    try {
      this.target.allowance.take(chunk.length);
    } catch (error) {
      callback(error as Error);
      return;
    }
    void this.writeAll(chunk).then(
      () => callback(),
      (error: unknown) => callback(this.target.refuse(error)),
    );
  }

  private async writeAll(chunk: Buffer): Promise<void> {
    let offset = 0;
    while (offset < chunk.length) {
      const { bytesWritten } = await this.handle.write(
        chunk,
        offset,
        chunk.length - offset,
        this.position,
      );
      offset += bytesWritten;
      this.position += bytesWritten;
    }
  }

  override _final(callback: (error?: Error | null) => void): void {
    void (async () => {
      await this.handle.sync();
      await this.handle.close();
      await this.target.publish(this.path, this.position);
      this.published = true;
    })().then(
      () => callback(),
      (error: unknown) => callback(this.target.refuse(error)),
    );
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.target.allowance.end();
    void (async () => {
      await this.handle.close().catch(() => {});
      if (!this.published) await unlink(this.path).catch(() => {});
    })().then(() => callback(error));
  }
}
