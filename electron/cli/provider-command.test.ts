// Issue 18: `sendsheet app --test-controls` serves the controls on its own port, and
// `sendsheet provider` drives them; without the switch there are none.
import { tmpdir } from 'node:os';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { ControlsStatus } from '../../core/contract/test-controls';
import { appCommand } from './app-command';
import { capture, quickUi, until } from './cli-test-util';
import type { ReadyLine } from './ready-line';
import { run } from './run';

async function startApp(args: string[]) {
  const { io, out } = capture(tmpdir());
  const stop = new AbortController();
  const running = appCommand(
    ['--json', '--ephemeral', '--port', '0', '--ftp-ports', '0,0', ...args],
    io,
    stop.signal,
    {},
    await quickUi(),
  );
  await until(() => out.stdout.includes('\n'), 'the ready line');
  const line = JSON.parse(out.stdout) as ReadyLine;
  return {
    line,
    stop: async () => {
      stop.abort();
      expect(await running).toBe(0);
    },
  };
}

async function provider(args: string[]) {
  const { io, out } = capture(tmpdir());
  const code = await run(['provider', ...args], io);
  return { code, ...out };
}

function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(true));
  });
}

describe('issue 18: sendsheet provider, against app --test-controls', () => {
  it('takes server A down and up through the app, by --url and by --port', async () => {
    const app = await startApp(['--test-controls']);
    try {
      const origin = new URL(app.line.url!).origin;
      expect(app.line.controls).toBe(`${origin}/test-controls/?token=${app.line.secret}`);
      const down = await provider(['down', 'a', '--url', app.line.url!]);
      expect(down.code, down.stderr).toBe(0);
      const status = JSON.parse(down.stdout) as ControlsStatus;
      expect(status.servers.map((s) => [s.name, s.port, s.state])).toEqual([
        ['A', app.line.ftp!.a, 'refuse'],
        ['B', app.line.ftp!.b, 'up'],
      ]);
      expect(await refused(app.line.ftp!.a)).toBe(true);
      const port = new URL(app.line.url!).port;
      // By port, the run's secret is given apart; without it the app refuses.
      expect((await provider(['up', 'A', '--port', port])).code).toBe(1);
      expect((await provider(['up', 'A', '--port', port, '--secret', app.line.secret!])).code).toBe(
        0,
      );
      expect(await refused(app.line.ftp!.a)).toBe(false);
      const outbox = await provider(['outbox', '--account', 'demo', '--url', app.line.controls!]);
      expect(JSON.parse(outbox.stdout)).toEqual([]);
    } finally {
      await app.stop();
    }
  });

  it('without --test-controls the app has none; mistakes are usage errors', async () => {
    const app = await startApp([]);
    try {
      expect(app.line.controls).toBeNull();
      const off = await provider(['status', '--url', app.line.url!]);
      expect(off.code).toBe(1);
      expect(off.stderr).toContain('The test controls are off: start with --test-controls.');
      expect((await provider(['down', 'C', '--url', app.line.url!])).code).toBe(2);
      expect((await provider(['fail', '0', '--url', app.line.url!])).code).toBe(2);
      expect((await provider(['status'])).stderr).toContain('--url URL or --port P');
    } finally {
      await app.stop();
    }
  });

  it('the desktop window never gets them', async () => {
    const { io } = capture(tmpdir());
    await expect(
      appCommand(['--electron', '--test-controls'], io, AbortSignal.abort(), {}),
    ).rejects.toThrow(/never for the desktop window/);
  });
});
