import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { checkFile } from './check';
import { allSteps, EXPORT_STEP, exportSteps, nameFromContent, writeExport } from './writer';
import type { OutgoingMessage } from './writer';

// Not TextDecoder('windows-1252'): Node 20.18.3+ decodes 0x80-0x9F as Latin-1 (nodejs/node#60888).
const text = (bytes: Uint8Array) => iconv.decode(Buffer.from(bytes), 'windows-1252');

function roundTrip(
  messages: OutgoingMessage[],
  files: { uploadName: string; savedName?: string; bytes: Uint8Array }[],
) {
  const back = files.flatMap((file) => {
    // The name it is saved under, with `.ready` added as another FTP client does (issue 14).
    const name = file.savedName === undefined ? file.uploadName : `${file.savedName}.ready`;
    const verdict = checkFile({ name, bytes: file.bytes });
    expect(verdict.problems).toEqual([]);
    expect(verdict.status).toBe('success');
    return verdict.messages.map(({ msisdn, message, sender, userref, class: cls }) => ({
      msisdn,
      message,
      sender,
      class: cls,
      userref,
    }));
  });
  const expected = messages.map((m) => ({
    msisdn: m.msisdn.trim(),
    message: m.message,
    sender: m.sender ?? '',
    class: m.class || 'standard',
    userref: m.userref ?? '',
  }));
  expect(back).toEqual(expected);
}

