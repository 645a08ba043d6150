import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  conflictProblem,
  finishedName,
  formatStamp,
  parseStageName,
  parseStamp,
  parseUploadName,
  processingName,
  safeBaseName,
  uploadName,
} from './names';
import type { Modifier } from './names';
import { growth, LINEAR_LIMIT } from './growth.test-util';

const utc = (...fields: [number, number, number, number, number, number]) =>
  new Date(Date.UTC(...fields));

describe('SPEC 1 modifiers: the words just before .ready, read right to left', () => {
  it.each([
    ['list.csv.excel.ready', ['excel'], true, null],
    ['list.csv.utf8.excel.ready', ['utf8', 'excel'], true, 'utf8'],
    ['list.csv.excel.utf8.ready', ['excel', 'utf8'], true, 'utf8'],
    ['list.csv.cp1252.ready', ['cp1252'], false, 'cp1252'],
    ['list.csv.ready', [], false, null],
  ] as const)('%s has modifiers %j', (name, modifiers, excel, forced) => {
    const parsed = parseUploadName(name);
    expect(parsed).toEqual({
      name,
      ready: true,
      base: name.slice(0, -'.ready'.length),
      modifiers,
      excel,
      forced,
      conflicting: false,
    });
  });

  it('are case-insensitive and come back lowercased, in the order of the name', () => {
    const parsed = parseUploadName('List.CSV.Utf8.EXCEL.ready');
    expect(parsed.modifiers).toEqual(['utf8', 'excel']);
    expect(parsed.base).toBe('List.CSV.Utf8.EXCEL');
    expect(parsed).toMatchObject({ excel: true, forced: 'utf8' });
  });

  it('a look-alike of another width is another word', () => {
    expect(parseUploadName('list.csv.\uff45xcel.ready').modifiers).toEqual([]);
    expect(parseUploadName('list.csv.\uff35TF8.ready').modifiers).toEqual([]);
  });

  it('stop at the first other word', () => {
    expect(parseUploadName('excel.list.ready').modifiers).toEqual([]);
    expect(parseUploadName('list.excel.csv.ready').modifiers).toEqual([]);
    expect(parseUploadName('a.utf8.list.excel.ready').modifiers).toEqual(['excel']);
    expect(parseUploadName('list.exceL2.ready').modifiers).toEqual([]);
  });

  it('stop at an empty word', () => {
    expect(parseUploadName('list..excel.ready').modifiers).toEqual(['excel']);
    expect(parseUploadName('list.excel..ready').modifiers).toEqual([]);
    expect(parseUploadName('.excel.ready')).toMatchObject({ base: '.excel', modifiers: ['excel'] });
  });

  it('include the first word of the name (strict reading: it is a word before .ready)', () => {
    expect(parseUploadName('utf8.ready')).toMatchObject({ base: 'utf8', forced: 'utf8' });
    expect(parseUploadName('cp1252.excel.ready').modifiers).toEqual(['cp1252', 'excel']);
  });

  it('a repeated modifier is harmless', () => {
    const parsed = parseUploadName('list.excel.utf8.EXCEL.utf8.ready');
    expect(parsed).toMatchObject({ excel: true, forced: 'utf8', conflicting: false });
    expect(parsed.modifiers).toEqual(['excel', 'utf8', 'excel', 'utf8']);
    expect(conflictProblem(parsed)).toBeNull();
  });

  it('both utf8 and cp1252 is conflicting-modifiers, forcing neither', () => {
    for (const name of ['list.utf8.cp1252.ready', 'list.CP1252.excel.Utf8.ready']) {
      const parsed = parseUploadName(name);
      expect(parsed).toMatchObject({ conflicting: true, forced: null });
      expect(conflictProblem(parsed)).toEqual({
        row: null,
        column: null,
        code: 'conflicting-modifiers',
        message: expect.stringMatching(/utf8.*cp1252/),
      });
    }
  });

  it('no conflict without both', () => {
    for (const name of ['list.ready', 'list.utf8.ready', 'list.cp1252.cp1252.excel.ready']) {
      expect(conflictProblem(parseUploadName(name))).toBeNull();
    }
  });

  it('.ready is case-sensitive', () => {
    const parsed = parseUploadName('list.csv.excel.READY');
    expect(parsed).toMatchObject({ ready: false, base: 'list.csv.excel.READY', modifiers: [] });
    expect(parseUploadName('list.csv.excel.Ready').ready).toBe(false);
  });

  it('a name without .ready has its modifiers read from its end', () => {
    expect(parseUploadName('list.csv.cp1252.excel')).toMatchObject({
      ready: false,
      base: 'list.csv.cp1252.excel',
      modifiers: ['cp1252', 'excel'],
      excel: true,
      forced: 'cp1252',
    });
    expect(parseUploadName('list.csv')).toMatchObject({ ready: false, modifiers: [] });
    expect(parseUploadName('')).toMatchObject({ ready: false, base: '', modifiers: [] });
  });

  it('the name .ready alone has an empty base', () => {
    expect(parseUploadName('.ready')).toMatchObject({ ready: true, base: '', modifiers: [] });
  });

  it('reads a long run of modifiers in linear time', () => {
    const name = (size: number) => `${'excel.'.repeat(size)}ready`;
    expect(parseUploadName(name(200_000)).modifiers).toHaveLength(200_000);
    expect(growth(name, parseUploadName, 25_000)).toBeLessThan(LINEAR_LIMIT);
  });
});

