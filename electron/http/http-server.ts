/**
 * The service over HTTP, for headless mode: `POST /api/<method>` with the request as JSON, the
 * answer as JSON; batch changes as server-sent events on `GET /api/events`; the built renderer
 * for everything else. Listens on loopback only. A bad request is a 400 with the reason, never a
 * crash; and since any web page the user opens could post to localhost, requests must come as
 * JSON (which a page of another origin cannot send without the browser asking first, and it is
 * never allowed) with this server's own name in Host (no DNS rebinding) and Origin.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { API_PREFIX, BATCH_EVENT, EVENTS_PATH, isMethod, validateRequest } from '../service/api';
import type { Batch, Method, SendsheetApi, SendsheetEvents, TransportError } from '../service/api';
import { serveStatic } from './static-files';

export interface HttpOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** 0 for any free port. Default 5173. */
  port?: number;
  /** The built renderer's folder; null for a server of the service alone. */
  staticDir?: string | null;
  /** The largest request body. Default 64 MiB (an export of 250,000 messages fits). */
  maxBodyBytes?: number;
  /** Time between two comments on an idle event stream, so proxies keep it open. Default 15 s. */
  heartbeatMs?: number;
}

export interface RunningHttp {
  url: string;
  port: number;
  close(): Promise<void>;
}

export const DEFAULT_HTTP_PORT = 5173;
const DEFAULT_MAX_BODY = 64 * 1024 * 1024;

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

async function readBody(request: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit)
    throw new RequestError({ status: 413, error: `The request is larger than ${limit} bytes.` });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit)
      throw new RequestError({ status: 413, error: `The request is larger than ${limit} bytes.` });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startHttpServer(
  api: SendsheetApi & SendsheetEvents,
  options: HttpOptions = {},
): Promise<RunningHttp> {
  const host = options.host ?? '127.0.0.1';
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const heartbeatMs = options.heartbeatMs ?? 15_000;
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
    if (type !== 'application/json') {
      throw new RequestError({
        status: 415,
        error: 'Send the request as JSON (Content-Type: application/json).',
      });
    }
    const text = await readBody(request, limit);
    let body: unknown;
    try {
      body = text.trim() === '' ? {} : JSON.parse(text);
    } catch (error) {
      throw new RequestError({
        status: 400,
        error: `The request is not JSON: ${(error as Error).message}`,
      });
    }
    const validated = validateRequest(method, body);
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

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (path === EVENTS_PATH) {
      checkOrigin(request);
      if (request.method !== 'GET')
        throw new RequestError({ status: 405, error: 'Use GET for the event stream.' });
      await events(request, response);
      return;
    }
    if (path.startsWith(API_PREFIX)) {
      checkOrigin(request);
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
          : { status: 500, error: `Internal error: ${(error as Error).message ?? String(error)}` };
      if (response.headersSent) {
        response.destroy();
        return;
      }
      // The rest of a refused body is not read: the connection closes after the answer.
      if (answer.status === 413) response.setHeader('connection', 'close');
      sendJson(response, answer.status, answer);
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
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}/`,
    port,
    close: async () => {
      for (const stream of streams) stream.end();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}
