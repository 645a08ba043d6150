/**
 * Starts headless mode twice: the main app with its own emulated servers, and for the failover
 * case an app whose profile's server A is down (nothing listens on its port) while server B runs.
 * Their URLs and data folders reach the tests through environment variables.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { choosePractice, startHeadlessApp, startSendsheet, urlOf } from './processes';

/** The ports `sendsheet app --no-servers` points its emulated profile at (DEFAULT_PORTS). */
const DEFAULT_A = 2121;
const DEFAULT_B = 2122;

function portFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
  });
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'sendsheet-e2e-'));
  const provider = join(dir, 'provider');
  await choosePractice(join(dir, 'app'));
  const main = await startHeadlessApp(dir);
  process.env.SENDSHEET_E2E_URL = urlOf(main.output);
  process.env.SENDSHEET_E2E_PROVIDER = provider;
  process.env.SENDSHEET_E2E_DIR = dir;
  const stops = [main.stop];

  if ((await portFree(DEFAULT_A)) && (await portFree(DEFAULT_B))) {
    // Server B on its usual port; server A on another, so the app's server A is down.
    const failoverProvider = join(dir, 'failover-provider');
    const config = join(dir, 'failover.json');
    await writeFile(config, JSON.stringify({ passivePorts: [21100, 21199] }));
    const serve = await startSendsheet([
      'serve',
      '--dir',
      failoverProvider,
      '--ports',
      `0,${DEFAULT_B}`,
      '--config',
      config,
    ]);
    await choosePractice(join(dir, 'failover-app'));
    const app = await startSendsheet([
      'app',
      '--port',
      '0',
      '--no-servers',
      '--data',
      join(dir, 'failover-app'),
    ]);
    process.env.SENDSHEET_E2E_FAILOVER_URL = urlOf(app.output);
    process.env.SENDSHEET_E2E_FAILOVER_PROVIDER = failoverProvider;
    stops.push(app.stop, serve.stop);
  } else {
    process.env.SENDSHEET_E2E_FAILOVER_SKIP = `ports ${DEFAULT_A} and ${DEFAULT_B} must be free for the failover case`;
  }
  return async () => {
    await Promise.all(stops.map((stop) => stop()));
  };
}
