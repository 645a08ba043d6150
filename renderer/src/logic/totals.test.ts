import { describe, expect, it } from 'vitest';
import type { Mapping } from './mapping';
import { DEFAULT_CAMPAIGN } from './campaign-settings';
import { buildPreview } from './preview';
import { sheetFromRows } from './sheet';
import { leaveOut, noneLeftOut } from './left-out';
import { costOf, totalsOf } from './totals';

const long = 'a'.repeat(161);
const sheet = sheetFromRows('S', [
  ['msisdn', 'message'],
  ['4520123456', 'Hi'],
  ['4520123457', 'It’s here'],
  ['4520123458', long],
  ['4520123456', 'Hi again'],
  ['x', 'Hi'],
]);
const mapping: Mapping = {
  msisdn: 0,
  message: { kind: 'column', column: 1 },
  sender: null,
  userref: null,
  class: null,
};

describe('totals above the preview (issue 5, flow 4)', () => {
  it('counts recipients, parts, UCS-2, problems and the parts histogram', () => {
    const totals = totalsOf(buildPreview(sheet, mapping, DEFAULT_CAMPAIGN).rows);
    expect(totals).toMatchObject({
      recipients: 5,
      parts: 6,
      ucs2: 1,
      rowsWithErrors: 1,
      duplicates: 1,
    });
    expect(totals.partsHistogram.slice(0, 3)).toEqual([4, 1, 0]);
    expect(totals.partsHistogram).toHaveLength(10);
    // The repeat and the curly apostrophe are warnings, not errors.
    expect(totals.rowsWithWarnings).toBe(2);
  });

  it('shows the look-alike saving before it is agreed, and none after', () => {
    const wordy = sheetFromRows('S', [
      ['msisdn', 'message'],
      ['4520123456', `${'a'.repeat(70)}’`],
    ]);
    const before = totalsOf(buildPreview(wordy, mapping, DEFAULT_CAMPAIGN).rows);
    expect(before).toMatchObject({ fixable: 1, partsSaved: 1, parts: 2 });
    const after = totalsOf(
      buildPreview(wordy, mapping, { ...DEFAULT_CAMPAIGN, replaceLookalikes: true }).rows,
    );
    expect(after).toMatchObject({ fixable: 0, partsSaved: 0, parts: 1, ucs2: 0 });
  });

  it('issue 13: counts only the rows to be sent; a problem left out no longer counts', () => {
    const { rows } = buildPreview(sheet, mapping, DEFAULT_CAMPAIGN);
    const repeated = leaveOut(noneLeftOut(rows.length), rows, 'repeated');
    expect(totalsOf(rows, repeated)).toMatchObject({
      recipients: 4,
      parts: 5,
      duplicates: 1,
      leftOut: 1,
      rowsWithErrors: 1,
      warnings: { duplicate: 0, lookalikes: 1 },
    });
    const clean = leaveOut(repeated, rows, 'problem');
    expect(totalsOf(rows, clean)).toMatchObject({ recipients: 3, leftOut: 2, rowsWithErrors: 0 });
  });

  it('issue 13: the cost is the parts to be sent times the price, by country where given', () => {
    const { rows } = buildPreview(sheet, mapping, DEFAULT_CAMPAIGN);
    expect(costOf(rows, undefined, null)).toBeNull();
    const flat = { currency: 'DKK', perPart: 0.25, byCountry: [] };
    // 6 parts, the bad number's included.
    expect(costOf(rows, undefined, flat)).toEqual({ amount: 1.5, currency: 'DKK' });
    const leftOut = leaveOut(noneLeftOut(rows.length), rows, 'problem');
    expect(costOf(rows, leftOut, flat)).toEqual({ amount: 1.25, currency: 'DKK' });
    const byCountry = { ...flat, byCountry: [{ code: '45', perPart: 0.1 }] };
    expect(costOf(rows, leftOut, byCountry)).toEqual({ amount: 0.5, currency: 'DKK' });
  });
});
