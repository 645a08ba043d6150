import { readdir, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { Client } from 'basic-ftp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answer,
  connect,
  download,
  GOOD_CSV,
  names,
  RawFtp,
  startTestProvider,
  upload,
} from './ftp-test-util';
import type { TestProvider } from './ftp-test-util';
import { accountRoot } from './layout';

const alice = { user: 'alice', password: 'alice-secret' };
const bob = { user: 'bob', password: 'bob-secret' };
const LOGIN_DELAY_MS = 300;

let provider: TestProvider;
let client: Client;

beforeAll(async () => {
  provider = await startTestProvider({ accounts: [alice, bob], loginDelayMs: LOGIN_DELAY_MS });
  // Things beside the account folders that no client may reach.
  await writeFile(join(provider.dir, 'secret.txt'), 'top secret');
  await writeFile(join(accountRoot(provider.layout, 'bob'), 'bobs.csv'), 'bob only');
  await symlink(
    join(provider.dir, 'secret.txt'),
    join(accountRoot(provider.layout, 'alice'), 'link.txt'),
  );
  await symlink(provider.dir, join(accountRoot(provider.layout, 'alice'), 'linkdir'));
  client = await connect(provider, { account: alice });
});

afterAll(async () => {
  client.close();
  await provider.close();
});

describe("SPEC 1: nothing outside the account's own folder can be reached", () => {
  it('lists only its own regular files: no symbolic link, nothing of another account', async () => {
    await upload(client, 'mine.csv', GOOD_CSV);
    expect(await names(client)).toEqual(['mine.csv']);
    const other = await connect(provider, { account: bob, server: 1 });
    try {
      expect(await names(other)).toEqual(['bobs.csv']);
    } finally {
      other.close();
    }
  });

  it.each([
    '../secret.txt',
    '../../secret.txt',
    '/../secret.txt',
    '../bob/bobs.csv',
    '/../../bob/bobs.csv',
    `${'../'.repeat(20)}etc/passwd`,
    '/etc/passwd',
    '..\\secret.txt',
    'link.txt',
    'linkdir/secret.txt',
  ])('RETR %s is refused with 551/550 and no content', async (path) => {
    const error = await download(client, path).then(
      (bytes) => `downloaded ${bytes.length} bytes`,
      (e: Error) => e.message,
    );
    expect(error).toMatch(/^55[01] (No such file|Invalid name)/);
  });

  it.each(['..', '../bob', '/etc', 'linkdir', '/tmp'])('CWD %s never leaves "/"', async (path) => {
    await answer(client, `CWD ${path}`);
    expect(await client.pwd()).toBe('/');
    expect(await names(client)).toEqual(['mine.csv']);
  });

  it('a client cannot write through "..", an absolute path or a symbolic link', async () => {
    await upload(client, '../escape.csv', 'x');
    await upload(client, '/../../escape2.csv', 'x');
    const viaLink = await upload(client, 'link.txt', 'overwritten').then(
      () => 'stored',
      (e: Error) => e.message,
    );
    const nested = await upload(client, 'linkdir/evil.csv', 'x').then(
      () => 'stored',
      (e: Error) => e.message,
    );
    expect(nested).toMatch(/^550 No such file: \/linkdir\/evil.csv \(this server has no folders\)/);
    // ".." stops at "/": the files land in the account's own folder, nothing beside it.
    const root = await readdir(accountRoot(provider.layout, 'alice'));
    expect(root.filter((n) => n.startsWith('escape'))).toEqual(['escape.csv', 'escape2.csv']);
    expect((await readdir(provider.dir)).sort()).toEqual([
      'accounts',
      'outbox',
      'secret.txt',
      'state',
      'tls',
    ]);
    // The link itself was replaced by the upload, and its target is untouched.
    expect(viaLink).toBe('stored');
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(join(provider.dir, 'secret.txt'), 'utf8')).toBe('top secret');
  });

  it('renaming and deleting through a path or a link do not leave the folder', async () => {
    expect(
      await client.rename('mine.csv', '../../bob/stolen.csv').then(
        () => 'renamed',
        (e: Error) => e.message,
      ),
    ).toMatch(/^550 No such file: \/bob\/stolen.csv/);
    expect(await answer(client, 'DELE ../bob/bobs.csv')).toMatch(/^550 No such file/);
    expect(await answer(client, 'DELE linkdir')).toMatch(/^550 No such file: linkdir/);
    expect(await readdir(accountRoot(provider.layout, 'bob'))).toEqual(['bobs.csv']);
  });

  it("error messages never show the server's own paths", async () => {
    for (const command of [
      'RETR nothing.csv',
      'DELE nothing.csv',
      'SIZE nothing.csv',
      'CWD nothing',
      'RNFR nothing.csv',
    ]) {
      const reply = command.startsWith('RETR')
        ? await download(client, 'nothing.csv').catch((e: Error) => e.message)
        : await answer(client, command);
      expect(String(reply)).not.toContain(provider.dir);
      expect(String(reply)).toMatch(/^55\d /);
    }
  });
});

