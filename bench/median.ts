/** The middle of `values` once sorted (the upper middle of an even count); `values` is kept. */
export function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}
