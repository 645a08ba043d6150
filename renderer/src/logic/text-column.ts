/**
 * A column of texts kept as one string and where each text ends. A sheet of 100,000 rows
 * held as strings is hundreds of thousands of objects, and every major collection marks each
 * one: on a two-core machine that marking competes with the page for the processor, and the
 * scroll feels it. Held as columns it is a few objects; a text is cut out when it is read
 * (a short-lived string, which the young generation's collector frees almost for free).
 */
export interface TextColumn {
  /** The texts one after the other. */
  readonly text: string;
  /** Where each text ends in `text`; the first starts at 0, each other where the one before ends. */
  readonly ends: Uint32Array;
}

export function packTexts(texts: readonly string[]): TextColumn {
  const ends = new Uint32Array(texts.length);
  let end = 0;
  for (let index = 0; index < texts.length; index++) {
    end += texts[index]!.length;
    ends[index] = end;
  }
  return { text: texts.join(''), ends };
}

/** A column of `count` empty texts. */
export function emptyTexts(count: number): TextColumn {
  return { text: '', ends: new Uint32Array(count) };
}

export function textAt(column: TextColumn, index: number): string {
  const end = column.ends[index];
  if (end === undefined) return '';
  return column.text.slice(index === 0 ? 0 : column.ends[index - 1]!, end);
}

export function textCount(column: TextColumn): number {
  return column.ends.length;
}

/** Every text, as an array: for tests and small sheets, not for 100,000 rows. */
export function allTexts(column: TextColumn): string[] {
  return Array.from({ length: column.ends.length }, (_, index) => textAt(column, index));
}
