// Issue 14: the live count under the message box: encoding, characters, parts, and the
// characters that force UCS-2, as an SMS calculator shows them.
import { describe, expect, it } from 'vitest';
import { countMessage } from './message-count';
import { sheetFromRows } from './sheet';

const sheet = sheetFromRows('S', [
  ['Telefon', 'Navn'],
  ['4520123456', 'Søren'],
  ['4520123457', 'Zoë'],
]);

describe('counting the message being typed (issue 14)', () => {
  it('plain text: standard characters, one part up to 160', () => {
    expect(countMessage('Hej med dig', sheet)).toMatchObject({
      encoding: 'GSM-7',
      characters: 11,
      parts: 1,
      perPart: 160,
      forcing: [],
      row: null,
    });
    expect(countMessage('a'.repeat(161), sheet)).toMatchObject({ parts: 2, perPart: 153 });
  });

  it('€ and { count two, as the SMS counts them', () => {
    expect(countMessage('10 €', sheet).characters).toBe(5);
  });

  it('a curly quote makes it UCS-2, and is marked where it is', () => {
    const count = countMessage('It’s “great”', sheet);
    expect(count).toMatchObject({ encoding: 'UCS-2', characters: 12, parts: 1, perPart: 70 });
    expect(count.forcing).toEqual([2, 3, 5, 6, 11, 12]);
    expect(countMessage('ø’'.repeat(40), sheet)).toMatchObject({ parts: 2, perPart: 67 });
  });

  it('a template counts as the first row gets it', () => {
    const count = countMessage('Hej {Navn}, velkommen', sheet);
    expect(count).toMatchObject({ text: 'Hej Søren, velkommen', encoding: 'GSM-7', row: 2 });
    expect(countMessage('Hej {Nvan}', sheet)).toMatchObject({ text: 'Hej {Nvan}', row: 2 });
  });

  it('too long past 1,530 standard characters or 670 special ones', () => {
    expect(countMessage('a'.repeat(1530), sheet)).toMatchObject({ tooLong: false, parts: 10 });
    expect(countMessage('a'.repeat(1531), sheet)).toMatchObject({ tooLong: true, max: 1530 });
    expect(countMessage('’'.repeat(671), sheet)).toMatchObject({ tooLong: true, max: 670 });
  });
});
