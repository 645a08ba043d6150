import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'basic-ftp';
import { describe, expect, it } from 'vitest';
import { run } from './run';
import { parsePorts, serveCommand } from './serve-command';
import { capture, heldPort, until } from './cli-test-util';

describe('sendsheet serve', () => {
  it('prints where both servers listen and the demo account, logs the life cycle, and stops when asked', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sendsheet-serve-'));
    const { io, out } = capture(dir);
    const stop = new AbortController();
    const serving = serveCommand(['--dir', 'data', '--ports', '0,0'], io, stop.signal);
    await until(() => out.stdout.includes('Press Ctrl-C to stop.'), 'the start');
    const ports = [...out.stdout.matchAll(/Server ([AB]): ftp:\/\/127\.0\.0\.1:(\d+)/g)].map((m) =>
      Number(m[2]),
    );
    expect(ports).toHaveLength(2);
    expect(out.stdout).toContain('Account: user demo, password demo');
    expect(out.stdout).toContain(`Folder: ${join(dir, 'data')}`);
    expect(out.stdout).toContain(
      'Limits: uploads up to 100 MiB, 1024 MiB per account, idle connections closed after 300 s (data 60 s), 50 connections per address',
    );
    expect(out.stdout).toMatch(
      /explicit FTPS \(AUTH TLS\); self-signed certificate, SHA-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}/,
    );

    const client = new Client(5000);
    await client.access({ host: '127.0.0.1', port: ports[1], user: 'demo', password: 'demo' });
    const { Readable } = await import('node:stream');
    await client.uploadFrom(
      Readable.from([Buffer.from('msisdn,message\n4512345678,Hi\n')]),
      'x.csv.ready',
    );
    client.close();
    await until(() => out.stdout.includes('accepted: 1 message'), 'the file to be accepted');
    expect(out.stdout).toMatch(/Z demo x\.csv\.ready: uploaded \(29 bytes\) on server B\n/);
    expect(out.stdout).toMatch(
      /Z demo x\.csv\.\d{8}T\d{6}\.processing: processing x\.csv\.ready\n/,
    );

    stop.abort();
    expect(await serving).toBe(0);
    expect(out.stdout).toMatch(/Stopped\.\n$/);
    expect(out.stderr).toBe('');
  });

  it('takes accounts and settings from --config, and refuses a bad one with every problem', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sendsheet-serve-'));
    await writeFile(
      join(dir, 'good.json'),
      JSON.stringify({
        accounts: [{ user: 'alice', password: 'pw' }],
        passivePorts: [40000, 40009],
        uploadLimitMiB: 40,
        quotaMiB: 0.5,
        idleTimeoutSeconds: 20,
        dataTimeoutSeconds: 5,
        connectionsPerAddress: 3,
      }),
    );
    await writeFile(
      join(dir, 'bad.json'),
      JSON.stringify({ accounts: [{ user: '../x', password: '' }] }),
    );
    const { io, out } = capture(dir);
    const stop = new AbortController();
    stop.abort();
    expect(
      await serveCommand(
        ['--dir', 'd', '--ports', '0,0', '--config', 'good.json'],
        io,
        stop.signal,
      ),
    ).toBe(0);
    expect(out.stdout).toContain('Accounts: alice');
    expect(out.stdout).toContain('Passive ports 40000-40009');
    expect(out.stdout).toContain(
      'Limits: uploads up to 40 MiB, 512 KiB per account, idle connections closed after 20 s (data 5 s), 3 connections per address',
    );
    expect(out.stdout).not.toContain('demo');

    const bad = capture(dir);
    expect(await run(['serve', '--config', 'bad.json'], bad.io)).toBe(2);
    expect(bad.out.stderr).toMatch(
      /the config bad.json is not usable:\n {2}accounts\[0\]: the user name "..\/x"/,
    );
    expect(bad.out.stderr).toContain('the password of "../x" is empty');
  });

  it.each([
    [['--ports', '2121'], 'two ports'],
    [['--ports', '2121,x'], 'two ports'],
    [['--ports', '2121,70000'], 'two ports'],
    [['--ports', '2121,2121'], 'two different ports'],
    [['--bogus'], "Unknown option '--bogus'"],
    [['--config', 'missing.json'], 'Cannot read the config'],
  ])('usage errors exit 2: %j', async (args, message) => {
    const { io, out } = capture(tmpdir());
    expect(await run(['serve', ...args], io)).toBe(2);
    expect(out.stderr).toContain(message);
  });

  it('says so clearly when a port is taken', async () => {
    const { port, close } = await heldPort();
    const { io, out } = capture(await mkdtemp(join(tmpdir(), 'sendsheet-serve-')));
    try {
      expect(await run(['serve', '--dir', 'd', '--ports', `${port},0`], io)).toBe(2);
      expect(out.stderr).toContain(
        `Server A cannot listen on 127.0.0.1:${port}: the port is in use`,
      );
      // Issue 12: the option that changes it, and ports free to try.
      const suggested = /Choose other ports with --ports, for example --ports (\d+),(\d+)\./.exec(
        out.stderr,
      );
      expect(suggested).not.toBeNull();
      const [a, b] = [Number(suggested![1]), Number(suggested![2])];
      expect(a).not.toBe(b);
      // They are free: serve starts on them (and stops at once).
      expect(
        await serveCommand(['--dir', 'd', '--ports', `${a},${b}`], io, AbortSignal.abort()),
      ).toBe(0);
    } finally {
      close();
    }
  }, 30_000);

  it("issue 12: server B's port taken: says so, and keeps the port given for A", async () => {
    const { port, close } = await heldPort();
    const { io, out } = capture(await mkdtemp(join(tmpdir(), 'sendsheet-serve-')));
    try {
      expect(await run(['serve', '--dir', 'd', '--ports', `0,${port}`], io)).toBe(2);
      expect(out.stderr).toMatch(
        new RegExp(
          `Server B cannot listen on 127\\.0\\.0\\.1:${port}: the port is in use .*Choose other ports with --ports, for example --ports 0,\\d+\\.`,
        ),
      );
    } finally {
      close();
    }
  });

  it('issue 15: a second serve on the same folder says which process uses it, and exits 2', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sendsheet-serve-'));
    const first = capture(dir);
    const stop = new AbortController();
    const serving = serveCommand(['--dir', 'd', '--ports', '0,0'], first.io, stop.signal);
    try {
      await until(() => first.out.stdout.includes('Press Ctrl-C to stop.'), 'the start');
      const second = capture(dir);
      expect(await run(['serve', '--dir', 'd', '--ports', '0,0'], second.io)).toBe(2);
      expect(second.out.stderr).toContain(
        `Another emulated provider (process ${process.pid}, a sendsheet serve or app) uses the folder ${join(dir, 'd')}: stop it, or choose another folder with --dir.`,
      );
    } finally {
      stop.abort();
      expect(await serving).toBe(0);
    }
  });

  it('parses --ports', () => {
    expect(parsePorts('2121,2122')).toEqual([2121, 2122]);
    expect(parsePorts(' 0 , 0 ')).toEqual([0, 0]);
  });

  it.each([
    ['npm run -s sendsheet -- serve', 'npm', ['run', '-s', 'sendsheet', '--', 'serve']],
    ['the sendsheet command itself', process.execPath, ['bin/sendsheet.js', 'serve']],
  ])('%s runs in the foreground and stops cleanly on Ctrl-C', async (_what, command, args) => {
    const dir = await mkdtemp(join(tmpdir(), 'sendsheet-serve-'));
    const child = spawn(command, [...args, '--dir', dir, '--ports', '0,0'], {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<[number | null, string | null]>((resolve) =>
      child.once('exit', (code, signal) => resolve([code, signal])),
    );
    try {
      await until(() => stdout.includes('Press Ctrl-C to stop.'), 'serve to start');
      // A terminal's Ctrl-C signals the whole foreground process group.
      process.kill(-child.pid!, 'SIGINT');
      const [code, signal] = await exited;
      await until(() => stdout.includes('Stopped.'), 'the clean stop');
      // npm itself ends by the signal it was sent; the command under it exits 0.
      if (command === process.execPath) expect([code, signal]).toEqual([0, null]);
    } finally {
      if (child.exitCode === null && child.signalCode === null)
        process.kill(-child.pid!, 'SIGKILL');
    }
  });
});
