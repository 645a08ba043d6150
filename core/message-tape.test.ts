// Issue 16: `check --json` notes each message as numbers while the file is checked and writes
// them after the verdict's head (message-tape.ts): for any messages, the same bytes as
// JSON.stringify of the messages, and the output passes through one chunk when the writer
// consumes what it is given.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concat, same } from './bytes.test-util';
import { ByteWindow } from './byte-window';
import { FileText } from './file-text';
import { JsonBytes } from './json-bytes';
import { MessageJson } from './message-json';
import { MessageTape, TapeBlocks } from './message-tape';
import { countSegments } from './segments';
import { messageOf, queuedClass } from './values';
import { writeVerdictJson } from './verdict-json';
import { encodeWindows1252Lossy, WEB_LATIN1 } from './windows1252';

const utf8 = new TextEncoder();

const unit = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.integer({ min: 0, max: 0x20 }).map((code) => String.fromCharCode(code)),
  fc.constantFrom('"', '\\', '/', '\u007f', '\u2028', ' ', 'standard'),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)),
);
const text = fc.array(unit, { maxLength: 12 }).map((units) => units.join(''));

describe('issue 16: messages noted as numbers, written after the head, as JSON.stringify writes them', () => {
  it('any values and any counts, rows and parts past 32 bits included', () => {
    const count = fc.oneof(fc.nat(), fc.maxSafeNat(), fc.constantFrom(0, 2 ** 31 - 1, 2 ** 31));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(count, text, text, text, text, text), { maxLength: 200 }),
        fc.integer({ min: 1, max: 64 }),
        (rows, chunkBytes) => {
          const tape = new MessageTape(Infinity);
          const objects = rows.map(([row, msisdn, message, sender, cls, userref]) => {
            const raw = { row, msisdn, message, sender, class: cls, userref };
            const full = { ...raw, segments: countSegments(message) };
            tape.add(full);
            return messageOf(full);
          });
          const chunks: Uint8Array[] = [];
          const out = new JsonBytes((chunk) => chunks.push(chunk.slice()), chunkBytes, true);
          tape.writeTo(new MessageJson(out));
          out.flush();
          same(concat(chunks), utf8.encode(JSON.stringify(objects).slice(1, -1)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a writer that consumes each chunk is given one chunk, filled again, and the same bytes', () => {
    const rows = Array.from(
      { length: 20_000 },
      (_, i) => `45${20_000_000 + i};"Hej ""€${i}"" 😀 – café \\ tak";Shop;;r${i}`,
    );
    const text = `msisdn;message;sender;class;userref\r\n${rows.join('\r\n')}\r\n`;
    for (const bytes of [utf8.encode(text), encodeWindows1252Lossy(text)]) {
      const file = { name: 'big.csv.excel.ready', bytes };
      const held: Uint8Array[] = [];
      writeVerdictJson(file, {}, (chunk) => held.push(chunk.slice()));
      const buffers = new Set<ArrayBufferLike>();
      const consumed: Uint8Array[] = [];
      writeVerdictJson(
        file,
        {},
        (chunk) => {
          buffers.add(chunk.buffer);
          consumed.push(chunk.slice());
        },
        {},
        undefined,
        true,
      );
      same(concat(consumed), concat(held));
      // The head, the tail and one chunk for the 2 MiB of messages between them.
      expect(concat(held).length).toBeGreaterThan(2 * (1 << 20));
      expect(buffers.size).toBe(3);
    }
  });

  it('blocks given back and taken again by the next file hold nothing of the last one', () => {
    // A larger file first, then a smaller and a larger one through the same blocks: each the
    // same bytes as written with fresh blocks.
    const file = (rows: number, word: string) => {
      const lines = Array.from(
        { length: rows },
        (_, i) => `45${20_000_000 + i};${word} ${i};Shop;;r${i}`,
      );
      const text = `msisdn;message;sender;class;userref\r\n${lines.join('\r\n')}\r\n`;
      return { name: 'x.csv.excel.ready', bytes: encodeWindows1252Lossy(text) };
    };
    const written = (f: ReturnType<typeof file>, blocks: TapeBlocks | null) => {
      const chunks: Uint8Array[] = [];
      writeVerdictJson(f, {}, (chunk) => chunks.push(chunk.slice()), {}, undefined, false, blocks);
      return concat(chunks);
    };
    const blocks = new TapeBlocks();
    for (const f of [file(30_000, 'første'), file(9_000, 'anden'), file(25_000, 'tredje €')]) {
      same(written(f, blocks), written(f, null));
    }
    // The blocks were taken again: full-sized ones are in the pool after each file.
    expect(blocks.take()).toBeInstanceOf(Int32Array);
  });

  it('values noted by where they stand, near or far, in any order, or by their text: as written directly', () => {
    // A value is one word where it starts at most 127 after the last one's end and is shorter
    // than 2^24; three words otherwise; the same JSON as MessageJson given the values at once.
    const source = new Uint8Array((1 << 24) + 300);
    for (let i = 0; i < source.length; i++) source[i] = 0x20 + ((i * 7) % 0x60);
    source.set([0x22, 0x5c, 0x80, 0xe6, 0x0a], 100);
    // Quoted fields' texts as written, from 1000 on: units of 9 bytes, three `""` in each.
    const unit = encodeWindows1252Lossy('x""\u0080""""é');
    for (let u = 0; u < 50; u++) source.set(unit, 1000 + 9 * u);
    const text = new FileText(null, ByteWindow.whole(source), true, WEB_LATIN1);
    type Value =
      { start: number; length: number } | { text: string } | { units: number; from: number };
    const latin1 = fc.integer({ min: 0, max: 0xff }).map((unit) => String.fromCharCode(unit));
    const value: fc.Arbitrary<Value> = fc.oneof(
      fc.record({ start: fc.nat(400), length: fc.nat(40) }),
      // One byte a character (copied into the tape's bytes), C1 ones included, or not.
      fc.record({ text: fc.string({ maxLength: 6 }) }),
      fc.record({ text: fc.string({ unit: latin1, maxLength: 6 }) }),
      fc.record({ text: fc.string({ unit: 'binary', maxLength: 6 }) }),
      // A quoted field's text with its `""`, in place.
      fc.record({ units: fc.nat(6), from: fc.nat(40) }),
    );
    const message = fc.record({
      row: fc.nat(),
      parts: fc.oneof(fc.nat(12), fc.constantFrom(2 ** 30 - 1, 2 ** 30, 2 ** 31, 2 ** 53 - 1)),
      ucs2: fc.boolean(),
      values: fc.array(value, { minLength: 5, maxLength: 5 }),
    });
    type Noted = { row: number; parts: number; ucs2: boolean; values: Value[] };
    const sameAsDirect = (messages: Noted[]) => {
      const tape = new MessageTape(Infinity);
      tape.readsInPlace(text);
      const direct: Uint8Array[] = [];
      const json = new MessageJson(new JsonBytes((chunk) => direct.push(chunk.slice())));
      json.readFrom(text);
      messages.forEach(({ row, parts, ucs2, values }, i) => {
        const segments = { encoding: ucs2 ? 'UCS-2' : 'GSM-7', units: 0, parts } as const;
        const texts = values.map((v) => ('text' in v ? v.text : ''));
        const starts = values.map((v) =>
          'text' in v ? -1 : 'units' in v ? 1000 + 9 * v.from : v.start,
        );
        const pairs = values.map((v) => ('units' in v ? 3 * v.units : 0));
        const lengths = values.map((v) =>
          'text' in v ? v.text.length : 'units' in v ? 6 * v.units : v.length,
        );
        // A class of no length is the class a file without one queues (addInPlace's rule).
        if (lengths[3] === 0) {
          starts[3] = -1;
          texts[3] = queuedClass('');
          pairs[3] = 0;
        }
        tape.addInPlace(row, segments, texts, starts, lengths, pairs);
        values.forEach((_, k) => {
          // Written directly as its text, each `""` one quote.
          if (pairs[k]! > 0) {
            const written = text.slice(starts[k]!, starts[k]! + lengths[k]! + pairs[k]!);
            texts[k] = written.replaceAll('""', '"');
            starts[k] = -1;
          }
        });
        values.forEach((_, k) => json.set(k, texts[k]!, starts[k]!));
        values.forEach(
          (_, k) => (json.lengths[k] = starts[k]! < 0 ? texts[k]!.length : lengths[k]!),
        );
        json.put(i === 0, row, segments.encoding, parts);
      });
      json.out.flush();
      const noted: Uint8Array[] = [];
      const out = new JsonBytes((chunk) => noted.push(chunk.slice()));
      tape.writeTo(new MessageJson(out));
      out.flush();
      same(concat(noted), concat(direct));
    };
    fc.assert(fc.property(fc.array(message, { maxLength: 30 }), sameAsDirect), { numRuns: 200 });
    // A value longer than a word's length holds, near and far: written a block at a time.
    const long = { start: 5, length: (1 << 24) + 10 };
    const near = { start: 3, length: 1 };
    sameAsDirect([
      { row: 1, parts: 1, ucs2: false, values: [near, long, near, { text: 'x' }, near] },
    ]);
    // A text longer than the tape copies (a string then); texts filling block after block of
    // the tape's bytes; a message too long to write at once, of texts from those bytes.
    const chars = (n: number, from = 0) => ({ text: 'é"\\\u0080\n'.repeat(n).slice(from) });
    sameAsDirect([
      { row: 2, parts: 3, ucs2: true, values: [{ text: '45' }, chars(20_000), near, near, near] },
    ]);
    sameAsDirect(
      Array.from({ length: 60 }, (_, i) => ({
        row: i,
        parts: 1,
        ucs2: false,
        values: [near, chars(1_000 + 97 * i, i % 5), near, near, chars(3)],
      })),
    );
    sameAsDirect([
      { row: 3, parts: 9, ucs2: false, values: [near, chars(12_000), near, near, chars(2_000)] },
    ]);
  });
});
