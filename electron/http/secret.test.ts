// Issue 15: the local API needs this run's secret. Before, any program on the computer could
// call the service on its loopback port: send with the person's account, read the history,
// write exports. Now every request, the event stream and the page itself need the secret, as a
// bearer token or as the cookie the printed address sets; the page's address drops it at once.
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerProfile } from '../client/profile';
import { METHODS } from '../../core/contract/api';
import { httpCall, makeClient } from '../../core/contract/client';
import { exportsFolder, SendsheetService } from '../service/service';
import { startHttpServer } from './http-server';
import type { RunningHttp } from './http-server';

let service: SendsheetService;
let http: RunningHttp;
let dataDir: string;

const REFUSAL =
  'This needs the secret of this run of Sendsheet: open the address "sendsheet app" printed (it ends with ?token=...).';

beforeAll(async () => {
  const work = await mkdtemp(join(tmpdir(), 'sendsheet-secret-'));
  dataDir = join(work, 'data');
  const ui = join(work, 'ui');
  await mkdir(ui);
  await writeFile(join(ui, 'index.html'), '<!doctype html><title>UI</title>');
  service = await SendsheetService.start({
    dataDir,
    profiles: [{ ...providerProfile('anna', 'dashboard-secret') }],
    resume: false,
  });
  http = await startHttpServer(service, { port: 0, staticDir: ui });
});

afterAll(async () => {
  await http.close();
  await service.close();
});

function call(method: string, headers: Record<string, string> = {}, body = '{}') {
  return fetch(new URL(`/api/${method}`, http.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
}

/** The page's first visit, as a browser makes it: the printed address, redirects not followed. */
async function visit(url: string) {
  const response = await fetch(url, { redirect: 'manual' });
  return {
    status: response.status,
    location: response.headers.get('location'),
    cookie: response.headers.get('set-cookie'),
  };
}

describe('issue 15: no request without the secret', () => {
  it.each(METHODS)('POST /api/%s without it: 403, saying how to get in', async (method) => {
    const response = await call(method);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ status: 403, error: REFUSAL });
  });

  it('the attack of the issue: a program sends with the account, or exports, without the secret', async () => {
    const messages = [{ msisdn: '4512345678', message: 'Hi' }];
    const sent = await call(
      'send',
      {},
      JSON.stringify({ profile: 'gatewayapi', files: { baseName: 'x' }, messages }),
    );
    const exported = await call(
      'exportMessages',
      {},
      JSON.stringify({ files: { baseName: 'x' }, messages, folder: exportsFolder(dataDir) }),
    );
    expect([sent.status, exported.status]).toEqual([403, 403]);
    expect(await service.batches({})).toEqual([]);
    expect(await readdir(dataDir)).not.toContain('exports');
  });

  it('a wrong secret, as a bearer token, a cookie or in the address: 403', async () => {
    const wrong = `${http.secret.slice(0, -1)}${http.secret.endsWith('A') ? 'B' : 'A'}`;
    expect((await call('profiles', { authorization: `Bearer ${wrong}` })).status).toBe(403);
    expect((await call('profiles', { cookie: `sendsheet-${http.port}=${wrong}` })).status).toBe(
      403,
    );
    // The right secret under another port's cookie: another app's, not this one's.
    expect((await call('profiles', { cookie: `sendsheet-1=${http.secret}` })).status).toBe(403);
    const page = await visit(`${http.url}?token=${wrong}`);
    expect(page).toMatchObject({ status: 403, cookie: null });
  });

  it('the event stream and the page need it too', async () => {
    const events = await fetch(new URL('/api/events', http.url));
    expect(events.status).toBe(403);
    const page = await fetch(http.url);
    expect(page.status).toBe(403);
    expect(page.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await page.text()).toBe(`${REFUSAL}\n`);
  });
});

describe('issue 15: with the secret', () => {
  it('a bearer token: the program given the secret uses the service', async () => {
    const api = makeClient(httpCall(http.url, fetch, { authorization: `Bearer ${http.secret}` }));
    expect((await api.profiles({})).map((p) => p.id)).toEqual(['gatewayapi']);
  });

  it('the printed address: sets an HttpOnly, SameSite=Strict cookie and drops the token from the address', async () => {
    expect(http.pageUrl).toBe(`${http.url}?token=${http.secret}`);
    expect(http.secret).toMatch(/^[\w-]{43}$/);
    const first = await visit(http.pageUrl);
    expect(first).toEqual({
      status: 303,
      location: '/',
      cookie: `sendsheet-${http.port}=${http.secret}; Path=/; HttpOnly; SameSite=Strict`,
    });
    const cookie = first.cookie!.split(';')[0]!;
    const page = await fetch(new URL(first.location!, http.url), { headers: { cookie } });
    expect(await page.text()).toBe('<!doctype html><title>UI</title>');
    expect((await call('profiles', { cookie })).status).toBe(200);
    const controller = new AbortController();
    const events = await fetch(new URL('/api/events', http.url), {
      headers: { cookie },
      signal: controller.signal,
    });
    expect(events.status).toBe(200);
    controller.abort();
    // Other parameters of the address stay; only the token goes.
    expect((await visit(`${http.url}history?token=${http.secret}&x=1`)).location).toBe(
      '/history?x=1',
    );
  });

  it('even with the secret, an export names no folder but the exports folder of the data folder', async () => {
    const bearer = { authorization: `Bearer ${http.secret}` };
    const messages = [{ msisdn: '4512345678', message: 'Hi' }];
    const elsewhere = join(dataDir, '..', 'elsewhere');
    await mkdir(elsewhere);
    const exportTo = async (folder: string) =>
      (await (
        await call(
          'exportMessages',
          bearer,
          JSON.stringify({ files: { baseName: 'x' }, messages, folder }),
        )
      ).json()) as { ok: boolean; error?: string };
    for (const folder of [elsewhere, join(exportsFolder(dataDir), '..'), '/tmp']) {
      const outcome = await exportTo(folder);
      expect(outcome.ok, folder).toBe(false);
      expect(outcome.error).toMatch(/exports only into its exports folder/);
    }
    expect(await readdir(elsewhere)).toEqual([]);
    expect((await exportTo(exportsFolder(dataDir))).ok).toBe(true);
    expect(await readdir(exportsFolder(dataDir))).toEqual(['x.csv.cp1252.excel']);
  });

  it('each run has its own secret', async () => {
    const other = await startHttpServer(service, { port: 0, staticDir: null });
    try {
      expect(other.secret).not.toBe(http.secret);
      expect(
        (
          await fetch(new URL('/api/profiles', other.url), {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${http.secret}` },
            body: '{}',
          })
        ).status,
      ).toBe(403);
    } finally {
      await other.close();
    }
  });
});
