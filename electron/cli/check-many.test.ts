// Issue 16: `sendsheet check FILE...` checks many files in one call (support checks folders of
// customer files): a verdict for each, JSON lines with --json, and one exit code for all.
import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { capture } from './cli-test-util';
import { bytesWriter } from './io';
import { run } from './run';

const ROOT = resolve(import.meta.dirname, '..', '..');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sendsheet-check-many-'));
  await mkdir(join(dir, 'customers'));
  await writeFile(join(dir, 'good.csv'), 'msisdn,message\n4512345678,Hej “Søren” €\n');
  await writeFile(join(dir, 'customers', 'bad.csv'), 'msisdn,message\n+4512345678,hi\n');
  await writeFile(join(dir, 'customers', 'good.csv'), 'msisdn,message\n4512345679,Hi\n');
});

async function check(args: string[]) {
  const { io, out } = capture(dir);
  const code = await run(['check', ...args], io);
  return { code, ...out };
}

describe('issue 16: sendsheet check FILE... gives a verdict for each file', () => {
  it('a block for each file that says which, then how many of each', async () => {
    const { code, stdout, stderr } = await check([
      'good.csv',
      'customers/bad.csv',
      'missing.csv',
      'customers/good.csv',
    ]);
    expect(code).toBe(2);
    const blocks = stdout.split('\n\n');
    expect(blocks).toHaveLength(4);
    expect(blocks[0]).toMatch(/^good\.csv, checked as good\.csv\.ready: ACCEPTED\n/);
    expect(blocks[1]).toMatch(/^customers\/bad\.csv, checked as bad\.csv\.ready: REJECTED\n/);
    expect(blocks[1]).toContain('row 2, column msisdn: bad-msisdn:');
    expect(blocks[2]).toMatch(/^customers\/good\.csv, checked as good\.csv\.ready: ACCEPTED\n/);
    expect(blocks[3]).toBe('4 files: 2 accepted, 1 rejected, 1 not read.\n');
    expect(stderr).toBe('sendsheet check: cannot read missing.csv: there is no such file.\n');
  });

  it('exit code: 0 when every file is accepted, 1 when one is rejected, 2 when one is not read', async () => {
    expect((await check(['good.csv', 'customers/good.csv'])).code).toBe(0);
    expect((await check(['good.csv', 'customers/bad.csv'])).code).toBe(1);
    expect((await check(['customers/bad.csv', 'customers'])).code).toBe(2);
  });

  it('--json: a line for each file, in order, its verdict as one file has it', async () => {
    const { code, stdout, stderr } = await check([
      'good.csv',
      'customers',
      'customers/bad.csv',
      '--json',
    ]);
    expect(code).toBe(2);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    const [good, folder, bad] = lines.map((line) => JSON.parse(line));
    expect(good).toMatchObject({ file: 'good.csv', name: 'good.csv.ready', status: 'success' });
    expect(good.messages[0].message).toBe('Hej “Søren” €');
    expect(folder).toEqual({ file: 'customers', error: 'cannot read customers: it is a folder.' });
    expect(bad).toMatchObject({ file: 'customers/bad.csv', status: 'rejected', problemCount: 1 });
    expect(stderr).toBe('sendsheet check: cannot read customers: it is a folder.\n');
    // The same line as the file checked alone.
    const alone = await check(['customers/bad.csv', '--json']);
    expect(alone.stdout).toBe(`${lines[2]}\n`);
  });

  it('standard input among the files, once', async () => {
    const { io, out } = capture(dir, 'msisdn,message\n4512345678,Hi\n');
    expect(await run(['check', 'good.csv', '-', '--json'], io)).toBe(0);
    const lines = out.stdout.trimEnd().split('\n');
    expect(JSON.parse(lines[1]!)).toMatchObject({ file: '-', name: 'stdin.csv.ready', rows: 1 });
  });

  it('output in bytes split inside a character is decoded whole', () => {
    const { io, out } = capture(dir);
    const write = bytesWriter(io);
    const bytes = new TextEncoder().encode('a€b');
    write(bytes.subarray(0, 2));
    write(bytes.subarray(2));
    write.end();
    expect(out.stdout).toBe('a€b');
  });

  it('the command itself writes the JSON lines to its standard output', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [join(ROOT, 'bin', 'sendsheet.js'), 'check', 'good.csv', 'customers/good.csv', '--json'],
      { cwd: dir },
    );
    const lines = stdout.trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line).file)).toEqual(['good.csv', 'customers/good.csv']);
    expect(JSON.parse(lines[0]!).messages[0].message).toBe('Hej “Søren” €');
  });
});
