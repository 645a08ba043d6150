// The provider as clients that are not ours see it: curl and lftp, Debian's packages, which
// .ci/run installs. A missing client fails the test with a clear message: it is never skipped.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCause } from '../../core/cause';
import { BAD_CSV, finished, GOOD_CSV, startTestProvider } from './ftp-test-util';
import type { TestProvider } from './ftp-test-util';
import { readOutbox } from './outbox';

const run = promisify(execFile);

let provider: TestProvider;
let work: string;

beforeAll(async () => {
  provider = await startTestProvider();
  work = await mkdtemp(join(tmpdir(), 'sendsheet-clients-'));
  await writeFile(join(work, 'good.csv'), GOOD_CSV);
  await writeFile(join(work, 'bad.csv'), BAD_CSV);
});

afterAll(async () => {
  await provider.close();
});

async function client(binary: 'curl' | 'lftp', args: string[]): Promise<string> {
  try {
    const { stdout } = await run(binary, args, { cwd: work, timeout: 20_000 });
    return stdout;
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === 'ENOENT') {
      throw new Error(
        `${binary} is not installed: run "apt-get install -y curl lftp" (.ci/run does).`,
        { cause: error },
      );
    }
    throw new Error(
      `${binary} ${args.join(' ')} failed: ${failure.message}\n${failure.stderr ?? ''}`,
      { cause: error },
    );
  }
}

function url(server: 0 | 1, path = ''): string {
  return `ftp://${provider.host}:${provider.servers[server]!.port}/${path}`;
}

/** Lists with `list` until a name with `base.` and `.stage` shows up. */
async function follow(
  list: () => Promise<string>,
  base: string,
  stage: 'success' | 'rejected',
): Promise<string> {
  // 20 s only to fail before the test's own time-out: a busy machine is slow, never that slow.
  for (const end = Date.now() + 20_000; Date.now() < end;) {
    const names = (await list()).split(/\r?\n/).map((line) => line.trim().split(/\s+/).pop() ?? '');
    const name = finished(names, base, stage);
    if (name) return name;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${base} never became .${stage}`);
}

describe('curl: upload, RNFR/RNTO to .ready, list, download the result', () => {
  const login = ['--user', 'demo:demo', '--silent', '--show-error'];

  it('over plain FTP: accepted, and the messages queued', async () => {
    await client('curl', [
      ...login,
      '-T',
      'good.csv',
      url(0, 'curl-good.csv'),
      '-Q',
      '-RNFR curl-good.csv',
      '-Q',
      '-RNTO curl-good.csv.ready',
    ]);
    const success = await follow(
      () => client('curl', [...login, '--list-only', url(1)]),
      'curl-good.csv',
      'success',
    );
    expect(await client('curl', [...login, url(1, success)])).toBe(GOOD_CSV);
    expect(
      (await readOutbox(provider.dir))
        .filter((r) => r.batch.startsWith('curl-good.csv.'))
        .map((r) => r.msisdn),
    ).toEqual(['4512345678', '4512345679']);
  });

  it('over explicit FTPS (--ssl-reqd): rejected, and the cause read back from the download', async () => {
    const tls = [...login, '--ssl-reqd', '--insecure'];
    await client('curl', [
      ...tls,
      '-T',
      'bad.csv',
      url(1, 'curl-bad.csv'),
      '-Q',
      '-RNFR curl-bad.csv',
      '-Q',
      '-RNTO curl-bad.csv.ready',
    ]);
    const rejected = await follow(
      () => client('curl', [...tls, '--list-only', url(0)]),
      'curl-bad.csv',
      'rejected',
    );
    await client('curl', [...tls, url(0, rejected), '-o', 'curl-bad.rejected']);
    const text = await readFile(join(work, 'curl-bad.rejected'), 'utf8');
    expect(text.startsWith(BAD_CSV)).toBe(true);
    expect(parseCause(text)?.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [2, 'msisdn', 'bad-msisdn'],
    ]);
  });

  it('sees a refusal as an error: MKD answers 550', async () => {
    const mkd = await client('curl', [...login, url(0), '-Q', 'MKD sub']).catch(
      (error: Error) => error.message,
    );
    expect(mkd).toMatch(/QUOT command failed with 550/);
  });
});

describe('lftp: upload, mv to .ready, ls, get the result', () => {
  function lftp(
    server: 0 | 1,
    commands: string,
    settings = 'set ssl:verify-certificate no',
  ): Promise<string> {
    return client('lftp', [
      '-u',
      'demo,demo',
      '-p',
      String(provider.servers[server]!.port),
      provider.host,
      '-e',
      `set net:max-retries 1; ${settings}; ${commands}; bye`,
    ]);
  }

  it("over explicit FTPS, lftp's default once the certificate is accepted", async () => {
    await lftp(0, 'put good.csv -o lftp-good.csv; mv lftp-good.csv lftp-good.csv.ready');
    const success = await follow(() => lftp(1, 'cls -1'), 'lftp-good.csv', 'success');
    await lftp(1, `get ${success} -o lftp-good.success`);
    expect(await readFile(join(work, 'lftp-good.success'), 'utf8')).toBe(GOOD_CSV);
  });

  it('over plain FTP (ftp:ssl-allow no): a rejected file with its cause', async () => {
    const plain = 'set ftp:ssl-allow no';
    await lftp(1, 'put bad.csv -o lftp-bad.csv.ready', plain);
    const rejected = await follow(() => lftp(0, 'cls -1', plain), 'lftp-bad.csv', 'rejected');
    await lftp(0, `get ${rejected} -o lftp-bad.rejected`, plain);
    const text = await readFile(join(work, 'lftp-bad.rejected'), 'utf8');
    expect(parseCause(text)?.problems.map((p) => p.code)).toEqual(['bad-msisdn']);
  });

  it('gets 550 with the reason for the refused commands', async () => {
    const output = await lftp(0, 'mkdir sub; chmod 777 good.csv; rm nothing.csv').catch(
      (error: Error) => error.message,
    );
    expect(output).toMatch(/mkdir: Access failed: 550 Folders cannot be created/);
    expect(output).toMatch(/550 Permissions cannot be changed/);
    expect(output).toMatch(/rm: Access failed: 550 No such file: nothing.csv/);
  });
});
