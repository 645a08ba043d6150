// Issue 6, the main process wired together, with Electron replaced by a fake that records what
// main asks of it: one window with the secure options loading the built UI from the app, the
// service and the native touches over IPC for the app's page only, the session hardened, the
// single-instance lock, files handed over by a second instance, and a quit that stops the
// backend after keeping the window's place.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_PREFIX, SUBSCRIBE_CHANNEL, UNSUBSCRIBE_CHANNEL } from '../../core/contract/channels';
import { METHODS } from '../../core/contract/api';
import { DESKTOP_CHANNELS } from '../../core/contract/channels';
import { APP_URL } from './app-protocol';

type Handler = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const appOn = new Map<string, Handler>();
  const handlers = new Map<string, Handler>();
  const windows: FakeWindow[] = [];
  const calls: string[] = [];
  const session = {
    permissionRequest: null as Handler | null,
    permissionCheck: null as Handler | null,
    headers: null as Handler | null,
  };
  const state = {
    appRoot: '',
    userData: '',
    menu: null as unknown,
    locked: true,
    backendOptions: null as Record<string, unknown> | null,
  };
  // What the service says is uploading, and the button the person picks when asked to close.
  const closing = {
    uploading: [] as { fileName: string }[],
    choice: 0,
    asked: [] as { message: string; buttons: string[]; cancelId: number }[],
  };
  const protocols = new Map<string, Handler>();

  class FakeWindow {
    readonly events = new Map<string, Handler>();
    readonly contentsEvents = new Map<string, Handler>();
    readonly sent: unknown[][] = [];
    loaded: string | null = null;
    constructor(readonly options: Record<string, unknown>) {
      windows.push(this);
    }
    readonly webContents = {
      on: (event: string, handler: Handler) => void this.contentsEvents.set(event, handler),
      send: (...args: unknown[]) => void this.sent.push(args),
    };
    on(event: string, handler: Handler) {
      this.events.set(event, handler);
    }
    once(event: string, handler: Handler) {
      this.events.set(event, handler);
    }
    maximize() {}
    show() {}
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {
      calls.push('focus');
    }
    isDestroyed() {
      return false;
    }
    isMaximized() {
      return false;
    }
    getNormalBounds() {
      return { x: 10, y: 20, width: 1000, height: 700 };
    }
    async loadURL(url: string) {
      this.loaded = url;
    }
  }

  const electron = {
    app: {
      isPackaged: false,
      name: 'Sendsheet',
      enableSandbox: () => void calls.push('enableSandbox'),
      commandLine: { appendSwitch: (name: string) => void calls.push(`switch ${name}`) },
      setAppUserModelId: () => {},
      getAppPath: () => state.appRoot,
      getPath: () => state.userData,
      setPath: () => {},
      requestSingleInstanceLock: () => state.locked,
      on: (event: string, handler: Handler) => void appOn.set(event, handler),
      whenReady: () => Promise.resolve(),
      quit: () => void calls.push('quit'),
      exit: (code: number) => void calls.push(`exit ${code}`),
    },
    BrowserWindow: FakeWindow,
    protocol: {
      registerSchemesAsPrivileged: (schemes: { scheme: string }[]) =>
        void calls.push(`privileged ${schemes.map((s) => s.scheme).join(',')}`),
      handle: (scheme: string, handler: Handler) => void protocols.set(scheme, handler),
    },
    dialog: {
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showSaveDialog: async () => ({ canceled: true, filePath: '' }),
      showErrorBox: (title: string, text: string) => void calls.push(`error: ${title}: ${text}`),
      showMessageBoxSync: (
        _window: unknown,
        options: { message: string; buttons: string[]; cancelId: number },
      ) => {
        closing.asked.push(options);
        return closing.choice;
      },
    },
    ipcMain: {
      handle: (channel: string, handler: Handler) => void handlers.set(channel, handler),
      removeHandler: (channel: string) => void handlers.delete(channel),
    },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => void (state.menu = menu),
    },
    Notification: class {
      static isSupported() {
        return true;
      }
      on() {}
      show() {}
    },
    safeStorage: {
      isAsyncEncryptionAvailable: async () => false,
      getSelectedStorageBackend: () => 'basic_text',
      encryptStringAsync: async () => {
        throw new Error('not here');
      },
      decryptStringAsync: async () => {
        throw new Error('not here');
      },
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: Handler) => void (session.permissionRequest = h),
        setPermissionCheckHandler: (h: Handler) => void (session.permissionCheck = h),
        webRequest: { onHeadersReceived: (h: Handler) => void (session.headers = h) },
      },
    },
    shell: { openExternal: async (url: string) => void calls.push(`external ${url}`) },
  };
  const backend = {
    closed: 0,
    calls: [] as string[],
  };
  return { electron, appOn, handlers, windows, calls, session, state, backend, protocols, closing };
});

