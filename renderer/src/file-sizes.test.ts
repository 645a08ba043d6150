import { describe, expect, it } from 'vitest';

/**
 * Every module of the UI, tests too: a module that grows past this holds more than one thing.
 * (The stylesheet is not here: Vitest reads CSS as empty.)
 */
const modules = import.meta.glob<string>('./**/*.{ts,tsx}', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const MAX_LINES = 400;

describe('the UI is small modules (issue 17)', () => {
  it(`has no module over ${MAX_LINES} lines`, () => {
    const long = Object.entries(modules)
      .map(([path, text]) => [path, text.split('\n').length - 1] as const)
      .filter(([, lines]) => lines > MAX_LINES);
    expect(Object.keys(modules).length).toBeGreaterThan(40);
    expect(long).toEqual([]);
  });
});
