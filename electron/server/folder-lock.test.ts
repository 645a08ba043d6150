import { spawn } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { connect, GOOD_CSV, names, startTestProvider } from './ftp-test-util';

describe('Issue 15: one provider per data folder', () => {
  it("a second provider on the folder is refused, naming the first one's process, and the first one's upload in progress goes on", async () => {
    const first = await startTestProvider();
    const client = await connect(first);
    try {
      const source = new PassThrough();
      const uploading = client.uploadFrom(source, 'slow.csv.ready');
      uploading.catch(() => {});
      source.write(GOOD_CSV.slice(0, 20));
      await expect
        .poll(() => readdir(first.layout.uploads), { timeout: 20_000, interval: 20 })
        .toHaveLength(1);

      await expect(startTestProvider({ dir: first.dir })).rejects.toThrow(
        `Another emulated provider (process ${process.pid}, a sendsheet serve or app) uses the folder ${first.dir}: stop it, or choose another folder with --dir.`,
      );

      source.end(GOOD_CSV.slice(20));
      await uploading;
      await first.idle();
      expect((await names(client)).some((name) => name.startsWith('slow.csv.'))).toBe(true);
    } finally {
      client.close();
      await first.close();
    }
  });

  it('the folder is free again once the provider stops', async () => {
    const first = await startTestProvider();
    await first.close();
    const second = await startTestProvider({ dir: first.dir });
    await second.close();
  });

  it('a lock left by a process that is gone is taken over at once', async () => {
    const gone = spawn(process.execPath, ['-e', '']);
    const pid = gone.pid!;
    await new Promise((resolve) => gone.once('exit', resolve));
    const first = await startTestProvider();
    await first.close();
    await writeFile(join(first.layout.dir, 'state', 'provider.lock'), JSON.stringify({ pid }));
    const second = await startTestProvider({ dir: first.dir });
    await second.close();
  });
});
