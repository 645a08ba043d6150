/**
 * A column of texts kept as a few strings and where each text ends. A sheet of 100,000 rows
 * held as strings is hundreds of thousands of objects, and every major collection marks each
 * one: on a two-core machine that marking competes with the page for the processor, and the
 * scroll feels it. Held as columns it is a few objects; a text is cut out when it is read
 * (a short-lived string, which the young generation's collector frees almost for free).
 *
 * The texts are joined a piece of PIECE_TEXTS at a time, not into one string: the reading
 * worker posts each piece as a message of its own, so that the page makes one piece's string
 * while the worker copies the next. Posted whole, the whole sheet's message column (71 million
 * characters) took the worker about 450 ms to copy and the page as long again after it; in
 * pieces the page is done a piece after the worker (bench/PROFILE.md).
 */
export interface TextColumn {
  /** The texts one after the other, `2 ** shift` texts a piece (the last piece may hold fewer). */
  readonly pieces: readonly string[];
  /** Where each text ends in its piece; the first text of a piece starts at 0. */
  readonly ends: Uint32Array;
  /** log2 of the texts a piece: a text's piece is its index shifted right by it. */
  readonly shift: number;
}

/** log2 of PIECE_TEXTS. */
export const PIECE_SHIFT = 15;
/** Texts a piece: 32,768, so the whole sheet's message column is 32 pieces of about 4 MiB. */
export const PIECE_TEXTS = 2 ** PIECE_SHIFT;

/** How many pieces `count` texts take, `2 ** shift` a piece. */
export function pieceCount(count: number, shift = PIECE_SHIFT): number {
  return Math.ceil(count / 2 ** shift);
}

/** The texts packed, `2 ** shift` a piece (smaller in tests, to cross pieces with few texts). */
export function packTexts(texts: readonly string[], shift = PIECE_SHIFT): TextColumn {
  const count = texts.length;
  const ends = new Uint32Array(count);
  const pieces: string[] = [];
  const size = 2 ** shift;
  for (let first = 0; first < count; first += size) {
    const last = Math.min(first + size, count);
    let end = 0;
    for (let index = first; index < last; index++) {
      end += texts[index]!.length;
      ends[index] = end;
    }
    pieces.push(first === 0 && last === count ? texts.join('') : texts.slice(first, last).join(''));
  }
  return { pieces, ends, shift };
}

/** A column of `count` empty texts. */
export function emptyTexts(count: number): TextColumn {
  const pieces = new Array<string>(pieceCount(count)).fill('');
  return { pieces, ends: new Uint32Array(count), shift: PIECE_SHIFT };
}

export function textAt(column: TextColumn, index: number): string {
  const end = column.ends[index];
  if (end === undefined) return '';
  const { shift } = column;
  const piece = index >>> shift;
  const first = piece << shift === index;
  return column.pieces[piece]!.slice(first ? 0 : column.ends[index - 1]!, end);
}

export function textCount(column: TextColumn): number {
  return column.ends.length;
}

/** The characters of all the texts: what the column holds in strings. */
export function textUnits(column: TextColumn): number {
  let units = 0;
  for (const piece of column.pieces) units += piece.length;
  return units;
}

/** Every text, as an array: for tests and small sheets, not for 100,000 rows. */
export function allTexts(column: TextColumn): string[] {
  return Array.from({ length: column.ends.length }, (_, index) => textAt(column, index));
}
