/**
 * Numbers, sizes, times, dates and money in the person's locale, with `Intl`. Words and plurals
 * are the catalogues' (i18n/); these only format the values put into them.
 */
import type { Cost } from '../../../core/cost';
import { formatCost } from '../../../core/cost';

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const listFormats = new Map<string, Intl.ListFormat>();

/**
 * The formatter kept in `formats` for `key`, made the first time it is asked for: a formatter
 * costs far more to make than to use, and a list formats thousands of values (the preview's
 * lines each list their look-alikes as they scroll in).
 */
function kept<F>(formats: Map<string, F>, key: string, make: () => F): F {
  let format = formats.get(key);
  if (format === undefined) {
    format = make();
    formats.set(key, format);
  }
  return format;
}

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  return kept(numberFormats, key, () => new Intl.NumberFormat(locale, options));
}

export function formatNumber(
  n: number,
  locale: string,
  options: Intl.NumberFormatOptions = {},
): string {
  return numberFormat(locale, options).format(n);
}

const SIZE_UNITS = ['kilobyte', 'megabyte', 'gigabyte'] as const;

/**
 * A size in bytes, in steps of 1024 named kB, MB and GB as people know them (as Windows does):
 * the app's limits, 100 MB and 30 MB, are then the round numbers the provider writes.
 */
export function formatBytes(n: number, locale: string): string {
  if (n < 1024) {
    return formatNumber(n, locale, { style: 'unit', unit: 'byte', unitDisplay: 'long' });
  }
  let value = n / 1024;
  let unit = 0;
  while (value >= 1024 && unit < SIZE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return formatNumber(value, locale, {
    style: 'unit',
    unit: SIZE_UNITS[unit],
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 ? 1 : 0,
  });
}

/** A duration in seconds, to a tenth under ten seconds. */
export function formatSeconds(seconds: number, locale: string): string {
  return formatNumber(seconds, locale, {
    style: 'unit',
    unit: 'second',
    unitDisplay: 'long',
    maximumFractionDigits: seconds < 10 ? 1 : 0,
  });
}

/** A duration in milliseconds: in seconds under a minute, else in minutes. */
export function formatDuration(ms: number, locale: string): string {
  const seconds = Math.max(0, ms) / 1000;
  if (seconds < 60) return formatSeconds(seconds, locale);
  return formatNumber(seconds / 60, locale, {
    style: 'unit',
    unit: 'minute',
    unitDisplay: 'long',
    maximumFractionDigits: seconds < 600 ? 1 : 0,
  });
}

export function formatDateTime(
  at: Date | number,
  locale: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' },
): string {
  const key = `${locale}|${JSON.stringify(options)}`;
  return kept(dateFormats, key, () => new Intl.DateTimeFormat(locale, options)).format(at);
}

/** An amount of money in a currency (ISO 4217: `DKK`, `EUR`), as the locale writes it. */
export function formatMoney(amount: number, currency: string, locale: string): string {
  return formatNumber(amount, locale, { style: 'currency', currency });
}

/** A list of names, joined as the locale joins them: `a, b and c`, or with `or`. */
export function formatList(
  items: readonly string[],
  locale: string,
  type: 'conjunction' | 'disjunction' = 'conjunction',
): string {
  const key = `${locale}|${type}`;
  const format = kept(listFormats, key, () => new Intl.ListFormat(locale, { style: 'long', type }));
  return format.format(items);
}

/** An estimated cost as the locale writes money: `DKK 12.50`, `12,50 kr.` (core/cost.ts). */
export function money(cost: Cost, locale: string): string {
  return formatCost(cost, locale);
}

/**
 * The pause between two files handed to the browser to save. Chromium dropped the eleventh of
 * eleven 8 MB files handed over in one loop (the whole sheet in files of 100,000 messages: ten
 * downloads came, while the page said all eleven had), and took all eleven with 400 ms between
 * them (bench/PROFILE.md, session 29).
 */
export const DOWNLOAD_PAUSE_MS = 400;

/** Hands each file to `save` (which calls download), in turn, DOWNLOAD_PAUSE_MS apart. */
export async function downloadInTurn<F>(
  files: readonly F[],
  save: (file: F) => void,
  pause: (ms: number) => Promise<void> = (ms) => new Promise((done) => setTimeout(done, ms)),
): Promise<void> {
  for (const [index, file] of files.entries()) {
    if (index > 0) await pause(DOWNLOAD_PAUSE_MS);
    save(file);
  }
}

/** Hands a file to the browser to save (or to the window, which asks where). */
export function download(fileName: string, data: Uint8Array, type = 'text/csv'): void {
  const url = URL.createObjectURL(new Blob([data as BlobPart], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
