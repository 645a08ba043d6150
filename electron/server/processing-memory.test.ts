// Issue 15: an accepted file's messages are queued a piece at a time, so the server's memory
// does not grow with their count. The provider runs in a process of its own with a small heap:
// before, holding every message of a file of the smallest valid rows ran it out of heap (at
// 30 MiB, 2.4 million messages, the server died, restarted into the file and died again). The
// 30 MiB figures, time and peak, are in bench/hostile.bench.ts (processing mode).
import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from 'basic-ftp';
import { describe, expect, it } from 'vitest';
import { HOSTILE_PATTERNS, hostileBytes, unitsIn } from '../../core/hostile.test-util';
import { finished, upload, waitForNames } from './ftp-test-util';
import { layoutOf } from './layout';

const SIZE = 8 << 20;
/** Far below what the messages of SIZE bytes of tiny rows take as objects (over 150 MiB). */
const HEAP_MIB = 96;

async function linesIn(path: string): Promise<number> {
  let lines = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) lines++;
  }
  return lines;
}

describe('Issue 15: the server queues an accepted file a piece at a time', () => {
  it(`${SIZE >> 20} MiB of the smallest valid rows, processed in a ${HEAP_MIB} MiB heap over real FTP`, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sendsheet-memory-'));
    const child = spawn(
      process.execPath,
      [
        `--max-old-space-size=${HEAP_MIB}`,
        '--import',
        'tsx',
        join(import.meta.dirname, 'provider-child.ts'),
        dir,
        'none',
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const next = async <T>(): Promise<T> => {
      const { value, done } = await lines.next();
      if (done) throw new Error(`the provider process ended early (exit ${await exited})`);
      return JSON.parse(value as string) as T;
    };
    const client = new Client(30_000);
    try {
      const { ports } = await next<{ ports: number[] }>();
      await client.access({ host: '127.0.0.1', port: ports[0], user: 'demo', password: 'demo' });
      const pattern = HOSTILE_PATTERNS.find((p) => p.name === 'tiny valid rows')!;
      await upload(client, pattern.uploadName, hostileBytes(pattern, SIZE));
      const found = await Promise.race([
        waitForNames(client, (n) => finished(n, 'valid.csv', 'success') !== undefined, 240_000),
        exited.then((code) => {
          throw new Error(`the provider process died while processing (exit ${code})`);
        }),
      ]);
      expect(found).toEqual([finished(found, 'valid.csv', 'success')]);
      const outbox = join(layoutOf(dir).outbox, 'demo');
      const [queued] = await readdir(outbox);
      expect(await linesIn(join(outbox, queued!))).toBe(unitsIn(pattern, SIZE));
      child.stdin.write('peak\n');
      const { peakRssMiB } = await next<{ peakRssMiB: number }>();
      expect(peakRssMiB).toBeLessThan(384);
    } finally {
      client.close();
      child.kill('SIGKILL');
      await exited;
      await rm(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
