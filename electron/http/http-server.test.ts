// Issue 4, the HTTP transport: the service as JSON over HTTP, live status as server-sent events,
// the renderer's files; a bad request gets a 400 with its reason, never a crash.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emulatedProfile } from '../backend/practice';
import { GOOD_MESSAGES, startTestProvider } from '../server/ftp-test-util';
import type { TestProvider } from '../server/ftp-test-util';
import type { Batch } from '../../core/contract/api';
import { httpCall, makeClient } from '../../core/contract/client';
import { ServiceError } from '../../core/contract/errors';
import { SendsheetService } from '../service/service';
import { startHttpServer } from './http-server';
import type { RunningHttp } from './http-server';
import { resolveStatic } from './static-files';

let provider: TestProvider;
let service: SendsheetService;
let http: RunningHttp;
let work: string;

beforeAll(async () => {
  provider = await startTestProvider();
  work = await mkdtemp(join(tmpdir(), 'sendsheet-http-'));
  service = await SendsheetService.start({
    dataDir: join(work, 'data'),
    profiles: [emulatedProfile(provider)],
    timings: { pollIntervalMs: 50 },
  });
  http = await startHttpServer(service, { port: 0, staticDir: null });
});

afterAll(async () => {
  await http.close();
  await service.close();
  await provider.close();
});

/** What a program given this run's secret sends (the page sends the cookie instead). */
const auth = () => ({ authorization: `Bearer ${http.secret}` });
const client = () => makeClient(httpCall(http.url, fetch, auth()));

async function post(
  path: string,
  body: string,
  headers: Record<string, string> = { 'content-type': 'application/json' },
) {
  const response = await fetch(new URL(path, http.url), {
    method: 'POST',
    headers: { ...auth(), ...headers },
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('issue 4: the HTTP transport calls the one service', () => {
  it('listens on loopback and answers a method with its JSON', async () => {
    expect(http.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const api = client();
    expect(await api.profiles({})).toEqual([
      expect.objectContaining({ id: 'emulated', user: 'demo', hasPassword: true }),
    ]);
    expect(await api.follow({ batch: 'none' })).toEqual({
      ok: false,
      error: 'There is no batch "none" in the history.',
      said: { code: 'batch.unknown', values: { batch: 'none' } },
    });
  });

  it('streams batch changes as server-sent events, to the end of a batch', async () => {
    const controller = new AbortController();
    const response = await fetch(new URL('/api/events', http.url), {
      signal: controller.signal,
      headers: auth(),
    });
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const reader = response.body!.getReader();
    const sent = await client().send({
      profile: 'emulated',
      files: { baseName: 'good' },
      messages: GOOD_MESSAGES,
    });
    if (!sent.ok) throw new Error(sent.error);
    const id = sent.batches[0]!.id;
    const states: string[] = [];
    let text = '';
    try {
      while (!states.includes('success')) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
        let end: number;
        while ((end = text.indexOf('\n\n')) !== -1) {
          const event = text.slice(0, end);
          text = text.slice(end + 2);
          if (event.startsWith(':')) continue; // a comment: connected, or still here
          expect(event).toMatch(/^event: batch\ndata: /);
          const batch = JSON.parse(event.slice(event.indexOf('data: ') + 6)) as Batch;
          if (batch.id === id && states.at(-1) !== batch.state) states.push(batch.state);
        }
      }
    } finally {
      controller.abort();
    }
    expect(states[0]).toBe('uploading');
    expect(states).toContain('ready');
    expect(states.at(-1)).toBe('success');
  });
});

describe('issue 4: a bad request gets a 400 with its reason, never a crash', () => {
  it.each([
    ['not JSON', '{"batch": ', /^Bad request to follow: line 1 is not JSON/],
    ['a missing field', '{}', /^Bad request to follow: batch: /],
    ['a field of the wrong type', '{"batch": 42}', /^Bad request to follow: batch: .*string/],
    ['an unknown field', '{"batch": "a", "extra": true}', /^Bad request to follow: .*extra/],
    ['an array', '[]', /^Bad request to follow: /],
  ])('%s', async (_what, body, reason) => {
    const answer = await post('/api/follow', body);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ status: 400, error: expect.stringMatching(reason) });
  });

  it('a send whose messages are not what was announced, or wrong, is refused whole', async () => {
    const lines = (...values: unknown[]) => values.map((value) => JSON.stringify(value)).join('\n');
    const head = { profile: 'emulated', files: { baseName: 'x' }, messages: 3 };
    const headers = { 'content-type': 'application/x-ndjson' };
    const before = (await service.batches({})).length;
    const fewer = await post('/api/send', lines(head, GOOD_MESSAGES), headers);
    expect(fewer.body.error).toMatch(/^Bad request to send: messages: 3 announced, 2 came\.$/);
    const wrong = await post(
      '/api/send',
      lines(head, [...GOOD_MESSAGES, { msisdn: 4512, message: 'x' }]),
      headers,
    );
    expect(wrong.body.error).toMatch(/^Bad request to send: messages\.2\.msisdn: /);
    expect(await service.batches({})).toHaveLength(before);
  });

  it('the remote client raises a bad request as an error with its status and reason', async () => {
    const api = client();
    const failure = await api
      .send({ profile: '', files: { baseName: 'x' }, messages: [] })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ServiceError);
    expect(failure).toMatchObject({
      status: 400,
      message: expect.stringContaining('profile: '),
    });
  });

  it.each([
    ['an unknown method', '/api/launch', 404, /^There is no method "launch"\.$/],
    ['a prototype name as a method', '/api/constructor', 404, /no method/],
  ])('%s: %i', async (_what, path, status, reason) => {
    const answer = await post(path, '{}');
    expect(answer).toMatchObject({ status, body: { error: expect.stringMatching(reason) } });
  });

  it('a method called with GET: 405, naming POST', async () => {
    const response = await fetch(new URL('/api/profiles', http.url), { headers: auth() });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('a body that is not sent as JSON: 415 (a web page of another origin could send that unasked)', async () => {
    const answer = await post('/api/profiles', '{}', { 'content-type': 'text/plain' });
    expect(answer).toMatchObject({
      status: 415,
      body: { error: expect.stringContaining('application/json') },
    });
  });

  it('a request from another web page (Origin) or through another host name (Host): 403', async () => {
    const foreign = await post('/api/profiles', '{}', {
      'content-type': 'application/json',
      origin: 'http://evil.example',
    });
    expect(foreign.status).toBe(403);
    const rebinding = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(
        new URL('/api/profiles', http.url),
        {
          method: 'POST',
          headers: {
            ...auth(),
            host: `evil.example:${http.port}`,
            'content-type': 'application/json',
          },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode!);
        },
      );
      request.on('error', reject);
      request.end('{}');
    });
    expect(rebinding).toBe(403);
  });

  it('a body over the limit: 413, and the server goes on answering', async () => {
    const small = await startHttpServer(service, { port: 0, maxBodyBytes: 100, maxJsonBytes: 100 });
    try {
      for (const type of ['application/json', 'application/x-ndjson']) {
        const response = await fetch(new URL('/api/profiles', small.url), {
          method: 'POST',
          headers: { authorization: `Bearer ${small.secret}`, 'content-type': type },
          body: JSON.stringify({ pad: 'x'.repeat(1000) }),
        });
        expect(response.status).toBe(413);
      }
      const api = makeClient(
        httpCall(small.url, fetch, { authorization: `Bearer ${small.secret}` }),
      );
      expect((await api.profiles({})).length).toBe(1);
    } finally {
      await small.close();
    }
  });
});