describe('SPEC 1 stamps: UTC time as YYYYMMDDTHHMMSS', () => {
  it('writes the UTC time, milliseconds dropped', () => {
    expect(formatStamp(utc(2026, 10, 24, 14, 0, 0))).toBe('20261124T140000');
    expect(formatStamp(new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 999)))).toBe('20260102T030405');
    expect(formatStamp(new Date('2026-11-24T23:30:00+05:00'))).toBe('20261124T183000');
  });

  it('writes years 0 to 9999 with four digits', () => {
    const year0 = new Date(0);
    year0.setUTCFullYear(0, 0, 1);
    expect(formatStamp(year0)).toBe('00000101T000000');
    expect(formatStamp(utc(9999, 11, 31, 23, 59, 59))).toBe('99991231T235959');
  });

  it('an invalid date or a year it cannot write is a bug', () => {
    expect(() => formatStamp(new Date(NaN))).toThrow(RangeError);
    expect(() => formatStamp(utc(10000, 0, 1, 0, 0, 0))).toThrow(RangeError);
    expect(() => formatStamp(utc(-1, 0, 1, 0, 0, 0))).toThrow(RangeError);
  });

  it('reads a stamp back', () => {
    expect(parseStamp('20261124T140000')?.toISOString()).toBe('2026-11-24T14:00:00.000Z');
    expect(parseStamp('20240229T235959')?.toISOString()).toBe('2024-02-29T23:59:59.000Z');
    expect(parseStamp('00010101T000000')?.getUTCFullYear()).toBe(1);
  });

  it.each([
    ['', 'empty'],
    ['20261124T14000', 'too short'],
    ['20261124T1400000', 'too long'],
    ['20261124t140000', 'lowercase t'],
    ['20261124 140000', 'no T'],
    ['2026112AT140000', 'a letter'],
    ['+0261124T140000', 'a sign'],
    ['２0261124T140000', 'a fullwidth digit'],
    ['20261324T140000', 'month 13'],
    ['20260024T140000', 'month 0'],
    ['20261100T140000', 'day 0'],
    ['20250229T140000', '29 February in a common year'],
    ['20261131T140000', '31 November'],
    ['20261124T240000', 'hour 24'],
    ['20261124T146000', 'minute 60'],
    ['20261124T140060', 'second 60'],
  ])('refuses %j (%s)', (stamp) => {
    expect(parseStamp(stamp)).toBeNull();
  });

  it('every time to the second round-trips', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('0000-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        (at) => {
          const whole = new Date(at.getTime() - (((at.getTime() % 1000) + 1000) % 1000));
          expect(parseStamp(formatStamp(at))?.getTime()).toBe(whole.getTime());
        },
      ),
    );
  });
});

