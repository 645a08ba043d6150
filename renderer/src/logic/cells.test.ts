import { describe, expect, it } from 'vitest';
import { cellText, isDateFormat, numberText } from './cells';

describe('cell values, not display text (issue 5, flow 1)', () => {
  it('reads a phone number that Excel shows as 4.51E+09 with every digit', () => {
    expect(cellText({ t: 'n', v: 4512345678, w: '4.51E+09' })).toBe('4512345678');
  });

  it('writes a 15-digit number without an exponent', () => {
    expect(cellText({ t: 'n', v: 491701234567890, w: '4.91701E+14' })).toBe('491701234567890');
    expect(numberText(1e20)).toBe('100000000000000000000');
  });

  it('keeps the display text of a fraction, which carries its number format', () => {
    expect(cellText({ t: 'n', v: 12.5, w: '12.50', z: '0.00' })).toBe('12.50');
    expect(cellText({ t: 'n', v: 0.1 + 0.2 })).toBe('0.3');
  });

  it('shows a date as the spreadsheet does', () => {
    expect(cellText({ t: 'n', v: 46000, w: '12/9/25', z: 'm/d/yy' })).toBe('12/9/25');
    expect(isDateFormat('yyyy-mm-dd')).toBe(true);
    expect(isDateFormat('0.00')).toBe(false);
    expect(isDateFormat('"days" 0')).toBe(false);
    expect(isDateFormat('General')).toBe(false);
  });

  it('reads text, booleans, errors and empty cells', () => {
    expect(cellText({ t: 's', v: '0045 12 34' })).toBe('0045 12 34');
    expect(cellText({ t: 'b', v: true })).toBe('TRUE');
    expect(cellText({ t: 'e', v: 42, w: '#N/A' })).toBe('#N/A');
    expect(cellText(undefined)).toBe('');
    expect(cellText({ t: 'z' })).toBe('');
  });
});
