// Issue 6, security: the window's options, its Content-Security-Policy (the same as the page's
// own), navigation and new windows refused, permissions denied; every option the app relies on
// is read back here, not assumed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Session, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES, parseCsp, withCsp } from './csp';
import {
  externalUrl,
  USER_ACTIVATION_MS,
  hardenContents,
  hardenSession,
  isAllowedNavigation,
  isTrustedSender,
  windowOptions,
} from './security';

const APP_URL = 'file:///opt/Sendsheet/resources/app.asar/dist/renderer/index.html';

describe('issue 6: the window options', () => {
  const options = windowOptions(
    { preload: '/app/dist/electron/preload.cjs' },
    { width: 1200, height: 800 },
  );
  const web = options.webPreferences!;

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['webviewTag', false],
    ['experimentalFeatures', false],
    ['navigateOnDragDrop', false],
  ] as const)('webPreferences.%s is %s, set explicitly', (name, value) => {
    expect(Object.prototype.hasOwnProperty.call(web, name)).toBe(true);
    expect(web[name]).toBe(value);
  });

  it('loads the bundled preload, and has the developer tools only when asked', () => {
    expect(web.preload).toBe('/app/dist/electron/preload.cjs');
    expect(web.devTools).toBe(false);
    const dev = windowOptions({ preload: 'p' }, { width: 1, height: 1 }, true);
    expect(dev.webPreferences!.devTools).toBe(true);
  });

  it('takes the remembered bounds, never below its minimum size, and is shown once painted', () => {
    const placed = windowOptions({ preload: 'p' }, { x: 10, y: 20, width: 1000, height: 700 });
    expect(placed).toMatchObject({ x: 10, y: 20, width: 1000, height: 700, show: false });
    expect(placed.minWidth).toBeGreaterThan(0);
    expect(placed.minHeight).toBeGreaterThan(0);
  });
});

