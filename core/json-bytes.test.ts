// Issue 16: json-bytes.ts writes JSON's strings straight into UTF-8, a fast path beside the plain
// one, JSON.stringify then TextEncoder. For any text, read from a string, from a pending
// Windows-1252 text or from its bytes, both must give the same bytes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concat, same } from './bytes.test-util';
import { JsonBytes, MOST_BYTES_PER_UNIT, putStringBody, putWindows1252Body } from './json-bytes';
import { isCount, putNumber } from './json-number';
import {
  PENDING_C1_CODE_POINTS,
  resolveC1,
  WINDOWS_1252_UNDEFINED,
  windows1252CodePoint,
} from './windows1252';

const utf8 = new TextEncoder();

/** Every chunk a JsonBytes hands over, joined. */
function written(write: (out: JsonBytes) => void, chunkBytes?: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  const out = new JsonBytes((chunk) => chunks.push(chunk), chunkBytes);
  write(out);
  out.flush();
  return concat(chunks);
}

/** Any code unit, JSON's escapes, pairs and lone halves of them, and C1 controls. */
const unit = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.integer({ min: 0, max: 0x20 }).map((code) => String.fromCharCode(code)),
  fc.integer({ min: 0x7f, max: 0xa0 }).map((code) => String.fromCharCode(code)),
  fc.constantFrom('"', '\\', '/', '\u2028', '😀', 'é', '€'),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)),
);
const text = fc.array(unit, { maxLength: 40 }).map((units) => units.join(''));

describe('issue 16: JSON strings written as UTF-8 bytes are JSON.stringify then TextEncoder', () => {
  it('any text, in chunks of any size', () => {
    fc.assert(
      fc.property(
        fc.array(text, { maxLength: 5 }),
        fc.integer({ min: 1, max: 64 }),
        (texts, size) => {
          const fast = written((out) => texts.forEach((t) => out.string(t)), size);
          same(fast, utf8.encode(texts.map((t) => JSON.stringify(t)).join('')));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('a text longer than a block, pairs and escapes at the blocks’ edges', () => {
    // 16,384 units a block: each text puts its tail across the first edge.
    fc.assert(
      fc.property(fc.integer({ min: 16_370, max: 16_390 }), text, (length, tail) => {
        const long = 'a'.repeat(length - 1) + '😀' + tail + '\ud800'.repeat(3) + '\udc00';
        same(
          written((out) => out.string(long)),
          utf8.encode(JSON.stringify(long)),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('a piece of a text, never pairing a unit outside it', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (whole, a, b) => {
        const from = Math.min(a, b) % (whole.length + 1);
        const to = Math.max(from, Math.max(a, b) % (whole.length + 1));
        const bytes = new Uint8Array((to - from) * MOST_BYTES_PER_UNIT);
        const end = putStringBody(bytes, 0, whole, null, from, to);
        same(
          bytes.subarray(0, end),
          utf8.encode(JSON.stringify(whole.slice(from, to)).slice(1, -1)),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('a pending Windows-1252 text, from its units or from its bytes, as its resolved text', () => {
    const defined = fc
      .integer({ min: 0, max: 0xff })
      .filter((byte) => !WINDOWS_1252_UNDEFINED.includes(byte));
    fc.assert(
      fc.property(fc.array(defined, { maxLength: 60 }), (list) => {
        const source = Uint8Array.from(list);
        const pending = String.fromCharCode(...list);
        const expected = utf8.encode(JSON.stringify(resolveC1(pending)).slice(1, -1));
        const fromUnits = new Uint8Array(list.length * MOST_BYTES_PER_UNIT);
        const unitsEnd = putStringBody(fromUnits, 0, pending, PENDING_C1_CODE_POINTS);
        same(fromUnits.subarray(0, unitsEnd), expected);
        const fromBytes = new Uint8Array(list.length * MOST_BYTES_PER_UNIT);
        const bytesEnd = putWindows1252Body(
          fromBytes,
          0,
          source,
          PENDING_C1_CODE_POINTS,
          0,
          list.length,
        );
        same(fromBytes.subarray(0, bytesEnd), expected);
        // The same characters the table of Windows-1252 gives, byte by byte.
        expect(resolveC1(pending)).toBe(
          String.fromCharCode(...list.map((byte) => windows1252CodePoint(byte)!)),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('a Windows-1252 piece of mostly plain letters, read four bytes at a time, at any offset', () => {
    // Runs of bytes written as they are, broken by every kind of byte that is not: the fast
    // path takes four at once only where each of them is plain, at any alignment.
    const plain = fc.integer({ min: 0x20, max: 0x7f });
    const any = fc
      .integer({ min: 0, max: 0xff })
      .filter((byte) => !WINDOWS_1252_UNDEFINED.includes(byte));
    const edge = fc.constantFrom(
      0x00,
      0x1f,
      0x20,
      0x21,
      0x22,
      0x23,
      0x5b,
      0x5c,
      0x5d,
      0x7e,
      0x7f,
      0x80,
      0x9f,
      0xa0,
      0xff,
    );
    const byte = fc.oneof(
      { arbitrary: plain, weight: 8 },
      { arbitrary: any, weight: 1 },
      { arbitrary: edge, weight: 1 },
    );
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 80 }), fc.nat(), fc.nat(), (list, a, b) => {
        const from = Math.min(a, b) % (list.length + 1);
        const to = Math.max(from, Math.max(a, b) % (list.length + 1));
        const source = Uint8Array.from(list);
        const piece = String.fromCharCode(...list.slice(from, to));
        const expected = utf8.encode(JSON.stringify(resolveC1(piece)).slice(1, -1));
        const bytes = new Uint8Array((to - from) * MOST_BYTES_PER_UNIT);
        const end = putWindows1252Body(bytes, 0, source, PENDING_C1_CODE_POINTS, from, to);
        same(bytes.subarray(0, end), expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('numbers: counts written digit by digit, anything else as JSON.stringify writes it', () => {
    const counts = fc.oneof(fc.nat(), fc.maxSafeNat(), fc.constantFrom(0, 9, 10, 99, 100));
    fc.assert(
      fc.property(counts, (count) => {
        expect(isCount(count)).toBe(true);
        const bytes = new Uint8Array(16);
        same(bytes.subarray(0, putNumber(bytes, 0, count)), utf8.encode(String(count)));
      }),
    );
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer()), (value) => {
        same(
          written((out) => out.number(value)),
          utf8.encode(JSON.stringify(value)),
        );
      }),
    );
  });
});
