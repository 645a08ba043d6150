import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CAMPAIGN } from './campaign-settings';
import type { CampaignSettings, MessageClassChoice } from './campaign-settings';
import { readMessages, readNumbers } from './columns';
import { leftOutCounts } from './left-out';
import type { LeftOut } from './left-out';
import { LIST_FILTERS, listOrder, rowStandings } from './list-order';
import type { ListFilter } from './list-order';
import type { Mapping } from './mapping';
import { outgoingMessages } from './outgoing';
import { assemblePreview } from './preview';
import type { Preview } from './preview';
import { plainRow } from './preview-test-util';
import {
  figuresForSender,
  firstSendable,
  senderShare,
  shownRows,
  verdictSettings,
  withSettings,
} from './preview-verdict';
import type { ShownRow } from './preview-verdict';
import { sheetFromRows } from './sheet';
import type { Sheet } from './sheet';
import { costOf, totalsOf } from './totals';
import { senderProblem } from '../../../core/values';

/** What the list shows of a row (ShownRow), texts read. */
function shownRow(row: ShownRow): Record<keyof ShownRow, unknown> {
  return {
    index: row.index,
    sourceRow: row.sourceRow,
    typedNumber: row.typedNumber,
    msisdn: row.msisdn,
    message: row.message,
    encoding: row.encoding,
    units: row.units,
    parts: row.parts,
    errors: row.errors,
    warnings: row.warnings,
  };
}

const SENDERS = [
  '',
  'Shop',
  'S',
  'Shop Nord',
  '4512345678',
  'Søren',
  'Shop Nø',
  'TooLongSender1',
  '...',
  '1',
  '1234567890123456',
];
/** Senders valid and invalid, as typed: ASCII ones, and any text. */
const senderArb = fc.oneof(
  fc.constantFrom(...SENDERS),
  fc.string({ maxLength: 16, unit: fc.constantFrom(...'Ab1 .-_&+øé!') }),
  fc.string({ maxLength: 16 }),
);
const classArb = fc.constantFrom('', 'standard', 'premium', 'secret', 'gold', 'Premium');

const settingsArb: fc.Arbitrary<CampaignSettings> = fc.record({
  ...Object.fromEntries(
    Object.entries(DEFAULT_CAMPAIGN).map(([key, value]) => [key, fc.constant(value)]),
  ),
  sender: senderArb,
  // The type allows only valid classes; a value that is not one is judged all the same.
  messageClass: classArb as fc.Arbitrary<MessageClassChoice>,
  replaceLookalikes: fc.boolean(),
  rowsPerFile: fc.integer({ min: 1, max: 5 }),
}) as fc.Arbitrary<CampaignSettings>;

const rowArb = fc.tuple(
  fc.constantFrom(
    '+45 20 12 34 56',
    '20123457',
    '0045 20123456',
    '80 20 30 40',
    '4.51E+09',
    '',
    'x',
  ),
  fc.constantFrom('Hi {Navn}', 'Hej – velkommen', 'it’s ready', '', 'a'.repeat(200), 'Ωmega'),
  fc.oneof(senderArb, fc.constant('')),
  classArb,
  fc.constantFrom('', 'ref-1', 'r'.repeat(300)),
);

const caseArb = fc.record({
  rows: fc.array(rowArb, { minLength: 1, maxLength: 12 }),
  sender: fc.constantFrom(2, null),
  class: fc.constantFrom(3, null),
  userref: fc.constantFrom(4, null),
  template: fc.constantFrom(null, 'Hej {Navn} – {Nope}', 'Hi {Navn}'),
});

/** The sheets of sheetOf with their own sender column. */
const SENDER_COLUMN: Mapping = {
  msisdn: 0,
  message: { kind: 'column', column: 1 },
  sender: 2,
  userref: null,
  class: null,
};

function sheetOf(rows: readonly (readonly string[])[]): Sheet {
  return sheetFromRows('S', [['Telefon', 'Navn', 'Afsender', 'Klasse', 'Ref'], ...rows]);
}

/** A preview as the plain path builds it, and from a verdict built for other settings. */
function both(
  sheet: Sheet,
  mapping: Mapping,
  verdictFor: CampaignSettings,
  wanted: CampaignSettings,
) {
  const numbers = readNumbers(sheet, mapping.msisdn, wanted.defaultCountry);
  const messages = readMessages(sheet, mapping.message);
  const plain = assemblePreview(sheet, mapping, wanted, numbers, messages);
  const verdict = assemblePreview(sheet, mapping, verdictSettings(verdictFor), numbers, messages);
  return { plain, verdict };
}