describe('SPEC 1 life cycle: NAME.ready -> NAME.STAMP.processing -> success | rejected', () => {
  const at = utc(2026, 10, 24, 14, 0, 0);

  it('follows the example of SPEC 1, NAME keeping its modifiers', () => {
    const processing = processingName('list.csv.excel.ready', at);
    expect(processing).toBe('list.csv.excel.20261124T140000.processing');
    expect(finishedName(processing, 'success')).toBe('list.csv.excel.20261124T140000.success');
    expect(finishedName(processing, 'rejected')).toBe('list.csv.excel.20261124T140000.rejected');
  });

  it.each([
    ['list.csv.excel.ready', 'ready', 'list.csv.excel', null],
    [
      'list.csv.excel.20261124T140000.processing',
      'processing',
      'list.csv.excel',
      '20261124T140000',
    ],
    ['list.csv.20261124T140000.success', 'success', 'list.csv', '20261124T140000'],
    ['list.csv.20261124T140000.rejected', 'rejected', 'list.csv', '20261124T140000'],
    ['.ready', 'ready', '', null],
    ['.20261124T140000.processing', 'processing', '', '20261124T140000'],
    ['a.20261124T140000.processing.ready', 'ready', 'a.20261124T140000.processing', null],
    [
      'a.20250101T000000.20261124T140000.rejected',
      'rejected',
      'a.20250101T000000',
      '20261124T140000',
    ],
  ])('%s is stage %s', (name, stage, base, stamp) => {
    expect(parseStageName(name)).toEqual({ stage, base, stamp });
  });

  it.each([
    ['list.csv', 'an upload under its own name'],
    ['list.csv.part', 'a temporary name'],
    ['list.csv.READY', '.ready in capitals'],
    ['list.csv.20261124T140000.Processing', 'a stage word in capitals'],
    ['list.csv.processing', 'no stamp'],
    ['20261124T140000.processing', 'no dot before the stamp'],
    ['list.csv20261124T140000.success', 'no dot before the stamp, a base'],
    ['list.csv.20261124t140000.success', 'a lowercase t'],
    ['list.csv.2026112T140000.success', 'a short stamp'],
    ['list.csv.20261324T140000.rejected', 'month 13'],
    ['list.csv.20261124T250000.rejected', 'hour 25'],
    ['list.csv.20261124T140000.done', 'another word'],
    ['', 'an empty name'],
  ])('%s is no stage (%s)', (name) => {
    expect(parseStageName(name)).toBeNull();
  });

  it('moving a name that is not at that stage is a bug', () => {
    expect(() => processingName('list.csv', at)).toThrow(RangeError);
    expect(() => processingName('list.csv.20261124T140000.processing', at)).toThrow(RangeError);
    expect(() => finishedName('list.csv.ready', 'success')).toThrow(RangeError);
    expect(() => finishedName('list.csv.20261124T140000.success', 'rejected')).toThrow(RangeError);
  });

  it('every .ready name keeps its base and modifiers through the whole life cycle', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        fc.date({
          min: new Date('1970-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom('success', 'rejected' as const),
        (base, at, outcome) => {
          const ready = `${base}.ready`;
          const processing = processingName(ready, at);
          const finished = finishedName(processing, outcome);
          const stamp = formatStamp(at);
          expect(parseStageName(processing)).toEqual({ stage: 'processing', base, stamp });
          expect(parseStageName(finished)).toEqual({ stage: outcome, base, stamp });
        },
      ),
    );
  });
});

describe('SPEC 1 the name the app renames its upload to', () => {
  it('puts the encoding modifier before excel, then .ready', () => {
    expect(uploadName('campaign.csv', { excel: true, encoding: 'cp1252' })).toBe(
      'campaign.csv.cp1252.excel.ready',
    );
    expect(uploadName('campaign.csv', { excel: true, encoding: 'utf8' })).toBe(
      'campaign.csv.utf8.excel.ready',
    );
    expect(uploadName('campaign.csv', { excel: false, encoding: 'utf8' })).toBe(
      'campaign.csv.utf8.ready',
    );
    expect(uploadName('campaign.csv', { excel: true, encoding: null })).toBe(
      'campaign.csv.excel.ready',
    );
    expect(uploadName('campaign.csv', { excel: false, encoding: null })).toBe('campaign.csv.ready');
  });

  it.each([
    ['', 'empty'],
    ['.csv', 'a leading dot'],
    ['dir/list.csv', 'a slash'],
    ['dir\\list.csv', 'a backslash'],
    ['list\r\n.csv', 'a line break'],
    ['list.excel', 'ending in a modifier the server would read'],
    ['list.UTF8', 'ending in a modifier in capitals'],
    ['excel', 'a modifier alone'],
  ])('a base that would change what the server reads is a bug: %j (%s)', (base) => {
    expect(() => uploadName(base, { excel: false, encoding: null })).toThrow(RangeError);
  });

  it('the server reads exactly the requested modifiers from any safe base', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        fc.boolean(),
        fc.constantFrom('utf8', 'cp1252', null),
        (input, excel, encoding) => {
          const base = safeBaseName(input);
          const name = uploadName(base, { excel, encoding });
          const expected: Modifier[] = [
            ...(encoding ? [encoding] : []),
            ...(excel ? ['excel' as const] : []),
          ];
          expect(parseUploadName(name)).toMatchObject({
            ready: true,
            modifiers: expected,
            excel,
            forced: encoding,
            conflicting: false,
          });
          expect(parseStageName(name)).toMatchObject({ stage: 'ready' });
        },
      ),
    );
  });
});

