import { describe, expect, it } from 'vitest';
import { growth, LINEAR_LIMIT, MAX_RUNS, SCALE } from './growth.test-util';

// The measure the linear-time tests stand on: it must tell linear work from quadratic even
// when it takes every turn it may, and a test of it is only worth what the measure is.

const letters = (size: number) => 'ab'.repeat(size / 2);

/** Linear: one pass over the text. */
function countA(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 97) count++;
  return count;
}

/** Quadratic: for each letter, a pass over the rest, as a careless search for repeats does. */
function countPairs(text: string): number {
  let pairs = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    for (let j = i + 1; j < text.length; j++) if (text.charCodeAt(j) === c) pairs++;
  }
  return pairs;
}

describe('growth', () => {
  it('finds linear work under the limit', () => {
    expect(growth(letters, countA, 64 * 1024)).toBeLessThan(LINEAR_LIMIT);
  });

  it('finds quadratic work over the limit, even after every turn it may take', () => {
    let turns = 0;
    const ratio = growth(
      letters,
      (text) => {
        turns++;
        return countPairs(text);
      },
      256,
    );
    expect(ratio).toBeGreaterThanOrEqual(LINEAR_LIMIT);
    // Over the limit, it kept taking turns: a large run and SCALE small runs a turn, plus the
    // first of each.
    expect(turns).toBe((MAX_RUNS + 1) * (SCALE + 1));
  });
});
