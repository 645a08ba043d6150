/**
 * The service over HTTP, for headless mode: `POST /api/<method>` with the request as lines of
 * JSON (core/contract/wire.ts, read a chunk at a time) or as one JSON value, the answer as JSON;
 * batch changes as server-sent events on `GET /api/events`; the built renderer for everything
 * else. Listens on loopback only. A bad request is a 400 with the reason, never a crash.
 *
 * Every request needs this run's secret (secret.ts): any program on the computer can reach a
 * loopback port, and the service sends with the person's account. And since any web page the
 * person opens could post to localhost, requests must come as JSON (which a page of another
 * origin cannot send without the browser asking first, and it is never allowed) with this
 * server's own name in Host (no DNS rebinding) and Origin.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { API_PREFIX, BATCH_EVENT, EVENTS_PATH } from '../../core/contract/channels';
import { isMethod } from '../../core/contract/api';
import { decodeRequest } from '../../core/contract/schemas';
import { errorText } from '../../core/contract/errors';
import { LINES_TYPE } from '../../core/contract/wire';
import { nextTurn } from '../base/next-turn';
import { BodyTooLarge, requestLines } from './request-lines';
import { newSecret, RunSecret } from './secret';
import type {
  Batch,
  Method,
  SendsheetApi,
  SendsheetEvents,
  TransportError,
} from '../../core/contract/api';
import { serveStatic } from './static-files';
import { callControl, controlFailed } from './controls-route';
import { CONTROLS_PREFIX } from '../../core/contract/test-controls';
import type { TestControls } from '../../core/contract/test-controls';

export interface HttpOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** 0 for any free port. Default 5173. */
  port?: number;
  /** The built renderer's folder; null for a server of the service alone. */
  staticDir?: string | null;
  /** The largest request sent as lines. Default 1 GiB (Excel's whole sheet of messages fits). */
  maxBodyBytes?: number;
  /** The largest request sent as one JSON value. Default 64 MiB. */
  maxJsonBytes?: number;
  /** Time between two comments on an idle event stream, so proxies keep it open. Default 15 s. */
  heartbeatMs?: number;
  /** This run's secret; default a new random one. */
  secret?: string;
  /** Waited for between two chunks of a request; default the loop's next turn (tests count). */
  pause?: () => Promise<void>;
  /** The emulated provider's test controls (`--test-controls`); off when absent. */
  controls?: TestControls | null;
}

export interface RunningHttp {
  /** The server's address, without the secret: `http://127.0.0.1:PORT/`. */
  url: string;
  port: number;
  /** What every request needs: as `Authorization: Bearer SECRET`, or the cookie pageUrl sets. */
  secret: string;
  /** The address to open in a browser: `url` with the secret, which it turns into a cookie. */
  pageUrl: string;
  close(): Promise<void>;
}

export const DEFAULT_HTTP_PORT = 5173;
const DEFAULT_MAX_BODY = 1024 * 1024 * 1024;
const DEFAULT_MAX_JSON = 64 * 1024 * 1024;
/** A line holds one chunk of messages (core/contract/wire.ts): far less than this. */
const MAX_LINE_BYTES = 64 * 1024 * 1024;

class RequestError extends Error {
  constructor(readonly answer: TransportError) {
    super(answer.error);
  }
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(body);
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(text);
}

