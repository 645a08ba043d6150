/**
 * The built renderer, served to the browser in headless mode: files under one folder and nothing
 * outside it, `index.html` for the app's own routes; a short page saying so when the UI has not
 * been built.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
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

export const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sendsheet</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40em; margin: 4em auto; line-height: 1.5">
<h1>Sendsheet is running</h1>
<p>The user interface is not built yet, so there is nothing to show here. The service answers at
<code>/api/</code> (for example <code>POST /api/profiles</code> with <code>{}</code>), and live
status comes as server-sent events from <code>/api/events</code>.</p>
</body></html>
`;

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

/** Answers a GET or HEAD for a file of the renderer; `root` null when it is not built. */
export async function serveStatic(
  request: IncomingMessage,
  response: ServerResponse,
  root: string | null,
): Promise<void> {
  const urlPath = new URL(request.url ?? '/', 'http://localhost').pathname;
  if (root === null) {
    if (urlPath === '/' || urlPath === '/index.html') {
      send(response, 200, TYPES['.html']!, NOT_BUILT_PAGE);
    } else {
      send(response, 404, TYPES['.txt']!, 'Not found.\n');
    }
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
  const stats = await stat(file);
  response.writeHead(200, {
    'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': stats.size,
    'x-content-type-options': 'nosniff',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(file).pipe(response);
}
