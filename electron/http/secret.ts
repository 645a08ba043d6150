/**
 * This run's secret, which every request to headless mode needs: the service sends with the
 * person's account and reads their history, and any program on the computer can reach a
 * loopback port. `sendsheet app` prints the page's address with the secret in it
 * (`/?token=SECRET`); the page's first request exchanges it for a cookie, HttpOnly (the page's
 * scripts never see it) and SameSite=Strict (no other site's page sends it), and is sent on to
 * the address without it. The cookie covers the page's fetch calls and its EventSource, which
 * cannot set a header; a program given the secret sends it as `Authorization: Bearer SECRET`.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The query parameter of the address `sendsheet app` prints. */
export const TOKEN_PARAM = 'token';

/** 256 random bits, URL-safe. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function cookiesOf(request: IncomingMessage): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const equals = part.indexOf('=');
    if (equals > 0) cookies.set(part.slice(0, equals).trim(), part.slice(equals + 1).trim());
  }
  return cookies;
}

export class RunSecret {
  private readonly expected: Buffer;
  /** A cookie's port is not part of its scope: two apps on one computer each have their own. */
  readonly cookieName: string;

  constructor(
    private readonly secret: string,
    port: number,
  ) {
    this.expected = digest(secret);
    this.cookieName = `sendsheet-${port}`;
  }

  /** What a request without the secret is told. */
  readonly refusal =
    'This needs the secret of this run of Sendsheet: open the address "sendsheet app" printed (it ends with ?token=...).';

  /** Compares digests in constant time, so the answer's timing tells nothing of the secret. */
  private matches(candidate: string | undefined): boolean {
    return candidate !== undefined && timingSafeEqual(digest(candidate), this.expected);
  }

  /** Whether the request carries the secret, in the cookie or as a bearer token. */
  allows(request: IncomingMessage): boolean {
    const authorization = request.headers.authorization ?? '';
    const bearer = /^Bearer (\S+)$/i.exec(authorization)?.[1];
    return this.matches(bearer) || this.matches(cookiesOf(request).get(this.cookieName));
  }

  get cookie(): string {
    return `${this.cookieName}=${this.secret}; Path=/; HttpOnly; SameSite=Strict`;
  }

  /** The page's address with the secret. */
  pageUrl(url: string): string {
    return `${url}?${TOKEN_PARAM}=${this.secret}`;
  }

  /**
   * For an address with a token: whether it is this run's, and where to go without it (the
   * token leaves the address bar and the history). Null for an address without one.
   */
  exchange(url: URL): { ok: true; location: string } | { ok: false } | null {
    const token = url.searchParams.get(TOKEN_PARAM);
    if (token === null) return null;
    if (!this.matches(token)) return { ok: false };
    const rest = new URLSearchParams(url.searchParams);
    rest.delete(TOKEN_PARAM);
    const query = rest.toString();
    return { ok: true, location: `${url.pathname}${query === '' ? '' : `?${query}`}` };
  }
}
