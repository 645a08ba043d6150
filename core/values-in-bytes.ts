/**
 * SPEC 6's value rules read from a Windows-1252 file's bytes (one a character), for check's
 * rows whose values it never makes strings of. Each says only "valid": a value they do not
 * pass is made a string and judged by values.ts, which says why. So they may refuse more than
 * the rules do, never less (property-tested against values.ts).
 */
import { CLASSES, SENDER_CHARACTERS } from './values';

const SPACE = 0x20;

/** isValidMsisdn(trimSpaces(value)) of `bytes[start..end)`. */
export function isValidMsisdnAt(bytes: Uint8Array, start: number, end: number): boolean {
  while (start < end && bytes[start] === SPACE) start++;
  while (end > start && bytes[end - 1] === SPACE) end--;
  const length = end - start;
  if (length < 8 || length > 15) return false;
  const first = bytes[start]!;
  if (first < 0x31 || first > 0x39) return false;
  for (let i = start + 1; i < end; i++) {
    const c = bytes[i]!;
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** isValidSender of `bytes[start..end)`: every valid sender is ASCII. */
export function isValidSenderAt(bytes: Uint8Array, start: number, end: number): boolean {
  const length = end - start;
  if (length === 0) return true;
  if (length > 15) return false;
  let seen = 0;
  for (let i = start; i < end; i++) {
    const c = bytes[i]!;
    const kind = c < 128 ? SENDER_CHARACTERS[c]! : 0;
    if (kind === 0) return false;
    seen |= kind;
  }
  return seen === 1 || (length <= 11 && (seen & 2) !== 0);
}

const CLASS_BYTES = CLASSES.map((cls) => Uint8Array.from(cls, (c) => c.charCodeAt(0)));

/** The class `bytes[start..end)` is, as its one string ('' for none), or null if none of them. */
export function knownClassAt(bytes: Uint8Array, start: number, end: number): string | null {
  if (start === end) return '';
  for (let k = 0; k < CLASSES.length; k++) {
    const name = CLASS_BYTES[k]!;
    if (name.length !== end - start) continue;
    let i = 0;
    while (i < name.length && name[i] === bytes[start + i]) i++;
    if (i === name.length) return CLASSES[k]!;
  }
  return null;
}
