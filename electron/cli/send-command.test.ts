// Issue 4, `sendsheet send`: core checks the file first (a rejected file is not sent), then it is
// uploaded with failover and, with --follow, followed to the end. Exit 0 on success, 1 on
// rejected, 3 when neither server could be reached.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { FtpSession } from '../client/ftp-session';
import { closedPort } from '../client/net-test-util';
import { Faults } from '../server/faults';
import { BAD_CSV, connect, GOOD_CSV, names, startTestProvider } from '../server/ftp-test-util';
import type { TestProvider } from '../server/ftp-test-util';
import { readOutbox } from '../server/outbox';
import type { CommandIo } from './io';
import { run } from './run';
import { EXIT_NOT_SENT, EXIT_SENT_BEFORE, sendCommand } from './send-command';

let provider: TestProvider;
const faults = new Faults();
let work: string;
const PASSWORD = 'demo';
const env = { SENDSHEET_TEST_PASSWORD: PASSWORD };

beforeAll(async () => {
  provider = await startTestProvider({ faults, retry: { intervalMs: 30 } });
  work = await mkdtemp(join(tmpdir(), 'sendsheet-send-'));
  await writeFile(join(work, 'good.csv'), GOOD_CSV);
  await writeFile(join(work, 'bad.csv'), BAD_CSV);
});

