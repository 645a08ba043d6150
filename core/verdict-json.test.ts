// Issue 16: `check --json` writes its verdict from the rows as they are read (verdict-json.ts),
// a fast path beside the plain one, JSON.stringify of checkFile's verdict. For any file and any
// values it must write the same bytes, byte for byte.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concat } from './bytes.test-util';
import { checkFile } from './check';
import type { UploadedFile } from './check';
import { documentedProblem } from './problems';
import { countSegments } from './segments';
import { messageOf } from './values';
import { encodeWindows1252Lossy } from './windows1252';
import { JsonMessages, writeVerdictJson } from './verdict-json';

const utf8 = new TextEncoder();

/** The fast path's bytes, each chunk copied as it is written (a writer may reuse nothing). */
function fast(file: UploadedFile, lead: Record<string, string> = {}, keepLimit?: number) {
  const chunks: Uint8Array[] = [];
  writeVerdictJson(file, {}, (bytes) => chunks.push(bytes.slice()), lead, keepLimit);
  return concat(chunks);
}

/**
 * Where two byte strings first differ, with the text around it, or null: vitest's deep
 * equality walks a typed array element by element, far too slowly for megabytes.
 */
function difference(a: Uint8Array, b: Uint8Array): string | null {
  const length = Math.min(a.length, b.length);
  let at = 0;
  while (at < length && a[at] === b[at]) at++;
  if (at === length && a.length === b.length) return null;
  const around = (bytes: Uint8Array) =>
    new TextDecoder().decode(bytes.subarray(Math.max(0, at - 40), at + 40));
  return `at byte ${at} of ${a.length} and ${b.length}: ${around(a)} | ${around(b)}`;
}

function plain(file: UploadedFile, lead: Record<string, string> = {}): Uint8Array {
  const verdict = checkFile(file);
  const problems = verdict.problems.map(documentedProblem);
  return utf8.encode(JSON.stringify({ ...lead, ...verdict, problems }) + '\n');
}

