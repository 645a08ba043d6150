// Issue 16: check --json writes each text straight into UTF-8 (json-utf8.ts), a fast path
// beside the plain one, TextEncoder.encode(JSON.stringify(text)): the same bytes for any text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonStringBytes, MAX_BYTES_PER_UNIT, writeJsonString } from './json-utf8';

const utf8 = new TextEncoder();

/** Any code point, each of JSON's escapes, and surrogate halves alone or in pairs. */
const unit = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.integer({ min: 0, max: 0x7f }).map((code) => String.fromCharCode(code)),
  fc.integer({ min: 0x80, max: 0xffff }).map((code) => String.fromCharCode(code)),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)),
);
const text = fc.array(unit, { maxLength: 40 }).map((units) => units.join(''));

function written(value: string, at: number): Uint8Array {
  const into = new Uint8Array(at + value.length * MAX_BYTES_PER_UNIT + 2);
  const end = writeJsonString(value, into, at);
  return into.subarray(at, end);
}

describe('issue 16: a text as JSON in UTF-8, written byte by byte', () => {
  it('is TextEncoder.encode(JSON.stringify(text)), and as long as jsonStringBytes says', () => {
    fc.assert(
      fc.property(text, fc.nat(8), (value, at) => {
        const expected = utf8.encode(JSON.stringify(value));
        expect(Array.from(written(value, at))).toEqual(Array.from(expected));
        expect(jsonStringBytes(value)).toBe(expected.length);
      }),
      { numRuns: 3000 },
    );
  });

  it('every UTF-16 unit alone, and each with a low surrogate after it', () => {
    for (let code = 0; code <= 0xffff; code++) {
      for (const value of [String.fromCharCode(code), String.fromCharCode(code, 0xdc00)]) {
        const expected = utf8.encode(JSON.stringify(value));
        const actual = written(value, 0);
        expect(actual.length).toBe(expected.length);
        if (!actual.every((byte, i) => byte === expected[i])) expect(actual).toEqual(expected);
        expect(jsonStringBytes(value)).toBe(expected.length);
      }
    }
  });
});
