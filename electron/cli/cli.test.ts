import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CommandIo } from './io';
import { readAll } from './io';
import { run } from './run';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sendsheet-cli-'));
});

async function sendsheet(argv: string[], stdin = '') {
  let stdout = '';
  let stderr = '';
  const io: CommandIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: async () => new TextEncoder().encode(stdin),
    cwd: dir,
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

async function file(name: string, content: string | Uint8Array): Promise<string> {
  await writeFile(join(dir, name), content);
  return name;
}

describe('sendsheet check', () => {
  it('accepts a good file: exit 0, human summary', async () => {
    const name = await file('good.csv', 'msisdn,message\n4512345678,Hello\n4512345679,“Hi”\n');
    const { code, stdout } = await sendsheet(['check', name]);
    expect(code).toBe(0);
    expect(stdout).toContain('good.csv.ready: ACCEPTED');
    expect(stdout).toContain('Encoding:  UTF-8 (detected)');
    expect(stdout).toContain('2 messages');
    expect(stdout).toContain('SMS parts: 2 (1 message in UCS-2)');
  });

  it('rejects with every problem, row and column: exit 1', async () => {
    const name = await file('bad.csv', 'msisdn;message\r\n+4512345678;hi\r\n4512345678;\r\n');
    const { code, stdout } = await sendsheet(['check', name, '--as', 'bad.csv.excel']);
    expect(code).toBe(1);
    expect(stdout).toContain('bad.csv.excel.ready: REJECTED');
    expect(stdout).toContain('row 2, column msisdn: bad-msisdn:');
    expect(stdout).toContain('row 3, column message: empty-message:');
  });

  it('--json gives exactly the documented shape', async () => {
    const bytes = new Uint8Array(
      iconv.encode(
        'msisdn;message;sender\r\n4512345678;Café;Shop\r\n;\r\n4512;x;Shop\r\n',
        'windows-1252',
      ),
    );
    const name = await file('shape.csv', bytes);
    const { code, stdout } = await sendsheet([
      'check',
      name,
      '--as',
      'shape.csv.excel.ready',
      '--json',
    ]);
    expect(code).toBe(1);
    const verdict = JSON.parse(stdout);
    expect(Object.keys(verdict)).toEqual([
      'file',
      'name',
      'status',
      'encoding',
      'encodingSource',
      'format',
      'rows',
      'skipped',
      'parts',
      'problems',
      'problemCount',
      'problemCounts',
      'messages',
    ]);
    expect(verdict).toMatchObject({
      file: 'shape.csv',
      name: 'shape.csv.excel.ready',
      status: 'rejected',
      encoding: 'windows-1252',
      encodingSource: 'detected',
      format: 'excel',
      rows: 2,
      skipped: 1,
      parts: 2,
      problemCount: 1,
      problemCounts: { 'bad-msisdn': 1 },
    });
    expect(verdict.problems).toEqual([
      { row: 4, column: 'msisdn', code: 'bad-msisdn', message: expect.stringContaining('"4512"') },
    ]);
    expect(verdict.messages[0]).toEqual({
      row: 2,
      msisdn: '4512345678',
      message: 'Café',
      sender: 'Shop',
      class: 'standard',
      userref: '',
      encoding: 'GSM-7',
      parts: 1,
    });
  });

  it('lists the first 1,000 problems of many, then counts the rest by code', async () => {
    const name = await file('many.csv', `msisdn,message\n${'a\n'.repeat(2500)}`);
    const { code, stdout } = await sendsheet(['check', name]);
    expect(code).toBe(1);
    expect(stdout).toContain('  Problems (2,500):');
    expect(stdout).toContain('    row 1001: field-count:');
    expect(stdout).not.toContain('row 1002:');
    expect(stdout).toContain('    ... and 1,500 more; in all: field-count 2,500\n');
  });

  it('says plainly when a header column has no name', async () => {
    const name = await file('trailing.csv', 'msisdn;message;\r\n4512345678;hi;\r\n');
    const { stdout } = await sendsheet(['check', name, '--as', 'trailing.csv.excel']);
    expect(stdout).toContain('row 1, a column with no name: unknown-column:');
  });

  it('checks a server life-cycle name under its original .ready name', async () => {
    const name = await file(
      'list.csv.excel.20261124T140000.rejected',
      'msisdn;message\r\n4512345678;hi\r\n',
    );
    const { code, stdout } = await sendsheet(['check', name]);
    expect(code).toBe(0);
    expect(stdout).toContain('list.csv.excel.ready: ACCEPTED');
  });

  it.each([
    [['check'], 'check takes a FILE'],
    [['check', 'a', 'b', '--as', 'x.csv'], '--as names one file'],
    [['check', '-', '-'], 'standard input ("-") can be checked once'],
    [['check', 'missing.csv'], 'cannot read missing.csv: there is no such file'],
    [['check', '.'], 'it is a folder'],
    [['check', 'a', '--bogus'], "Unknown option '--bogus'"],
    [['check', 'a', '--as', 'dir/x'], 'without a folder'],
    [['frobnicate'], 'unknown command "frobnicate"'],
  ])('usage and I/O errors exit 2 with a clear message: %j', async (argv, message) => {
    await mkdir(join(dir, 'sub'), { recursive: true });
    const { code, stderr, stdout } = await sendsheet(argv);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(stdout).toBe('');
  });
});

describe('issue 12: sendsheet check - reads the file from standard input', () => {
  it('checks standard input as stdin.csv.ready, and says so', async () => {
    const { code, stdout } = await sendsheet(['check', '-'], 'msisdn,message\n4512345678,Hi\n');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Standard input, checked as stdin\.csv\.ready /);
    expect(stdout).toContain('stdin.csv.ready: ACCEPTED');
  });

  it('--as names it, modifiers included: a semicolon file as .excel', async () => {
    const semicolons = 'msisdn;message\r\n4512345678;Hi\r\n';
    const plain = await sendsheet(['check', '-'], semicolons);
    expect(plain.code).toBe(1);
    const named = await sendsheet(['check', '-', '--as', 'list.csv.excel', '--json'], semicolons);
    expect(named.code).toBe(0);
    expect(JSON.parse(named.stdout)).toMatchObject({ status: 'success', format: 'excel', rows: 1 });
  });

  it('stops reading past 30 MiB: too-large, the rest of an endless input left unread', async () => {
    let pulled = 0;
    const chunk = new Uint8Array(1024 * 1024).fill(0x61);
    async function* endless() {
      for (;;) {
        pulled++;
        yield chunk;
      }
    }
    const out = { stdout: '', stderr: '' };
    const io: CommandIo = {
      stdout: (t) => void (out.stdout += t),
      stderr: (t) => void (out.stderr += t),
      readStdin: (limit) => readAll(endless(), limit),
      cwd: dir,
    };
    expect(await run(['check', '-', '--json'], io)).toBe(1);
    const verdict = JSON.parse(out.stdout);
    expect(verdict.problems).toEqual([
      expect.objectContaining({
        code: 'too-large',
        message: expect.stringContaining('more than 30 MiB'),
      }),
    ]);
    expect(pulled).toBe(31);
  });
});

