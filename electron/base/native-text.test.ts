import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { checkFile } from '../../core/check';
import { decode, isValidUtf8 } from '../../core/decode';
import { nodeCheckOptions } from './native-text';

describe("Node's Latin-1 decoder gives core the same text as the web one", () => {
  it('for all 256 bytes, and the same problems for the undefined ones', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(decode(all, 'cp1252', nodeCheckOptions.latin1)).toEqual(decode(all, 'cp1252'));
    const defined = all.filter((b) => ![0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(b));
    const fast = decode(defined, 'cp1252', nodeCheckOptions.latin1);
    expect(fast.ok && fast.text).toBe(iconv.decode(Buffer.from(defined), 'windows-1252'));
  });
  it('on a subarray of a larger buffer', () => {
    const file = new TextEncoder().encode('xxmsisdn;message\r\n4512345678;caf\u00e9\r\n');
    const bytes = new Uint8Array(
      iconv.encode('xxmsisdn;message\r\n4512345678;café €\r\n', 'windows-1252'),
    ).subarray(2);
    expect(file.length).toBeGreaterThan(0);
    const verdict = checkFile({ name: 'a.excel.ready', bytes }, nodeCheckOptions);
    expect(verdict.messages[0]?.message).toBe('café €');
  });
  it("finds a byte in a subarray by the subarray's offsets, as the web's indexOf", () => {
    const buffer = Uint8Array.of(0x81, 0x41, 0x9d, 0x42, 0x81, 0x43);
    const find = nodeCheckOptions.findByte!;
    const view = buffer.subarray(1, 5);
    for (const byte of [0x81, 0x9d, 0x41, 0x43, 0x42]) {
      expect(find(view, byte)).toBe(view.indexOf(byte));
    }
    // The check's verdict of a file with an undefined byte, and of one without, is core's own.
    for (const bytes of [view, buffer.subarray(1, 2), buffer.subarray(3)]) {
      const file = { name: 'a.excel.ready', bytes: Uint8Array.of(...bytes) };
      expect(checkFile({ ...file, bytes }, nodeCheckOptions)).toEqual(checkFile(file));
    }
  });
  it("tells valid UTF-8 as core's decoder does, on a subarray by its own bytes (property)", () => {
    const isUtf8 = nodeCheckOptions.isUtf8!;
    // Bytes near UTF-8's edges: leads, continuations, overlongs, surrogates, past U+10FFFF.
    const edgy = fc.constantFrom(
      0x00,
      0x41,
      0x7f,
      0x80,
      0xbf,
      0xc0,
      0xc1,
      0xc2,
      0xdf,
      0xe0,
      0xed,
      0xef,
      0xf0,
      0xf4,
      0xf5,
      0xff,
      0xa0,
      0x9f,
      0x90,
      0x8f,
    );
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 24 }),
      fc.array(edgy, { maxLength: 24 }).map((b) => Uint8Array.from(b)),
      fc.string({ unit: 'binary', maxLength: 12 }).map((t) => new TextEncoder().encode(t)),
    );
    fc.assert(
      fc.property(bytes, fc.nat(3), fc.nat(3), (all, head, tail) => {
        const view = all.subarray(Math.min(head, all.length), Math.max(head, all.length - tail));
        expect(isUtf8(view)).toBe(isValidUtf8(view));
      }),
      { numRuns: 3000 },
    );
  });
  it('decodes a few bytes, joined, as Buffer decodes them (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        expect(nodeCheckOptions.latin1!(bytes)).toBe(Buffer.from(bytes).toString('latin1'));
      }),
      { numRuns: 2000 },
    );
  });
});