/** Cells full of what JSON escapes, what UTF-8 spreads over bytes, and the CSV's own marks. */
const cell = fc
  .array(
    fc.oneof(
      fc.constantFrom('a', 'Z', '0', '45', ' ', '"', '\\', '/', ';', ',', '\t', '\r\n', '\n'),
      fc.constantFrom('\u0000', '\u0001', '\u001f', '\u007f', '\b', '\f', '\r'),
      fc.constantFrom('é', 'ø', '€', '“', '’', '–', '™', 'Ω', '😀', '\u00a0', '\u2028'),
      fc.string({ unit: 'binary', maxLength: 3 }),
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join(''));

const header = fc.constantFrom(
  ['msisdn', 'message'],
  ['msisdn', 'message', 'sender', 'class', 'userref'],
  ['userref', 'message', 'class', 'msisdn'],
  ['msisdn', 'text'],
);

const files = fc
  .tuple(
    header,
    fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 8 }),
    fc.constantFrom(';', ','),
    fc.constantFrom('\r\n', '\n'),
    fc.constantFrom('utf-8', 'windows-1252', 'utf-16le', 'utf-8 bom'),
    fc.constantFrom('', '.utf8', '.cp1252'),
  )
  .map(([names, rows, delimiter, newline, encoding, forced]): UploadedFile => {
    const text =
      [names, ...rows]
        .map((row) =>
          row
            .map((value) => (/[;,"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value))
            .join(delimiter),
        )
        .join(newline) + newline;
    const bytes =
      encoding === 'windows-1252'
        ? encodeWindows1252Lossy(text)
        : encoding === 'utf-16le'
          ? new Uint8Array([
              0xff,
              0xfe,
              ...new Uint8Array(Uint16Array.from(text, (c) => c.charCodeAt(0)).buffer),
            ])
          : encoding === 'utf-8 bom'
            ? new Uint8Array([0xef, 0xbb, 0xbf, ...utf8.encode(text)])
            : utf8.encode(text);
    const excel = delimiter === ';' ? '.excel' : '';
    return { name: `list.csv${excel}${forced}.ready`, bytes };
  });

describe('issue 16: check --json written as read is JSON.stringify of the verdict, byte for byte', () => {
  it('one message at a time: any values, lone surrogates and controls included', () => {
    // Any code point, each of JSON's escapes, and halves of surrogate pairs left alone.
    const unit = fc.oneof(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      fc.integer({ min: 0, max: 0x20 }).map((code) => String.fromCharCode(code)),
      fc.constantFrom('"', '\\', '/', '\u007f', '\u2028'),
      fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)),
    );
    const text = fc.array(unit, { maxLength: 12 }).map((units) => units.join(''));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), text, text, text, text, text), { maxLength: 6 }),
        (rows) => {
          const sink = new JsonMessages(null);
          const objects = rows.map(([row, msisdn, message, sender, cls, userref]) => {
            const segments = countSegments(message);
            const raw = { row, msisdn, message, sender, class: cls, userref, segments };
            sink.add(raw);
            return messageOf(raw);
          });
          const json = JSON.stringify(objects);
          const written = concat(sink.end());
          expect(difference(written, utf8.encode(json.slice(1, -1)))).toBeNull();
        },
      ),
      { numRuns: 500 },
    );
  });

  it('whole files in every encoding, accepted or rejected, with the lead fields first', () => {
    fc.assert(
      fc.property(files, (file) => {
        const lead = { file: 'folder/list.csv', name: file.name };
        expect(difference(fast(file, lead), plain(file, lead))).toBeNull();
      }),
      { numRuns: 400 },
    );
  });

  it('past the bytes it keeps, it reads the rows again and writes the same', () => {
    fc.assert(
      fc.property(files, fc.integer({ min: 0, max: 200 }), (file, keepLimit) => {
        expect(difference(fast(file, {}, keepLimit), plain(file))).toBeNull();
      }),
      { numRuns: 200 },
    );
  });

  it('a message of more units than are written in one go: a block at a time, the same', () => {
    const long = `Hej "${'€ café 😀 – '.repeat(9_000)}" \\ tak`;
    const text = `msisdn;message;sender\r\n 4512345678 ;${long.replace(/"/g, '""')};Shop\r\n45123;kort;\r\n`;
    for (const bytes of [utf8.encode(text), encodeWindows1252Lossy(text)]) {
      const file = { name: 'long.csv.excel.ready', bytes };
      expect(difference(fast(file), plain(file))).toBeNull();
    }
  });

  it('many rows cross the chunks the same way', () => {
    const rows = Array.from(
      { length: 30_000 },
      (_, i) => `45${20_000_000 + i};"Hej ""€${i}"" 😀 – \\ tak";Shop;;r${i}`,
    );
    const text = `msisdn;message;sender;class;userref\r\n${rows.join('\r\n')}\r\n`;
    for (const bytes of [utf8.encode(text), encodeWindows1252Lossy(text)]) {
      const file = { name: 'big.csv.excel.ready', bytes };
      const expected = plain(file);
      expect(difference(fast(file), expected)).toBeNull();
      expect(difference(fast(file, {}, 64 * 1024), expected)).toBeNull();
    }
  });

  it('a caller that will not go on once the file is checked is given null, and nothing written', () => {
    const bytes = encodeWindows1252Lossy('msisdn;message\r\n4512345678;Hej Søren\r\n');
    const chunks: Uint8Array[] = [];
    let asked = 0;
    const stop = () => (asked++, false);
    const file = { name: 'a.csv.excel.ready', bytes };
    expect(
      writeVerdictJson(file, {}, (c) => chunks.push(c), {}, undefined, false, null, stop),
    ).toBeNull();
    expect(asked).toBe(1);
    expect(chunks).toEqual([]);
    const go = () => true;
    expect(
      writeVerdictJson(file, {}, (c) => chunks.push(c), {}, undefined, false, null, go),
    ).toMatchObject({
      status: 'success',
    });
    expect(chunks.length).toBeGreaterThan(0);
  });
});
