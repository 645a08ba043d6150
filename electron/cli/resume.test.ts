// Issue 13, resume, never resend: `sendsheet send` killed (kill -9) at each step of a send
// (before the upload, in the middle of it, right after the rename, while following), then run
// again, sends every message exactly once; and the app, started after such a kill, reconciles
// the batch against the servers (sent, or not sent and tried again once). Real processes, a
// real provider, the messages counted in its outbox: 0 duplicated, 0 lost.
import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempName } from '../client/batch-names';
import { connect, names, startTestProvider, upload } from '../server/ftp-test-util';
import type { TestProvider } from '../server/ftp-test-util';
import { readOutbox } from '../server/outbox';
import { History, historyFile } from '../service/history';
import { dataFolder, ENDS, startService } from '../service/send-test-util';
import { FREEZE_VARIABLE, frozenLine, SEND_STEPS } from '../service/test-stops';
import type { SendStep } from '../service/test-stops';

const ROOT = resolve(import.meta.dirname, '..', '..');
/** Over 2 MiB: the upload goes in three chunks (of 1 MiB), so it can be stopped in the middle. */
const ROWS = 10_000;

let provider: TestProvider;
let work: string;

beforeAll(async () => {
  provider = await startTestProvider();
  work = await mkdtemp(join(tmpdir(), 'sendsheet-resume-'));
});

afterAll(async () => {
  await provider.close();
});

