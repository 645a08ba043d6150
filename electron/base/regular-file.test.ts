// Issue 15: a path a person names is read only as a regular file, never past a limit: never a
// device (/dev/zero never ends), a FIFO (opening one holds a thread of Node's file pool until
// something writes: four of them stop every file operation of the process) or a file of /proc
// (/proc/self/environ holds the process's passwords).
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, open, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPEN_FLAGS, ReadBuffer, readRegularFileBounded } from './regular-file';

const linux = process.platform === 'linux';

async function folder(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'sendsheet-regular-'));
}

function refused(reason: RegExp) {
  return {
    ok: false,
    error: expect.stringMatching(/^Cannot read /),
    reason: expect.stringMatching(reason),
  };
}

describe('issue 15: only regular files, at most the limit', () => {
  it('reads a regular file whole, in a buffer of its own (it crosses to the window whole)', async () => {
    const dir = await folder();
    await writeFile(join(dir, 'list.csv'), 'msisdn,message\n');
    const read = await readRegularFileBounded(join(dir, 'list.csv'), 100);
    expect(read).toEqual({ ok: true, bytes: expect.any(Uint8Array), whole: true });
    if (!read.ok) return;
    expect(new TextDecoder().decode(read.bytes)).toBe('msisdn,message\n');
    expect(read.bytes.buffer.byteLength).toBe(read.bytes.length);
  });

  it('issue 16: file after file into one reused buffer, each read whole and bounded', async () => {
    const dir = await folder();
    const reused = new ReadBuffer();
    const contents = ['a'.repeat(80), 'b'.repeat(10), 'c'.repeat(50), 'd'.repeat(500)];
    const buffers = new Set<ArrayBufferLike>();
    for (const [i, content] of contents.entries()) {
      await writeFile(join(dir, `f${i}.csv`), content);
      const read = await readRegularFileBounded(join(dir, `f${i}.csv`), 100, reused);
      if (!read.ok) throw new Error(read.error);
      // Past the limit, limit + 1 bytes as without the buffer.
      const expected = content.slice(0, 101);
      expect({ text: new TextDecoder().decode(read.bytes), whole: read.whole }).toEqual({
        text: expected,
        whole: content.length <= 100,
      });
      buffers.add(read.bytes.buffer);
    }
    // One buffer for the first three; grown once, for the fourth, larger than all of them.
    expect(buffers.size).toBe(2);
  });

  it('a file larger than the limit: limit + 1 bytes are read, the rest never', async () => {
    const dir = await folder();
    await writeFile(join(dir, 'big.csv'), 'x'.repeat(1000));
    expect(await readRegularFileBounded(join(dir, 'big.csv'), 999)).toMatchObject({
      ok: true,
      whole: false,
      bytes: { length: 1000 },
    });
    expect(await readRegularFileBounded(join(dir, 'big.csv'), 100)).toMatchObject({
      ok: true,
      whole: false,
      bytes: { length: 101 },
    });
    expect(await readRegularFileBounded(join(dir, 'big.csv'), 1000)).toMatchObject({
      whole: true,
      bytes: { length: 1000 },
    });
  });

  it('a file that grows after it was measured is read up to the limit + 1, never further', async () => {
    const dir = await folder();
    const path = join(dir, 'growing.csv');
    await writeFile(path, 'x'.repeat(10));
    const writer = await open(path, 'a');
    // Grows while the reader works: the reader measured 10 bytes or more, and still stops.
    const growing = (async () => {
      for (let i = 0; i < 50; i++) await writer.write('y'.repeat(1000));
    })();
    const read = await readRegularFileBounded(path, 20_000);
    await growing;
    await writer.close();
    expect(read.ok && read.bytes.length).toBeLessThanOrEqual(20_001);
    // Once it is larger than the limit, it is said so.
    expect(await readRegularFileBounded(path, 20_000)).toMatchObject({
      whole: false,
      bytes: { length: 20_001 },
    });
  });

  it('a folder, a missing file: said in words', async () => {
    const dir = await folder();
    expect(await readRegularFileBounded(dir, 100)).toEqual(refused(/^it is a folder$/));
    expect(await readRegularFileBounded(join(dir, 'none.csv'), 100)).toEqual({
      ok: false,
      error: 'Cannot read none.csv: there is no such file.',
      reason: 'there is no such file',
    });
  });

  it.runIf(linux)('/dev/zero and /dev/null are devices: refused before they are read', async () => {
    for (const device of ['/dev/zero', '/dev/null', '/dev/urandom'])
      expect(await readRegularFileBounded(device, 100)).toEqual(refused(/not a regular file/));
  });

  it.runIf(linux)(
    '/proc/self/environ (the passwords of the environment) is refused, even through a link',
    async () => {
      const dir = await folder();
      await symlink('/proc/self/environ', join(dir, 'list.csv'));
      for (const path of ['/proc/self/environ', join(dir, 'list.csv'), '/proc/self/status'])
        expect(await readRegularFileBounded(path, 1_000_000)).toEqual(
          refused(/not a regular file/),
        );
      // The refusal is not by name: /proc's files say they are regular files.
      const { stat } = await import('node:fs/promises');
      expect((await stat('/proc/self/environ')).isFile()).toBe(true);
    },
  );

  it.runIf(linux)(
    'FIFOs: eight at once are refused, and the file pool goes on working',
    async () => {
      const dir = await folder();
      const fifos = Array.from({ length: 8 }, (_, i) => join(dir, `pipe-${i}.csv`));
      for (const fifo of fifos) execFileSync('mkfifo', [fifo]);
      const reads = await Promise.all(fifos.map((fifo) => readRegularFileBounded(fifo, 100)));
      for (const read of reads) expect(read).toEqual(refused(/not a regular file/));
      await writeFile(join(dir, 'after.csv'), 'still here');
      expect(await readFile(join(dir, 'after.csv'), 'utf8')).toBe('still here');
    },
  );

  it.runIf(linux)(
    'a FIFO put in place after the check opens at once with the flags used (O_NONBLOCK)',
    async () => {
      const dir = await folder();
      const fifo = join(dir, 'swapped.csv');
      execFileSync('mkfifo', [fifo]);
      // Without O_NONBLOCK this open would wait for a writer for ever (and hold a pool thread).
      const handle = await open(fifo, OPEN_FLAGS);
      try {
        expect((await handle.stat()).isFIFO()).toBe(true);
      } finally {
        await handle.close();
      }
    },
  );

  it('a link to a regular file is read (a shortcut the person made)', async () => {
    const dir = await folder();
    await mkdir(join(dir, 'real'));
    await writeFile(join(dir, 'real', 'list.csv'), 'a');
    await symlink(join(dir, 'real', 'list.csv'), join(dir, 'link.csv'));
    expect(await readRegularFileBounded(join(dir, 'link.csv'), 10)).toMatchObject({ ok: true });
  });
});
