import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { checkFile, inspectFile, inspectSteps } from './check';
import type { Inspection, UploadedFile } from './check';

const utf8 = (text: string) => new TextEncoder().encode(text);
const cp1252 = (text: string) => new Uint8Array(iconv.encode(text, 'windows-1252'));
const check = (name: string, text: string | Uint8Array) =>
  checkFile({ name, bytes: typeof text === 'string' ? utf8(text) : text });
const codes = (name: string, text: string | Uint8Array) =>
  check(name, text).problems.map((p) => [p.row, p.column, p.code]);

describe("the provider's own examples (seed page)", () => {
  it('the unix example, with a header, is accepted', () => {
    const text =
      'userref,msisdn,sender,class,message\n' +
      '"test","4510203040","MyCompany","standard","I\'m John Doe, who ""randomly"" quote things."\n' +
      ',"4512345678",,"standard","Optional fields"\n';
    const verdict = check('list.csv.ready', text);
    expect(verdict.problems).toEqual([]);
    expect(verdict).toMatchObject({ status: 'success', format: 'standard', rows: 2, parts: 2 });
    expect(verdict.messages[0]).toEqual({
      row: 2,
      msisdn: '4510203040',
      message: 'I\'m John Doe, who "randomly" quote things.',
      sender: 'MyCompany',
      class: 'standard',
      userref: 'test',
      encoding: 'GSM-7',
      parts: 1,
    });
  });

  it('the Excel example in Windows-1252 with CR LF is accepted as Excel format', () => {
    const text =
      'userref;msisdn;sender;class;message\r\n' +
      '"test";"4510203040";"MyCompany";"standard";"I\'m John Doe, who ""randomly"" quote things. Bon appétit!"\r\n';
    const verdict = check('list.csv.excel.ready', cp1252(text));
    expect(verdict).toMatchObject({
      status: 'success',
      format: 'excel',
      encoding: 'windows-1252',
      encodingSource: 'detected',
      rows: 1,
    });
    expect(verdict.messages[0]!.message).toContain('appétit');
  });
});

describe('SPEC 1: names decide the format and forced encoding', () => {
  it('both utf8 and cp1252 is conflicting-modifiers, and nothing else is read', () => {
    const verdict = check('a.csv.utf8.cp1252.ready', 'msisdn,message\n4512345678,hi\n');
    expect(verdict.problems.map((p) => p.code)).toEqual(['conflicting-modifiers']);
    expect(verdict.encoding).toBeNull();
  });
  it('a .utf8 name forces UTF-8 and says so', () => {
    expect(check('a.utf8.ready', 'msisdn,message\n4512345678,hi\n')).toMatchObject({
      status: 'success',
      encoding: 'utf-8',
      encodingSource: 'forced',
    });
  });
});

describe('SPEC 2: a file over 30 MiB is rejected unread', () => {
  it('too-large at 31,457,281 bytes, not at 31,457,280', () => {
    const big = new Uint8Array(31_457_281).fill(0x61);
    expect(codes('big.ready', big)).toEqual([[null, null, 'too-large']]);
    const limit = big.subarray(0, 31_457_280);
    expect(check('big.ready', limit).problems.map((p) => p.code)).not.toContain('too-large');
  });

  it('a file cut after its first 30 MiB + 1 byte (the rest unread) is too-large, size unknown', () => {
    const first = new Uint8Array(31_457_281).fill(0x61);
    const [problem] = checkFile({ name: 'big.ready', bytes: first, cut: true }).problems;
    expect(problem?.code).toBe('too-large');
    expect(problem?.message).toMatch(/^The file is more than 30 MiB; /);
    expect(check('big.ready', first).problems[0]?.message).toMatch(
      /^The file is 31,457,281 bytes; /,
    );
  });
});

describe('SPEC 3: encodings', () => {
  it('a UTF-16 file is read by detection; named .utf8.ready it fails', () => {
    const text = 'msisdn,message\r\n4512345678,Grüße 😀\r\n';
    const bytes = new Uint8Array(iconv.encode(text, 'utf-16le'));
    expect(check('x.ready', bytes)).toMatchObject({ status: 'success', encoding: 'utf-16le' });
    expect(check('x.ready', bytes).messages[0]).toMatchObject({ encoding: 'UCS-2' });
    expect(codes('x.utf8.ready', bytes)).toEqual([[null, null, 'bad-encoding']]);
  });
  it('bad-encoding names the byte offset', () => {
    const bytes = cp1252('msisdn,message\n4512345678,Café\n');
    const [problem] = check('x.utf8.ready', bytes).problems;
    expect(problem).toMatchObject({ code: 'bad-encoding', offset: 29 });
  });
  it('the BOM is dropped before the header is matched', () => {
    expect(check('x.ready', '\ufeffmsisdn,message\n4512345678,hi\n').status).toBe('success');
  });
});

