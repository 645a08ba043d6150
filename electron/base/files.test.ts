// Issue 15: the app's private files (history, credentials, exports, the window's place) are
// readable by their owner only, and so is its data folder, even one an older version made open.
import { chmod, mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRIVATE_FILE, privateDir, replaceFile, writePrivateFile } from './files';

const posix = process.platform !== 'win32';
const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

describe.runIf(posix)('issue 15: owner-only files and folders', () => {
  it('replaceFile with PRIVATE_FILE: 0600, also over a file that was 0644', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sendsheet-files-'));
    const path = join(dir, 'history.json');
    await writeFile(path, 'old', { mode: 0o644 });
    await chmod(path, 0o644);
    await replaceFile(path, Buffer.from('new'), dir, PRIVATE_FILE);
    expect(await readFile(path, 'utf8')).toBe('new');
    expect(await modeOf(path)).toBe(0o600);
  });

  it("replaceFile's default stays 0644 less the umask (the emulated server's files)", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sendsheet-files-'));
    await replaceFile(join(dir, 'a.csv'), Buffer.from('x'), dir);
    const umask = process.umask();
    expect(await modeOf(join(dir, 'a.csv'))).toBe(0o644 & ~umask);
  });

  it('privateDir makes a folder 0700, and an existing 0755 one 0700 too', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sendsheet-files-'));
    await privateDir(join(dir, 'new', 'app'));
    expect(await modeOf(join(dir, 'new', 'app'))).toBe(0o700);
    expect(await modeOf(join(dir, 'new'))).toBe(0o700);
    await mkdir(join(dir, 'old'), { mode: 0o755 });
    await chmod(join(dir, 'old'), 0o755);
    await privateDir(join(dir, 'old'));
    expect(await modeOf(join(dir, 'old'))).toBe(0o700);
  });

  it('writePrivateFile: 0600 in a 0700 folder, whole, no temporary file left', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sendsheet-files-'));
    const path = join(dir, 'user-data', 'credentials.json');
    await writePrivateFile(path, '{"a":1}');
    await writePrivateFile(path, '{"a":2}');
    expect(await readFile(path, 'utf8')).toBe('{"a":2}');
    expect(await modeOf(path)).toBe(0o600);
    expect(await modeOf(join(dir, 'user-data'))).toBe(0o700);
    expect(await readdir(join(dir, 'user-data'))).toEqual(['credentials.json']);
  });
});
