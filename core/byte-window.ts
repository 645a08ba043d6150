/**
 * A file's bytes where each is one character of its text (Windows-1252, or ASCII), as check
 * reads them: all of them in memory, or a window of them read from the file as check goes along
 * (`sendsheet check` of a large file). Reading 30 MiB into memory the process had never touched
 * cost about 150 ms of page faults, ten times the reading itself; a window of 1 MiB, read again
 * and again, costs its faults once.
 */

/** A file read at any place, a piece at a time (the Node side reads it from disk). */
export interface ByteReader {
  /** The file's size in bytes when it was opened. */
  readonly size: number;
  /**
   * Reads the file's bytes from `at` into `into`, filling it; how many were read. Fewer only at
   * the file's end: a reader throws when the file has become shorter than `size`.
   */
  read(into: Uint8Array, at: number): number;
}

/** What a window holds at least, once it reads from a file. */
export const WINDOW_BYTES = 1 << 20;

/**
 * The bytes from `base` on: `bytes[i - base]` is the file's byte `i`. `hold` makes a range
 * present; a window over a file reads it then, into the same memory, so a `bytes` taken before
 * a `hold` may hold other bytes after it.
 */
export class ByteWindow {
  bytes: Uint8Array;
  base = 0;
  /** The file's size: its bytes are 0 to `length`. */
  readonly length: number;
  #buffer: Uint8Array;
  /** Shown every range read from the file, as it is read (see `watch`). */
  #watcher: ((bytes: Uint8Array, at: number) => void) | null = null;

  private constructor(
    bytes: Uint8Array,
    length: number,
    private readonly reader: ByteReader | null,
    /** How many bytes a read brings in at least (the whole file's, in memory). */
    readonly windowBytes: number,
  ) {
    this.bytes = bytes;
    this.#buffer = bytes;
    this.length = length;
  }

  /** Every byte, in memory: `hold` never reads. */
  static whole(bytes: Uint8Array): ByteWindow {
    return new ByteWindow(bytes, bytes.length, null, bytes.length);
  }

  /** A file read as it is needed, `windowBytes` (or a longer range held) at a time. */
  static over(reader: ByteReader, windowBytes = WINDOW_BYTES): ByteWindow {
    return new ByteWindow(new Uint8Array(0), reader.size, reader, Math.max(1, windowBytes));
  }

  /**
   * Shows `watcher` each range of bytes as it is read from the file (`at` is where it starts):
   * what must be known of every byte (decode-window.ts) is learnt from the reading check does
   * anyway, not from a reading of its own. Null stops it.
   */
  watch(watcher: ((bytes: Uint8Array, at: number) => void) | null): void {
    this.#watcher = watcher;
  }

  /** Whether bytes are read from a file (a window), not all in memory. */
  get reads(): boolean {
    return this.reader !== null;
  }

  /**
   * Makes the bytes from `from` to `to` present. When they must be read, the window starts at
   * `keep` (at most `from`): what the caller will still ask for, read once more rather than
   * the window read again for it.
   */
  hold(from: number, to: number, keep = from): void {
    if (from >= this.base && to <= this.base + this.bytes.length) return;
    const reader = this.reader;
    if (reader === null) throw new RangeError(`bytes ${from}-${to} are past the file's end`);
    const start = Math.max(0, Math.min(from, keep));
    if (to > this.length) throw new RangeError(`bytes ${from}-${to} are past the file's end`);
    const end = Math.min(this.length, Math.max(to, start + this.windowBytes));
    if (this.#buffer.length < end - start) {
      // A row longer than the window: grown to hold it, never shrunk.
      this.#buffer = new Uint8Array(Math.max(end - start, 2 * this.#buffer.length));
    }
    const into = this.#buffer.subarray(0, end - start);
    const read = reader.read(into, start);
    if (read < into.length) {
      throw new Error(`the file ended at byte ${start + read}, before its size of ${this.length}`);
    }
    this.bytes = into;
    this.base = start;
    this.#watcher?.(into, start);
  }
}