describe('issue 4: the built renderer', () => {
  it('a server of the API alone (no UI folder) answers nothing else', async () => {
    expect((await fetch(http.url, { headers: auth() })).status).toBe(404);
    expect((await fetch(new URL('/app.js', http.url), { headers: auth() })).status).toBe(404);
  });

  it('serves the build, index.html for the app routes, and nothing outside the folder', async () => {
    const dir = join(work, 'renderer');
    await mkdir(join(dir, 'assets'), { recursive: true });
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>UI</title>');
    await writeFile(join(dir, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(join(work, 'secret.txt'), 'secret');
    const built = await startHttpServer(service, { port: 0, staticDir: dir });
    const fetch = (url: URL | string) =>
      globalThis.fetch(url, { headers: { authorization: `Bearer ${built.secret}` } });
    try {
      const script = await fetch(new URL('/assets/app.js', built.url));
      expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(await script.text()).toBe('console.log(1)');
      // Issue 12: the page is asked for again each time (a new build shows at the next load);
      // the scripts under assets/ are named by their content, so they are kept.
      expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const route = await fetch(new URL('/history', built.url));
      expect(await route.text()).toBe('<!doctype html><title>UI</title>');
      expect(route.headers.get('cache-control')).toBe('no-cache');
      expect((await fetch(built.url)).headers.get('cache-control')).toBe('no-cache');
      // Read at each request: a build made while the app runs is what the next load gets.
      await writeFile(join(dir, 'index.html'), '<!doctype html><title>UI 2</title>');
      expect(await (await fetch(built.url)).text()).toBe('<!doctype html><title>UI 2</title>');
      for (const path of [
        '/..%2fsecret.txt',
        '/%2e%2e/secret.txt',
        '/assets/..%5c..%5csecret.txt',
      ]) {
        const response = await fetch(new URL(path, built.url));
        expect(await response.text()).not.toBe('secret');
      }
      expect((await fetch(new URL('/missing.js', built.url))).status).toBe(404);
    } finally {
      await built.close();
    }
    expect(resolveStatic('/srv/ui', '/../secret')).toBeNull();
    expect(resolveStatic('/srv/ui', '/a/../../secret')).toBeNull();
    expect(resolveStatic('/srv/ui', '/%E0%A4%A')).toBeNull();
    expect(resolveStatic('/srv/ui', '/a/b.js')).toBe('/srv/ui/a/b.js');
  });
});
