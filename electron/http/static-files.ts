/**
 * The built renderer, served to the browser in headless mode: files under one folder and nothing
 * outside it, `index.html` for the app's own routes. Each request reads the folder as it is
 * then, so a running app serves a new build as soon as it is made: the page itself is never
 * kept by the browser without asking (`no-cache`), while the scripts and styles under assets/,
 * whose names change with their content, are kept for good.
 */
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Vite's folder of built files whose names carry a hash of their content. */
const HASHED = 'assets';

/** The file a URL path names inside `root`, or null when it leads out of it or is not valid. */
export function resolveStatic(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const base = resolve(root);
  const target = resolve(base, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`);
  return target === base || target.startsWith(base + sep) ? target : null;
}

async function fileAt(path: string): Promise<string | null> {
  const stats = await stat(path).catch(() => null);
  if (stats?.isFile()) return path;
  if (stats?.isDirectory()) {
    const index = join(path, 'index.html');
    return (await stat(index).catch(() => null))?.isFile() ? index : null;
  }
  return null;
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, {
    'content-type': type,
    'content-length': Buffer.byteLength(body),
    'x-content-type-options': 'nosniff',
  });
  response.end(body);
}

/** Answers a GET or HEAD for a file of the renderer; `root` null: a server of the API alone. */
export async function serveStatic(
  request: IncomingMessage,
  response: ServerResponse,
  root: string | null,
): Promise<void> {
  const urlPath = new URL(request.url ?? '/', 'http://localhost').pathname;
  if (root === null) {
    send(response, 404, TYPES['.txt']!, 'Not found.\n');
    return;
  }
  const target = resolveStatic(root, urlPath);
  if (target === null) {
    send(response, 400, TYPES['.txt']!, 'Bad path.\n');
    return;
  }
  // A path without an extension is a route of the app: the app's page answers it.
  let file = await fileAt(target);
  if (file === null && extname(urlPath) === '')
    file = await fileAt(join(resolve(root), 'index.html'));
  if (file === null) {
    send(response, 404, TYPES['.txt']!, 'Not found.\n');
    return;
  }
  // Read whole (the largest is under a megabyte) rather than streamed: a build rewriting the
  // file meanwhile must not leave an answer shorter than its declared length.
  const body = await readFile(file);
  const hashed = file.startsWith(join(resolve(root), HASHED) + sep);
  response.writeHead(200, {
    'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': body.length,
    'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  response.end(body);
}
