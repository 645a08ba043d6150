/**
 * Counts (a row, a message's parts) written in decimal straight into JSON's bytes, as
 * JSON.stringify writes them (json-bytes.ts).
 */

/** Whether putNumber writes `value` as JSON.stringify does. */
export function isCount(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

/** The most digits a count has (Number.MAX_SAFE_INTEGER). */
export const MOST_COUNT_DIGITS = 16;

/** Writes a count (isCount) in decimal at `at`; gives where it ended. */
export function putNumber(bytes: Uint8Array, at: number, value: number): number {
  if (value < 10) {
    bytes[at] = 0x30 + value;
    return at + 1;
  }
  let digits = 2;
  for (let bound = 100; value >= bound && digits < MOST_COUNT_DIGITS; bound *= 10) digits++;
  const end = at + digits;
  let digit = end;
  let rest = value;
  // Integer division by `| 0` where the value fits 31 bits: a row or a part count always does.
  for (; rest > 0x7fffffff; rest = Math.floor(rest / 10)) bytes[--digit] = 0x30 + (rest % 10);
  while (rest >= 10) {
    const tenth = (rest / 10) | 0;
    bytes[--digit] = 0x30 + (rest - tenth * 10);
    rest = tenth;
  }
  bytes[digit - 1] = 0x30 + rest;
  return end;
}