describe('writer: the Excel format by default', () => {
  it('semicolons, CR LF, Windows-1252 when every character fits, named .cp1252.excel.ready', () => {
    const result = writeExport(
      [
        { msisdn: '4512345678', message: 'Bon appétit; "chef"' },
        { msisdn: '4587654321', message: 'Hej Søren, 50 €' },
      ],
      { baseName: 'Campaign.xlsx' },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [file] = result.files;
    expect(file).toMatchObject({
      fileName: 'Campaign.csv',
      uploadName: 'Campaign.csv.cp1252.excel.ready',
      // Issue 14: saved as `Campaign.csv`, the provider rejected it; saved as it is uploaded,
      // less `.ready`, another FTP client sends it by adding `.ready` alone.
      savedName: 'Campaign.csv.cp1252.excel',
      encoding: 'windows-1252',
      format: 'excel',
      rows: 2,
    });
    expect(text(file!.bytes)).toBe(
      'msisdn;message\r\n4512345678;"Bon appétit; ""chef"""\r\n4587654321;Hej Søren, 50 €\r\n',
    );
    expect(file!.bytes.includes(0x80)).toBe(true); // € is 0x80 in Windows-1252
  });

  it('UTF-8 with a BOM and the utf8 modifier when a character does not fit Windows-1252', () => {
    const result = writeExport([{ msisdn: '4512345678', message: 'Привет 😀' }], {
      baseName: 'ru',
    });
    if (!result.ok) throw new Error('expected ok');
    const [file] = result.files;
    expect(file!.uploadName).toBe('ru.csv.utf8.excel.ready');
    expect([...file!.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    roundTrip([{ msisdn: '4512345678', message: 'Привет 😀' }], result.files);
  });

  it('writes only the optional columns that are used', () => {
    const result = writeExport(
      [
        { msisdn: '4512345678', message: 'a', userref: 'r1' },
        { msisdn: '4512345679', message: 'b', sender: 'Shop' },
      ],
      { baseName: 'x', format: 'standard' },
    );
    if (!result.ok) throw new Error('expected ok');
    expect(new TextDecoder().decode(result.files[0]!.bytes)).toBe(
      'msisdn,message,sender,userref\n4512345678,a,,r1\n4512345679,b,Shop,\n',
    );
    expect(result.files[0]!.uploadName).toBe('x.csv.utf8.ready');
  });
});

describe('writer: split at a row limit (10,000 by default)', () => {
  it('splits 25 rows by 10 into three files, each with a header, named n-of-3', () => {
    const messages = Array.from({ length: 25 }, (_, i) => ({
      msisdn: String(4510000000 + i),
      message: `Message ${i}`,
    }));
    const result = writeExport(messages, { baseName: 'big', rowsPerFile: 10 });
    if (!result.ok) throw new Error('expected ok');
    expect(result.files.map((f) => [f.fileName, f.rows, f.firstIndex])).toEqual([
      ['big-1-of-3.csv', 10, 0],
      ['big-2-of-3.csv', 10, 10],
      ['big-3-of-3.csv', 5, 20],
    ]);
    expect(result.files.map((f) => f.savedName)).toEqual([
      'big-1-of-3.csv.cp1252.excel',
      'big-2-of-3.csv.cp1252.excel',
      'big-3-of-3.csv.cp1252.excel',
    ]);
    roundTrip(messages, result.files);
  });
  it('defaults to 10,000 rows a file', () => {
    const messages = Array.from({ length: 10_001 }, (_, i) => ({
      msisdn: String(4510000000 + i),
      message: 'x',
    }));
    const result = writeExport(messages, { baseName: 'b' });
    expect(result.ok && result.files.map((f) => f.rows)).toEqual([10_000, 1]);
  });
});

describe('writer: nothing is written when a message has a problem', () => {
  it('names the row as it would be in the file, the column and the code', () => {
    const result = writeExport(
      [
        { msisdn: '4512345678', message: 'ok' },
        { msisdn: '+45 1234', message: '' },
      ],
      { baseName: 'x' },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [3, 'msisdn', 'bad-msisdn'],
      [3, 'message', 'empty-message'],
    ]);
  });
  it('refuses forced Windows-1252 for text it cannot hold, and mixed classes', () => {
    const result = writeExport(
      [
        { msisdn: '4512345678', message: 'ok 😀', class: 'premium' },
        { msisdn: '4512345679', message: 'ok', class: 'secret' },
      ],
      { baseName: 'x', encoding: 'cp1252' },
    );
    expect(!result.ok && result.problems.map((p) => [p.row, p.code])).toEqual([
      [2, 'bad-encoding'],
      [3, 'mixed-class'],
    ]);
  });
  it('refuses lone surrogates, which no encoding can write', () => {
    const result = writeExport([{ msisdn: '4512345678', message: 'a\ud800b' }], {
      baseName: 'x',
    });
    expect(!result.ok && result.problems[0]!.code).toBe('bad-encoding');
  });
  it('an empty batch is no-rows', () => {
    const result = writeExport([], { baseName: 'x' });
    expect(!result.ok && result.problems[0]!.code).toBe('no-rows');
  });
});

describe('issue 15: the export in steps, for a caller that must keep other work going', () => {
  const many = (count: number) =>
    Array.from({ length: count }, (_, i) => ({ msisdn: String(4520000000 + i), message: 'Hej' }));

  it('yields every EXPORT_STEP messages checked and written, and after each file', () => {
    const messages = many(4 * EXPORT_STEP);
    const options = { baseName: 'big', rowsPerFile: 2 * EXPORT_STEP };
    const steps = exportSteps(messages, options);
    let yields = 0;
    let next = steps.next();
    while (!next.done) {
      yields++;
      next = steps.next();
    }
    // Checked: 3 steps between 4 pieces; encoding chosen: 3; written: 1 inside each of the two
    // files and 1 after each.
    expect(yields).toBe(3 + 3 + 2 * (1 + 1));
    expect(next.value).toEqual(writeExport(messages, options));
  });

  it.each([
    ['Windows-1252', 'Hej Søren', 'windows-1252'],
    ['UTF-8 with its BOM once', 'Hej 😀', 'utf-8'],
  ] as const)(
    'a file of more rows than a step, encoded a step at a time (%s): every message back, in order',
    (_, message, encoding) => {
      const messages = many(2 * EXPORT_STEP + 1).map((m, i) => ({
        ...m,
        message: `${message} ${i}`,
      }));
      const written = writeExport(messages, { baseName: 'big', rowsPerFile: 10 * EXPORT_STEP });
      expect(written.ok && written.files.map((file) => file.encoding)).toEqual([encoding]);
      const bytes = written.ok ? written.files[0]!.bytes : new Uint8Array();
      // One byte-order mark, at the start, and none where a step's piece begins.
      const marks = Buffer.from(bytes).toString('latin1').split('\xef\xbb\xbf').length - 1;
      expect(marks).toBe(encoding === 'utf-8' ? 1 : 0);
      if (written.ok) roundTrip(messages, written.files);
    },
  );

  it('a refusal comes after the checking steps alone, the same as writeExport', () => {
    const messages = [...many(2 * EXPORT_STEP), { msisdn: '12', message: '' }];
    const result = allSteps(exportSteps(messages, { baseName: 'x' }));
    expect(result).toEqual(writeExport(messages, { baseName: 'x' }));
    expect(!result.ok && result.problems.map((p) => p.code)).toEqual([
      'bad-msisdn',
      'empty-message',
    ]);
  });
});

// Characters that stress quoting, line endings and encodings, mixed with any code point.
const tricky = fc.constantFrom(
  '"',
  ';',
  ',',
  '\r',
  '\n',
  '\r\n',
  ' ',
  '€',
  '’',
  'é',
  'ÿ',
  '😀',
  '\u0081',
  '\u0000',
  '\t',
  '\ufeff',
  '#',
);
const textArb = (maxLength: number) =>
  fc.string({
    unit: fc.oneof(tricky, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })),
    maxLength,
  });

const messageArb: fc.Arbitrary<OutgoingMessage> = fc.record({
  msisdn: fc
    .tuple(fc.stringMatching(/^[1-9][0-9]{7,14}$/), fc.constantFrom('', ' ', '  '))
    .map(([n, pad]) => pad + n + pad),
  message: textArb(60).filter((m) => m !== ''),
  sender: fc.oneof(
    fc.constant(''),
    fc.stringMatching(/^[0-9]{1,15}$/),
    fc.stringMatching(/^[A-Za-z][A-Za-z0-9 .\-_&+]{0,10}$/),
  ),
  userref: textArb(30),
});