function expectSame(fast: Preview, plain: Preview, verdict: Preview): void {
  expect(fast.rows.map(plainRow)).toEqual(plain.rows.map(plainRow));
  expect(fast.unknownPlaceholders).toEqual(plain.unknownPlaceholders);
  // The list is given shownRows (usePreview): it must show the plain ones.
  expect(shownRows(verdict, fast).map(shownRow)).toEqual(plain.rows.map(shownRow));
  const leftOut = new Uint8Array(plain.rows.length).map((_, i) => (i % 3 === 1 ? 1 : 0));
  // The figures are the verdict's, corrected for the sender (usePreview): the plain ones.
  const valid = senderProblem(fast.source.settings.sender) === null;
  const figures = figuresForSender(
    totalsOf(verdict.rows, leftOut),
    leftOutCounts(verdict.rows, leftOut),
    senderShare(verdict, leftOut),
    valid,
  );
  expect(figures.totals).toEqual(totalsOf(plain.rows, leftOut));
  expect(figures.counts).toEqual(leftOutCounts(plain.rows, leftOut));
  expect(firstSendable(verdict, leftOut, valid)).toBe(
    plain.rows.findIndex((row) => leftOut[row.index] === 0 && row.errors.length === 0),
  );
  const prices = { currency: 'DKK', perPart: 0.25, byCountry: [{ code: '45', perPart: 0.2 }] };
  expect(costOf(verdict.rows, leftOut, prices)).toEqual(costOf(plain.rows, leftOut, prices));
  expect(outgoingMessages(fast.rows, leftOut)).toEqual(outgoingMessages(plain.rows, leftOut));
  // The list filters by the standings, made from the verdict (usePreview): the plain rows'.
  const shown = shownRows(verdict, fast);
  for (const filter of LIST_FILTERS) {
    const order = listOrder(filter, () => rowStandings(verdict, valid), leftOut);
    const listed = order === null ? [...shown] : [...order].map((position) => shown[position]!);
    expect(listed.map((row) => row.index)).toEqual(
      plainFilter(plain.rows, filter, leftOut).map((row) => row.index),
    );
  }
}

/** The list's filters as they were, reading every row's problems. */
function plainFilter(rows: readonly ShownRow[], filter: ListFilter, leftOut: LeftOut) {
  if (filter === 'all') return rows;
  if (filter === 'left-out') return rows.filter((row) => leftOut[row.index] !== 0);
  const bad = rows.filter((row) => row.errors.length > 0);
  if (filter === 'problems-only') return bad;
  const warned = rows.filter((row) => row.errors.length === 0 && row.warnings.length > 0);
  const fine = rows.filter((row) => row.errors.length === 0 && row.warnings.length === 0);
  return [...bad, ...warned, ...fine];
}

