// Issue 13, the cost known first: a price per SMS part, prices by country calling code (the
// longest code a number starts with wins), sums kept exact, and money written as the person's
// locale writes it.
import { describe, expect, it } from 'vitest';
import { CostTally, formatCost, PriceBook, sumCosts } from './cost';

const prices = {
  currency: 'DKK',
  perPart: 0.25,
  byCountry: [
    { code: '1', perPart: 0.4 },
    { code: '1264', perPart: 0.9 },
    { code: '49', perPart: 0.5 },
  ],
};

describe('the price of a part', () => {
  it('is the country price of the longest code the number starts with, else the one price', () => {
    const book = new PriceBook(prices);
    expect(book.microsPerPart('4520123456')).toBe(250_000);
    expect(book.microsPerPart('4915112345678')).toBe(500_000);
    expect(book.microsPerPart('12125551234')).toBe(400_000);
    expect(book.microsPerPart('12642351234')).toBe(900_000);
    expect(book.flat).toBe(false);
    expect(new PriceBook({ ...prices, byCountry: [] }).flat).toBe(true);
  });
});

describe('the cost of a send', () => {
  it('is the parts times the price of each number', () => {
    const tally = new CostTally(new PriceBook(prices));
    tally.add('4520123456', 3);
    tally.add('4915112345678', 1);
    tally.add('12642351234', 2);
    expect(tally.cost).toEqual({ amount: 3 * 0.25 + 0.5 + 2 * 0.9, currency: 'DKK' });
  });

  it('adds a million parts at 0.0345 to exactly 34,500, where floating point drifts', () => {
    const tally = new CostTally(new PriceBook({ currency: 'EUR', perPart: 0.0345, byCountry: [] }));
    let floating = 0;
    for (let i = 0; i < 1_000_000; i++) {
      tally.addFlat(1);
      floating += 0.0345;
    }
    expect(floating).not.toBe(34_500);
    expect(tally.cost).toEqual({ amount: 34_500, currency: 'EUR' });
  });

  it('sums in one currency only: several currencies have no sum', () => {
    expect(
      sumCosts([{ amount: 0.1, currency: 'DKK' }, null, { amount: 0.2, currency: 'DKK' }]),
    ).toEqual({ amount: 0.3, currency: 'DKK' });
    expect(sumCosts([null])).toBeNull();
    expect(
      sumCosts([
        { amount: 1, currency: 'DKK' },
        { amount: 1, currency: 'EUR' },
      ]),
    ).toBeNull();
  });
});

describe('the cost written for the person', () => {
  it("is money as the person's locale writes it, with the fractions of a small price", () => {
    expect(formatCost({ amount: 12.5, currency: 'DKK' }, 'en-US')).toBe('DKK\u00a012.50');
    expect(formatCost({ amount: 12.5, currency: 'DKK' }, 'da-DK')).toBe('12,50\u00a0kr.');
    expect(formatCost({ amount: 0.0345, currency: 'DKK' }, 'da-DK')).toBe('0,0345\u00a0kr.');
    expect(formatCost({ amount: 1234.5, currency: 'EUR' }, 'de-DE')).toBe('1.234,50\u00a0€');
  });

  it('writes a currency code Intl does not know plainly, rather than failing', () => {
    expect(formatCost({ amount: 2, currency: 'NOT A CODE' }, 'en-US')).toBe('2.00 NOT A CODE');
  });
});
