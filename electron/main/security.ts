/**
 * What keeps the window an app and not a browser: the window's options, where it may go
 * (nowhere: the UI is one page), which frames may use the service (the app's own page only),
 * and what it may ask of the system (nothing). Pure data and functions, plus the two that wire
 * them to a window's contents and session, so every option is tested without Electron.
 */
import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { withCsp } from './csp';

export interface WindowPaths {
  /** The bundled preload (dist/electron/preload.cjs). */
  preload: string;
  /** The window's icon, for Linux (Windows and macOS take the executable's). */
  icon?: string;
}

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export const MIN_WIDTH = 900;
export const MIN_HEIGHT = 600;

/** The one window's options; `devTools` only where the app is not packaged. */
export function windowOptions(
  paths: WindowPaths,
  bounds: WindowBounds,
  devTools = false,
): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    title: 'Sendsheet',
    ...(paths.icon === undefined ? {} : { icon: paths.icon }),
    // Shown once painted, so it never flashes white.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: paths.preload,
      // The page and the preload live in separate worlds; the page sees only the bridge.
      contextIsolation: true,
      // The renderer is an OS-sandboxed process: no Node even if the page is compromised.
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // A file dropped outside the page's drop zone must not replace the app with the file.
      navigateOnDragDrop: false,
      // A page cannot pop up dialog after dialog.
      safeDialogs: true,
      spellcheck: false,
      devTools,
    },
  };
}

function withoutHash(url: string): string | null {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return null;
  }
}

/**
 * The UI is a single page: the only address the window may show is the app's own page (a
 * change of its `#` part included). Everything else, a link or a redirect, is refused.
 */
export function isAllowedNavigation(url: string, appUrl: string): boolean {
  const target = withoutHash(url);
  return target !== null && target === withoutHash(appUrl);
}

/** Whether an IPC message comes from the app's own page (not from a frame it does not know). */
export function isTrustedSender(frameUrl: string | null | undefined, appUrl: string): boolean {
  return typeof frameUrl === 'string' && isAllowedNavigation(frameUrl, appUrl);
}

/**
 * A link the person may open in their browser: https only. Other schemes (file:, smb:, custom
 * protocol handlers) can run programs on the system, and http: can be changed on its way by
 * anyone on the network, so they are never handed on.
 */
export function externalUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * How long after the person's click (or key) a link may open outside: Chromium's own span of
 * a user activation. Each click opens at most one page.
 */
export const USER_ACTIVATION_MS = 5_000;

/** The input that is the person's doing, as Chromium counts a user activation. */
const ACTIVATIONS = new Set([
  'mouseDown',
  'mouseUp',
  'keyDown',
  'rawKeyDown',
  'pointerDown',
  'pointerUp',
  'touchEnd',
  'gestureTap',
]);

export interface HardenOptions {
  /** The app page's URL (app://sendsheet/index.html). */
  appUrl: string;
  /** Opens a URL in the person's browser (Electron's shell.openExternal). */
  openExternal: (url: string) => unknown;
  /** Milliseconds, for the time since the last click. Default Date.now. */
  now?: () => number;
}

type Contents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Refuses every navigation away from the app, every redirect and every new window; a link to
 * a web page opens in the person's browser instead, only when they clicked it (a page that
 * went wrong cannot open pages, or the browser, by itself). No <webview> may be attached.
 */
export function hardenContents(contents: Contents, options: HardenOptions): void {
  const { appUrl, openExternal } = options;
  const now = options.now ?? Date.now;
  let activatedAt = Number.NEGATIVE_INFINITY;
  // Input reaches main before the page: a click that follows a link is seen before the link.
  contents.on('input-event', (_event, input) => {
    if (ACTIVATIONS.has(input.type)) activatedAt = now();
  });
  const openOutside = (url: string) => {
    const external = externalUrl(url);
    if (external === null || now() - activatedAt > USER_ACTIVATION_MS) return;
    activatedAt = Number.NEGATIVE_INFINITY;
    void Promise.resolve(openExternal(external)).catch(() => {});
  };
  contents.on('will-navigate', (event) => {
    if (isAllowedNavigation(event.url, appUrl)) return;
    event.preventDefault();
    if (event.isMainFrame) openOutside(event.url);
  });
  // A frame's own navigation (an iframe the page should not have): refused the same way.
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedNavigation(event.url, appUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url, appUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
}

type SessionLike = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'webRequest'
>;

/**
 * The window's session: every permission (camera, location, notifications from the page, ...)
 * denied, asked or merely checked, and the policy on every response.
 */
export function hardenSession(session: SessionLike): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) =>
    callback({ responseHeaders: withCsp(details.responseHeaders) }),
  );
}
