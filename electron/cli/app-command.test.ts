// Issue 4, headless mode: `sendsheet app` starts the emulated servers, the service over HTTP on
// 127.0.0.1 and the renderer, and prints the URL. Issue 12: on a fresh clone it builds the
// renderer first.
import { cp, mkdtemp, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Batch } from '../../core/contract/api';
import { httpCall, makeClient } from '../../core/contract/client';
import { desktopTarget, UI_PROJECT, uiTarget } from './app-builds';
import { appCommand, findElectron, NO_ELECTRON } from './app-command';
import { capture, heldPort, quickUi, until } from './cli-test-util';

const ROOT = resolve(import.meta.dirname, '..', '..');

describe('issue 4: sendsheet app (headless)', () => {
  it('starts the emulated servers and the service, prints the URL, sends through it, and stops', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sendsheet-app-'));
    const { io, out } = capture(dir);
    const stop = new AbortController();
    const env = { SENDSHEET_USER: 'alice', SENDSHEET_PASSWORD: 'dashboard-secret' };
    const running = appCommand(
      ['--port', '0', '--ftp-ports', '0,0', '--dir', 'provider', '--data', 'app', '--electron'],
      io,
      stop.signal,
      env,
      await quickUi(),
    );
    await until(() => out.stdout.includes('Press Ctrl-C to stop.'), 'the start');
    expect(out.stdout).toMatch(
      /^Electron's binary is not installed here \(where it can be downloaded, "npm run setup:electron" fetches it\): running headless; open the URL below in a browser\.\nBuilding the user interface \(it is not built yet; this takes a few seconds\)…\nBuilt the user interface in \d+\.\d s\.\nSendsheet \(headless\)\n/,
    );
    // Issue 15: the address holds this run's secret, and says so.
    const [, url, secret] =
      /Open (http:\/\/127\.0\.0\.1:\d+\/)\?token=([\w-]{43}) in a browser\n {2}\(the address holds this run's secret: whoever has it can use Sendsheet until it stops\)\n/.exec(
        out.stdout,
      ) ?? [];
    expect(url).toBeDefined();
    expect(out.stdout).toMatch(
      /Emulated server A: ftp:\/\/127\.0\.0\.1:\d+ \(user demo, password demo\)/,
    );
    expect(out.stdout).toContain(`Data: ${join(dir, 'app')}`);

    const withSecret = { authorization: `Bearer ${secret}` };
    expect((await fetch(url!)).status).toBe(403);
    expect(await (await fetch(url!, { headers: withSecret })).text()).toContain(
      '<div id="root"></div>',
    );
    const api = makeClient(httpCall(url!, fetch, withSecret));
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

    const sent = await api.send({
      profile: 'emulated',
      files: { baseName: 'list' },
      messages: [{ msisdn: '4512345678', message: 'Hello' }],
    });
    if (!sent.ok) throw new Error(sent.error);
    let batch: Batch | undefined;
    for (const end = Date.now() + 20_000; Date.now() < end;) {
      batch = (await api.batches({})).find((b) => b.id === sent.batches[0]!.id);
      if (batch?.state === 'success') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(batch?.state).toBe('success');

    stop.abort();
    expect(await running).toBe(0);
    expect(out.stdout).toMatch(/Stopping: finishing the file in hand\.\.\.\nStopped\.\n$/);
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
      await quickUi(),
    );
    await until(() => out.stdout.includes('Press Ctrl-C to stop.'), 'the start');
    expect(out.stdout).toContain(
      'Emulated provider: not started; its profile points at 127.0.0.1:2121 and 2122',
    );
    const [, url, secret] = /Open (http:\/\/127\.0\.0\.1:\d+\/)\?token=(\S+) /.exec(out.stdout)!;
    const api = makeClient(httpCall(url!, fetch, { authorization: `Bearer ${secret}` }));
    const [emulated, provider] = await api.profiles({});
    expect(emulated!.servers.map((s) => [s.port, s.security])).toEqual([
      [2121, 'ftp'],
      [2122, 'ftp'],
    ]);
    expect(provider).toMatchObject({ user: '', hasPassword: false });
    stop.abort();
    expect(await running).toBe(0);
    // Issue 12: no emulated servers, so no file in hand to finish.
    expect(out.stdout).not.toContain('file in hand');
    expect(out.stdout).toMatch(/\nStopping\.\.\.\nStopped\.\n$/);
  });

  it('issue 12: the HTTP port taken: names --port and a free port, which then works', async () => {
    const { port, close } = await heldPort();
    const dir = await mkdtemp(join(tmpdir(), 'sendsheet-app-'));
    const { io, out } = capture(dir);
    try {
      const args = ['--no-servers', '--data', 'app'];
      const code = await appCommand(['--port', String(port), ...args], io, undefined, {}).catch(
        (error: Error) => error.message,
      );
      const message = new RegExp(
        `^port ${port} is in use: choose another with --port, for example --port (\\d+)\\.$`,
      ).exec(String(code));
      expect(message).not.toBeNull();
      const free = Number(message![1]);
      expect(await appCommand(['--port', String(free), ...args], io, AbortSignal.abort(), {})).toBe(
        0,
      );
      expect(out.stdout).toContain(`Open http://127.0.0.1:${free}/`);
    } finally {
      close();
    }
  });

  it('issue 12: an FTP port taken: names the server, --ftp-ports and free ports', async () => {
    const { port, close } = await heldPort();
    const dir = await mkdtemp(join(tmpdir(), 'sendsheet-app-'));
    const { io } = capture(dir);
    try {
      const args = ['--port', '0', '--ftp-ports', `0,${port}`, '--dir', 'p', '--data', 'app'];
      await expect(appCommand(args, io, AbortSignal.abort(), {})).rejects.toThrow(
        new RegExp(
          `^Server B cannot listen on 127\\.0\\.0\\.1:${port}: the port is in use .* Choose other ports with --ftp-ports, for example --ftp-ports 0,\\d+\\. \\(Or run with --no-servers`,
        ),
      );
    } finally {
      close();
    }
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
      await quickUi(),
    );
    expect(code).toBe(0);
    expect(out.stdout).not.toContain('desktop window');
    expect(out.stdout).toMatch(/Open http:\/\/127\.0\.0\.1:\d+\/\?token=\S+ in a browser/);
  });

  it('finds no Electron binary here (Electron is not installed), so npm start runs headless', () => {
    expect(findElectron()).toBeNull();
    expect(NO_ELECTRON).toBe(
      `Electron's binary is not installed here (where it can be downloaded, "npm run setup:electron" fetches it): running headless; open the URL below in a browser.`,
    );
  });

  it('issue 6: the script that fetches the binary, named in that line, exists', async () => {
    const { readFile } = await import('node:fs/promises');
    const root = join(import.meta.dirname, '..', '..');
    const manifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
    expect(manifest.scripts['setup:electron']).toBe('node node_modules/electron/install.js');
    expect(manifest.scripts.start).toBe('node bin/sendsheet.js app --electron');
    // No dependency runs an install script on npm install or npm ci (Electron's would fail here).
    expect(await readFile(join(root, '.npmrc'), 'utf8')).toMatch(/^ignore-scripts=true$/m);
  });
});

