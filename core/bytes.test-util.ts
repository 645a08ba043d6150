import { expect } from 'vitest';

/** Chunks written one after another, as one byte string. */
export function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const all = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.length;
  }
  return all;
}

/** Byte strings compared natively: vitest's deep equality is slow on megabytes. */
export function same(a: Uint8Array, b: Uint8Array): void {
  expect(Buffer.compare(a, b)).toBe(0);
}
