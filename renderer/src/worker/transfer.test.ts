import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allRows, sheetFromRows } from '../logic/sheet';
import type { ReadOutcome } from './read-outcome';
import { packOutcome, unpackOutcome } from './transfer';

function outcomeOf(rows: string[][]): ReadOutcome {
  return {
    ok: true,
    kind: 'spreadsheet',
    sheets: [sheetFromRows('Ark1', rows), sheetFromRows('Ark2', rows.slice(1))],
    encoding: null,
    delimiter: null,
    notes: [],
  };
}

/** What the page gets: the packed outcome through a real structured clone with its transfers. */
function crossed(outcome: ReadOutcome): ReadOutcome {
  const { packed, transfer } = packOutcome(outcome);
  return unpackOutcome(structuredClone(packed, { transfer }));
}

describe('sheets from the worker to the page: texts cloned, arrays transferred (issue 16)', () => {
  it('arrive as the plain structured clone brings them, for any text', () => {
    // Any UTF-16 code unit (lone surrogates too), and the ones that matter most, often. Not
    // fast-check's 'binary' unit: its first use took twenty seconds on a busy machine.
    const unit = fc.oneof(
      fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
      fc.constantFrom('\uD83D', '\uDE00', '\uFEFF', 'ø', '–', '😀', '\u0000', 'a'),
    );
    const cell = fc.string({ unit, maxLength: 12 });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 30 }), (rows) => {
        const outcome = outcomeOf(rows);
        // First: crossing moves the outcome's own buffers away.
        const plain = structuredClone(outcome);
        // As JSON: exact for these plain objects (a lone surrogate is written escaped); a
        // boolean, as Vitest's expect inside a property took a twentieth of a second a run.
        return JSON.stringify(crossed(outcome)) === JSON.stringify(plain);
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ['a byte-order mark at the start of a column', '\uFEFFHej'],
    ['a lone surrogate', 'a\uD83Db'],
    ['an emoji and Danish letters', 'Hej Søren 😀 – æøå'],
    ['nothing', ''],
  ])('keeps %s', (_, text) => {
    const outcome = outcomeOf([
      ['Telefon', 'Besked'],
      ['4512345678', text],
      ['2', 'x'],
    ]);
    const arrived = crossed(outcome);
    expect(arrived.ok && allRows(arrived.sheets[0]!)).toEqual([
      ['4512345678', text],
      ['2', 'x'],
    ]);
  });

  it('moves the buffers rather than copying them', () => {
    const outcome = outcomeOf([['Telefon'], ['4512345678'], ['4587654321']]);
    const { packed, transfer } = packOutcome(outcome);
    expect(transfer.length).toBeGreaterThan(0);
    structuredClone(packed, { transfer });
    // A transferred buffer is detached where it was sent from.
    expect(transfer.every((buffer) => buffer.byteLength === 0)).toBe(true);
  });

  it('passes a refusal as it is', () => {
    const refused: ReadOutcome = { ok: false, failure: { code: 'no-sheets', name: 'x.xlsx' } };
    expect(crossed(refused)).toEqual(refused);
  });
});