vi.mock('electron', () => fake.electron);

vi.mock('../backend/backend', () => ({
  startBackend: async (options: { prepare?: (profiles: unknown[]) => Promise<void> }) => {
    fake.state.backendOptions = options;
    await options.prepare?.([]);
    const service: Record<string, unknown> = {
      subscribe: () => () => {},
      uploading: () => fake.closing.uploading,
    };
    for (const method of ['openFile', 'check', 'exportMessages', 'send', 'batches', 'follow'])
      service[method] = async () => ({ ok: true });
    service.history = async () => [];
    service.clearHistory = async () => ({ cleared: 0 });
    service.profiles = async () => [{ id: 'emulated' }];
    service.updateProfile = async () => ({ ok: true, profile: {} });
    return {
      service,
      provider: null,
      profiles: [],
      exportsFolder: '/exports',
      close: async () => {
        fake.backend.closed++;
        fake.calls.push('backend closed');
      },
    };
  },
}));

const root = mkdtempSync(join(tmpdir(), 'sendsheet-main-'));
const index = join(root, 'app', 'dist', 'renderer', 'index.html');
const appUrl = APP_URL;

/** Waits for what the main process does; 20 s only to fail before the test's own time-out. */
async function until(check: () => boolean, what: string): Promise<void> {
  const end = Date.now() + 20_000;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}

function invoke(channel: string, url: string, ...args: unknown[]): unknown {
  const sender = { id: 1, send: () => {}, isDestroyed: () => false, once: () => {} };
  return fake.handlers.get(channel)!({ sender, senderFrame: { url } }, ...args);
}

beforeAll(async () => {
  mkdirSync(join(root, 'app', 'dist', 'renderer'), { recursive: true });
  writeFileSync(index, '<!doctype html><title>Sendsheet</title>');
  fake.state.appRoot = join(root, 'app');
  fake.state.userData = join(root, 'user-data');
  vi.stubEnv('SENDSHEET_USER_DATA', '');
  await import('./main');
  await until(() => fake.windows[0]?.loaded !== null && fake.windows.length > 0, 'the window');
});

afterAll(() => {
  vi.unstubAllEnvs();
});