afterAll(async () => {
  await provider.close();
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** Counts the connections tried, the work a wait would hide. */
function countOpens(): () => number {
  const open = vi.spyOn(FtpSession, 'open');
  return () => open.mock.calls.length;
}

async function send(args: string[]) {
  const out = { stdout: '', stderr: '' };
  const io: CommandIo = {
    stdout: (text) => void (out.stdout += text),
    stderr: (text) => void (out.stderr += text),
    readStdin: async () => new Uint8Array(),
    cwd: work,
  };
  let code: number;
  try {
    code = await sendCommand(args, io, env);
  } catch (error) {
    // As run() does: a usage error is exit code 2.
    out.stderr += (error as Error).message;
    code = 2;
  }
  return { code, ...out };
}

function servers(a: number = provider.servers[0]!.port, b: number = provider.servers[1]!.port) {
  return [
    '--server',
    `127.0.0.1:${a}`,
    '--server',
    `127.0.0.1:${b}`,
    '--user',
    'demo',
    '--password-env',
    'SENDSHEET_TEST_PASSWORD',
  ];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Each run its own history: these tests send the same file again and again on purpose. */
let runs = 0;
const options = {
  [Symbol.iterator]: () =>
    ['--plain', '--interval', '0.05', '--data', `data-${++runs}`][Symbol.iterator](),
};

describe('issue 4: sendsheet send', () => {
  it('--follow: prints each state to .success, exit 0, the messages queued once', async () => {
    const result = await send(['good.csv', ...servers(), ...options, '--follow']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const id = /sending as good-([a-z0-9]{10})\.csv\.utf8\.ready/.exec(result.stdout)?.[1];
    expect(id).toBeDefined();
    expect(result.stdout).toMatch(
      /^good\.csv has no modifiers in its name: it is comma-separated, UTF-8; sending it as good\.csv\.utf8\.ready\ngood\.csv: 2 messages, 2 SMS parts; sending as good-\w+\.csv\.utf8\.ready \(servers given on the command line\)\n/,
    );
    expect(result.stdout).toContain('  server A\n');
    expect(result.stdout).toContain(`  ready: good-${id}.csv.utf8.ready is on server A\n`);
    expect(result.stdout).toMatch(/ {2}success: the provider queued 2 messages \(2 SMS parts\)\n$/);
    expect(result.stdout).not.toContain(PASSWORD);
    const records = (await readOutbox(provider.dir)).filter((r) =>
      r.batch.startsWith(`good-${id}.csv.`),
    );
    expect(records).toHaveLength(2);
  });

  it('issue 12: a semicolon CSV saved by Excel in Denmark, named list.csv, is sent as one', async () => {
    const danish = iconv.encode(
      'msisdn;message\r\n4512345678;Hej Søren, vi ses på fredag\r\n',
      'windows-1252',
    );
    await writeFile(join(work, 'list.csv'), danish);
    const result = await send(['list.csv', ...servers(), ...options, '--follow']);
    expect(result.stdout).toMatch(
      /^list\.csv has no modifiers in its name: it is semicolon-separated \(Excel format\), Windows-1252; sending it as list\.csv\.cp1252\.excel\.ready\n/,
    );
    expect(result.code).toBe(0);
    const records = (await readOutbox(provider.dir)).filter((r) => r.batch.startsWith('list-'));
    expect(records.map((r) => r.message)).toEqual(['Hej Søren, vi ses på fredag']);
  });

  it('issue 12: a name with modifiers, or --as, is used as given', async () => {
    await writeFile(join(work, 'named.csv.excel'), 'msisdn;message\r\n4512345678;Hi\r\n');
    const named = await send(['named.csv.excel', ...servers(), ...options]);
    expect(named.stdout).not.toContain('no modifiers');
    expect(named.stdout).toMatch(/sending as named-\w+\.csv\.excel\.ready /);
    const as = await send(['good.csv', '--as', 'other.csv', ...servers(), ...options]);
    expect(as.stdout).not.toContain('no modifiers');
    expect(as.stdout).toMatch(/sending as other-\w+\.csv\.ready /);
  });

  it('issue 12: a tab-separated file is still checked, and refused for what it is', async () => {
    await writeFile(join(work, 'tabs.csv'), 'msisdn\tmessage\n4512345678\tHi\n');
    const result = await send(['tabs.csv', ...servers(), ...options]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('tabs.csv.utf8.ready: REJECTED');
    expect(result.stdout).toContain('tab-delimited');
  });

  it('the first server down: says so, and sends through the second', async () => {
    const result = await send(['good.csv', ...servers(await closedPort()), ...options, '--follow']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      / {2}server B: Server A \(127\.0\.0\.1:\d+\) refused the connection; using server B \(127\.0\.0\.1:\d+\)\.\n/,
    );
  });

  it('without --follow: exit 0 once the file is .ready on a server', async () => {
    const result = await send(['good.csv', ...servers(), ...options]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/ready: good-\w+\.csv\.utf8\.ready is on server A\n$/);
  });

  it('a file core rejects is not sent: the verdict, exit 1, nothing on the server', async () => {
    const result = await send(['bad.csv', ...servers(), ...options, '--follow']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('bad.csv.utf8.ready: REJECTED');
    expect(result.stdout).toContain('row 2, column msisdn: bad-msisdn:');
    expect(result.stderr).toContain(
      'Not sent: the provider would reject bad.csv.utf8.ready (1 problem).',
    );
    const client = await connect(provider);
    expect((await names(client)).filter((name) => name.startsWith('bad'))).toEqual([]);
    client.close();
  });

  it('rejected by the server: exit 1, with the cause read back from the file', async () => {
    faults.failNext(5);
    const result = await send([
      'good.csv',
      '--as',
      'internal.csv',
      ...servers(),
      ...options,
      '--follow',
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      / {2}rejected at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ: 1 problem\(s\)\n {4}internal-error: The provider could not process the file after 5 attempts/,
    );
  });

  it('neither server reachable: gives up after --give-up, exit 3', async () => {
    const opens = countOpens();
    const result = await send([
      'good.csv',
      ...servers(await closedPort(), await closedPort()),
      ...options,
      '--give-up',
      '0.5',
    ]);
    expect(result.code).toBe(EXIT_NOT_SENT);
    expect(result.stdout).toMatch(
      / {2}failed: Neither server could be reached in .*: server A .* refused the connection; server B .* refused the connection\.\n$/,
    );
    // Rounds of both servers 250 ms apart, then 500: the second round ends past the 0.5 s
    // given, with its wait to come, so it is the last. (By the default 300 s it would go on.)
    expect(opens()).toBeGreaterThanOrEqual(2);
    expect(opens()).toBeLessThanOrEqual(4);
  });

  it('issue 12: while neither server answers, each try is printed: the server, why, the next try', async () => {
    const [a, b] = [await closedPort(), await closedPort()];
    const result = await send(['good.csv', ...servers(a, b), ...options, '--give-up', '1.5']);
    expect(result.code).toBe(EXIT_NOT_SENT);
    const tries = result.stdout.split('\n').filter((line) => line.startsWith('  Server '));
    const A = `  Server A (127.0.0.1:${a}) refused the connection; trying server B (127.0.0.1:${b}) now.`;
    const B = `Server B (127.0.0.1:${b}) refused the connection`;
    const again = (wait: string) =>
      expect.stringMatching(
        new RegExp(
          `^ {2}${escape(B)}; trying again in ${escape(wait)}, at \\d\\d:\\d\\d:\\d\\d \\(giving up at \\d\\d:\\d\\d:\\d\\d\\)\\.$`,
        ),
      );
    // Waits of 0.25 s and 0.5 s; the next, 1 s, would pass the 1.5 s given.
    expect(tries).toEqual([A, again('0.25 s'), A, again('0.5 s'), A, `  ${B}.`]);
    expect(result.stdout).toMatch(/\n {2}failed: Neither server could be reached in /);
  });

  it('a wrong password: exit 3 at once, saying the login was refused, and the password is not shown', async () => {
    let out = '';
    const opens = countOpens();
    const result = await sendCommand(
      ['good.csv', ...servers(), ...options, '--give-up', '30'],
      {
        stdout: (t) => void (out += t),
        stderr: (t) => void (out += t),
        readStdin: async () => new Uint8Array(),
        cwd: work,
      },
      { SENDSHEET_TEST_PASSWORD: 'not-the-password' },
    );
    expect(result).toBe(EXIT_NOT_SENT);
    expect(out).toMatch(/failed: Could not log in: server A .* refused the login/);
    // Each server tried once, where a refusal taken for a passing failure would try for 30 s.
    expect(opens()).toBe(2);
    expect(out).not.toContain('not-the-password');
  });

  it('explicit FTPS with the server certificate pinned by --fingerprint', async () => {
    const result = await send([
      'good.csv',
      ...servers(),
      '--fingerprint',
      provider.certificate.fingerprint,
      '--data',
      'data',
    ]);
    expect(result.code).toBe(0);
    const wrong = await send([
      'good.csv',
      ...servers(),
      '--fingerprint',
      '00'.repeat(32),
      '--data',
      'data',
      '--again',
    ]);
    expect(wrong.code).toBe(EXIT_NOT_SENT);
    expect(wrong.stdout).toContain('is not the trusted one');
  });

  it('issue 13: the same messages again: named, not sent, exit 5; --again sends them', async () => {
    const data = ['--plain', '--interval', '0.05', '--data', 'data-twice'];
    const first = await send(['good.csv', '--as', 'twice.csv', ...servers(), ...data]);
    expect(first.code).toBe(0);
    const id = /sending as twice-(\w{10})\.csv\.ready/.exec(first.stdout)![1]!;
    // Under another name, the same messages: the same send.
    const second = await send(['good.csv', '--as', 'other-name.csv', ...servers(), ...data]);
    expect(second.code).toBe(EXIT_SENT_BEFORE);
    expect(second.stdout).toBe('');
    expect(second.stderr).toMatch(
      new RegExp(
        `^sendsheet send: Not sent: all 2 messages were sent before or are on their way \\(2 sent on .* in twice-${id}\\.csv\\.ready\\)\\. To send them again anyway: --again\\.\n$`,
      ),
    );
    const again = await send([
      'good.csv',
      '--as',
      'other-name.csv',
      ...servers(),
      ...data,
      '--again',
    ]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/sending as other-name-\w{10}\.csv\.ready/);
  });

  it.each([
    [[], /exactly one FILE/],
    [['good.csv', '--server', '127.0.0.1:21'], /--server needs --user/],
    [
      [
        'good.csv',
        '--server',
        'nohost',
        '--user',
        'u',
        '--password-env',
        'SENDSHEET_TEST_PASSWORD',
      ],
      /HOST:PORT/,
    ],
    [
      ['good.csv', '--profile', 'emulated', '--plain'],
      /--plain and --fingerprint are for --server/,
    ],
    [['good.csv', '--profile', 'nope'], /no profile "nope"/],
    [['good.csv', '--profile', 'gatewayapi'], /needs --user/],
    [['good.csv', '--interval', 'soon'], /--interval takes a number of seconds/],
    [['good.csv', '--password-env', 'UNSET_VARIABLE'], /UNSET_VARIABLE holds no password/],
    [['missing.csv', 'SERVERS'], /Cannot read .*missing\.csv: there is no such file/],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    const result = await send(args.flatMap((arg) => (arg === 'SERVERS' ? servers() : [arg])));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('is a command of sendsheet, with its help', async () => {
    let out = '';
    const io: CommandIo = {
      stdout: (t) => void (out += t),
      stderr: (t) => void (out += t),
      readStdin: async () => new Uint8Array(),
      cwd: work,
    };
    expect(await run(['send', '--help'], io)).toBe(0);
    expect(out).toMatch(/^Usage: sendsheet send FILE/);
    out = '';
    expect(await run(['--help'], io)).toBe(0);
    expect(out).toContain('  send FILE [--profile P]');
    expect(out).toContain('  app [--port 5173] [--no-servers]');
  });
});
