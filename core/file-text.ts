/**
 * The text check reads (SPEC 3 decoded): a string, or a Windows-1252 file's bytes, which are
 * its characters one to one, made into strings a piece at a time. A whole 30 MiB text was
 * 30 MiB of memory the process had never touched (page faults cost more than the copy), while
 * pieces of 64 KiB are made and dropped in memory the process has just used.
 */
import type { ByteWindow } from './byte-window';
import type { SourceText } from './message-sink';
import type { Latin1Decoder } from './windows1252';

/** Characters a Windows-1252 piece holds: under V8's largest young object (128 KiB). */
export const PIECE_CHARS = 1 << 16;

export class FileText implements SourceText {
  readonly length: number;
  /** The whole text once made from the bytes (text()). */
  #made: string | null = null;

  constructor(
    /** The decoded text, or null for a Windows-1252 file read from its bytes. */
    private readonly whole: string | null,
    readonly window: ByteWindow | null,
    readonly pendingC1: boolean,
    private readonly latin1: Latin1Decoder,
  ) {
    if (whole === null && window === null) throw new Error('FileText: no text and no bytes');
    this.length = whole?.length ?? window!.length;
  }

  slice(start: number, end: number): string {
    const whole = this.whole ?? this.#made;
    if (whole !== null) return whole.slice(start, end);
    const window = this.window!;
    const to = Math.min(end, this.length);
    if (start >= to) return '';
    // A piece for the parser is read with the piece before it, where a row that began there,
    // and that check reads when the row ends, still stands.
    window.hold(start, to, start - PIECE_CHARS);
    return this.latin1(window.bytes.subarray(start - window.base, to - window.base));
  }

  /**
   * The whole text, made once, for a caller that needs all of it (a cause appended) or keeps
   * pieces of all of it (every message as an object): one string, rather than pieces that
   * the collector would copy from young memory to old.
   */
  text(): string {
    return this.whole ?? (this.#made ??= this.slice(0, this.length));
  }

  /** Whether the text is only line endings (or nothing): a file with nothing in it. */
  onlyLineEndings(): boolean {
    for (let at = 0; at < this.length; at += PIECE_CHARS) {
      const piece = this.slice(at, at + PIECE_CHARS);
      for (let i = 0; i < piece.length; i++) {
        const c = piece.charCodeAt(i);
        if (c !== 0x0a && c !== 0x0d) return false;
      }
    }
    return true;
  }
}
