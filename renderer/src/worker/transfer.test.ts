import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allRows, sheetFromRows } from '../logic/sheet';
import type { Sheet } from '../logic/sheet';
import { allTexts, packTexts } from '../logic/text-column';
import type { ReadOutcome } from './read-outcome';
import { packOutcome, unpackOutcome } from './transfer';

/**
 * The sheet with its columns packed `2 ** shift` texts a piece: a small shift crosses pieces
 * with a few rows, as the whole sheet's 32,768 a piece does.
 */
function inPieces(sheet: Sheet, shift: number): Sheet {
  return { ...sheet, columns: sheet.columns.map((column) => packTexts(allTexts(column), shift)) };
}

function outcomeOf(rows: string[][], shift?: number): ReadOutcome {
  const sheets = [sheetFromRows('Ark1', rows), sheetFromRows('Ark2', rows.slice(1))];
  return {
    ok: true,
    kind: 'spreadsheet',
    sheets: shift === undefined ? sheets : sheets.map((sheet) => inPieces(sheet, shift)),
    encoding: null,
    delimiter: null,
    notes: [],
  };
}

/**
 * What the page gets: each piece through a real structured clone, as its own message, then the
 * packed outcome with its transfers.
 */
function crossed(outcome: ReadOutcome): ReadOutcome | null {
  const { pieces, packed, transfer } = packOutcome(outcome);
  const arrived = pieces.map((piece) => structuredClone(piece));
  return unpackOutcome(structuredClone(packed, { transfer }), arrived);
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
    const rows = fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 30 });
    const shift = fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined });
    fc.assert(
      fc.property(rows, shift, (rows, shift) => {
        const outcome = outcomeOf(rows, shift);
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
    expect(arrived?.ok && allRows(arrived.sheets[0]!)).toEqual([
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

  it('posts a column of many texts in pieces, in order', () => {
    const rows = [['Besked'], ...Array.from({ length: 70_000 }, (_, i) => [`Hej ${i} – æøå`])];
    const outcome = outcomeOf(rows);
    const { pieces } = packOutcome(outcome);
    // 70,000 texts, 32,768 a piece: three pieces of the first sheet, three of the second.
    expect(pieces).toHaveLength(6);
    const arrived = crossed(outcome);
    expect(arrived?.ok && allRows(arrived.sheets[0]!)).toEqual(rows.slice(1));
  });

  it("refuses pieces that are not the outcome's own: one missing, one too many", () => {
    const { pieces, packed } = packOutcome(outcomeOf([['Besked'], ['a'], ['b']], 0));
    expect(unpackOutcome(packed, pieces)).not.toBeNull();
    expect(unpackOutcome(packed, pieces.slice(1))).toBeNull();
    expect(unpackOutcome(packed, [...pieces, 'c'])).toBeNull();
    expect(unpackOutcome({ ok: false, failure: { code: 'empty', name: 'x' } }, ['a'])).toBeNull();
  });

  it('passes a refusal as it is', () => {
    const refused: ReadOutcome = { ok: false, failure: { code: 'no-sheets', name: 'x.xlsx' } };
    expect(crossed(refused)).toEqual(refused);
  });
});