describe('issue 12: npm ci, then npm start', () => {
  it('on a fresh clone (no dist/), app builds the real user interface and serves it', async () => {
    // A checkout of what the UI is built from, beside the installed packages, and no dist/.
    const clone = await mkdtemp(join(tmpdir(), 'sendsheet-clone-'));
    for (const input of UI_PROJECT.inputs)
      await cp(join(ROOT, input), join(clone, input), { recursive: true });
    await symlink(join(ROOT, 'node_modules'), join(clone, 'node_modules'), 'dir');
    const ui = uiTarget({
      root: clone,
      configFile: join(clone, 'renderer', 'vite.config.ts'),
      inputs: UI_PROJECT.inputs,
      outDir: join(clone, 'dist', 'renderer'),
      stampFile: join(clone, 'dist', 'renderer.build.json'),
    });
    const start = async () => {
      const { io, out } = capture(clone);
      const stop = new AbortController();
      const running = appCommand(
        ['--port', '0', '--no-servers', '--data', 'app'],
        io,
        stop.signal,
        {},
        { ui, desktop: desktopTarget(clone) },
      );
      for (let i = 0; i < 2400 && !out.stdout.includes('Press Ctrl-C'); i++)
        await new Promise((done) => setTimeout(done, 50));
      const [, url, secret] = /Open (\S+)\?token=(\S+) in a browser/.exec(out.stdout) ?? [];
      expect(url, out.stdout + out.stderr).toBeDefined();
      const headers = { authorization: `Bearer ${secret}` };
      const page = await (await fetch(url!, { headers })).text();
      const script = /src="\.\/(assets\/index-[\w-]+\.js)"/.exec(page)?.[1];
      const code = await fetch(new URL(script!, url), { headers });
      stop.abort();
      expect(await running).toBe(0);
      return { out, page, scriptStatus: code.status };
    };

    const first = await start();
    expect(first.out.stdout).toContain('Building the user interface (it is not built yet');
    expect(first.page).toContain('<div id="root"></div>');
    expect(first.page).toContain('<title>Sendsheet</title>');
    expect(first.scriptStatus).toBe(200);
    expect(first.page).not.toMatch(/not built/i);

    // The next start finds it up to date and starts at once.
    const second = await start();
    expect(second.out.stdout).not.toContain('Building');
    expect(second.page).toBe(first.page);
  }, 240_000);
});
