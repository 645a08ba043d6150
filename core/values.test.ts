import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Problem } from './problems';
import {
  checkRow,
  classProblem,
  msisdnProblem,
  senderProblem,
  trimSpaces,
  userrefProblem,
} from './values';
import type { RowValues } from './values';

const row = (values: Partial<RowValues>): RowValues => ({
  msisdn: '4512345678',
  message: 'Hello',
  sender: '',
  class: '',
  userref: '',
  ...values,
});

function problemsOf(values: Partial<RowValues>): Problem[] {
  const problems: Problem[] = [];
  checkRow(row(values), 7, problems);
  return problems;
}

describe('SPEC 6 msisdn: 8 to 15 digits with country code, not starting with 0', () => {
  it.each(['45123456', '451234567890123', '4512345678', '  4512345678 '])('accepts %j', (v) => {
    expect(msisdnProblem(v)).toBeNull();
  });
  it.each([
    ['4512345', '7 digits'],
    ['4512345678901234', '16 digits'],
    ['04512345678', 'starts with 0'],
    ['+4512345678', 'plus'],
    ['004512345678', '00 prefix'],
    ['45 12 34 56 78', 'spaces inside'],
    ['45-12345678', 'dash'],
    ['\t4512345678', 'a tab is not a space'],
    ['4512345678\u00a0', 'a no-break space is not a space'],
    ['', 'empty'],
    ['４５１２３４５６７８', 'fullwidth digits'],
  ])('rejects %j (%s)', (v) => {
    expect(msisdnProblem(v)).not.toBeNull();
  });
  it('explains scientific notation as Excel having lost digits', () => {
    expect(msisdnProblem('4.51E+09')).toContain('scientific notation');
    expect(msisdnProblem('4,51234E+11')).toContain('Excel');
  });
  it('tells how to write a number given with + or 00', () => {
    expect(msisdnProblem('+45 12 34 56 78')).toContain('write 4512345678');
    expect(msisdnProblem('0045 1234 5678')).toContain('write 4512345678');
  });
  it('only spaces are trimmed, and only around the number', () => {
    expect(trimSpaces('  12 ')).toBe('12');
    expect(trimSpaces('\t12')).toBe('\t12');
    const message = checkRow(row({ msisdn: ' 4512345678  ' }), 2, []);
    expect(message.msisdn).toBe('4512345678');
  });
});

describe('SPEC 6 message: not empty, at most 10 parts', () => {
  it('empty-message', () => {
    expect(problemsOf({ message: '' }).map((p) => p.code)).toEqual(['empty-message']);
  });
  it('a space is not empty: values are taken as they are', () => {
    expect(problemsOf({ message: ' ' })).toEqual([]);
  });
  it('message-too-long past 1,530 GSM-7 septets', () => {
    expect(problemsOf({ message: 'a'.repeat(1530) })).toEqual([]);
    const [p] = problemsOf({ message: 'a'.repeat(1531) });
    expect(p).toMatchObject({ code: 'message-too-long', row: 7, column: 'message' });
  });
  it('message-too-long past 670 UCS-2 units', () => {
    expect(problemsOf({ message: 'ж'.repeat(670) })).toEqual([]);
    expect(problemsOf({ message: 'ж'.repeat(671) }).map((p) => p.code)).toEqual([
      'message-too-long',
    ]);
  });
  it('reports encoding and parts of the message', () => {
    const m = checkRow(row({ message: 'Hi “you”' }), 2, []);
    expect(m).toMatchObject({ encoding: 'UCS-2', parts: 1 });
    expect(checkRow(row({ message: 'x'.repeat(161) }), 2, [])).toMatchObject({
      encoding: 'GSM-7',
      parts: 2,
    });
  });
});

describe('SPEC 6 sender: 1-15 digits, or 1-11 of A-Z a-z 0-9 space . - _ & + with a letter', () => {
  it.each(['', 'MyCompany', 'A', '123456789012345', 'Shop & Co.', 'a-b_c+d.e f', '1'])(
    'accepts %j',
    (v) => expect(senderProblem(v)).toBeNull(),
  );
  it.each([
    ['1234567890123456', 'at most 15'],
    ['MyCompanyABC', 'at most 11'],
    ['12-34', 'at least one letter'],
    ['Søren', 'may only use'],
    ['My!Shop', 'may only use'],
    ['...', 'at least one letter'],
  ])('rejects %j', (v, why) => expect(senderProblem(v)).toContain(why));
  it('is exactly the rule as the SPEC writes it, for any text (property)', () => {
    const spec = (v: string) =>
      v === '' ||
      /^\d{1,15}$/.test(v) ||
      (/^[A-Za-z0-9 .\-_&+]{1,11}$/.test(v) && /[A-Za-z]/.test(v));
    const character = fc.constantFrom(...'aZ09 .-_&+!ø/:@[`{\u0080');
    fc.assert(
      fc.property(fc.string({ unit: character, maxLength: 17 }), (v) => {
        expect(senderProblem(v) === null).toBe(spec(v));
      }),
      { numRuns: 2000 },
    );
  });
  it('is reported as bad-sender in the sender column', () => {
    expect(problemsOf({ sender: 'Søren' })).toMatchObject([
      { code: 'bad-sender', column: 'sender' },
    ]);
  });
});

describe('SPEC 6 class: empty means standard; standard, premium or secret', () => {
  it.each(['', 'standard', 'premium', 'secret'])('accepts %j', (v) => {
    expect(classProblem(v)).toBeNull();
  });
  it.each(['Standard', 'gold', ' standard'])('rejects %j', (v) => {
    expect(classProblem(v)).not.toBeNull();
  });
  it('an empty class reads as standard', () => {
    expect(checkRow(row({ class: '' }), 2, []).class).toBe('standard');
  });
});

describe('SPEC 6 userref: any text up to 255 characters', () => {
  it('counts characters, not UTF-16 units', () => {
    expect(userrefProblem('x'.repeat(255))).toBeNull();
    expect(userrefProblem('😀'.repeat(255))).toBeNull();
    expect(userrefProblem('x'.repeat(256))).toContain('256');
  });
});

describe('every problem of a row is listed, each with the row and its column', () => {
  it('lists all five', () => {
    const problems = problemsOf({
      msisdn: '123',
      message: '',
      sender: '!!',
      class: 'gold',
      userref: 'r'.repeat(300),
    });
    expect(problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [7, 'msisdn', 'bad-msisdn'],
      [7, 'message', 'empty-message'],
      [7, 'sender', 'bad-sender'],
      [7, 'class', 'bad-class'],
      [7, 'userref', 'bad-userref'],
    ]);
  });
});
