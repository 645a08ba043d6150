import { describe, expect, it } from 'vitest';
import { readFileInWorker } from './read-file';

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
});