export async function startHttpServer(
  api: SendsheetApi & SendsheetEvents,
  options: HttpOptions = {},
): Promise<RunningHttp> {
  const host = options.host ?? '127.0.0.1';
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const jsonLimit = options.maxJsonBytes ?? DEFAULT_MAX_JSON;
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const secret = options.secret ?? newSecret();
  let runSecret: RunSecret | null = null;
  const streams = new Set<ServerResponse>();
  const sockets = new Set<Socket>();
  let port = 0;

  /** The names this server is reached by: loopback names with its port. */
  const allowedHosts = () =>
    new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `${host}:${port}`]);

  function checkOrigin(request: IncomingMessage): void {
    const hosts = allowedHosts();
    if (!hosts.has(request.headers.host ?? '')) {
      throw new RequestError({
        status: 403,
        error: 'This server answers only to its own address.',
      });
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !hosts.has(origin.replace(/^http:\/\//, ''))) {
      throw new RequestError({
        status: 403,
        error: 'Requests from other web pages are not allowed.',
      });
    }
  }

  async function callMethod(method: Method, request: IncomingMessage, response: ServerResponse) {
    const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json' && type !== LINES_TYPE) {
      throw new RequestError({
        status: 415,
        error: `Send the request as JSON (Content-Type: application/json or ${LINES_TYPE}).`,
      });
    }
    const lines = requestLines(
      request,
      type === LINES_TYPE
        ? { bodyBytes: limit, lineBytes: MAX_LINE_BYTES }
        : { bodyBytes: jsonLimit, lineBytes: jsonLimit },
      type === 'application/json',
    );
    let validated;
    try {
      validated = await decodeRequest(method, lines, options.pause ?? nextTurn);
    } catch (error) {
      if (error instanceof BodyTooLarge)
        throw new RequestError({ status: 413, error: `The request is ${error.message}.` });
      throw error;
    }
    if (!validated.ok) throw new RequestError({ status: 400, error: validated.reason });
    const call = api[method] as (request: unknown) => Promise<unknown>;
    sendJson(response, 200, await call.call(api, validated.request));
  }

  async function events(request: IncomingMessage, response: ServerResponse) {
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-content-type-options': 'nosniff',
    });
    // Headers go out with the first bytes: without them the client would wait for a change.
    response.write(': connected\n\n');
    const write = (batch: Batch) =>
      response.write(`event: ${BATCH_EVENT}\ndata: ${JSON.stringify(batch)}\n\n`);
    // Changes are taken from now on; the batches as they are now come first.
    const queued: Batch[] = [];
    let live = false;
    const unsubscribe = api.subscribe((batch) => (live ? write(batch) : queued.push(batch)));
    for (const batch of await api.batches({})) write(batch);
    for (const batch of queued) write(batch);
    live = true;
    const heartbeat = setInterval(() => response.write(': still here\n\n'), heartbeatMs);
    streams.add(response);
    const end = () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(response);
    };
    request.once('close', end);
    response.once('close', end);
  }

  /** Refuses a request without the secret; a page's first visit exchanges it for a cookie. */
  function checkSecret(request: IncomingMessage, response: ServerResponse, url: URL): boolean {
    const guard = runSecret!;
    const api = url.pathname.startsWith(API_PREFIX);
    if (!api && (request.method === 'GET' || request.method === 'HEAD')) {
      const exchanged = guard.exchange(url);
      if (exchanged !== null) {
        if (!exchanged.ok) throw new RequestError({ status: 403, error: guard.refusal });
        response.writeHead(303, {
          location: exchanged.location,
          'set-cookie': guard.cookie,
          'cache-control': 'no-store',
          'referrer-policy': 'no-referrer',
        });
        response.end();
        return false;
      }
    }
    if (!guard.allows(request)) throw new RequestError({ status: 403, error: guard.refusal });
    return true;
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (path.startsWith(API_PREFIX)) checkOrigin(request);
    if (!checkSecret(request, response, url)) return;
    if (path === EVENTS_PATH) {
      if (request.method !== 'GET')
        throw new RequestError({ status: 405, error: 'Use GET for the event stream.' });
      await events(request, response);
      return;
    }
    if (path.startsWith(CONTROLS_PREFIX)) {
      checkOrigin(request);
      await callControl(options.controls ?? null, path, request, response).catch((error: unknown) =>
        controlFailed(response, error),
      );
      return;
    }
    if (path.startsWith(API_PREFIX)) {
      const name = path.slice(API_PREFIX.length);
      if (!isMethod(name))
        throw new RequestError({ status: 404, error: `There is no method "${name}".` });
      if (request.method !== 'POST') {
        response.setHeader('allow', 'POST');
        throw new RequestError({ status: 405, error: `Use POST for ${name}.` });
      }
      await callMethod(name, request, response);
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('allow', 'GET, HEAD');
      throw new RequestError({ status: 405, error: 'Only GET and HEAD are served here.' });
    }
    await serveStatic(request, response, options.staticDir ?? null);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      const answer: TransportError =
        error instanceof RequestError
          ? error.answer
          : { status: 500, error: `Internal error: ${errorText(error)}` };
      if (response.headersSent) {
        response.destroy();
        return;
      }
      // The rest of a refused body is not read: the connection closes after the answer.
      if (answer.status === 413 || answer.status === 403) response.setHeader('connection', 'close');
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      if (path.startsWith(API_PREFIX)) sendJson(response, answer.status, answer);
      // A page the browser shows: the words alone.
      else sendText(response, answer.status, `${answer.error}\n`);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_HTTP_PORT, host, () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  runSecret = new RunSecret(secret, port);
  const shown = host.includes(':') ? `[${host}]` : host;
  const url = `http://${shown}:${port}/`;
  return {
    url,
    port,
    secret,
    pageUrl: runSecret.pageUrl(url),
    close: async () => {
      for (const stream of streams) stream.end();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}
