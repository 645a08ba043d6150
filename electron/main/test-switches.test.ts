// Issue 18: the provider's test controls never reach the desktop app.
import { describe, expect, it } from 'vitest';
import { refusedTestSwitch } from './test-switches';

describe('the desktop app refuses the test switches', () => {
  it('names --test-controls, in either form, and lets everything else start', () => {
    expect(refusedTestSwitch(['electron', '.', '--test-controls'])).toMatch(
      /^--test-controls is for headless tests/,
    );
    expect(refusedTestSwitch(['electron', '--controls-port=9', 'a.xlsx'])).toMatch(
      /^--controls-port is for headless tests/,
    );
    expect(refusedTestSwitch(['electron', '.', 'list.xlsx', '--no-sandbox'])).toBeNull();
  });
});
