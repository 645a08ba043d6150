import { describe, expect, it } from 'vitest';
import { READ_TIME_LIMIT_MS, readFileInWorker, readTimeLimitMs } from './read-file';

describe('reading limits (issue 5, flow 1: a huge file cannot freeze the app)', () => {
  it('refuses a file over the size limit before reading a byte of it', async () => {
    let read = false;
    const outcome = await readFileInWorker(
      {
        name: 'huge.xlsx',
        size: 200 * 1024 * 1024,
        arrayBuffer: async () => {
          read = true;
          return new ArrayBuffer(0);
        },
      },
      { maxBytes: 100 * 1024 * 1024, timeLimitMs: 1000 },
    );
    expect(read).toBe(false);
    expect(outcome).toEqual({
      ok: false,
      error: 'huge.xlsx is larger than 100 MiB: split it into smaller files.',
    });
  });

  it('gives a large file more time to be read than a small one (issue 16: the whole sheet)', () => {
    expect(readTimeLimitMs(0)).toBe(READ_TIME_LIMIT_MS);
    expect(readTimeLimitMs(1024 * 1024)).toBeGreaterThan(READ_TIME_LIMIT_MS);
    // Excel's whole sheet, 57 MiB: more than four minutes, where one minute stopped it.
    expect(readTimeLimitMs(57 * 1024 * 1024)).toBeGreaterThan(4 * 60_000);
  });
});