describe('SPEC 4: the dialect, with rows as Excel numbers them', () => {
  it('a quoted field spanning lines is one row; blank rows are skipped and counted', () => {
    const text =
      'msisdn;message\r\n4512345678;"line one\r\nline two"\r\n\r\n;\r\n4512345679;ok\n4512345670;\n';
    const verdict = check('x.excel.ready', text);
    expect(verdict.rows).toBe(3);
    expect(verdict.skipped).toBe(2);
    expect(verdict.messages.map((m) => m.row)).toEqual([2, 5, 6]);
    expect(verdict.problems.map((p) => [p.row, p.code])).toEqual([[6, 'empty-message']]);
    expect(verdict.messages[0]!.message).toBe('line one\r\nline two');
  });
  it('field-count names the row', () => {
    expect(codes('x.ready', 'msisdn,message\n4512345678,hi,there\n4512345678\n')).toEqual([
      [2, null, 'field-count'],
      [3, null, 'field-count'],
    ]);
  });
  it('the comma is data in Excel format, so a comma file named .excel is caught at the header', () => {
    expect(codes('x.excel.ready', 'msisdn,message\n4512345678,hi\n')).toEqual([
      [1, 'msisdn,message', 'unknown-column'],
      [1, 'msisdn', 'missing-column'],
      [1, 'message', 'missing-column'],
    ]);
  });
  it('a tab-delimited file is one problem', () => {
    expect(codes('x.ready', 'msisdn\tmessage\n4512345678\thi\n')).toEqual([
      [1, null, 'tab-delimited'],
    ]);
  });
  it('a stray quote names its row and column', () => {
    expect(codes('x.ready', 'msisdn,message\n4512345678,say "hi"\n')).toEqual([
      [2, 'message', 'stray-quote'],
    ]);
  });
  it('an unclosed quote is named where it opened, without a field-count on top', () => {
    expect(codes('x.ready', 'msisdn,message\n4512345678,"hi\n4512345678,there\n')).toEqual([
      [2, 'message', 'unclosed-quote'],
    ]);
  });
  it('a lone CR is bad-line-ending', () => {
    const found = codes('x.ready', 'msisdn,message\r4512345678,hi\r\n');
    expect(found).toContainEqual([1, null, 'bad-line-ending']);
  });
});

describe('SPEC 5: empty file, header only', () => {
  it.each([
    ['', 'no bytes'],
    ['\ufeff', 'only a BOM'],
    ['\r\n\n', 'only line endings'],
  ])('empty-file for %j (%s)', (text) => {
    expect(codes('x.ready', text)).toEqual([[null, null, 'empty-file']]);
  });
  it('no-rows for a header and blank rows', () => {
    const verdict = check('x.excel.ready', 'msisdn;message\r\n;\r\n\r\n');
    expect(verdict.problems.map((p) => p.code)).toEqual(['no-rows']);
    expect(verdict.skipped).toBe(2);
  });
});

describe('SPEC 6: values, and the file is accepted or rejected whole', () => {
  it('one bad row rejects the file; every problem is listed in row order', () => {
    const text = 'msisdn,message,class\n4512345678,ok,\n123,ok,\n4512345678,,gold\n';
    const verdict = check('x.ready', text);
    expect(verdict.status).toBe('rejected');
    expect(verdict.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [3, 'msisdn', 'bad-msisdn'],
      [4, 'message', 'empty-message'],
      [4, 'class', 'bad-class'],
    ]);
    expect(verdict.messages).toHaveLength(3);
  });
  it('mixed-class: every row must come to the same class; empty counts as standard', () => {
    const text =
      'msisdn,message,class\n4512345678,a,\n4512345678,b,standard\n4512345678,c,premium\n';
    expect(codes('x.ready', text)).toEqual([[4, 'class', 'mixed-class']]);
  });
  it('sums SMS parts over all messages', () => {
    const text = `msisdn,message\n4512345678,${'a'.repeat(161)}\n4512345678,“hi”\n`;
    expect(check('x.ready', text)).toMatchObject({ status: 'success', parts: 3 });
  });
});

