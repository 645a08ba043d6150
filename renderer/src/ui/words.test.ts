// Issue 14: numbers, sizes, times, dates and money formatted with Intl for the chosen locale.
import { describe, expect, it } from 'vitest';
import {
  DOWNLOAD_PAUSE_MS,
  downloadInTurn,
  formatBytes,
  formatDateTime,
  formatList,
  formatMoney,
  formatNumber,
  formatSeconds,
} from './words';

// Intl separates some parts with no-break spaces, narrow or not, depending on its version.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatting for the locale (issue 14)', () => {
  it('numbers: da-DK groups with dots and has a decimal comma, en-US the other way round', () => {
    expect(formatNumber(1234567.5, 'da-DK')).toBe('1.234.567,5');
    expect(formatNumber(1234567.5, 'en-US')).toBe('1,234,567.5');
    expect(formatNumber(10_000, 'da-DK')).toBe('10.000');
  });

  it('sizes in steps of 1024, named as people know them', () => {
    expect(plain(formatBytes(512, 'en-US'))).toBe('512 bytes');
    expect(plain(formatBytes(1536, 'en-US'))).toBe('1.5 kB');
    expect(plain(formatBytes(1536, 'da-DK'))).toBe('1,5 kB');
    expect(plain(formatBytes(100 * 1024 * 1024, 'en-US'))).toBe('100 MB');
    expect(plain(formatBytes(30 * 1024 * 1024, 'da-DK'))).toBe('30 MB');
    expect(plain(formatBytes(3.25 * 1024 ** 3, 'da-DK'))).toBe('3,3 GB');
  });

  it('times in seconds, to a tenth under ten', () => {
    expect(plain(formatSeconds(0.44, 'en-US'))).toBe('0.4 seconds');
    expect(plain(formatSeconds(12.6, 'en-US'))).toBe('13 seconds');
    expect(plain(formatSeconds(2.5, 'da-DK'))).toBe('2,5 sekunder');
  });

  it('dates: day first in Danish, month first in American English', () => {
    const at = new Date(2026, 10, 24, 14, 5);
    expect(plain(formatDateTime(at, 'da-DK'))).toBe('24. nov. 2026, 14.05');
    expect(plain(formatDateTime(at, 'en-US'))).toBe('Nov 24, 2026, 2:05 PM');
    expect(plain(formatDateTime(at, 'en-GB'))).toBe('24 Nov 2026, 14:05');
  });

  it('money in the currency, as the locale writes it', () => {
    expect(plain(formatMoney(1234.5, 'DKK', 'da-DK'))).toBe('1.234,50 kr.');
    expect(plain(formatMoney(1234.5, 'EUR', 'en-US'))).toBe('€1,234.50');
  });

  it('lists joined with and, or', () => {
    expect(formatList(['a', 'b', 'c'], 'da-DK')).toBe('a, b og c');
    expect(formatList(['{A}', '{B}'], 'en-US', 'disjunction')).toBe('{A} or {B}');
  });

  it('lists: each locale and kind of list joined its own way, asked again and again', () => {
    for (let round = 0; round < 2; round++) {
      expect(formatList(['a', 'b'], 'en-US')).toBe('a and b');
      expect(formatList(['a', 'b'], 'en-US', 'disjunction')).toBe('a or b');
      expect(formatList(['a', 'b'], 'da-DK', 'disjunction')).toBe('a eller b');
      expect(formatList(['a', 'b'], 'da-DK')).toBe('a og b');
    }
  });
});

describe('files handed to the browser to save (issue 16: the whole sheet)', () => {
  it('hands every file over, in order, with a pause before each after the first', async () => {
    const said: string[] = [];
    const files = ['1-of-3', '2-of-3', '3-of-3'].map((name) => ({
      name,
      bytes: new Uint8Array([name.length]),
    }));
    await downloadInTurn(
      files,
      ({ name, bytes }) => said.push(`save ${name} (${bytes.length} byte)`),
      async (ms) => void said.push(`pause ${ms}`),
    );
    expect(said).toEqual([
      'save 1-of-3 (1 byte)',
      `pause ${DOWNLOAD_PAUSE_MS}`,
      'save 2-of-3 (1 byte)',
      `pause ${DOWNLOAD_PAUSE_MS}`,
      'save 3-of-3 (1 byte)',
    ]);
    expect(DOWNLOAD_PAUSE_MS).toBeGreaterThan(0);
  });

  it('saves the next file only once the pause is over', async () => {
    const saved: string[] = [];
    let release: () => void = () => {};
    const done = downloadInTurn(
      [
        { name: 'a', bytes: new Uint8Array() },
        { name: 'b', bytes: new Uint8Array() },
      ],
      ({ name }) => saved.push(name),
      () => new Promise<void>((resolve) => (release = resolve)),
    );
    await Promise.resolve();
    expect(saved).toEqual(['a']);
    release();
    await done;
    expect(saved).toEqual(['a', 'b']);
  });
});