function listFile(tag: string): string {
  const lines = ['msisdn,message'];
  for (let i = 0; i < ROWS; i++)
    lines.push(`45${String(30_000_000 + i)},${tag}: hello number ${i} ${'x'.repeat(200)}`);
  return lines.join('\n') + '\n';
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** `sendsheet send` as a process; frozen at `step`, it is killed there with SIGKILL. */
function runSend(file: string, dataDir: string, step: SendStep | null): Promise<Run> {
  const args = [
    '--import',
    'tsx',
    join(ROOT, 'electron/cli/sendsheet.ts'),
    'send',
    join(work, file),
    '--server',
    `127.0.0.1:${provider.servers[0]!.port}`,
    '--server',
    `127.0.0.1:${provider.servers[1]!.port}`,
    '--user',
    'demo',
    '--password-env',
    'RESUME_TEST_PASSWORD',
    '--plain',
    '--follow',
    '--interval',
    '0.05',
    '--data',
    dataDir,
  ];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    RESUME_TEST_PASSWORD: 'demo',
    [FREEZE_VARIABLE]: step ?? '',
  };
  // From the repository, where tsx is found; the file is named by its whole path.
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const run: Run = { code: null, signal: null, stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (run.stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => {
    run.stderr += chunk.toString('utf8');
    // Frozen (SIGSTOP) exactly at the step: killed there, as by kill -9.
    if (step !== null && run.stderr.includes(frozenLine(step))) child.kill('SIGKILL');
  });
  return new Promise((done) =>
    child.once('exit', (code, signal) => done({ ...run, code, signal })),
  );
}

/** The messages of this file's batches in the provider's outbox: how many of each number. */
async function counted(tag: string) {
  const records = (await readOutbox(provider.dir)).filter((r) => r.batch.startsWith(`${tag}-`));
  const perNumber = new Map<string, number>();
  for (const record of records)
    perNumber.set(record.msisdn, (perNumber.get(record.msisdn) ?? 0) + 1);
  const duplicated = [...perNumber.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
  return { queued: records.length, duplicated, lost: ROWS - perNumber.size };
}

async function leftovers(tag: string): Promise<string[]> {
  const client = await connect(provider);
  try {
    // Temporary upload names: `sendsheet-ID-N.part` (hidden, with a leading dot, before issue 19).
    return (await names(client)).filter(
      (name) =>
        /^\.?sendsheet-.*\.part$/.test(name) ||
        (name.startsWith(`${tag}-`) && name.endsWith('.part')),
    );
  } finally {
    client.close();
  }
}

const figures: string[] = [];

afterAll(() => {
  // The figures of the report: messages queued per kill point.
  console.log(['kill -9 at          queued  duplicated  lost', ...figures].join('\n'));
});

describe('issue 13: sendsheet send killed at each step, then run again: every message once', () => {
  it.each(SEND_STEPS)(
    'killed %s: the next run finds the batch, asks the servers, and finishes or follows it',
    async (step) => {
      const tag = `kill-${step}`;
      await writeFile(join(work, `${tag}.csv`), listFile(tag));
      const dataDir = await dataFolder();
      const killed = await runSend(`${tag}.csv`, dataDir, step);
      expect(killed.signal, killed.stderr).toBe('SIGKILL');
      // Killed in the middle of the upload, a part of the file may stay on the server (vsftpd
      // keeps one; the emulated server drops it): put there, the next run must delete it.
      if (step === 'mid-upload') {
        const { history } = await History.load(historyFile(dataDir));
        const [batch] = history.list();
        const client = await connect(provider);
        await upload(client, tempName(batch!.id, 1), 'msisdn,message\n4530000000,half');
        client.close();
        expect(await leftovers(tag)).toEqual([tempName(batch!.id, 1)]);
      }
      const again = await runSend(`${tag}.csv`, dataDir, null);
      expect(again.stderr).toBe('');
      expect(again.code, again.stdout).toBe(0);
      expect(again.stdout).toContain('an earlier run left');
      expect(again.stdout).toMatch(/ {2}success: the provider queued 10,000 messages/);
      const count = await counted(tag);
      figures.push(
        `${`sendsheet send, ${step}`.padEnd(30)} ${count.queued}  ${count.duplicated}  ${count.lost}`,
      );
      expect(count).toEqual({ queued: ROWS, duplicated: 0, lost: 0 });
      expect(await leftovers(tag)).toEqual([]);
      // A third run: sent before, named, nothing sent (exit 5).
      const third = await runSend(`${tag}.csv`, dataDir, null);
      expect(third.code).toBe(5);
      expect(third.stderr).toMatch(
        /^sendsheet send: Not sent: all 10000 messages were sent before/,
      );
      expect((await counted(tag)).queued).toBe(ROWS);
    },
    120_000,
  );
});

describe('issue 13: the app started after such a kill reconciles the batch', () => {
  it.each(SEND_STEPS)(
    'killed %s: sent and followed, or not sent and tried again once',
    async (step) => {
      const tag = `app-${step}`;
      await writeFile(join(work, `${tag}.csv`), listFile(tag));
      const dataDir = await dataFolder();
      const killed = await runSend(`${tag}.csv`, dataDir, step);
      expect(killed.signal, killed.stderr).toBe('SIGKILL');
      const profile = {
        id: 'command-line',
        name: 'servers given on the command line',
        servers: provider.servers.map((server) => ({
          name: server.name,
          host: '127.0.0.1',
          port: server.port,
          security: 'ftp' as const,
          fingerprint: null,
        })),
        user: 'demo',
        password: 'demo',
      };
      const { service, until } = await startService(provider, dataDir, { profiles: [profile] });
      try {
        const [batch] = await service.history({});
        const end = await until(batch!.id, ENDS);
        if (step === 'before-upload' || step === 'mid-upload') {
          expect(end.state).toBe('failed');
          expect(end.error).toMatch(/Nothing was sent; Retry sends it\.$/);
          expect((await counted(tag)).queued).toBe(0);
          expect(await service.retry({ batch: batch!.id })).toMatchObject({ ok: true });
          expect((await until(batch!.id, ['success'])).state).toBe('success');
        } else {
          expect(end.state).toBe('success');
        }
      } finally {
        await service.close();
      }
      const count = await counted(tag);
      figures.push(
        `${`app start, ${step}`.padEnd(30)} ${count.queued}  ${count.duplicated}  ${count.lost}`,
      );
      expect(count).toEqual({ queued: ROWS, duplicated: 0, lost: 0 });
      expect(await leftovers(tag)).toEqual([]);
    },
    120_000,
  );
});