describe('SPEC 1 a safe base name for an upload', () => {
  it.each([
    ['campaign.csv', 'campaign.csv'],
    ['C:\\Users\\me\\Desktop\\campaign.csv', 'campaign.csv'],
    ['/home/me/campaign.csv', 'campaign.csv'],
    ['folder/', 'folder'],
    ['../../etc/passwd', 'passwd'],
    ['..', 'batch'],
    ['.hidden.csv', 'hidden.csv'],
    ['  . .list.csv', 'list.csv'],
    ['list.csv. . ', 'list.csv'],
    ['list\r\n\t\u0000\u007f\u0085.csv', 'list______.csv'],
    ['a<b>c:d"e|f?g*h.csv', 'a_b_c_d_e_f_g_h.csv'],
    ['list.csv.ready', 'list.csv'],
    ['list.csv.excel.utf8.ready', 'list.csv'],
    ['list.csv.Excel', 'list.csv'],
    ['list.csv.20261124T140000.rejected', 'list.csv'],
    ['list.csv.excel.20261124T140000.processing', 'list.csv'],
    ['list.csv.20261124t140000.SUCCESS', 'list.csv'],
    ['list.csv.ready.ready..ready', 'list.csv'],
    ['list.ready.csv', 'list.ready.csv'],
    ['excel.csv', 'excel.csv'],
    ['excel', 'batch'],
    ['ready', 'batch'],
    ['.excel.ready', 'batch'],
    ['', 'batch'],
    ['   ', 'batch'],
    ['kampagne-für-köln.csv', 'kampagne-für-köln.csv'],
    ['list 😀.csv', 'list 😀.csv'],
    ['list\ud800.csv', 'list_.csv'],
    ['list\udc00x.csv', 'list_x.csv'],
  ])('%j -> %j', (input, expected) => {
    expect(safeBaseName(input)).toBe(expected);
  });

  it('keeps a name to 200 UTF-8 bytes, never splitting a character', () => {
    expect(safeBaseName('a'.repeat(500))).toBe('a'.repeat(200));
    expect(safeBaseName('é'.repeat(150))).toBe('é'.repeat(100));
    // 199 bytes, then an emoji of 4: it does not fit whole, so it goes whole.
    expect(safeBaseName(`${'a'.repeat(199)}😀`)).toBe('a'.repeat(199));
    expect(safeBaseName(`${'a'.repeat(196)}😀b`)).toBe(`${'a'.repeat(196)}😀`);
    // What truncation leaves at the end is cleaned like any other end.
    expect(safeBaseName(`${'a'.repeat(193)}.excel.csv`)).toBe('a'.repeat(193));
  });

  it('is never empty, holds nothing forbidden, and is stable', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (input) => {
        const safe = safeBaseName(input);
        expect(safe).not.toBe('');
        expect(safe).not.toMatch(/^[. ]|[. ]$/);
        // eslint-disable-next-line no-control-regex -- control characters are what is checked
        expect(safe).not.toMatch(/[\u0000-\u001f\u007f-\u009f/\\<>:"|?*]/);
        expect(safe).not.toMatch(
          /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/,
        );
        expect(new TextEncoder().encode(safe).length).toBeLessThanOrEqual(200);
        expect(safeBaseName(safe)).toBe(safe);
      }),
    );
  });

  it('is linear on a long name of dots or modifiers', () => {
    expect(safeBaseName(`a${'.excel'.repeat(30)}`)).toBe('a');
    const names = (size: number) => [
      `a${'.'.repeat(size)}`,
      `${'.'.repeat(size)}a`,
      '/'.repeat(size),
      '\u0000'.repeat(size),
    ];
    expect(names(1_000_000).map(safeBaseName)).toEqual(['a', 'a', 'batch', '_'.repeat(200)]);
    expect(growth(names, (long) => long.map(safeBaseName), 125_000)).toBeLessThan(LINEAR_LIMIT);
  });
});
