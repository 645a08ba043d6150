/**
 * The dialect's (dialect.ts) work on text: the delimiter a header holds most of, finding a mark,
 * undoing `""`.
 */
import type { Delimiter } from './dialect';

const QUOTE = 0x22;

/** What a customer's file may be separated by: the server's two, and tabs, which it refuses. */
export type InputDelimiter = Delimiter | '\t';

/** The delimiter that the header row (outside quotes) holds most of; `,` when it has none. */
export function detectDelimiter(text: string): InputDelimiter {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) quoted = !quoted;
    else if (!quoted && (c === 0x0a || c === 0x0d)) break;
    else if (!quoted && c === 0x2c) counts[',']++;
    else if (!quoted && c === 0x3b) counts[';']++;
    else if (!quoted && c === 0x09) counts['\t']++;
  }
  let best: InputDelimiter = ',';
  for (const delimiter of [';', '\t'] as const) {
    if (counts[delimiter] > counts[best]) best = delimiter;
  }
  return best;
}

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
