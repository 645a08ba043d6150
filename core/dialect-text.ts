/** The dialect parser's (dialect.ts) work on a chunk's text: finding a mark, undoing `""`. */

const QUOTE = 0x22;

/** A quoted field's first `""` are joined on one by one, where replaceAll would cost more. */
export const JOINED_PAIRS = 8;
/** Past this length, replaceAll's cost for each match outweighs a copy of every character. */
const LONG_FIELD = 4096;

/**
 * A quoted field's text as written, its `""` read as `"` where it has any. replaceAll keeps
 * every match it finds: on millions of `""` it took seconds and hundreds of MiB.
 */
export function unescape(text: string, escaped: boolean): string {
  if (!escaped) return text;
  if (text.length < LONG_FIELD) return text.replaceAll('""', '"');
  const units = new Uint16Array(text.length);
  let length = 0;
  // Inside quotes every quote is the first of a pair: the second is skipped.
  for (let i = 0; i < text.length; i++) {
    const c = (units[length++] = text.charCodeAt(i));
    if (c === QUOTE) i++;
  }
  let out = '';
  for (let at = 0; at < length; at += LONG_FIELD) {
    out += String.fromCharCode(...units.subarray(at, Math.min(length, at + LONG_FIELD)));
  }
  return out;
}

/** Where `char` is next from `from` on, or the text's length where it is not. */
export function indexOrEnd(text: string, char: string, from: number): number {
  const at = text.indexOf(char, from);
  return at === -1 ? text.length : at;
}
