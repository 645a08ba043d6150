// Issue 19: `sendsheet send` against FTP servers we did not write, vsftpd and pure-ftpd, each as
// servers A and B on one folder, in plain FTP and explicit FTPS; the test plays the provider by
// renaming the files on the folder's disk. Failover from a dead server, upload, size check,
// rename, following by LIST -a to success and to rejected, a name with spaces and æøå, a wrong
// fingerprint refused before USER and PASS, and each defect the issue found.
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FTPContext } from 'basic-ftp';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CommandIo } from '../cli/io';
import { sendCommand } from '../cli/send-command';
import { campaign } from './client-test-util';
import { FtpSession } from './ftp-session';
import {
  FTPD_KINDS,
  FTPD_PASSWORD,
  startFtpdPair,
  vsftpdCommands,
} from './third-party-ftpd-test-util';
import type { FtpdKind, FtpdOptions, FtpdPair } from './third-party-ftpd-test-util';
import { reject, startProcessing, succeed, UNKNOWN_CAUSE } from './play-provider-test-util';
import type { CauseLayout } from './play-provider-test-util';

let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'sendsheet-third-party-'));
  await writeFile(join(work, 'Kampagne æøå nr 1.csv'), campaign(3, 1));
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** Every command the client sent, with the port of the server it went to. */
function recordCommands(): () => { port: number; command: string }[] {
  const send = vi.spyOn(FTPContext.prototype, 'send');
  return () =>
    send.mock.calls.map(([command], i) => ({
      port: (send.mock.contexts[i] as FTPContext).socket.remotePort ?? 0,
      command: command.replace(/^PASS .*/, 'PASS ***'),
    }));
}

function countOpens(): () => number {
  const open = vi.spyOn(FtpSession, 'open');
  return () => open.mock.calls.length;
}

async function send(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = { stdout: '', stderr: '' };
  const io: CommandIo = {
    stdout: (text) => void (out.stdout += text),
    stderr: (text) => void (out.stderr += text),
    readStdin: async () => new Uint8Array(),
    cwd: work,
  };
  const code = await sendCommand(args, io, { FTPD_TEST_PASSWORD: FTPD_PASSWORD });
  return { code, ...out };
}

let sends = 0;

/** The command line for `pair` in `security`, fast to notice and to give up. */
function options(pair: FtpdPair, security: 'ftp' | 'ftps', fingerprint = pair.fingerprint) {
  return [
    ...pair.servers.flatMap((server) => ['--server', `127.0.0.1:${server.port}`]),
    '--user',
    pair.user,
    '--password-env',
    'FTPD_TEST_PASSWORD',
    ...(security === 'ftp' ? ['--plain'] : ['--fingerprint', fingerprint]),
    '--interval',
    '0.05',
    '--connect-timeout',
    '5',
    '--give-up',
    '20',
    // A history of its own for each send: the same list is sent by many of these tests, and
    // a history shared would stop each after the first as sent before (issue 13, exit 5).
    '--data',
    `data-${++sends}`,
  ];
}

