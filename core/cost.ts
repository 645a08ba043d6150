/**
 * What a send is estimated to cost: its SMS parts times the price of a part, by the country
 * calling code the number starts with where the person gave one, else the one price. The same
 * estimate is made in the preview's totals and by the Node side for History, so they agree.
 *
 * Amounts are added up in millionths of the currency's unit, as integers: a price like 0.0345
 * times a million parts, added as floating point, drifts in the last cents.
 */

/** An estimate of what a send costs, in the currency of the prices it was made with. */
export interface Cost {
  amount: number;
  /** ISO 4217, like `DKK` or `EUR`. */
  currency: string;
}

/** A price per SMS part for the numbers of one country calling code, like `45`. */
export interface CountryPrice {
  code: string;
  perPart: number;
}

/** What an SMS part costs: one price, and optional prices by country calling code. */
export interface Prices {
  currency: string;
  perPart: number;
  byCountry: CountryPrice[];
}

const MICROS = 1_000_000;

function micros(amount: number): number {
  return Math.round(amount * MICROS);
}

/**
 * The price of a part for each number, from its first digits: the longest country code given
 * that the number starts with wins (`1` for North America, `1264` for Anguilla).
 */
export class PriceBook {
  private readonly byCode = new Map<string, number>();
  private readonly lengths: number[];
  private readonly perPart: number;

  constructor(readonly prices: Prices) {
    this.perPart = micros(prices.perPart);
    for (const { code, perPart } of prices.byCountry) this.byCode.set(code, micros(perPart));
    this.lengths = [...new Set(prices.byCountry.map(({ code }) => code.length))].sort(
      (a, b) => b - a,
    );
  }

  /** The price of one part to `msisdn` (provider's form: digits with the country code), in millionths. */
  microsPerPart(msisdn: string): number {
    for (const length of this.lengths) {
      const price = this.byCode.get(msisdn.slice(0, length));
      if (price !== undefined) return price;
    }
    return this.perPart;
  }

  /** Whether every number costs the same: then parts times the one price is the whole sum. */
  get flat(): boolean {
    return this.byCode.size === 0;
  }
}

/** Adds up the cost of messages one at a time. */
export class CostTally {
  private total = 0;

  constructor(private readonly book: PriceBook) {}

  add(msisdn: string, parts: number): void {
    this.total += parts * this.book.microsPerPart(msisdn);
  }

  /** Parts that all cost the one price (no country prices apply to them). */
  addFlat(parts: number): void {
    this.total += parts * this.book.microsPerPart('');
  }

  get cost(): Cost {
    return { amount: this.total / MICROS, currency: this.book.prices.currency };
  }
}

/** The sum of costs in one currency; null when there is none, or they are in several. */
export function sumCosts(costs: readonly (Cost | null)[]): Cost | null {
  let currency: string | null = null;
  let total = 0;
  for (const cost of costs) {
    if (cost === null) continue;
    if (currency !== null && cost.currency !== currency) return null;
    currency = cost.currency;
    total += micros(cost.amount);
  }
  return currency === null ? null : { amount: total / MICROS, currency };
}

/** The cost as the person's locale writes money: `DKK 12.50`, `12,50 kr.`. */
export function formatCost(cost: Cost, locale?: string): string {
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: cost.currency,
      maximumFractionDigits: cost.amount !== 0 && Math.abs(cost.amount) < 1 ? 4 : 2,
    }).format(cost.amount);
  } catch {
    // A currency code Intl does not know is still shown, plainly.
    return `${cost.amount.toFixed(2)} ${cost.currency}`;
  }
}
