/**
 * The window's page comes from `app://sendsheet/`, a scheme of the app's own served from the
 * built UI's folder, rather than from file://. A file:// page has an opaque origin: module
 * scripts and module workers, which the built UI is made of, are cross-origin requests there,
 * and every file on the disk would share the page's scheme. Electron's security guidance
 * prefers a custom protocol for exactly this; the page then has an origin of its own ('self'
 * in the Content-Security-Policy means the UI's files and nothing else).
 */
import { readFile, realpath } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import { CONTENT_SECURITY_POLICY } from './csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'sendsheet';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * For protocol.registerSchemesAsPrivileged, before the app is ready: standard (an origin, and
 * relative URLs resolve), secure (treated like https), and fetch for the UI's own files. It
 * does not bypass the Content-Security-Policy.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
} as const;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

function isInside(root: string, path: string): boolean {
  const inside = relative(root, path);
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside);
}

/** The file an app:// URL names inside the UI's folder; null for anything outside it. */
export function appFilePath(url: string, rendererDir: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const root = resolve(rendererDir);
  const path = resolve(root, `.${pathname}`);
  return isInside(root, path) ? path : null;
}

/** Answers a request of the window for an app:// URL: the file, or 404. */
export async function serveAppFile(url: string, rendererDir: string): Promise<Response> {
  const path = appFilePath(url, rendererDir);
  const notFound = () => new Response('Not found', { status: 404 });
  if (path === null) return notFound();
  let body: Buffer;
  try {
    // A link inside the folder may point out of it: what is read must be inside too.
    if (!isInside(await realpath(rendererDir), await realpath(path))) return notFound();
    body = await readFile(path);
  } catch {
    return notFound();
  }
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: {
      'content-type': CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
    },
  });
}