describe('issue 6: the Content-Security-Policy', () => {
  const page = readFileSync(
    join(import.meta.dirname, '..', '..', 'renderer', 'index.html'),
    'utf8',
  );
  const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(page)?.[1];

  it('the page carries a policy in a meta tag (a page loaded from a file has no headers)', () => {
    expect(meta).toBeDefined();
  });

  it("main's policy has each of the page's directives with the same sources", () => {
    const ours = parseCsp(CONTENT_SECURITY_POLICY);
    for (const [directive, sources] of parseCsp(meta!))
      expect([directive, ours.get(directive)]).toEqual([directive, sources]);
  });

  it('anything main adds only closes doors (none), so the two policies mean the same', () => {
    const theirs = parseCsp(meta!);
    for (const [directive, sources] of parseCsp(CONTENT_SECURITY_POLICY))
      if (!theirs.has(directive)) expect([directive, sources]).toEqual([directive, ["'none'"]]);
  });

  it('is strict: no eval, no inline script, no remote origin, no plugins, not framed', () => {
    const csp = parseCsp(CONTENT_SECURITY_POLICY);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    for (const sources of csp.values()) {
      for (const source of sources) {
        expect(source).not.toMatch(/unsafe-eval|wasm-unsafe-eval|^\*$|^https?:|^http|^file:/);
      }
    }
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
    expect(Object.keys(CSP_DIRECTIVES)).toHaveLength(csp.size);
  });

  it('withCsp sets the policy on a response, replacing one under any case', () => {
    const headers = withCsp({
      'content-type': 'text/html',
      'content-security-policy': 'default-src *',
      'X-Other': ['a', 'b'],
    });
    expect(headers).toEqual({
      'content-type': ['text/html'],
      'X-Other': ['a', 'b'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
    expect(withCsp(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('parseCsp keeps the first of a repeated directive, as browsers do', () => {
    expect(parseCsp("script-src 'self'; script-src *").get('script-src')).toEqual(["'self'"]);
  });
});

describe('issue 6: where the window may go', () => {
  it.each([
    [APP_URL, true],
    [`${APP_URL}#/history`, true],
    ['file:///opt/Sendsheet/resources/app.asar/dist/renderer/other.html', false],
    ['file:///etc/passwd', false],
    ['file:///home/anna/list.csv', false],
    ['https://example.com/', false],
    ['http://127.0.0.1:5173/', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>1</script>', false],
    ['about:blank', false],
    ['not a url', false],
  ])('isAllowedNavigation(%s) is %s', (url, allowed) => {
    expect(isAllowedNavigation(url, APP_URL)).toBe(allowed);
  });

  it.each([
    ['https://gatewayapi.com/docs', 'https://gatewayapi.com/docs'],
    ['HTTPS://example.com', 'https://example.com/'],
    // Issue 15: plain http can be changed on its way: never opened from the app.
    ['http://example.com', null],
    ['file:///etc/passwd', null],
    ['smb://server/share', null],
    ['javascript:alert(1)', null],
    ['ms-msdt:/id PCWDiagnostic', null],
    ['sendsheet://open', null],
    ['', null],
  ])('externalUrl(%j) is %j: only https pages open outside', (url, external) => {
    expect(externalUrl(url)).toBe(external);
  });

  it('only the app page may use the service over IPC', () => {
    expect(isTrustedSender(APP_URL, APP_URL)).toBe(true);
    expect(isTrustedSender('https://example.com/', APP_URL)).toBe(false);
    expect(isTrustedSender('about:blank', APP_URL)).toBe(false);
    expect(isTrustedSender(null, APP_URL)).toBe(false);
    expect(isTrustedSender(undefined, APP_URL)).toBe(false);
  });
});

/** A webContents that records the handlers and lets the test fire the events. */
function fakeContents() {
  const handlers = new Map<string, (...args: unknown[]) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = {
    on(event: string, handler: (...args: unknown[]) => void) {
      handlers.set(event, handler);
      return contents;
    },
    setWindowOpenHandler(handler: typeof openHandler) {
      openHandler = handler;
    },
  };
  /** The person clicks in the page (Electron's input-event, which main sees first). */
  const click = (type = 'mouseUp') => handlers.get('input-event')!({}, { type });
  const fire = (name: string, url: string, isMainFrame = true) => {
    let prevented = false;
    handlers.get(name)!({ url, isMainFrame, preventDefault: () => void (prevented = true) });
    return prevented;
  };
  return {
    contents: contents as unknown as WebContents,
    handlers,
    click,
    fire,
    open: (url: string) => openHandler!({ url }),
  };
}

describe('issue 6: navigation and new windows are refused', () => {
  function harden() {
    const fake = fakeContents();
    const opened: string[] = [];
    const clock = { now: 1_000_000 };
    hardenContents(fake.contents, {
      appUrl: APP_URL,
      openExternal: (url) => opened.push(url),
      now: () => clock.now,
    });
    return { ...fake, opened, clock };
  }

  it('handles every way a page could leave the app, and watches for the person’s clicks', () => {
    const { handlers } = harden();
    expect([...handlers.keys()].sort()).toEqual(
      [
        'input-event',
        'will-attach-webview',
        'will-frame-navigate',
        'will-navigate',
        'will-redirect',
      ].sort(),
    );
  });

  it('will-navigate: refused; a clicked https link opens in the browser, other schemes nowhere', () => {
    const { fire, opened, click } = harden();
    for (const url of [
      'https://example.com/page',
      'file:///home/anna/dropped.csv',
      'smb://evil/share',
      'http://example.com/',
    ]) {
      click();
      expect(fire('will-navigate', url)).toBe(true);
    }
    expect(opened).toEqual(['https://example.com/page']);
  });

  it('issue 15: a link the page follows by itself, with no click, opens nothing', () => {
    const { fire, open, opened } = harden();
    expect(fire('will-navigate', 'https://example.com/page')).toBe(true);
    expect(open('https://example.com/popup')).toEqual({ action: 'deny' });
    expect(opened).toEqual([]);
  });

  it('issue 15: one click opens one page, and only soon after it', () => {
    const { fire, open, opened, click, clock } = harden();
    click('keyDown');
    expect(open('https://example.com/one')).toEqual({ action: 'deny' });
    expect(open('https://example.com/two')).toEqual({ action: 'deny' });
    click();
    clock.now += USER_ACTIVATION_MS + 1;
    fire('will-navigate', 'https://example.com/late');
    // Moving the mouse is not a click.
    click('mouseMove');
    fire('will-navigate', 'https://example.com/moved');
    expect(opened).toEqual(['https://example.com/one']);
  });

  it("will-navigate: the app's own page (a hash change) goes on", () => {
    const { fire, opened } = harden();
    expect(fire('will-navigate', `${APP_URL}#/send`)).toBe(false);
    expect(opened).toEqual([]);
  });

  it('a redirect cannot replace the app with an outside page', () => {
    const { fire, opened } = harden();
    expect(fire('will-redirect', 'https://example.com/')).toBe(true);
    expect(fire('will-frame-navigate', 'https://example.com/', false)).toBe(true);
    expect(opened).toEqual([]);
  });

  it('no <webview> may be attached', () => {
    const { fire } = harden();
    expect(fire('will-attach-webview', 'https://example.com/')).toBe(true);
  });

  it('window.open and target=_blank: always denied; a clicked web link opens in the browser', () => {
    const { open, opened, click } = harden();
    click();
    expect(open('https://example.com/')).toEqual({ action: 'deny' });
    click();
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    click();
    expect(open(APP_URL)).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://example.com/']);
  });
});

describe('issue 6: the session denies every permission and sets the policy', () => {
  function harden() {
    let request: ((...args: unknown[]) => void) | null = null;
    let check: ((...args: unknown[]) => boolean) | null = null;
    let headers: ((...args: unknown[]) => void) | null = null;
    const session = {
      setPermissionRequestHandler: (handler: typeof request) => void (request = handler),
      setPermissionCheckHandler: (handler: typeof check) => void (check = handler),
      webRequest: { onHeadersReceived: (handler: typeof headers) => void (headers = handler) },
    };
    hardenSession(session as unknown as Session);
    return { request: request!, check: check!, headers: headers! };
  }

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid'])(
    'a request for %s is denied',
    (permission) => {
      const { request } = harden();
      const answers: boolean[] = [];
      request({}, permission, (granted: boolean) => answers.push(granted), {});
      expect(answers).toEqual([false]);
    },
  );

  it.each(['media', 'notifications', 'fullscreen', 'serial'])(
    'a check of %s is denied',
    (permission) => {
      expect(harden().check({}, permission, 'file://', {})).toBe(false);
    },
  );

  it('every response gets the policy', () => {
    const { headers } = harden();
    const answers: unknown[] = [];
    headers({ responseHeaders: { 'content-type': ['text/html'] } }, (answer: unknown) =>
      answers.push(answer),
    );
    expect(answers).toEqual([
      {
        responseHeaders: {
          'content-type': ['text/html'],
          'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
        },
      },
    ]);
  });
});