describe('sendsheet segments', () => {
  it('counts a text argument', async () => {
    const { code, stdout } = await sendsheet(['segments', 'a'.repeat(161), '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ encoding: 'GSM-7', units: 161, parts: 2, lookalikes: [] });
  });
  it('reads stdin exactly as given: a trailing newline counts', async () => {
    const { stdout } = await sendsheet(['segments', '--json'], 'Hi\n');
    expect(JSON.parse(stdout)).toMatchObject({ encoding: 'GSM-7', units: 3, parts: 1 });
  });
  it('issue 12: a leading U+FEFF on standard input is a character of the message (UCS-2)', async () => {
    const { code, stdout } = await sendsheet(['segments', '--json'], '\uFEFFHi');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ encoding: 'UCS-2', units: 3, parts: 1 });
  });

  it.each([
    ['standard input', [], ''],
    ['an empty TEXT', [''], ''],
  ])('issue 12: an empty message from %s is empty-message, exit 1', async (_what, text, stdin) => {
    for (const json of [[], ['--json']]) {
      const { code, stdout, stderr } = await sendsheet(['segments', ...text, ...json], stdin);
      expect(code).toBe(1);
      expect(stderr).toBe('sendsheet segments: empty-message: The message is empty.\n');
      expect(stdout).toBe('');
    }
  });

  it('lists look-alikes and what replacing them saves', async () => {
    const { stdout } = await sendsheet(['segments', 'It’s “great”']);
    expect(stdout).toContain('UCS-2: 12 UCS-2 units, 1 SMS part');
    expect(stdout).toContain('U+2019');
    expect(stdout).toContain('Replaced: GSM-7');
    const json = JSON.parse((await sendsheet(['segments', 'It’s', '--json'])).stdout);
    expect(json.lookalikes[0]).toMatchObject({ char: '’', replacement: "'", count: 1 });
  });
});

describe('the real command line', () => {
  it('npm run -s sendsheet -- check runs from the repo root and sets the exit code', async () => {
    const name = await file('real.csv', 'msisdn,message\n123,hi\n');
    const result = await promisify(execFile)(
      'npm',
      ['run', '-s', 'sendsheet', '--', 'check', join(dir, name), '--json'],
      {
        cwd: process.cwd(),
      },
    ).catch((error: { code: number; stdout: string }) => error);
    expect('code' in result ? result.code : 0).toBe(1);
    expect(JSON.parse(result.stdout).problems[0].code).toBe('bad-msisdn');
  });
});