describe('inspectFile', () => {
  it('gives back the decoded text for the cause to be appended', () => {
    const { text } = inspectFile({ name: 'x.ready', bytes: utf8('\ufeffmsisdn\n') });
    expect(text()).toBe('msisdn\n');
  });

  it("gives Windows-1252's 0x80-0x9F as the characters they stand for", () => {
    const bytes = cp1252('msisdn;message\r\n4512345678;5 € – “tak”\r\n');
    const inspection = inspectFile({ name: 'x.excel.ready', bytes });
    expect(inspection.text()).toBe('msisdn;message\r\n4512345678;5 € – “tak”\r\n');
    expect(inspection.messages()[0]?.message).toBe('5 € – “tak”');
  });

  it('builds the first messages only, when asked for a few, the same as all of them', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `45${20000000 + i};"hi ""${i}""\n€"`);
    const bytes = cp1252(`msisdn;message\r\n${rows.join('\r\n')}\r\n`);
    const inspection = inspectFile({ name: 'x.excel.ready', bytes });
    const all = inspection.messages();
    expect(all).toHaveLength(5000);
    expect(inspection.messages(3)).toEqual(all.slice(0, 3));
    expect(inspection.messages(4321)).toEqual(all.slice(0, 4321));
    const kept = inspectFile({ name: 'x.excel.ready', bytes }, { keepMessages: true });
    expect(kept.messages()).toEqual(all);
    expect(kept.messages(3)).toEqual(all.slice(0, 3));
    expect(kept.decision).toEqual(inspection.decision);
    expect(all[4999]).toMatchObject({ row: 5001, message: 'hi "4999"\n€', parts: 1 });
    expect(inspection.decision).toMatchObject({ status: 'success', rows: 5000, parts: 5000 });
  });

  it('counts the messages in UCS-2 without building them', () => {
    const bytes = cp1252('msisdn;message\r\n4512345678;it’s\r\n4512345679;its\r\n');
    const inspection = inspectFile({ name: 'x.excel.ready', bytes });
    expect(inspection.ucs2Messages).toBe(1);
  });
});

describe('SPEC 3 and 7: a Windows-1252 file reads as the same text in UTF-8', () => {
  // check leaves 0x80-0x9F pending and resolves them only where a value is shown or counted;
  // whatever the file, that must give the verdict of the fully decoded text.
  const C1_CHARACTERS = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
  const character = fc.constantFrom(...C1_CHARACTERS, ...'ab1 ;,"\r\n€[é');
  // Long enough, some of them, for a message of several parts.
  const chars = (maxLength: number) =>
    fc.array(character, { maxLength, size: 'max' }).map((list) => list.join(''));
  // Mostly well-formed rows, so that values are validated and counted, with some broken ones.
  const field = fc.oneof(
    fc.constantFrom('4512345678', '45123456789', 'standard', 'premium', '', 'Shop'),
    fc.constantFrom(' 4512345678 ', '"4512345678"', 'secret', 'Shop & Co', 'r'.repeat(256)),
    chars(8),
    chars(200).map((value) => `"${value.replaceAll('"', '""')}"`),
  );
  const row = fc.array(field, { minLength: 5, maxLength: 5 }).map((fields) => fields.join(';'));
  const header = fc.oneof(
    fc.constant('msisdn;message;sender;class;userref'),
    chars(6).map((extra) => `msisdn;message;sender;class;${extra}`),
  );
  const text = fc
    .tuple(header, fc.array(fc.oneof(row, row, row, chars(30)), { maxLength: 8 }))
    .map(([first, rows]) => [first, ...rows].join('\r\n'));

  it('any text of those characters', () => {
    fc.assert(
      fc.property(text, (content) => {
        const bytes = cp1252(content);
        const asCp1252 = checkFile({ name: 'x.csv.excel.cp1252.ready', bytes });
        const asUtf8 = checkFile({ name: 'x.csv.excel.utf8.ready', bytes: utf8(content) });
        expect({ ...asCp1252, encoding: null }).toEqual({ ...asUtf8, encoding: null });
        // Built later, in a second reading, they are the same messages.
        const later = inspectFile({ name: 'x.csv.excel.cp1252.ready', bytes }).messages();
        expect(later).toEqual(asCp1252.messages);
      }),
      { numRuns: 500 },
    );
  });

  /** inspectSteps run through, the text pushed `step` characters at a time. */
  function stepped(file: UploadedFile, step: number): Inspection {
    const steps = inspectSteps(file, {}, step);
    let next = steps.next();
    while (!next.done) next = steps.next();
    return next.value;
  }

  it('issue 16: judged from the bytes (no strings made), the verdict of the strings (property)', () => {
    // Without messages to keep, check reads a Windows-1252 file's values where they stand;
    // keeping them as objects, it makes them strings first, as before.
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 12 }), (content, step) => {
        const file = { name: 'x.csv.excel.cp1252.ready', bytes: cp1252(content) };
        const { messages, ...decision } = checkFile(file);
        expect(inspectFile(file).decision).toEqual(decision);
        // In pieces of a few characters: fields cross from piece to piece.
        const inPieces = stepped(file, step);
        expect(inPieces.decision).toEqual(decision);
        expect(inPieces.messages()).toEqual(messages);
      }),
      { numRuns: 500 },
    );
  });

  it('a value with such a character is named in its problem as written', () => {
    const verdict = check(
      'x.excel.ready',
      cp1252('msisdn;message;sender;class\r\n45€12345678;hi;Shop’s;“standard”\r\n'),
    );
    expect(verdict.problems.map((p) => p.message)).toEqual([
      expect.stringContaining('"45€12345678"'),
      expect.stringContaining('"Shop’s"'),
      expect.stringContaining('"“standard”"'),
    ]);
  });
});
