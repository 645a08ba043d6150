// Issue 18: `--json` prints one line a test can read instead of words, and `--ephemeral` leaves
// nothing behind, also when the process is stopped by a signal.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'basic-ftp';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../bin/build-cli.js';
import { appCommand } from './app-command';
import { capture, quickUi, until } from './cli-test-util';
import type { ReadyLine } from './ready-line';
import { serveCommand } from './serve-command';

function readyLine(stdout: string): ReadyLine {
  const lines = stdout.split('\n').filter(Boolean);
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]!) as ReadyLine;
}

describe('issue 18: the ready line and temporary folders', () => {
  it('app --json --ephemeral: one JSON line with the URL, ports, account and folders, removed at the end', async () => {
    const { io, out } = capture(tmpdir());
    const stop = new AbortController();
    const running = appCommand(
      ['--json', '--ephemeral', '--port', '0', '--ftp-ports', '0,0'],
      io,
      stop.signal,
      {},
      await quickUi(),
    );
    await until(() => out.stdout.includes('\n'), 'the ready line');
    const line = readyLine(out.stdout);
    expect(line).toMatchObject({
      event: 'ready',
      schema: 1,
      command: 'app',
      pid: process.pid,
      controls: null,
      account: { user: 'demo', password: 'demo' },
      ephemeral: true,
    });
    // The page's address carries the run's secret; a program sends it as a bearer token.
    expect(line.url).toBe(`http://127.0.0.1:${new URL(line.url!).port}/?token=${line.secret}`);
    const origin = new URL(line.url!).origin;
    expect((await fetch(`${origin}/`)).status).toBe(403);
    const page = await fetch(`${origin}/`, { headers: { authorization: `Bearer ${line.secret}` } });
    expect(await page.text()).toContain('<div id="root"></div>');
    expect(line.ftp!.a).not.toBe(line.ftp!.b);
    const client = new Client(5000);
    await client.access({
      host: line.ftp!.host,
      port: line.ftp!.b,
      user: 'demo',
      password: 'demo',
    });
    client.close();
    expect(existsSync(line.dataDir!)).toBe(true);
    expect(existsSync(line.providerDir!)).toBe(true);

    stop.abort();
    expect(await running).toBe(0);
    expect(out.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(out.stderr).toContain('Stopped.');
    expect(existsSync(line.dataDir!)).toBe(false);
    expect(existsSync(line.providerDir!)).toBe(false);
  });

  it('refuses --ephemeral with folders of its own', async () => {
    const { io } = capture(tmpdir());
    await expect(
      appCommand(['--ephemeral', '--data', 'x'], io, AbortSignal.abort(), {}),
    ).rejects.toThrow(/--ephemeral makes its own folders/);
    await expect(
      serveCommand(['--ephemeral', '--dir', 'x'], io, AbortSignal.abort()),
    ).rejects.toThrow(/--ephemeral makes its own folder/);
  });

  it('serve --json --ephemeral as a process: the line, then SIGTERM stops it with 0 and removes its folder', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'sendsheet-ready-'));
    const child = spawn(
      process.execPath,
      [join(ROOT, 'bin', 'sendsheet.js'), 'serve', '--json', '--ephemeral', '--ports', '0,0'],
      { cwd, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    await until(() => stdout.includes('\n') || child.exitCode !== null, 'the ready line');
    const line = readyLine(stdout);
    expect(line).toMatchObject({ command: 'serve', url: null, dataDir: null, pid: child.pid });
    expect(existsSync(line.providerDir!)).toBe(true);
    child.kill('SIGTERM');
    expect(await exited, stderr).toBe(0);
    expect(existsSync(line.providerDir!)).toBe(false);
    expect(stdout.split('\n').filter(Boolean)).toHaveLength(1);
  }, 60_000);
});
