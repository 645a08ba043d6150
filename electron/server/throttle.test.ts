import { describe, expect, it } from 'vitest';
import { logger } from './log';
import type { LogEntry } from './log';
import { addressOf, DEFAULT_THROTTLE, LoginThrottle } from './throttle';

function throttle(options: Partial<typeof DEFAULT_THROTTLE> = {}) {
  const said: LogEntry[] = [];
  const waits: number[] = [];
  const made = new LoginThrottle({
    ...DEFAULT_THROTTLE,
    ...options,
    log: logger(
      (entry) => said.push(entry),
      () => new Date(),
    ),
    wait: async (ms) => {
      waits.push(ms);
    },
  });
  return { made, said, waits };
}

const who = { server: 'A', user: 'x' };

describe('Issue 15: the login throttle', () => {
  it('waits 1 s for each of the first 5 refusals in a row, then doubles up to 30 s', () => {
    const { made } = throttle();
    expect(Array.from({ length: 12 }, (_, i) => made.delayFor(i + 1))).toEqual([
      1000, 1000, 1000, 1000, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ]);
    expect(made.delayFor(10_000)).toBe(30_000);
    made.close();
  });

  it('checks the logins of one address one at a time, another address beside them', async () => {
    const { made, waits } = throttle({ delayMs: 1 });
    let checking = 0;
    let most = 0;
    const check = async (address: string) =>
      made.login(
        address,
        () => {
          checking++;
          most = Math.max(most, checking);
          checking--;
          return null;
        },
        who,
      );
    await Promise.all([...Array.from({ length: 10 }, () => check('10.0.0.1')), check('10.0.0.2')]);
    expect(most).toBe(1);
    // 10.0.0.1's tenth refusal waited 2^5 times the delay; 10.0.0.2's first, the delay.
    expect(waits.sort((a, b) => a - b)).toEqual([1, 1, 1, 1, 1, 1, 2, 4, 8, 16, 32]);
    made.close();
  });

  it('a success does not clear the count; a quiet while does, and the burst ends in one line', async () => {
    const { made, said, waits } = throttle({ delayMs: 1, freeRefusals: 2, forgetAfterMs: 50 });
    for (let i = 0; i < 4; i++) await made.login('10.0.0.1', () => null, who);
    expect(await made.login('10.0.0.1', () => 'account', who)).toBe('account');
    await made.login('10.0.0.1', () => null, who);
    expect(waits).toEqual([1, 1, 2, 4, 8]);
    await new Promise((resolve) => setTimeout(resolve, 60));
    await made.login('10.0.0.1', () => null, who);
    expect(waits.at(-1)).toBe(1);
    expect(said.map((entry) => entry.message)).toEqual([
      'login refused on server A for user "x" from 10.0.0.1',
      'login refused on server A for user "x" from 10.0.0.1',
      '3 logins refused in a row from 10.0.0.1 (the last for user "x" on server A): its logins are slowed down, each refusal waiting up to 30 s, and no longer logged one by one',
      'logins from 10.0.0.1 are no longer slowed down: 5 were refused in the burst',
      'login refused on server A for user "x" from 10.0.0.1',
    ]);
    made.close();
  });

  it('counts connections per address, IPv4 written either way', () => {
    const { made } = throttle({ connectionsPerAddress: 2 });
    expect(addressOf('::ffff:10.0.0.1')).toBe('10.0.0.1');
    expect(made.admit('10.0.0.1')).toBe(true);
    expect(made.admit(addressOf('::ffff:10.0.0.1'))).toBe(true);
    expect(made.admit('10.0.0.1')).toBe(false);
    expect(made.admit('10.0.0.2')).toBe(true);
    made.closed('10.0.0.1');
    expect(made.admit('10.0.0.1')).toBe(true);
    made.close();
  });
});
