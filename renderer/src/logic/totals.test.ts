import { describe, expect, it } from 'vitest';
import type { Mapping } from './mapping';
import { DEFAULT_CAMPAIGN } from './campaign-settings';
import { buildPreview } from './preview';
import { sheetFromRows } from './sheet';
import { totalsOf } from './totals';

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

  it('leaves removed duplicates out of the recipients and parts', () => {
    const totals = totalsOf(
      buildPreview(sheet, mapping, { ...DEFAULT_CAMPAIGN, removeDuplicates: true }).rows,
    );
    expect(totals).toMatchObject({ recipients: 4, parts: 5, duplicates: 1 });
  });
});