/** The batch's `.ready` name, once `send` printed it. */
async function readyNameOf(out: () => string): Promise<string> {
  const end = Date.now() + 20_000;
  for (;;) {
    const name = /; sending as (.+\.ready) \(/.exec(out())?.[1];
    if (name !== undefined) return name;
    if (Date.now() > end) throw new Error(`send printed no name: ${out()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * `send FILE --follow` while the test plays the provider, which `play` does with the batch's
 * name, and `printed`, which waits until `send` printed a text (that it saw a state, say).
 */
async function sendAndFollow(
  args: string[],
  play: (readyName: string, printed: (text: string) => Promise<void>) => Promise<unknown>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = { stdout: '', stderr: '' };
  const io: CommandIo = {
    stdout: (text) => void (out.stdout += text),
    stderr: (text) => void (out.stderr += text),
    readStdin: async () => new Uint8Array(),
    cwd: work,
  };
  const sent = sendCommand([...args, '--follow'], io, { FTPD_TEST_PASSWORD: FTPD_PASSWORD });
  const printed = async (text: string) => {
    const end = Date.now() + 20_000;
    while (!out.stdout.includes(text)) {
      if (Date.now() > end) throw new Error(`send never printed ${text}: ${out.stdout}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const played = readyNameOf(() => out.stdout).then((name) => play(name, printed));
  const [code] = await Promise.all([sent, played]);
  return { code, ...out };
}

const tempFiles = async (pair: FtpdPair) =>
  (await readdir(pair.root)).filter((name) => name.endsWith('.part'));

describe.each(FTPD_KINDS)('issue 19: sendsheet send against %s', (kind: FtpdKind) => {
  describe.each(['ftp', 'ftps'] as const)('%s', (security) => {
    let pair: FtpdPair;

    beforeAll(async () => {
      pair = await startFtpdPair(kind);
    });

    afterAll(async () => {
      await pair?.close();
    });

    it('A dead: fails over to B, uploads, checks the size, renames, follows by LIST -a to success', async () => {
      await pair.servers[0].stop();
      const commands = recordCommands();
      try {
        const result = await sendAndFollow(
          ['Kampagne æøå nr 1.csv', ...options(pair, security)],
          async (ready, printed) => {
            const processing = await startProcessing(pair.root, ready);
            await printed('  processing (started ');
            await succeed(pair.root, processing);
          },
        );
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        const ready = /; sending as (.+\.ready) \(/.exec(result.stdout)![1]!;
        expect(ready).toMatch(/^Kampagne æøå nr 1-[a-z0-9]{10}\.csv\.utf8\.ready$/);
        const [a, b] = pair.servers.map((server) => server.port);
        expect(result.stdout).toContain(
          `  server B: Server A (127.0.0.1:${a}) refused the connection; using server B (127.0.0.1:${b}).\n`,
        );
        expect(result.stdout).toContain(`  ready: ${ready} is on server B\n`);
        expect(result.stdout).toMatch(/ {2}processing \(started \d{8}T\d{6}\)\n/);
        expect(result.stdout).toMatch(/ {2}success: the provider queued 3 messages/);
        // What went to B: the upload under a temporary name without a leading dot, its size
        // asked, the rename, and the listings that followed the batch.
        const sent = commands()
          .filter((entry) => entry.port === b)
          .map((entry) => entry.command);
        const temp = sent.find((command) => command.startsWith('STOR '))!.slice(5);
        expect(temp).toMatch(/^sendsheet-[a-z0-9]{10}-1\.part$/);
        expect(sent).toContain(`SIZE ${temp}`);
        expect(sent.indexOf(`RNFR ${temp}`)).toBeGreaterThan(sent.indexOf(`SIZE ${temp}`));
        expect(sent).toContain(`RNTO ${ready}`);
        expect(sent.filter((command) => command === 'LIST -a').length).toBeGreaterThan(1);
        if (security === 'ftps') expect(sent).toContain('PROT P');
        const files = await readdir(pair.root);
        expect(files.filter((name) => name.startsWith(ready.slice(0, -'.ready'.length)))).toEqual([
          expect.stringMatching(/\.\d{8}T\d{6}\.success$/),
        ]);
        expect(await tempFiles(pair)).toEqual([]);
      } finally {
        await pair.servers[0].start();
      }
    });

    it.each([
      ['spec', 'as SPEC 8 writes it'],
      ['no-empty-line', 'without the empty line before it (issue 19, 1)'],
    ] as [CauseLayout, string][])(
      'follows to rejected: the cause appended %s, %s, read back',
      async (layout) => {
        const result = await sendAndFollow(
          ['Kampagne æøå nr 1.csv', '--as', `rejected-${layout}.csv`, ...options(pair, security)],
          async (ready) => reject(pair.root, await startProcessing(pair.root, ready), layout),
        );
        expect(result.code).toBe(1);
        expect(result.stdout).toMatch(
          / {2}rejected at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ: 1 problem\(s\)\n {4}row 2, column msisdn: bad-msisdn: The number must have 8 to 15 digits\.\n$/,
        );
      },
    );

    it("follows to rejected: a cause in words of the provider's own is shown as written (issue 19, 1)", async () => {
      const result = await sendAndFollow(
        ['Kampagne æøå nr 1.csv', '--as', 'rejected-unknown.csv', ...options(pair, security)],
        async (ready) => reject(pair.root, await startProcessing(pair.root, ready), 'unknown'),
      );
      expect(result.code).toBe(1);
      expect(result.stdout).toContain(
        [
          '  rejected',
          "    The provider's cause is not in the layout Sendsheet reads: the end of the rejected file follows, as its server wrote it.",
          ...UNKNOWN_CAUSE.map((line) => `    | ${line}`),
        ].join('\n') + '\n',
      );
      expect(result.stdout).not.toContain('no cause that could be read');
    });

    it('the servers refuse names with a leading dot (issue 19, 3); the batch goes through all the same', async () => {
      const profile = pair.profile(security);
      const session = await FtpSession.open(
        profile.servers[0]!,
        { user: pair.user, password: FTPD_PASSWORD },
        { connectTimeoutMs: 5000, idleTimeoutMs: 5000 },
      );
      try {
        await expect(session.upload(Buffer.from('x'), '.hidden.part')).rejects.toMatchObject({
          code: kind === 'vsftpd' ? 550 : 553,
        });
      } finally {
        session.close();
      }
      const result = await send(['Kampagne æøå nr 1.csv', ...options(pair, security)]);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/ {2}ready: .+ is on server A\n$/);
      expect(await tempFiles(pair)).toEqual([]);
    });

    if (security === 'ftps') {
      it('a wrong fingerprint: refused before USER and PASS, on each server once, exit 3', async () => {
        const commands = recordCommands();
        const opens = countOpens();
        const before = await Promise.all(
          ['A', 'B'].map((name) => vsftpdCommands(pair, name as 'A')),
        );
        const wrong = pair.fingerprint.replace(
          /^../,
          pair.fingerprint.startsWith('00') ? '11' : '00',
        );
        const result = await send(['Kampagne æøå nr 1.csv', ...options(pair, security, wrong)]);
        expect(result.code).toBe(3);
        expect(result.stdout).toMatch(
          / {2}failed: Could not connect: server A \(127\.0\.0\.1:\d+\) has a certificate whose fingerprint \([0-9A-F:]+\) is not the trusted one for 127\.0\.0\.1; server B .* is not the trusted one for 127\.0\.0\.1\.\n$/,
        );
        expect(opens()).toBe(2);
        const sent = commands().map((entry) => entry.command);
        expect(sent.filter((command) => command === 'AUTH TLS')).toHaveLength(2);
        expect(sent.filter((command) => /^(USER|PASS) /.test(command))).toEqual([]);
        if (kind === 'vsftpd') {
          // The servers' own record of this test's connections: no user name, no password.
          for (const [index, name] of (['A', 'B'] as const).entries()) {
            const logged = (await vsftpdCommands(pair, name)).slice(before[index]!.length);
            expect(logged).toContain('AUTH TLS');
            expect(logged.filter((command) => /^(USER|PASS)/.test(command))).toEqual([]);
          }
        }
      });
    }
  });
});

describe.each(FTPD_KINDS)('issue 19: what a server refuses, against %s', (kind: FtpdKind) => {
  async function withPair<T>(
    options: { a?: FtpdOptions; b?: FtpdOptions },
    run: (pair: FtpdPair) => Promise<T>,
  ): Promise<T> {
    const pair = await startFtpdPair(kind, options);
    try {
      return await run(pair);
    } finally {
      await pair.close();
    }
  }

  it.each(['ftp', 'ftps'] as const)(
    '2: A refuses to write (a 5xx reply to the upload), %s: the batch goes through B',
    (security) =>
      withPair({ a: { writable: false } }, async (pair) => {
        const result = await send(['Kampagne æøå nr 1.csv', ...options(pair, security)]);
        expect(result.code).toBe(0);
        const [a, b] = pair.servers.map((server) => server.port);
        const refusal = kind === 'vsftpd' ? '550 Permission denied.' : '553 .*';
        expect(result.stdout).toMatch(
          new RegExp(
            ` {2}server B: Server A \\(127\\.0\\.0\\.1:${a}\\) answered ${refusal} when uploading sendsheet-[a-z0-9]{10}-1\\.part; using server B \\(127\\.0\\.0\\.1:${b}\\)\\.\\n`,
          ),
        );
        expect(result.stdout).toMatch(/ {2}ready: .+ is on server B\n$/);
        expect(await tempFiles(pair)).toEqual([]);
      }),
  );

  it('2: both refuse to write: ends at once, naming each refusal, exit 3', () =>
    withPair({ a: { writable: false }, b: { writable: false } }, async (pair) => {
      const opens = countOpens();
      const result = await send(['Kampagne æøå nr 1.csv', ...options(pair, 'ftp')]);
      expect(result.code).toBe(3);
      expect(result.stdout).toMatch(
        / {2}failed: Server A .* answered 5\d\d .* when uploading sendsheet-\w+-1\.part; server B .* answered 5\d\d .* when uploading sendsheet-\w+-2\.part\. Nothing was sent\.\n$/,
      );
      expect(opens()).toBe(2);
    }));

  it('5: FTPS against a server without it: "does not offer encryption (FTPS)", each server once', () =>
    withPair({ a: { tls: 'off' }, b: { tls: 'off' } }, async (pair) => {
      const opens = countOpens();
      const result = await send(['Kampagne æøå nr 1.csv', ...options(pair, 'ftps')]);
      expect(result.code).toBe(3);
      const answer =
        kind === 'vsftpd'
          ? '530 Please login with USER and PASS.'
          : '500 This security scheme is not implemented';
      expect(result.stdout).toMatch(
        new RegExp(
          ` {2}failed: Could not connect: server A \\(127\\.0\\.0\\.1:\\d+\\) does not offer encryption \\(FTPS\\): it answered ${answer.replaceAll('.', '\\.')} to AUTH TLS; server B .*\\.\\n$`,
        ),
      );
      expect(result.stdout).not.toContain('refused the login');
      expect(opens()).toBe(2);
    }));

  it('5: --plain against a server that only takes FTPS: "leave out --plain", each server once', () =>
    withPair({ a: { tls: 'required' }, b: { tls: 'required' } }, async (pair) => {
      const opens = countOpens();
      const result = await send(['Kampagne æøå nr 1.csv', ...options(pair, 'ftp')]);
      expect(result.code).toBe(3);
      expect(result.stdout).toMatch(
        / {2}failed: Could not connect: server A \(127\.0\.0\.1:\d+\) only accepts encrypted connections: leave out --plain \(it answered (421|530) .*\); server B .*\.\n$/,
      );
      expect(result.stdout).not.toContain('could be reached');
      expect(opens()).toBe(2);
    }));
});
