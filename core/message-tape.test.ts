// Issue 16: `check --json` notes each message as numbers while the file is checked and writes
// them after the verdict's head (message-tape.ts): for any messages, the same bytes as
// JSON.stringify of the messages, and the output passes through one chunk when the writer
// consumes what it is given.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concat, same } from './bytes.test-util';
import { JsonBytes } from './json-bytes';
import { MessageJson } from './message-json';
import { MessageTape } from './message-tape';
import { countSegments } from './segments';
import { messageOf } from './values';
import { writeVerdictJson } from './verdict-json';
import { encodeWindows1252Lossy } from './windows1252';

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
});
