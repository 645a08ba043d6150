import { describe, expect, it } from 'vitest';
import { guessMapping } from './mapping';
import { sheetFromRows } from './sheet';

const sheet = (rows: string[][]) => sheetFromRows('Sheet1', rows);

describe('column mapping guesses (issue 5, flow 2)', () => {
  it('reads the provider own names', () => {
    const mapping = guessMapping(
      sheet([
        ['msisdn', 'message', 'sender', 'class', 'userref'],
        ['4512345678', 'Hi', 'Shop', 'standard', 'r1'],
      ]),
    );
    expect(mapping).toEqual({
      msisdn: 0,
      message: { kind: 'column', column: 1 },
      sender: 2,
      class: 3,
      userref: 4,
    });
  });

  it('reads Danish names in any order and case', () => {
    const mapping = guessMapping(
      sheet([
        ['Navn', 'Besked', 'Afsender', 'Telefon', 'Reference'],
        ['Ann', 'Hej', 'Butik', '12345678', 'x'],
      ]),
    );
    expect(mapping.msisdn).toBe(3);
    expect(mapping.message).toEqual({ kind: 'column', column: 1 });
    expect(mapping.sender).toBe(2);
    expect(mapping.userref).toBe(4);
    expect(mapping.class).toBeNull();
  });

  it.each([['Mobil nr.'], ['Tlf'], ['Mobile phone'], ['Nummer'], ['Phone number']])(
    'takes %j as the number',
    (name) => {
      expect(
        guessMapping(
          sheet([
            ['Name', name],
            ['Ann', '20123456'],
          ]),
        ).msisdn,
      ).toBe(1);
    },
  );

  it('finds the number and the message from the values when names say nothing', () => {
    const mapping = guessMapping(
      sheet([
        ['A', 'B', 'C'],
        ['Ann', '+45 20 12 34 56', 'Your order has shipped and will arrive tomorrow'],
        ['Bo', '4520123457', 'Your order has shipped and will arrive on Friday'],
      ]),
    );
    expect(mapping.msisdn).toBe(1);
    expect(mapping.message).toEqual({ kind: 'column', column: 2 });
    expect(mapping.sender).toBeNull();
  });

  it('never gives one column to two fields', () => {
    const mapping = guessMapping(sheet([['Number'], ['4520123456']]));
    expect(mapping.msisdn).toBe(0);
    expect(mapping.userref).toBeNull();
  });

  it('guesses nothing for columns with neither names nor values to go by', () => {
    const mapping = guessMapping(
      sheet([
        ['A', 'B'],
        ['1', 'x'],
      ]),
    );
    expect(mapping).toEqual({
      msisdn: null,
      message: null,
      sender: null,
      userref: null,
      class: null,
    });
  });
});
