// Issue 16: `sendsheet check` reads a large file a window at a time, more than once: only a
// regular file is read so, never past its size, and a file written to in between is told.
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileChangedError, FileReader } from './file-reader';

const dir = mkdtempSync(join(tmpdir(), 'sendsheet-file-reader-'));

function file(name: string, size: number): string {
  const path = join(dir, name);
  writeFileSync(
    path,
    Uint8Array.from({ length: size }, (_, i) => i % 251),
  );
  return path;
}

describe('issue 16: FileReader', () => {
  it('opens a regular file of at least the size asked for, and nothing else', async () => {
    const large = file('large.csv', 10_000);
    expect(await FileReader.open(join(dir, 'small.csv'), 1)).toBeNull();
    expect(await FileReader.open(file('small.csv', 9_999), 10_000)).toBeNull();
    mkdirSync(join(dir, 'folder'));
    expect(await FileReader.open(join(dir, 'folder'), 0)).toBeNull();
    expect(await FileReader.open('/dev/zero', 0)).toBeNull();
    expect(await FileReader.open('/proc/self/environ', 0)).toBeNull();
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    expect(await FileReader.open(join(dir, 'pipe'), 0)).toBeNull();
    const reader = (await FileReader.open(large, 10_000))!;
    expect(reader.size).toBe(10_000);
    reader.close();
  });

  it('reads any place, fewer bytes only at the end', async () => {
    const reader = (await FileReader.open(file('read.csv', 5_000), 1))!;
    const into = new Uint8Array(300);
    expect(reader.read(into, 1_000)).toBe(300);
    expect(into[0]).toBe(1_000 % 251);
    expect(reader.read(into, 4_900)).toBe(100);
    expect(into[99]).toBe(4_999 % 251);
    reader.close();
  });

  it('tells a file written to, or cut short, after it was opened', async () => {
    const path = file('changing.csv', 5_000);
    const reader = (await FileReader.open(path, 1))!;
    expect(reader.changed()).toBe(false);
    appendFileSync(path, 'more');
    expect(reader.changed()).toBe(true);
    truncateSync(path, 2_000);
    expect(() => reader.read(new Uint8Array(1_000), 1_500)).toThrow(FileChangedError);
    reader.close();
    // Written over with bytes of the same size: its time of change tells.
    const same = file('same-size.csv', 5_000);
    const again = (await FileReader.open(same, 1))!;
    await new Promise((resolve) => setTimeout(resolve, 20));
    writeFileSync(same, new Uint8Array(5_000));
    expect(again.changed()).toBe(true);
    again.close();
  });
});
