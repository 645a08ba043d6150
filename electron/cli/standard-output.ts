import { writeSync } from 'node:fs';
import type { Writable } from 'node:stream';

/**
 * The exit code of a command whose reader went away (`sendsheet check x --json | head`): the
 * code a shell shows for a program ended by SIGPIPE, which Node ignores.
 */
export const EXIT_OUTPUT_CLOSED = 141;

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code;

/**
 * An error of the stream of standard output, which Node emits on the stream: where the reader
 * went away, the command ends quietly with EXIT_OUTPUT_CLOSED, as for bytes written whole.
 */
export function endWhereClosed(error: unknown): void {
  if (codeOf(error) !== 'EPIPE') throw error;
  process.exit(EXIT_OUTPUT_CLOSED);
}

/** The reader of standard output closed its end: what is left to write has no one to read it. */
export class OutputClosedError extends Error {
  constructor() {
    super('the output was closed by its reader');
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes all of `bytes` to `fd` before it returns, as Node writes to a file or a terminal: a
 * pipe included, which Node's stdout writes asynchronously, holding each buffer until the
 * reader takes it. That cost `check --json` a fresh megabyte for every megabyte of its output
 * (fresh memory is the slow part on a VM), and held all 60 MiB where the reader was slower.
 * A pipe that Node has made non-blocking says "try again" when it is full: the reader is
 * waited for a millisecond at a time.
 */
export function writeFully(fd: number, bytes: Uint8Array): void {
  let at = 0;
  while (at < bytes.length) {
    try {
      at += writeSync(fd, bytes, at, bytes.length - at);
    } catch (error) {
      const code = codeOf(error);
      if (code === 'EAGAIN') Atomics.wait(pause, 0, 0, 1);
      else if (code === 'EPIPE') throw new OutputClosedError();
      else throw error;
    }
  }
}

/**
 * The command's standard output, for text and for large output in bytes. Text goes through
 * Node's stream (`stream()`, process.stdout) as every command writes it; bytes are written
 * whole at once (writeFully), so the one buffer `check --json` fills again and again can be
 * handed over. Bytes given while text is still queued in the stream follow it there, copied,
 * so nothing is written out of order.
 */
export class StandardOutput {
  #stream: Writable | null = null;

  constructor(
    private readonly fd: number,
    /** Made when text is first written: for a pipe, Node's stream makes the pipe non-blocking. */
    private readonly stream: () => Writable,
  ) {}

  text(text: string): void {
    this.#opened().write(text);
  }

  /** Writes or copies `bytes` before it returns. */
  bytes(bytes: Uint8Array): void {
    const stream = this.#stream;
    if (stream !== null && stream.writableLength > 0) stream.write(bytes.slice());
    else writeFully(this.fd, bytes);
  }

  #opened(): Writable {
    this.#stream ??= this.stream();
    return this.#stream;
  }
}