describe('a verdict kept while a sender is typed (issue 16)', () => {
  it('gives the plain preview, figures and messages for any sheet and settings (property)', () => {
    fc.assert(
      fc.property(caseArb, settingsArb, (test, settings) => {
        const sheet = sheetOf(test.rows);
        const mapping: Mapping = {
          msisdn: 0,
          message:
            test.template === null
              ? { kind: 'column', column: 1 }
              : { kind: 'template', text: test.template },
          sender: test.sender,
          userref: test.userref,
          class: test.class,
        };
        const { plain, verdict } = both(sheet, mapping, settings, settings);
        expectSame(withSettings(verdict, settings), plain, verdict);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps one verdict from keystroke to keystroke, senders valid and invalid (property)', () => {
    fc.assert(
      fc.property(caseArb, settingsArb, senderArb, (test, before, typed) => {
        const after = { ...before, sender: typed };
        const sheet = sheetOf(test.rows);
        const mapping: Mapping = {
          msisdn: 0,
          message: { kind: 'column', column: 1 },
          sender: test.sender,
          userref: test.userref,
          class: test.class,
        };
        const { plain, verdict } = both(sheet, mapping, before, after);
        expectSame(withSettings(verdict, after), plain, verdict);
      }),
      { numRuns: 300 },
    );
  });

  it('shares the verdict between every sender, valid or not', () => {
    for (const sender of ['', 'S', 'Shop Nord', '4512345678', 'Søren', 'TooLongSender1', '...']) {
      expect(verdictSettings({ ...DEFAULT_CAMPAIGN, sender }).sender).toBe('');
    }
  });

  it('says an invalid sender in every row that takes it, and blocks them, with one verdict', () => {
    const sheet = sheetOf([
      ['4520123456', 'Hej', '', '', ''],
      ['4520123457', 'Hej', 'Own', '', ''],
      ['x', 'Hej', '', '', ''],
      ['4520123458', 'Hej', '', '', ''],
    ]);
    const mapping = SENDER_COLUMN;
    const numbers = readNumbers(sheet, 0, 'DK');
    const messages = readMessages(sheet, mapping.message);
    const verdict = assemblePreview(
      sheet,
      mapping,
      verdictSettings(DEFAULT_CAMPAIGN),
      numbers,
      messages,
    );
    const leftOut = new Uint8Array([0, 0, 0, 1]);
    const share = senderShare(verdict, leftOut);
    // Rows 0 and 3 take the campaign's sender with no error of their own; row 3 is left out.
    expect(share).toEqual({ clean: 1, warned: 0 });
    for (const sender of ['Shop', 'Shop Nø', 'Shop Nør', 'Shop N']) {
      const typed = withSettings(verdict, { ...DEFAULT_CAMPAIGN, sender });
      const valid = sender !== 'Shop Nø' && sender !== 'Shop Nør';
      const quoting = (row: number) =>
        typed.rows[row]!.errors.filter(
          (e) => e.code === 'bad-sender' && e.message.includes(sender),
        );
      expect(quoting(0)).toHaveLength(valid ? 0 : 1);
      expect(quoting(1)).toHaveLength(0);
      // The number's problem first, then the sender's, as the plain check says them.
      expect(typed.rows[2]!.errors.map((e) => e.code)).toEqual(
        valid ? ['bad-msisdn'] : ['bad-msisdn', 'bad-sender'],
      );
      const { totals, counts } = figuresForSender(
        totalsOf(verdict.rows, leftOut),
        leftOutCounts(verdict.rows, leftOut),
        share,
        valid,
      );
      // What blocks Send: a row to be sent with an error.
      expect(totals.rowsWithErrors).toBe(valid ? 1 : 2);
      expect(counts.problem).toBe(valid ? 1 : 2);
      expect(shownRows(verdict, typed)).toBe(valid ? verdict.rows : typed.rows);
    }
  });

  it('refuses settings the verdict does not judge: nothing is sent from a stale verdict', () => {
    const sheet = sheetOf([['4520123456', 'Hej', '', '', '']]);
    const mapping: Mapping = {
      msisdn: 0,
      message: { kind: 'column', column: 1 },
      sender: null,
      userref: null,
      class: null,
    };
    const numbers = readNumbers(sheet, 0, 'DK');
    const messages = readMessages(sheet, mapping.message);
    const shop = { ...DEFAULT_CAMPAIGN, sender: 'Shop' };
    const verdict = assemblePreview(sheet, mapping, verdictSettings(shop), numbers, messages);
    expect(verdict.rows[0]!.errors).toEqual([]);
    // Another look-alike choice or another country: not this verdict's.
    for (const other of [
      { ...shop, replaceLookalikes: true },
      { ...shop, defaultCountry: 'SE' as const },
    ]) {
      expect(() => withSettings(verdict, other)).toThrow(/judge the rows differently/);
    }
    const typed = withSettings(verdict, { ...shop, sender: 'Shop Nord' });
    expect(outgoingMessages(typed.rows).messages[0]!.sender).toBe('Shop Nord');
  });
});

describe('the rows of a rebound preview', () => {
  it('read as an array: length, indices, in, iteration, copies, and refuse writes', () => {
    const sheet = sheetOf([
      ['4520123456', 'Hej', '', '', ''],
      ['4520123457', 'Hej', 'Own', '', ''],
    ]);
    const settings = { ...DEFAULT_CAMPAIGN, sender: 'Shop' };
    const { plain, verdict } = both(sheet, SENDER_COLUMN, settings, settings);
    const { rows } = withSettings(verdict, settings);
    expect(rows).not.toBe(verdict.rows);
    expect(Array.isArray(rows)).toBe(true);
    expect(rows.length).toBe(2);
    expect(1 in rows && !(2 in rows)).toBe(true);
    expect(rows[0]).toBe(rows[0]);
    expect(rows[2]).toBeUndefined();
    expect([...rows].map((row) => row.sender)).toEqual(['Shop', 'Own']);
    expect(Object.keys(rows)).toEqual(['0', '1']);
    expect(rows.slice(1).map(plainRow)).toEqual(plain.rows.slice(1).map(plainRow));
    expect(rows.find((row) => row.sender === 'Own')?.index).toBe(1);
    expect(() => {
      'use strict';
      rows[0] = plain.rows[0]!;
    }).toThrow(TypeError);
  });
});