describe('issue 6: the main process', () => {
  it('sandboxes every renderer, before anything else', () => {
    expect(fake.calls[0]).toBe('enableSandbox');
  });

  it("asks Chromium for the heap's use precise: the page judges what fits by it (issue 16)", () => {
    expect(fake.calls).toContain('switch enable-precise-memory-info');
  });

  it('opens one window with the secure options and the bundled preload', () => {
    expect(fake.windows).toHaveLength(1);
    const options = fake.windows[0]!.options as { webPreferences: Record<string, unknown> };
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: join(import.meta.dirname, 'preload.cjs'),
    });
  });

  it('loads the built UI from the app over its own scheme, never from the network', async () => {
    expect(fake.calls[1]).toBe('privileged app');
    expect(fake.windows[0]!.loaded).toBe(APP_URL);
    const serve = fake.protocols.get('app')!;
    const page = (await serve({ url: APP_URL })) as Response;
    expect(await page.text()).toBe('<!doctype html><title>Sendsheet</title>');
    expect(((await serve({ url: 'app://sendsheet/../../user-data/x' })) as Response).status).toBe(
      404,
    );
  });

  it('the service and the native touches are on IPC, for the app page only', async () => {
    for (const method of METHODS) expect(fake.handlers.has(`${IPC_PREFIX}${method}`)).toBe(true);
    for (const channel of [
      SUBSCRIBE_CHANNEL,
      UNSUBSCRIBE_CHANNEL,
      ...Object.values(DESKTOP_CHANNELS),
    ])
      if (channel !== DESKTOP_CHANNELS.command) expect(fake.handlers.has(channel)).toBe(true);
    expect(await invoke(`${IPC_PREFIX}profiles`, appUrl, ['{}'])).toEqual({
      ok: true,
      value: [{ id: 'emulated' }],
    });
    expect(await invoke(`${IPC_PREFIX}profiles`, 'https://example.com/', ['{}'])).toMatchObject({
      ok: false,
      status: 403,
    });
    // Arguments are checked in main: a request of the wrong shape never reaches the service.
    expect(await invoke(`${IPC_PREFIX}follow`, appUrl, ['{"batch":42}'])).toMatchObject({
      ok: false,
      status: 400,
    });
  });

  it('the session denies permissions and sets the policy', () => {
    const answers: boolean[] = [];
    fake.session.permissionRequest!({}, 'media', (granted: boolean) => answers.push(granted));
    expect(answers).toEqual([false]);
    expect(fake.session.permissionCheck!({}, 'notifications')).toBe(false);
    expect(fake.session.headers).not.toBeNull();
  });

  it('issue 15: without a keychain, the service tells the window passwords are kept for this run only', () => {
    // The fake safeStorage has none (basic_text on Linux).
    expect(fake.state.backendOptions).toMatchObject({ passwordKept: 'this-run' });
    const mayExportTo = fake.state.backendOptions!.mayExportTo as (folder: string) => boolean;
    expect(mayExportTo('/tmp')).toBe(false);
  });

  it('hardens every web contents as it is created', () => {
    const events = new Map<string, Handler>();
    let openHandler: Handler | null = null;
    fake.appOn.get('web-contents-created')!(
      {},
      {
        on: (event: string, handler: Handler) => void events.set(event, handler),
        setWindowOpenHandler: (handler: Handler) => void (openHandler = handler),
      },
    );
    expect([...events.keys()]).toContain('will-navigate');
    expect(openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    // Issue 15: shell.openExternal only after the person's click, and only for https.
    expect(fake.calls.filter((call) => call.startsWith('external'))).toEqual([]);
    events.get('input-event')!({}, { type: 'mouseUp' });
    openHandler!({ url: 'http://example.com/' });
    events.get('input-event')!({}, { type: 'mouseUp' });
    openHandler!({ url: 'https://example.com/' });
    expect(fake.calls.filter((call) => call.startsWith('external'))).toEqual([
      'external https://example.com/',
    ]);
  });

  it('has the menu with Open, Export and Send', () => {
    const labels = JSON.stringify(fake.state.menu);
    for (const label of ['Open…', 'Export…', 'Send']) expect(labels).toContain(label);
  });

  it('a second instance hands over its files; the page gets them when it listens', async () => {
    const file = join(root, 'list.csv');
    fake.appOn.get('second-instance')!(
      {},
      ['/opt/Sendsheet/sendsheet-app', 'list.csv', '--x'],
      root,
    );
    expect(fake.calls).toContain('focus');
    expect(await invoke(DESKTOP_CHANNELS.listen, appUrl)).toEqual([
      { command: 'open', path: file },
    ]);
    // Now listened to, the next file is sent at once; and it may be read, being chosen.
    writeFileSync(file, 'msisdn,message\n');
    expect(await invoke(DESKTOP_CHANNELS.readFile, appUrl, file)).toMatchObject({ ok: true });
  });

  it('issue 13: closing the window during an upload asks first, and keeps it open unless told', () => {
    const close = fake.windows[0]!.events.get('close')!;
    let prevented = 0;
    const event = { preventDefault: () => prevented++ };
    // Nothing uploading: closes without a question.
    close(event);
    expect(fake.closing.asked).toHaveLength(0);
    expect(prevented).toBe(0);
    // Uploading: asked, and "Keep sending" (also what Escape picks) keeps the window.
    fake.closing.uploading = [{ fileName: 'november.csv' }];
    fake.closing.choice = 0;
    close(event);
    expect(fake.closing.asked).toHaveLength(1);
    expect(fake.closing.asked[0]).toMatchObject({
      message: 'november.csv is still uploading.',
      buttons: ['Keep sending', 'Close anyway'],
      cancelId: 0,
    });
    expect(prevented).toBe(1);
    // "Close anyway" lets it close.
    fake.closing.choice = 1;
    close(event);
    expect(fake.closing.asked).toHaveLength(2);
    expect(prevented).toBe(1);
    fake.closing.uploading = [];
  });

  it('quitting keeps the window place, stops the backend, then quits', async () => {
    let prevented = 0;
    const event = { preventDefault: () => prevented++ };
    fake.appOn.get('before-quit')!(event);
    fake.appOn.get('before-quit')!(event);
    await until(() => fake.calls.includes('quit'), 'the quit');
    expect(prevented).toBe(2);
    expect(fake.backend.closed).toBe(1);
    expect(fake.calls.indexOf('backend closed')).toBeLessThan(fake.calls.indexOf('quit'));
    const kept = JSON.parse(readFileSync(join(root, 'user-data', 'window-state.json'), 'utf8'));
    expect(kept).toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: false });
    // The quit that follows goes through.
    fake.appOn.get('before-quit')!(event);
    expect(prevented).toBe(2);
  });
});

describe('issue 6: one instance only', () => {
  it('a second instance (the lock taken) quits at once: no window, no backend, no handlers', async () => {
    vi.resetModules();
    fake.state.locked = false;
    const windows = fake.windows.length;
    fake.calls.length = 0;
    fake.appOn.clear();
    await import('./main');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fake.calls).toEqual([
      'enableSandbox',
      'privileged app',
      'switch enable-precise-memory-info',
      'quit',
    ]);
    expect(fake.windows).toHaveLength(windows);
    expect([...fake.appOn.keys()]).toEqual([]);
  });
});
