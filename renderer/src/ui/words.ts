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
