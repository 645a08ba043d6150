// Issue 18: each test control does what it says, over real FTP on 127.0.0.1, called as a test
// calls it: through the controls' HTTP route and client.
import { connect as tcpConnect } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { controlsClient } from '../../core/contract/test-controls';
import type { TestControls } from '../../core/contract/test-controls';
import { startControlsServer } from '../http/controls-route';
import { Faults } from './faults';
import {
  connect,
  finished,
  GOOD_CSV,
  names,
  startTestProvider,
  upload,
  waitForNames,
} from './ftp-test-util';
import type { TestProvider } from './ftp-test-util';
import { ProviderControls } from './test-controls';

let provider: TestProvider;
let controls: TestControls;
let closeControls: () => Promise<void>;
let controlsUrl: string;

beforeEach(async () => {
  provider = await startTestProvider({ faults: new Faults() });
  const server = await startControlsServer(new ProviderControls(provider));
  controlsUrl = server.url;
  closeControls = () => server.close();
  controls = controlsClient(server.url, fetch);
});

afterEach(async () => {
  await closeControls();
  await provider.close();
});

/** What a connection to `port` gets: refused, the server's greeting, or silence until `waitMs`. */
function greeting(port: number, waitMs = 400): Promise<'refused' | 'greeted' | 'silent'> {
  return new Promise((resolve) => {
    const socket = tcpConnect(port, '127.0.0.1');
    const end = (what: 'refused' | 'greeted' | 'silent') => {
      clearTimeout(timer);
      socket.destroy();
      resolve(what);
    };
    const timer = setTimeout(() => end('silent'), waitMs);
    socket.once('error', () => end('refused'));
    socket.once('data', (data) => end(String(data).startsWith('220') ? 'greeted' : 'silent'));
  });
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (const end = Date.now() + 20_000; ;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > end) throw new Error(`timed out; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('issue 18: the test controls, over real FTP', () => {
  it('down A (refuse): A refuses connections, B still serves; up: A serves again', async () => {
    const [a, b] = provider.servers.map((server) => server.port) as [number, number];
    const status = await controls.down({ server: 'A' });
    expect(status.servers.map((s) => s.state)).toEqual(['refuse', 'up']);
    expect(await greeting(a)).toBe('refused');
    expect(await greeting(b)).toBe('greeted');
    await controls.up({ server: 'A' });
    expect(await greeting(a)).toBe('greeted');
    const client = await connect(provider, { server: 0 });
    await upload(client, 'after.csv.ready', GOOD_CSV);
    client.close();
  });

  it('down B (hang): B accepts and never answers, until up', async () => {
    const b = provider.servers[1]!.port;
    const session = await connect(provider, { server: 1 });
    await controls.down({ server: 'B', mode: 'hang' });
    // The session open before is ended, as a server that goes away ends it.
    await expect(session.list()).rejects.toThrow();
    expect(await greeting(b)).toBe('silent');
    expect((await controls.status({})).servers[1]!.state).toBe('hang');
    await controls.up({ server: 'B' });
    expect(await greeting(b)).toBe('greeted');
  });

  it('hold keeps every file .processing until release', async () => {
    await controls.hold({});
    const client = await connect(provider);
    await upload(client, 'one.csv.ready', GOOD_CSV);
    await upload(client, 'two.csv.ready', GOOD_CSV);
    const waiting = await until(
      async () => (await controls.status({})).waiting,
      (files) => files.length > 0,
    );
    expect(waiting[0]).toMatch(/^demo\/(one|two)\.csv\.\d{8}T\d{6}\.processing$/);
    const held = await waitForNames(
      client,
      (found) =>
        !!finished(found, 'one.csv', 'processing') && !!finished(found, 'two.csv', 'processing'),
    );
    expect(held.filter((name) => name.endsWith('.success'))).toEqual([]);
    expect(await controls.outbox({})).toEqual([]);
    await controls.release({});
    const done = await waitForNames(
      client,
      (found) => !!finished(found, 'one.csv', 'success') && !!finished(found, 'two.csv', 'success'),
    );
    expect(done.filter((name) => name.endsWith('.processing'))).toEqual([]);
    client.close();
  });

  it('fail 2: the next two attempts fail with an internal error and are tried again soon', async () => {
    const status = await controls.fail({ count: 2, retryIntervalMs: 100 });
    expect(status).toMatchObject({ pendingFailures: 2, retryIntervalMs: 100 });
    const client = await connect(provider);
    await upload(client, 'retried.csv.ready', GOOD_CSV);
    await waitForNames(client, (found) => !!finished(found, 'retried.csv', 'success'));
    const failures = provider.logs.filter((entry) => /attempt \d of 5 failed/.test(entry.message));
    expect(failures.map((entry) => /attempt (\d)/.exec(entry.message)![1])).toEqual(['1', '2']);
    expect(failures[0]!.message).toContain('(test control)');
    expect((await controls.status({})).pendingFailures).toBe(0);
    expect(await controls.outbox({})).toHaveLength(2);
    client.close();
  });

  it('delay: a file stays .processing for the delay, then succeeds', async () => {
    await controls.delay({ ms: 600 });
    const client = await connect(provider);
    const started = performance.now();
    await upload(client, 'slow.csv.ready', GOOD_CSV);
    const waiting = await until(
      async () => (await controls.status({})).waiting,
      (files) => files.length === 1,
    );
    expect(waiting[0]).toMatch(/^demo\/slow\.csv\..*\.processing$/);
    expect(finished(await names(client), 'slow.csv', 'processing')).toBeDefined();
    await waitForNames(client, (found) => !!finished(found, 'slow.csv', 'success'));
    // A lower bound only: the delay is a floor, never a limit a slow machine could break.
    expect(performance.now() - started).toBeGreaterThanOrEqual(600);
    client.close();
  });

  it('outbox: the messages queued, of every account or one', async () => {
    const client = await connect(provider, { server: 1 });
    await upload(client, 'list.csv.ready', GOOD_CSV);
    await waitForNames(client, (found) => !!finished(found, 'list.csv', 'success'));
    client.close();
    const outbox = await controls.outbox({ account: 'demo' });
    expect(
      outbox.map(({ account, msisdn, message, encoding, parts }) => ({
        account,
        msisdn,
        message,
        encoding,
        parts,
      })),
    ).toEqual([
      { account: 'demo', msisdn: '4512345678', message: 'Hello', encoding: 'GSM-7', parts: 1 },
      { account: 'demo', msisdn: '4512345679', message: 'Hi there', encoding: 'GSM-7', parts: 1 },
    ]);
    expect(outbox[0]!.batch).toMatch(/^list\.csv\.\d{8}T\d{6}$/);
    expect(await controls.outbox({})).toEqual(outbox);
    expect(await controls.outbox({ account: 'nobody' })).toEqual([]);
  });

  it('reset: servers up, nothing held, failing or slowed, retries as at start, the outbox empty', async () => {
    const client = await connect(provider);
    await upload(client, 'before.csv.ready', GOOD_CSV);
    await waitForNames(client, (found) => !!finished(found, 'before.csv', 'success'));
    client.close();
    await controls.down({ server: 'A' });
    await controls.down({ server: 'B', mode: 'hang' });
    await controls.hold({});
    await controls.fail({ count: 3 });
    await controls.delay({ ms: 5000 });
    const status = await controls.reset({});
    expect(status).toEqual({
      servers: [
        { name: 'A', port: provider.servers[0]!.port, state: 'up' },
        { name: 'B', port: provider.servers[1]!.port, state: 'up' },
      ],
      holding: false,
      waiting: [],
      pendingFailures: 0,
      delayMs: 0,
      retryIntervalMs: 30 * 60 * 1000,
    });
    expect(await controls.outbox({})).toEqual([]);
    const again = await connect(provider, { server: 1 });
    await upload(again, 'after.csv.ready', GOOD_CSV);
    await waitForNames(again, (found) => !!finished(found, 'after.csv', 'success'));
    again.close();
  });

  it('refuses what is not a control request: bad values, plain text, another page', async () => {
    await expect(controls.fail({ count: 0 })).rejects.toThrow(/fail: .*count/);
    await expect(controls.down({ server: 'C' as 'A' })).rejects.toThrow(/server/);
    const post = (path: string, headers: Record<string, string>, body = '{}') =>
      fetch(new URL(path, controlsUrl), { method: 'POST', headers, body });
    expect((await post('status', { 'content-type': 'text/plain' })).status).toBe(415);
    expect(
      (await post('status', { 'content-type': 'application/json', origin: 'http://evil.test' }))
        .status,
    ).toBe(403);
    expect((await post('explode', { 'content-type': 'application/json' })).status).toBe(404);
  });
});
