import type { Cost } from '../../../core/cost';
import { formatCost } from '../../../core/cost';

/** Numbers and counts in the app's words. */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

export function bytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

export const ENCODING_WORDS: Record<string, string> = {
  'GSM-7': 'GSM-7 (standard SMS characters)',
  'UCS-2': 'UCS-2 (special characters: fewer per SMS)',
};

/** Money as the person's locale writes it (core/cost.ts). */
export function money(cost: Cost): string {
  return formatCost(cost, typeof navigator === 'undefined' ? undefined : navigator.language);
}

/** A moment as the person's locale writes a date and time. */
export function dateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleString();
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
