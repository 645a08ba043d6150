// `check --json` writes its output whole before it goes on (standard-output.ts), to a file, to
// /dev/null and to a pipe alike: the same bytes, in order, however slowly the pipe is read, and
// a reader that goes away (`| head`) ends the command quietly.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { capture } from './cli-test-util';
import { run } from './run';
import { EXIT_OUTPUT_CLOSED, StandardOutput } from './standard-output';

const ROOT = resolve(import.meta.dirname, '..', '..');
const ARGS = ['check', 'big.csv.excel', 'missing.csv', 'other.csv.excel', '--json'];
let dir: string;

/** A semicolon file of `rows` messages with accents, euro signs and quotes to escape. */
function campaign(rows: number, word: string): string {
  const lines = Array.from(
    { length: rows },
    (_, i) => `45${20_000_000 + i};"${word} ""€${i}"" – café \\ tak";Shop;;r${i}`,
  );
  return `msisdn;message;sender;class;userref\r\n${lines.join('\r\n')}\r\n`;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sendsheet-stdout-'));
  // Each verdict a few megabytes of JSON, far more than a pipe holds (64 KiB).
  await writeFile(join(dir, 'big.csv.excel'), campaign(20_000, 'Hej'));
  await writeFile(join(dir, 'other.csv.excel'), campaign(30_000, 'Hallo'));
});

/** What the command prints when its output is kept in memory (the tests' own CommandIo). */
async function expected(): Promise<string> {
  const { io, out } = capture(dir);
  expect(await run(ARGS, io)).toBe(2);
  return out.stdout;
}

/** The command itself (bin/sendsheet.js), standard output given as `stdout`. */
function command(stdout: 'pipe' | number) {
  return spawn(process.execPath, [join(ROOT, 'bin', 'sendsheet.js'), ...ARGS], {
    cwd: dir,
    stdio: ['ignore', stdout, 'pipe'],
  });
}

function exited(child: ReturnType<typeof command>): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done) => child.on('close', (code) => done({ code: code!, stderr })));
}

describe('issue 16: check --json writes its output whole, wherever it goes', () => {
  it('to a pipe read slowly, after text that made the pipe non-blocking: the same bytes, in order', async () => {
    const want = await expected();
    const child = command('pipe');
    const ended = exited(child);
    const chunks: Buffer[] = [];
    // Nothing read for a while, then a little at a time: the pipe is full most of the run, and
    // the error line of missing.csv, written as text, sits between the two verdicts.
    child.stdout!.pause();
    await new Promise((wait) => setTimeout(wait, 300));
    for await (const chunk of child.stdout!) {
      chunks.push(chunk as Buffer);
      if (chunks.length % 16 === 0) await new Promise((wait) => setTimeout(wait, 5));
    }
    const { code, stderr } = await ended;
    expect(stderr).toContain('cannot read missing.csv');
    expect(code).toBe(2);
    const got = Buffer.concat(chunks).toString('utf8');
    expect(got.length).toBeGreaterThan(4 << 20);
    expect(got.split('\n').map((line) => (line ? JSON.parse(line).file : ''))).toEqual([
      'big.csv.excel',
      'missing.csv',
      'other.csv.excel',
      '',
    ]);
    expect(got === want).toBe(true);
  });

  it('to a file and to /dev/null: the same bytes, and the same exit', async () => {
    const want = await expected();
    const path = join(dir, 'out.jsonl');
    for (const target of [path, '/dev/null']) {
      const fd = openSync(target, 'w');
      const { code } = await exited(command(fd));
      closeSync(fd);
      expect(code).toBe(2);
    }
    expect(readFileSync(path, 'utf8') === want).toBe(true);
  });

  it('a reader that goes away (| head) ends the command quietly, with the code of SIGPIPE', async () => {
    const child = command('pipe');
    const ended = exited(child);
    const first = await new Promise<Buffer>((got) => child.stdout!.once('data', got));
    child.stdout!.destroy();
    const { code, stderr } = await ended;
    expect(first.toString('utf8')).toMatch(/^\{"file":"big.csv.excel"/);
    expect(stderr).not.toMatch(/EPIPE|internal error|at /);
    expect(code).toBe(EXIT_OUTPUT_CLOSED);
  });
});

describe('StandardOutput', () => {
  /** A stream that holds what it is given until `release`, as a full pipe does. */
  function heldStream() {
    const written: string[] = [];
    let release: () => void = () => {};
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        written.push(chunk.toString());
        release = done;
      },
    });
    return { stream, written, release: () => release() };
  }

  it('bytes go to the file at once, and follow text still queued, copied', async () => {
    const path = join(dir, 'order.txt');
    const fd = openSync(path, 'w');
    const held = heldStream();
    const output = new StandardOutput(fd, () => held.stream);
    output.bytes(new TextEncoder().encode('first\n'));
    output.text('second\n');
    output.text('third\n');
    // "third" is queued behind "second", which the stream holds: the bytes wait behind both,
    // copied, since the buffer is written over once bytes returns.
    const bytes = new TextEncoder().encode('fourth\n');
    output.bytes(bytes);
    bytes.fill(0x21);
    expect(readFileSync(path, 'utf8')).toBe('first\n');
    for (let i = 0; i < 3; i++) {
      held.release();
      await new Promise((wait) => setImmediate(wait));
    }
    expect(held.written).toEqual(['second\n', 'third\n', 'fourth\n']);
    // Once the stream has written all it held, bytes go straight to the file again.
    output.bytes(new TextEncoder().encode('fifth\n'));
    closeSync(fd);
    expect(readFileSync(path, 'utf8')).toBe('first\nfifth\n');
  });
});
