/**
 * SPEC 3's decoding for a file read a window at a time (`sendsheet check` of a large file), in
 * the cases where the text is the bytes themselves: Windows-1252, detected or forced by
 * `.cp1252`, and ASCII (valid UTF-8). Whether decode would come to that reading depends on
 * every byte (no undefined byte, and valid UTF-8 only if ASCII), so it is learnt as check reads
 * them (WindowWatch), not from a reading of its own; every other file is for the caller to read
 * whole and decode as always.
 */
import { ByteWindow } from './byte-window';
import type { ByteReader } from './byte-window';
import type { CheckOptions } from './check';
import { isValidUtf8, markedOrWide, MAX_FILE_BYTES, SNIFF_BYTES } from './decode';
import type { EncodingSource, ForcedEncoding } from './decode';
import { conflictProblem, parseUploadName } from './names';
import { scanWindows1252 } from './windows1252';
import type { ByteFinder } from './windows1252';

/** Whether bytes are valid UTF-8, or ASCII: the Node side passes native checks. */
export type ByteCheck = (bytes: Uint8Array) => boolean;

/** Whether every byte is below 0x80. */
export function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return false;
  return true;
}

/**
 * Thrown into check when a byte read makes the file one decode would not read as its bytes (an
 * undefined byte, or valid UTF-8 past ASCII): its caller reads it whole instead, and decode
 * reads it as always (and says where an undefined byte is).
 */
export class NotWindowed extends Error {}

/** How many bytes a UTF-8 sequence that starts with `lead` has (1 for any other byte). */
function sequenceBytes(lead: number): number {
  if (lead >= 0xf0) return 4;
  if (lead >= 0xe0) return 3;
  if (lead >= 0xc0) return 2;
  return 1;
}

/**
 * `piece`'s length without a UTF-8 sequence its end cuts short, which is then checked with the
 * bytes read after it: a valid character must not be found invalid for where a read ends.
 */
function withoutCutSequence(piece: Uint8Array): number {
  const end = piece.length;
  for (let at = end - 1; at >= 0 && at >= end - 3; at--) {
    const byte = piece[at]!;
    if ((byte & 0xc0) === 0x80) continue;
    return at + sequenceBytes(byte) > end ? at : end;
  }
  return end;
}

/**
 * What decode needs to know of every byte of a file read a window at a time, learnt from each
 * range as it is read. Check reads a file from its start to its end, each range at or before
 * the end of the last: a range past it (a byte never seen) leaves the reading unknown.
 */
export class WindowWatch {
  readonly source: EncodingSource;
  /** It holds a byte in 0x80-0x9F (see Windows1252Reading). */
  pendingC1 = false;
  /** Every byte before this has been seen. */
  #seen = 0;
  /** Every byte before this is valid UTF-8, while the file may be (decode's first choice). */
  #utf8To = 0;
  #maybeUtf8: boolean;
  #gap = false;

  constructor(
    forced: ForcedEncoding,
    private readonly size: number,
    private readonly find?: ByteFinder,
    private readonly isUtf8: ByteCheck = isValidUtf8,
    private readonly ascii: ByteCheck = isAscii,
  ) {
    this.source = forced === 'cp1252' ? 'forced' : 'detected';
    this.#maybeUtf8 = forced === null;
  }

  /**
   * How decode reads the file, once every byte is seen: an ASCII file is valid UTF-8 (its text
   * is its bytes all the same), any other Windows-1252.
   */
  get encoding(): 'utf-8' | 'windows-1252' {
    return this.#maybeUtf8 ? 'utf-8' : 'windows-1252';
  }

  /**
   * Sees bytes read from `at`; throws NotWindowed at an undefined byte, and at the first
   * character of valid UTF-8 past ASCII (a UTF-8 file, most likely: read whole at once).
   */
  see(bytes: Uint8Array, at: number): void {
    const end = at + bytes.length;
    if (at > this.#seen) this.#gap = true;
    if (this.#gap || end <= this.#seen) return;
    const scan = scanWindows1252(bytes.subarray(this.#seen - at), this.find);
    if (!scan.ok) throw new NotWindowed('an undefined byte');
    this.pendingC1 ||= scan.pendingC1;
    this.#seen = end;
    if (!this.#maybeUtf8) return;
    if (at > this.#utf8To) {
      this.#gap = true;
      return;
    }
    let piece = bytes.subarray(this.#utf8To - at);
    if (end < this.size) piece = piece.subarray(0, withoutCutSequence(piece));
    this.#maybeUtf8 = this.isUtf8(piece);
    this.#utf8To += piece.length;
    if (this.#maybeUtf8 && !this.ascii(piece)) throw new NotWindowed('UTF-8 past ASCII');
  }

  /**
   * After check has read every byte: whether decode reads the file as its bytes (in `encoding`),
   * as check read it. False for a file not wholly seen.
   */
  confirmed(): boolean {
    return !this.#gap && this.#seen === this.size;
  }
}

/**
 * A Windows-1252 or ASCII file read a window at a time: its text is its bytes, so check never
 * needs more of it in memory than a window, or the longest row. Check reads it as Windows-1252
 * with bytes 0x80-0x9F pending (what they stand for is known only at the end: a text without
 * them reads the same either way); its verdict stands only when `watch.confirmed()` after it,
 * in `watch.encoding`.
 */
export interface WindowedFile {
  /** The name the file has on the server, as UploadedFile's. */
  name: string;
  window: ByteWindow;
  watch: WindowWatch;
}

/**
 * The file `reader` reads, named `name` on the server, to be checked a window at a time; null
 * when it is to be read whole: a file rejected for its name or its size before it is decoded,
 * forced to UTF-8, or whose first bytes make it Unicode.
 */
export function windowedFile(
  name: string,
  reader: ByteReader,
  options: CheckOptions = {},
  windowBytes?: number,
): WindowedFile | null {
  const parsed = parseUploadName(name);
  if (conflictProblem(parsed) !== null || reader.size > MAX_FILE_BYTES) return null;
  if (parsed.forced === 'utf8') return null;
  const window = ByteWindow.over(reader, windowBytes);
  const watch = new WindowWatch(
    parsed.forced,
    reader.size,
    options.findByte,
    options.isUtf8,
    options.isAscii,
  );
  window.watch((bytes, at) => watch.see(bytes, at));
  if (parsed.forced === null) {
    const sniffed = Math.min(reader.size, SNIFF_BYTES);
    try {
      window.hold(0, sniffed);
    } catch (error) {
      if (error instanceof NotWindowed) return null;
      throw error;
    }
    if (markedOrWide(window.bytes.subarray(0, sniffed))) return null;
  }
  return { name, window, watch };
}
