// Issue 4, headless mode: `sendsheet app` starts the emulated servers, the service over HTTP on
// 127.0.0.1 and the renderer (or the page saying it is not built), and prints the URL.
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Batch } from '../service/api';
import { httpApi } from '../service/remote';
import { appCommand, electronLaunch, findElectron, RENDERER_DIR } from './app-command';
import { capture, until } from './cli-test-util';

describe('issue 4: sendsheet app (headless)', () => {
  it('starts the emulated servers and the service, prints the URL, sends through it, and stops', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sendsheet-app-'));
    await writeFile(join(dir, 'list.csv'), 'msisdn,message\n4512345678,Hello\n');
    const { io, out } = capture(dir);
    const stop = new AbortController();
    const env = { SENDSHEET_USER: 'alice', SENDSHEET_PASSWORD: 'dashboard-secret' };
    const running = appCommand(
      ['--port', '0', '--ftp-ports', '0,0', '--dir', 'provider', '--data', 'app', '--electron'],
      io,
      stop.signal,
      env,
    );
    await until(() => out.stdout.includes('Press Ctrl-C to stop.'), 'the start');
    expect(out.stdout).toMatch(
      /^Electron's binary is not installed here \(where it can be downloaded, "npm run setup:electron" fetches it\): running headless; open the URL below in a browser\.\n/,
    );
    const url = /Open (http:\/\/127\.0\.0\.1:\d+\/) in a browser/.exec(out.stdout)?.[1];
    expect(url).toBeDefined();
    expect(out.stdout).toMatch(
      /Emulated server A: ftp:\/\/127\.0\.0\.1:\d+ \(user demo, password demo\)/,
    );
    expect(out.stdout).toContain(`Data: ${join(dir, 'app')}`);

    // The renderer is served when it has been built (npm run build:renderer), else a page
    // that says it is not: either way, the URL answers with a page.
    const built = existsSync(join(RENDERER_DIR, 'index.html'));
    const page = await fetch(url!);
    expect(await page.text()).toContain(
      built ? '<div id="root"></div>' : 'The user interface is not built yet',
    );
    const api = httpApi(url!);
    const profiles = await api.profiles({});
    expect(profiles.map((p) => [p.id, p.user, p.hasPassword, p.servers[0]!.security])).toEqual([
      ['emulated', 'demo', true, 'ftps'],
      ['gatewayapi', 'alice', true, 'ftps'],
    ]);
    expect(profiles[1]!.servers.map((s) => `${s.host}:${s.port}`)).toEqual([
      'a.ftp.gatewayapi.com:21',
      'b.ftp.gatewayapi.com:21',
    ]);
    expect(JSON.stringify(profiles)).not.toContain('dashboard-secret');

    const sent = await api.send({ path: 'list.csv', profile: 'emulated' });
    if (!sent.ok) throw new Error(sent.error);
    let batch: Batch | undefined;
    for (const end = Date.now() + 20_000; Date.now() < end;) {
      batch = (await api.batches({})).find((b) => b.id === sent.batch.id);
      if (batch?.state === 'success') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(batch?.state).toBe('success');

    stop.abort();
    expect(await running).toBe(0);
    expect(out.stdout).toMatch(/Stopped\.\n$/);
    expect(out.stderr).toBe('');
    expect(out.stdout + out.stderr).not.toContain('dashboard-secret');
  });

  it('--no-servers: the emulated profile points at a "sendsheet serve" on the default ports', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sendsheet-app-'));
    const { io, out } = capture(dir);
    const stop = new AbortController();
    const running = appCommand(
      ['--port', '0', '--no-servers', '--data', 'app'],
      io,
      stop.signal,
      {},
    );
    await until(() => out.stdout.includes('Press Ctrl-C to stop.'), 'the start');
    expect(out.stdout).toContain(
      'Emulated provider: not started; its profile points at 127.0.0.1:2121 and 2122',
    );
    const url = /Open (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out.stdout)![1]!;
    const [emulated, provider] = await httpApi(url).profiles({});
    expect(emulated!.servers.map((s) => [s.port, s.security])).toEqual([
      [2121, 'ftp'],
      [2122, 'ftp'],
    ]);
    expect(provider).toMatchObject({ user: '', hasPassword: false });
    stop.abort();
    expect(await running).toBe(0);
  });

  it('refuses options that do not go together, and a bad port', async () => {
    const { io } = capture(tmpdir());
    await expect(
      appCommand(['--no-servers', '--ftp-ports', '1,2'], io, AbortSignal.abort(), {}),
    ).rejects.toThrow(/--no-servers/);
    await expect(appCommand(['--port', 'x'], io, AbortSignal.abort(), {})).rejects.toThrow(
      /--port takes a port/,
    );
    await expect(
      appCommand(['--electron', '--headless'], io, AbortSignal.abort(), {}),
    ).rejects.toThrow(/choose one/);
  });

  it('--headless runs without a window, saying where to open it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sendsheet-headless-'));
    const { io, out } = capture(dir);
    const code = await appCommand(
      ['--headless', '--port', '0', '--ftp-ports', '0,0', '--dir', 'p', '--data', 'a'],
      io,
      AbortSignal.abort(),
      {},
    );
    expect(code).toBe(0);
    expect(out.stdout).not.toContain('desktop window');
    expect(out.stdout).toMatch(/Open http:\/\/127\.0\.0\.1:\d+\/ in a browser/);
  });

  it('finds no Electron binary here (Electron is not installed), so npm start runs headless', () => {
    expect(findElectron()).toBeNull();
  });

  it('issue 6: npm start opens the window only with the binary and the desktop build', () => {
    const built = { main: true, renderer: true };
    expect(electronLaunch('/opt/electron/electron', built)).toEqual({
      binary: '/opt/electron/electron',
      line: null,
    });
    expect(electronLaunch(null, built)).toEqual({
      binary: null,
      line: `Electron's binary is not installed here (where it can be downloaded, "npm run setup:electron" fetches it): running headless; open the URL below in a browser.`,
    });
    for (const build of [
      { main: false, renderer: true },
      { main: true, renderer: false },
    ])
      expect(electronLaunch('/opt/electron/electron', build)).toEqual({
        binary: null,
        line: 'The desktop window is not built (run "npm run build"): running headless; open the URL below in a browser.',
      });
  });

  it('issue 6: the script that fetches the binary, named in that line, exists', async () => {
    const { readFile } = await import('node:fs/promises');
    const root = join(import.meta.dirname, '..', '..');
    const manifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
    expect(manifest.scripts['setup:electron']).toBe('node node_modules/electron/install.js');
    expect(manifest.scripts.start).toBe('tsx electron/cli/sendsheet.ts app --electron');
    // No dependency runs an install script on npm install or npm ci (Electron's would fail here).
    expect(await readFile(join(root, '.npmrc'), 'utf8')).toMatch(/^ignore-scripts=true$/m);
  });
});
