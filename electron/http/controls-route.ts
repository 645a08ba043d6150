/**
 * The test controls over HTTP (core/contract/test-controls.ts): `POST /test-controls/<control>`
 * with a JSON request. Served only when a headless command was started with `--test-controls`;
 * under the same rules as the API (JSON only, this server's own Host and Origin), so a web page
 * cannot take a server down either.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { errorText } from '../../core/contract/errors';
import { CONTROLS_PREFIX, isControl } from '../../core/contract/test-controls';
import type { Control, TestControls } from '../../core/contract/test-controls';

const server = z.enum(['A', 'B']);
const none = z.strictObject({});

const SCHEMAS: Record<Control, z.ZodType> = {
  status: none,
  down: z.strictObject({ server, mode: z.enum(['refuse', 'hang']).optional() }),
  up: z.strictObject({ server }),
  hold: none,
  release: none,
  fail: z.strictObject({
    count: z.number().int().min(1).max(1000),
    retryIntervalMs: z.number().int().min(10).max(86_400_000).optional(),
  }),
  delay: z.strictObject({ ms: z.number().int().min(0).max(600_000) }),
  outbox: z.strictObject({ account: z.string().min(1).max(100).optional() }),
  reset: none,
};

const MAX_BODY = 64 * 1024;

export class ControlRefused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function body(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    length += chunk.length;
    if (length > MAX_BODY) throw new ControlRefused(413, 'The request is too large.');
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw new ControlRefused(400, 'The request is not JSON.');
  }
}

function answer(response: ServerResponse, status: number, value: unknown): void {
  const text = JSON.stringify(value);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(text);
}

/**
 * Answers a request under CONTROLS_PREFIX; `controls` null when they are off. The caller has
 * checked Host and Origin.
 */
export async function callControl(
  controls: TestControls | null,
  path: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  if (controls === null)
    throw new ControlRefused(404, 'The test controls are off: start with --test-controls.');
  const name = path.slice(CONTROLS_PREFIX.length);
  if (!isControl(name)) throw new ControlRefused(404, `There is no control "${name}".`);
  if (request.method !== 'POST') {
    response.setHeader('allow', 'POST');
    throw new ControlRefused(405, `Use POST for ${name}.`);
  }
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json')
    throw new ControlRefused(415, 'Send the request as JSON (Content-Type: application/json).');
  const parsed = SCHEMAS[name].safeParse(await body(request));
  if (!parsed.success)
    throw new ControlRefused(400, `${name}: ${z.prettifyError(parsed.error).replace(/\n/g, ' ')}`);
  const call = controls[name] as (request: unknown) => Promise<unknown>;
  answer(response, 200, await call.call(controls, parsed.data));
}

/** A refusal or a failure as the API gives them: a status and `{ status, error }`. */
export function controlFailed(response: ServerResponse, error: unknown): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const status = error instanceof ControlRefused ? error.status : 500;
  const words =
    error instanceof ControlRefused ? error.message : `Internal error: ${errorText(error)}`;
  answer(response, status, { status, error: words });
}

/** `serve --test-controls`: the controls alone, on 127.0.0.1. */
export async function startControlsServer(
  controls: TestControls,
  port = 0,
): Promise<{ url: string; close(): Promise<void> }> {
  let bound = 0;
  const http = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const hosts = new Set([`127.0.0.1:${bound}`, `localhost:${bound}`]);
    const origin = request.headers.origin;
    const run = async () => {
      if (
        !hosts.has(request.headers.host ?? '') ||
        (origin !== undefined && !hosts.has(origin.replace(/^http:\/\//, '')))
      )
        throw new ControlRefused(403, 'This server answers only to its own address.');
      if (!path.startsWith(CONTROLS_PREFIX))
        throw new ControlRefused(404, 'Only the test controls are here.');
      await callControl(controls, path, request, response);
    };
    run().catch((error: unknown) => controlFailed(response, error));
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(port, '127.0.0.1', () => resolve());
  });
  bound = (http.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}${CONTROLS_PREFIX}`,
    close: () =>
      new Promise((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}