describe('issue 12: the name the export would give a file named without modifiers', () => {
  const cp1252 = (t: string) => new Uint8Array(iconv.encode(t, 'windows-1252'));
  const utf8 = (t: string) => new TextEncoder().encode(t);

  it('a semicolon file Excel saved in Denmark (Windows-1252): .cp1252.excel', () => {
    const bytes = cp1252('msisdn;message\r\n4512345678;Hej Søren, vi ses på fredag\r\n');
    expect(nameFromContent('list.csv', bytes)).toEqual({
      uploadName: 'list.csv.cp1252.excel.ready',
      format: 'excel',
      encoding: 'windows-1252',
    });
    // The server accepts it under that name, and rejects it under its own.
    expect(checkFile({ name: 'list.csv.cp1252.excel.ready', bytes }).status).toBe('success');
    expect(checkFile({ name: 'list.csv.ready', bytes }).status).toBe('rejected');
  });

  it.each([
    ['comma, UTF-8', 'list.csv', utf8('msisdn,message\n4512345678,Hi\n'), 'list.csv.utf8.ready'],
    ['already .ready', 'list.csv.ready', utf8('msisdn,message\n1,a\n'), 'list.csv.utf8.ready'],
    [
      'semicolon, UTF-8 with a BOM',
      'list.txt',
      utf8('\uFEFFmsisdn;message\r\n4512345678;Привет\r\n'),
      'list.txt.utf8.excel.ready',
    ],
    // Tabs are no format the server reads: the check refuses the file as tab-delimited.
    ['tabs', 'list.csv', utf8('msisdn\tmessage\n1\ta\n'), 'list.csv.utf8.ready'],
    // More commas than semicolons in the header: the standard format.
    ['mixed', 'a.csv', utf8('msisdn,message,"x;y"\n'), 'a.csv.utf8.ready'],
  ])('%s: %s is named %s', (_what, name, bytes, expected) => {
    expect(nameFromContent(name, bytes)?.uploadName).toBe(expected);
  });

  it('UTF-16 (named by its byte order mark) gets no encoding modifier', () => {
    const bytes = new Uint8Array(iconv.encode('\uFEFFmsisdn;message\r\n45;x\r\n', 'utf-16le'));
    expect(nameFromContent('wide.csv', bytes)?.uploadName).toBe('wide.csv.excel.ready');
  });

  it('a name with modifiers keeps them: null', () => {
    expect(nameFromContent('list.csv.excel', utf8('msisdn,message\n'))).toBeNull();
    expect(nameFromContent('list.csv.utf8.ready', utf8('msisdn;message\n'))).toBeNull();
  });

  it('names every file the export writes as the export did, or one the server reads the same', () => {
    for (const format of ['excel', 'standard'] as const)
      for (const message of ['Hej Søren', 'Привет', 'plain ASCII']) {
        const result = writeExport([{ msisdn: '4512345678', message }], { baseName: 'x', format });
        if (!result.ok) throw new Error('not exported');
        const [file] = result.files;
        const named = nameFromContent(file!.fileName, file!.bytes)!;
        // The same messages, rows and parts; only the encoding's name may differ (see below).
        const read = (name: string) => ({
          ...checkFile({ name, bytes: file!.bytes }),
          encoding: null,
        });
        expect(read(named.uploadName)).toEqual(read(file!.uploadName));
        // Plain ASCII is the same text in both encodings, and valid UTF-8: the one exception.
        if (message !== 'plain ASCII') expect(named.uploadName).toBe(file!.uploadName);
      }
  });
});

describe('property: whatever rows the writer is given, check on its output gives them back', () => {
  it('for every format, encoding and split', () => {
    fc.assert(
      fc.property(
        fc.array(messageArb, { minLength: 1, maxLength: 12 }),
        fc.constantFrom('excel', 'standard') as fc.Arbitrary<'excel' | 'standard'>,
        fc.constantFrom('auto', 'utf8') as fc.Arbitrary<'auto' | 'utf8'>,
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom('', 'standard', 'premium'),
        (messages, format, encoding, rowsPerFile, cls) => {
          const withClass = messages.map((m) => ({ ...m, class: cls }));
          const result = writeExport(withClass, { baseName: 'p', format, encoding, rowsPerFile });
          if (!result.ok) throw new Error(JSON.stringify(result.problems));
          roundTrip(withClass, result.files);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('any rows: either all written and given back, or refused with problems naming their rows', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ msisdn: textArb(16), message: textArb(20), sender: textArb(12) }), {
          minLength: 1,
          maxLength: 6,
        }),
        (messages) => {
          const result = writeExport(messages, {
            baseName: 'q',
            format: 'standard',
            encoding: 'utf8',
          });
          if (result.ok) {
            roundTrip(messages, result.files);
          } else {
            for (const p of result.problems) {
              expect(p.row).toBeGreaterThanOrEqual(2);
              expect(p.row).toBeLessThanOrEqual(messages.length + 1);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
