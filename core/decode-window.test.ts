// Issue 16: a large Windows-1252 file is checked a window at a time (`sendsheet check`), read
// from the file as check goes. Whatever the file and wherever the windows end, the verdict and
// the JSON are those of the file checked whole, and a file decode does not read as its bytes is
// never taken for one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteWindow, WINDOW_BYTES } from './byte-window';
import type { ByteReader } from './byte-window';
import { inspectFile, inspectWindowed } from './check';
import { decodeLazily, markedOrWide, SNIFF_BYTES } from './decode';
import type { ForcedEncoding } from './decode';
import { isAscii, NotWindowed, WindowWatch, windowedFile } from './decode-window';
import { conflictProblem, parseUploadName } from './names';
import { writeVerdictJson } from './verdict-json';
import { encodeWindows1252Lossy } from './windows1252';
import { concat } from './bytes.test-util';

/** A reader of `bytes` that counts what it reads. */
function reader(bytes: Uint8Array) {
  const counted = { reads: 0, bytes: 0, largest: 0 };
  const read: ByteReader = {
    size: bytes.length,
    read(into, at) {
      const part = bytes.subarray(at, at + into.length);
      into.set(part);
      counted.reads++;
      counted.bytes += part.length;
      counted.largest = Math.max(counted.largest, into.length);
      return part.length;
    },
  };
  return { read, counted };
}

/**
 * The encoding decode reads `bytes` in when their text is the bytes themselves: Windows-1252
 * (its text not made), or UTF-8 where every byte is ASCII; null for any other file.
 */
function readAs(bytes: Uint8Array, forced: ForcedEncoding): 'windows-1252' | 'utf-8' | null {
  const decoded = decodeLazily(bytes, forced);
  if (!decoded.ok) return null;
  if (decoded.text === null) return 'windows-1252';
  return decoded.encoding === 'utf-8' && decoded.bomBytes === 0 && isAscii(bytes) ? 'utf-8' : null;
}

function json(file: Parameters<typeof writeVerdictJson>[0], keepLimit?: number) {
  const chunks: Uint8Array[] = [];
  const decision = writeVerdictJson(file, {}, (c) => chunks.push(c.slice()), {}, keepLimit);
  return decision === null ? null : new TextDecoder().decode(concat(chunks));
}

// Values a row of a Danish campaign may hold, tricky ones among them: C1 characters (€ ’ “),
// quotes doubled, the delimiter and line ends inside quotes, blank rows, bad numbers.
const value = fc.oneof(
  fc.constantFrom('Hej', 'Søren', 'æøå ÆØÅ', '€ 10', '’tis', '“citat”', 'tab\there', ''),
  fc.constantFrom('"x ""y"" z"', '"a;b,c"', '"line\r\nbreak"', '"é"', '"open'),
  fc.string({ unit: fc.constantFrom('a', 'é', '€', '"', ';', ',', ' ', '\n'), maxLength: 12 }),
  fc.nat(120).map((n) => 'long message '.repeat(n)),
);
const msisdn = fc.oneof(
  fc.integer({ min: 10_000_000, max: 99_999_999 }).map((n) => `45${n}`),
  fc.constantFrom('+4512345678', ' 4512345678 ', 'abc', ''),
);
const row = fc.tuple(msisdn, value, fc.constantFrom('Shop', '', 'Butik ÆØÅ'), value);

/**
 * A campaign file's text: a header, then rows (some blank, some short), and perhaps a row
 * longer than the piece of text check reads at once (64 Ki characters), quoted or not.
 */
const campaign = (excel: boolean) =>
  fc
    .tuple(
      fc.array(row, { minLength: 1, maxLength: 60 }),
      fc.integer({ min: 1, max: 60 }),
      fc.constantFrom('\r\n', '\n'),
      fc.option(fc.tuple(fc.integer({ min: 70_000, max: 140_000 }), fc.boolean(), fc.nat())),
    )
    .map(([rows, times, end, long]) => {
      const d = excel ? ';' : ',';
      const lines = [`msisdn${d}message${d}sender${d}userref`];
      for (let t = 0; t < times; t++) {
        for (const [m, text, sender, ref] of rows) lines.push([m, text, sender, ref].join(d));
        lines.push('');
      }
      if (long !== null) {
        const [length, quoted, at] = long;
        const text = 'æ€x'.repeat(length / 3);
        const message = quoted ? `"${text}\n""${text}"""` : text;
        lines.splice(1 + (at % lines.length), 0, ['4512345678', message, 'Shop', 'r'].join(d));
      }
      return lines.join(end) + end;
    });