describe('Issue 3: bad logins are refused, delayed and logged', () => {
  async function tryLogin(
    user: string,
    password: string,
  ): Promise<{ message: string; ms: number }> {
    const { Client } = await import('basic-ftp');
    const attempt = new Client(5000);
    const started = Date.now();
    try {
      await attempt.access({
        host: provider.host,
        port: provider.servers[1]!.port,
        user,
        password,
      });
      return { message: 'logged in', ms: Date.now() - started };
    } catch (error) {
      return { message: (error as Error).message, ms: Date.now() - started };
    } finally {
      attempt.close();
    }
  }

  it.each([
    ['alice', 'wrong'],
    ['alice', 'bob-secret'],
    ['nobody', 'alice-secret'],
    ['anonymous', 'guest@example.com'],
    ['demo', 'demo'],
  ])(
    '%s with password %s: 530 after the delay, logged with the user name',
    async (user, password) => {
      const { message, ms } = await tryLogin(user, password);
      expect(message).toMatch(/^530 Login incorrect/);
      expect(ms).toBeGreaterThanOrEqual(LOGIN_DELAY_MS - 20);
      expect(
        provider.logs.some(
          (e) =>
            e.level === 'warn' &&
            e.message.startsWith(
              `login refused on server B for user ${JSON.stringify(user)} from 127.0.0.1`,
            ),
        ),
      ).toBe(true);
    },
  );

  it('a client can try again on the same connection after a refusal', async () => {
    const { Client } = await import('basic-ftp');
    const again = new Client(5000);
    try {
      await again.connect(provider.host, provider.servers[0]!.port);
      await expect(again.login('alice', 'nope')).rejects.toThrow(/^530/);
      await again.login('alice', alice.password);
      expect(await names(again)).toContain('mine.csv');
    } finally {
      again.close();
    }
  });

  it('nothing but USER, PASS and the like works before a login', async () => {
    const { Client } = await import('basic-ftp');
    const anonymous = new Client(5000);
    try {
      await anonymous.connect(provider.host, provider.servers[0]!.port);
      for (const command of [
        'PWD',
        'DELE mine.csv',
        'MKD x',
        'RNFR mine.csv',
        'SITE CHMOD 777 mine.csv',
      ]) {
        expect(await answer(anonymous, command)).toMatch(/^530 /);
      }
    } finally {
      anonymous.close();
    }
    expect(await names(client)).toContain('mine.csv');
  });
});

describe("Issue 15: no reply shows a path of the server's own", () => {
  it('every refusal of every command, whatever its argument', async () => {
    const raw = await RawFtp.open(provider.servers[0]!.port);
    const replies: string[] = [];
    const say = async (command: string) => replies.push(`${command} -> ${await raw.send(command)}`);
    try {
      await raw.login(alice.user, alice.password);
      const args = [
        'nothing.csv',
        '../secret.txt',
        '/etc/passwd',
        'a/b/c.csv',
        'link.txt',
        'linkdir',
        'linkdir/secret.txt',
        '.',
        '..',
        '/',
        'x'.repeat(300),
        'bad\u0001name',
        'x.csv.20260101T000000.processing',
      ];
      for (const command of ['SIZE', 'MDTM', 'DELE', 'RMD', 'MKD', 'RNFR', 'CWD', 'STAT'])
        for (const arg of args) await say(`${command} ${arg}`);
      for (const arg of args) {
        await say(`RNFR mine.csv`);
        await say(`RNTO ${arg}`);
        await say(`RNFR ${arg}`);
        await say(`SITE CHMOD 777 ${arg}`);
      }
      for (const command of ['RETR', 'LIST', 'NLST', 'APPE', 'STOR'])
        for (const arg of args.filter((a) => a !== 'nothing.csv' || command !== 'APPE')) {
          const data = await raw.data();
          if (command === 'STOR') await say('REST 5');
          await say(`${command} ${arg}`);
          data.destroy();
          if (replies.at(-1)!.includes('-> 150')) replies.push(`... -> ${await raw.reply()}`);
        }
    } finally {
      raw.close();
    }
    const paths = [provider.dir, await realpath(provider.dir)];
    expect(replies.length).toBeGreaterThan(150);
    for (const reply of replies) for (const path of paths) expect(reply).not.toContain(path);
  });

  it('an upload whose staged file went missing is refused in words, not with paths', async () => {
    const source = new PassThrough();
    const uploading = client.uploadFrom(source, 'vanished.csv').then(
      () => 'stored',
      (error: Error) => error.message,
    );
    source.write(GOOD_CSV);
    let staged: string[] = [];
    await expect
      .poll(async () => (staged = await readdir(provider.layout.uploads)), { timeout: 20_000 })
      .toHaveLength(1);
    await rm(join(provider.layout.uploads, staged[0]!));
    source.end();
    expect(await uploading).toBe('550 The server could not store vanished.csv: upload it again.');
    expect(await names(client)).not.toContain('vanished.csv');
  });
});
