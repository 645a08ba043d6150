import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sheetFromRows } from '../logic/sheet';
import { TEMPLATE_SETTLE_MS, useMapping } from './mapping';

const sheet = sheetFromRows('S', [
  ['Telefon', 'Navn', 'Besked'],
  ['4520123456', 'Ann', 'Hi'],
]);

describe('the message text being typed: the preview follows it once typing rests', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    useMapping.getState().guessFor(null);
    useMapping.getState().guessFor(sheet);
  });
  afterEach(() => vi.useRealTimers());

  it('is pending while typed, then the mapping has the last text', () => {
    const before = useMapping.getState().mapping.message;
    useMapping.getState().editTemplate('Hej');
    vi.advanceTimersByTime(TEMPLATE_SETTLE_MS - 1);
    useMapping.getState().editTemplate('Hej {Navn}');
    vi.advanceTimersByTime(TEMPLATE_SETTLE_MS - 1);
    expect(useMapping.getState().draft).toBe('Hej {Navn}');
    expect(useMapping.getState().mapping.message).toBe(before);
    vi.advanceTimersByTime(1);
    expect(useMapping.getState().draft).toBeNull();
    expect(useMapping.getState().mapping.message).toEqual({ kind: 'template', text: 'Hej {Navn}' });
  });

  it('choosing a column instead drops the text being typed', () => {
    useMapping.getState().editTemplate('Hej');
    useMapping.getState().setMessage({ kind: 'column', column: 2 });
    vi.advanceTimersByTime(TEMPLATE_SETTLE_MS * 2);
    expect(useMapping.getState().draft).toBeNull();
    expect(useMapping.getState().mapping.message).toEqual({ kind: 'column', column: 2 });
  });
});