/** The file's bytes: Windows-1252 mostly; UTF-8, marked, or with an undefined byte besides. */
const fileBytes = (text: string) =>
  fc.constantFrom('cp1252', 'utf8', 'bom', 'undefined-byte', 'late-invalid').map((how) => {
    if (how === 'utf8') return new TextEncoder().encode(text);
    if (how === 'bom')
      return concat([Uint8Array.of(0xef, 0xbb, 0xbf), new TextEncoder().encode(text)]);
    if (how === 'late-invalid') {
      // Valid UTF-8 up to its last byte: only the end makes it Windows-1252.
      return concat([new TextEncoder().encode(text), Uint8Array.of(0xe6)]);
    }
    const bytes = encodeWindows1252Lossy(text);
    if (how === 'undefined-byte') bytes[Math.floor(bytes.length * 0.9)] = 0x81;
    return bytes;
  });

const names = fc.constantFrom(
  'list.csv.excel.ready',
  'list.csv.ready',
  'list.csv.excel.cp1252.ready',
  'list.csv.utf8.ready',
  'list.csv.excel.utf8.cp1252.ready',
);

const windows = fc.constantFrom(1, 3, 4, 5, 100, 4096, 70_000, WINDOW_BYTES);

describe('issue 16: a file checked a window at a time', () => {
  it('gives the verdict and the JSON of the file checked whole, or is read whole (property)', () => {
    fc.assert(
      fc.property(
        names.chain((name) =>
          fc.tuple(
            fc.constant(name),
            campaign(parseUploadName(name).excel).chain(fileBytes),
            windows,
          ),
        ),
        ([name, bytes, size]) => {
          const forced = parseUploadName(name).forced;
          const reading =
            conflictProblem(parseUploadName(name)) === null ? readAs(bytes, forced) : null;
          const whole = inspectFile({ name, bytes }).decision;
          const file = windowedFile(name, reader(bytes).read, {}, size);
          const inspection = file && inspectWindowed(file);
          // Only a file decode reads as its bytes is ever checked a window at a time ...
          if (inspection !== null) {
            expect(reading).toBe(inspection.decision.encoding);
            expect(inspection.decision).toEqual(whole);
          }
          // ... and an ASCII one always is (a Windows-1252 one unless valid UTF-8 past ASCII
          // comes before its first invalid byte: read whole then), but for a name that forces
          // UTF-8: such a file is read whole (windowedFile). Files of ASCII alone are rare here
          // (most values are not), so a run only now and then made one with such a name.
          if (reading === 'utf-8' && forced !== 'utf8') expect(inspection).not.toBeNull();
          if (inspection === null) return;
          const expected = json({ name, bytes });
          expect(json(windowedFile(name, reader(bytes).read, {}, size)!)).toBe(expected);
          // Notes over their limit: the rows read again, a window at a time, as they are written.
          expect(json(windowedFile(name, reader(bytes).read, {}, size)!, 1024)).toBe(expected);
        },
      ),
      { numRuns: 120 },
    );
  });

  it('reads an ASCII file whole when its name forces UTF-8, with the same verdict', () => {
    const text = `msisdn,message,sender,userref\n${'4523179041,long message,,"x ""y"" z"\n'.repeat(50)}`;
    const bytes = new TextEncoder().encode(text);
    for (const name of ['list.csv.utf8.ready', 'list.csv.ready']) {
      const file = windowedFile(name, reader(bytes).read, {}, 4);
      if (name === 'list.csv.ready') {
        expect(file).not.toBeNull();
        expect(inspectWindowed(file!)!.decision).toEqual(inspectFile({ name, bytes }).decision);
      } else expect(file).toBeNull();
    }
    expect(inspectFile({ name: 'list.csv.utf8.ready', bytes }).decision.status).toBe('success');
  });

  it('the watch tells what decode would from the ranges check reads, overlapping or not (property)', () => {
    // Ranges as check reads them: from the start, each beginning at most where the last ended.
    // One that begins in the last three bytes seen may leave a character cut short by the last
    // unchecked: the watch then says nothing (the file is read whole), never a wrong reading.
    const loads = fc.array(fc.tuple(fc.nat(40), fc.integer({ min: 1, max: 60 })), {
      minLength: 1,
      maxLength: 200,
    });
    const edgy = fc.constantFrom(0x41, 0x0a, 0x80, 0x81, 0x9d, 0xa0, 0xc3, 0xa6, 0xe2, 0xf0, 0xbf);
    const bytes = fc.oneof(
      fc.array(edgy, { maxLength: 300 }).map((b) => Uint8Array.from(b)),
      fc.string({ unit: 'binary', maxLength: 100 }).map((t) => new TextEncoder().encode(t)),
      fc.string({ maxLength: 200 }).map(encodeWindows1252Lossy),
    );
    fc.assert(
      fc.property(
        bytes,
        loads,
        fc.constantFrom<ForcedEncoding>(null, 'cp1252'),
        (file, ranges, forced) => {
          fc.pre(forced !== null || !markedOrWide(file.subarray(0, SNIFF_BYTES)));
          const watch = new WindowWatch(forced, file.length);
          let seen = 0;
          let thrown = false;
          let close = false;
          try {
            for (const [back, length] of ranges) {
              if (seen >= file.length) break;
              const at = Math.max(0, seen - back);
              if (at > 0 && at > seen - 3) close = true;
              const end = Math.min(file.length, Math.max(seen + 1, at + length));
              watch.see(file.subarray(at, end), at);
              seen = end;
            }
            while (seen < file.length) {
              watch.see(file.subarray(Math.max(0, seen - 3), seen + 50), Math.max(0, seen - 3));
              seen = Math.min(file.length, seen + 50);
            }
          } catch (error) {
            if (!(error instanceof NotWindowed)) throw error;
            thrown = true;
          }
          const reading = readAs(file, forced);
          // An ASCII file is never left to be read whole.
          if (thrown) expect(reading).not.toBe('utf-8');
          else if (watch.confirmed() || !close) {
            expect(watch.confirmed()).toBe(true);
            expect(watch.encoding).toBe(reading);
            const decoded = decodeLazily(file, forced);
            if (decoded.ok && decoded.text === null) {
              expect(watch.pendingC1).toBe(decoded.pendingC1);
            }
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('holds at most a window of a file of short rows, and reads it about twice', () => {
    const text =
      'msisdn;message\r\n' + '4512345678;Hej Søren, dit tilbud: 10 € ’\r\n'.repeat(60_000);
    const bytes = encodeWindows1252Lossy(text);
    expect(bytes.length).toBeGreaterThan(2 * WINDOW_BYTES);
    const { read, counted } = reader(bytes);
    const file = windowedFile('big.csv.excel.ready', read)!;
    const out = json(file);
    expect(out).toBe(json({ name: 'big.csv.excel.ready', bytes }));
    expect(counted.largest).toBe(WINDOW_BYTES);
    // Once to check (windows overlapping by a piece), once to write the messages out.
    expect(counted.bytes).toBeLessThan(2.2 * bytes.length);
    expect(counted.bytes).toBeGreaterThanOrEqual(2 * bytes.length);
  });

  it('grows to hold a row longer than a window, and reads a file ended early as an error', () => {
    const long = 'x'.repeat(3 * WINDOW_BYTES);
    const bytes = encodeWindows1252Lossy(
      `msisdn;message\r\n4512345678;${long}\r\n4512345678;æ\r\n`,
    );
    const file = windowedFile('long.csv.excel.ready', reader(bytes).read)!;
    expect(inspectWindowed(file)?.decision).toEqual(
      inspectFile({ name: 'long.csv.excel.ready', bytes }).decision,
    );
    const shorter: ByteReader = {
      size: bytes.length + 10,
      read: (into, at) => reader(bytes).read.read(into, at),
    };
    expect(() => ByteWindow.over(shorter).hold(bytes.length, bytes.length + 5)).toThrow(
      /ended at byte/,
    );
  });
});
