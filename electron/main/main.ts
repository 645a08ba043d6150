/**
 * The desktop app's main process: one window showing the built UI from the app itself, the
 * service behind it over IPC, and the native touches (menu, dialogs, files opened from the
 * system, notifications, passwords in the keychain, the window where it was left). Everything
 * it wires is a module of its own, tested without Electron; this file only connects them.
 * Bundled to dist/electron/main.js (npm run build:electron).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  Notification,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
} from 'electron';
import { registerIpc } from '../ipc/ipc-transport';
import type { IpcInvokeEventLike } from '../ipc/ipc-transport';
import { defaultDataDir } from '../base/data-dir';
import { DESKTOP_CHANNELS } from '../../core/contract/channels';
import { appPaths } from './app-paths';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, serveAppFile } from './app-protocol';
import { startBackend } from '../backend/backend';
import type { Backend } from '../backend/backend';
import { ChosenFiles } from './chosen-files';
import { closeQuestion } from './close-guard';
import { CREDENTIALS_FILE, CredentialStore, keepingCredentials } from './credentials';
import { registerDesktopIpc } from './desktop-ipc';
import { openDialogOptions } from './dialogs';
import { menuTemplate } from './menu';
import type { MenuAction } from './menu';
import { notifyWhenBatchesEnd } from './notifications';
import { filesInArgv, isOpenable } from './open-files';
import { refusedTestSwitch } from './test-switches';
import { hardenContents, hardenSession, isTrustedSender, windowOptions } from './security';
import {
  fitWindowState,
  loadWindowState,
  saveWindowState,
  WINDOW_STATE_FILE,
  windowStateOf,
} from './window-state';
import type { WindowState } from './window-state';
import { WindowCommands } from './window-commands';
import { errorText } from '../../core/contract/errors';

const APP_ID = 'com.sendsheet.app';
const log = (line: string) => console.error(`sendsheet: ${line}`);

// For tests and for running beside an installed copy: every file of the app under one folder.
const ownData = process.env.SENDSHEET_USER_DATA ? resolve(process.env.SENDSHEET_USER_DATA) : null;
if (ownData !== null) app.setPath('userData', ownData);

// Every renderer sandboxed, whatever a window's options say.
app.enableSandbox();
// The UI's own scheme must be known before the app is ready (app-protocol.ts says why).
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
// The page judges a file, and the messages it exports or sends, against its heap before making
// them (renderer/src/worker/memory-fit.ts): without this switch Chromium gives the heap's use
// rounded and as it was at the first asking, for twenty minutes.
app.commandLine.appendSwitch('enable-precise-memory-info');

const developer = !app.isPackaged;
const paths = appPaths(app.getAppPath(), import.meta.dirname);
const chosen = new ChosenFiles();
let mainWindow: BrowserWindow | null = null;
let backend: Backend | null = null;
let lastState: WindowState | null = null;
const commands = new WindowCommands((command) =>
  mainWindow?.webContents.send(DESKTOP_CHANNELS.command, command),
);

function open(files: readonly string[]): void {
  for (const file of files) commands.push({ command: 'open', path: chosen.grant(file) });
  if (files.length > 0) focus();
}

function focus(): void {
  if (mainWindow === null) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

async function run(action: MenuAction): Promise<void> {
  if (action !== 'open') return commands.push({ command: action });
  const settings = openDialogOptions();
  const answer = mainWindow
    ? await dialog.showOpenDialog(mainWindow, settings)
    : await dialog.showOpenDialog(settings);
  const path = answer.canceled ? undefined : answer.filePaths[0];
  if (path !== undefined) open([path]);
}

async function createWindow(): Promise<void> {
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  // A window opened again (macOS keeps the app without one) comes back where the last one was.
  const state =
    lastState === null
      ? await loadWindowState(join(app.getPath('userData'), WINDOW_STATE_FILE), workAreas)
      : fitWindowState(lastState, workAreas);
  const created = new BrowserWindow(windowOptions(paths, state, developer));
  mainWindow = created;
  if (state.maximized) created.maximize();
  created.once('ready-to-show', () => created.show());
  // A page loading anew listens anew: commands wait for it.
  created.webContents.on('did-start-loading', () => commands.reset());
  created.on('close', (event) => {
    const question = closeQuestion(backend?.service.uploading() ?? []);
    if (question !== null) {
      const choice = dialog.showMessageBoxSync(created, {
        type: 'warning',
        message: question.message,
        detail: question.detail,
        buttons: question.buttons,
        defaultId: 0,
        cancelId: 0,
      });
      if (choice === 0) {
        event.preventDefault();
        return;
      }
    }
    lastState = windowStateOf(created);
  });
  created.on('closed', () => {
    commands.reset();
    if (mainWindow === created) mainWindow = null;
  });
  await created.loadURL(paths.appUrl);
}

async function start(): Promise<void> {
  if (!existsSync(paths.index)) {
    dialog.showErrorBox(
      'Sendsheet is not built',
      `The user interface is missing (${paths.index}). Run "npm run build" first.`,
    );
    app.quit();
    return;
  }
  hardenSession(session.defaultSession);
  protocol.handle(APP_SCHEME, (request) => serveAppFile(request.url, paths.rendererDir));
  const userData = app.getPath('userData');
  const credentials = await CredentialStore.open(join(userData, CREDENTIALS_FILE), safeStorage);
  if (credentials.warning) log(credentials.warning);
  if (credentials.memoryOnly)
    log(`Passwords are kept for this run only: ${credentials.memoryOnly}.`);
  backend = await startBackend({
    dataDir: ownData ? join(ownData, 'app') : defaultDataDir('app'),
    providerDir: ownData ? join(ownData, 'server') : defaultDataDir('server'),
    whenProviderFails: 'use-running',
    providerUser: process.env.SENDSHEET_USER ?? '',
    mayExportTo: (folder) => chosen.isFolderGranted(folder),
    // Said in Settings too, not only here on stderr.
    passwordKept: credentials.memoryOnly === null ? 'keychain' : 'this-run',
    prepare: async (profiles) => {
      for (const warning of await credentials.restore(profiles)) log(warning);
    },
    log,
  });

  const trust = (event: IpcInvokeEventLike) =>
    isTrustedSender(event.senderFrame?.url, paths.appUrl);
  registerIpc(ipcMain, keepingCredentials(backend.service, credentials, log), { trust });
  registerDesktopIpc(ipcMain, {
    dialog,
    window: () => mainWindow,
    trust,
    chosen,
    exportsFolder: backend.exportsFolder,
    commands,
  });
  notifyWhenBatchesEnd(backend.service, ({ title, body }) => {
    if (!Notification.isSupported()) return;
    const notification = new Notification({ title, body });
    notification.on('click', focus);
    notification.show();
  });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({
        platform: process.platform,
        appName: app.name,
        developer,
        run: (action) => void run(action).catch((error: Error) => log(error.message)),
      }),
    ),
  );
  app.on('activate', () => {
    if (mainWindow === null) void createWindow().catch(fail);
  });
  await createWindow();
  open(filesInArgv(process.argv, process.cwd()));
}

let closed = false;
let closing: Promise<void> | null = null;

/** Keeps the window's place and stops the service and the emulated servers, once. */
async function shutdown(): Promise<void> {
  if (mainWindow !== null && !mainWindow.isDestroyed()) lastState = windowStateOf(mainWindow);
  if (lastState !== null) {
    await saveWindowState(join(app.getPath('userData'), WINDOW_STATE_FILE), lastState).catch(
      (error: Error) => log(`Cannot keep the window's place: ${error.message}`),
    );
  }
  await backend?.close();
}

function fail(error: unknown): void {
  const message = errorText(error);
  log(message);
  dialog.showErrorBox('Sendsheet could not start', message);
  app.exit(1);
}

const refusal = refusedTestSwitch(process.argv);
if (refusal !== null) {
  log(refusal);
  app.exit(2);
} else if (!app.requestSingleInstanceLock()) {
  // Another Sendsheet runs: it gets this one's files (second-instance) and comes forward.
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    open(filesInArgv(argv, workingDirectory));
    focus();
  });
  // macOS hands files over as events, possibly before the app is ready.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (isOpenable(path)) open([path]);
  });
  // Every web contents is hardened as it is created, before it can load anything.
  app.on('web-contents-created', (_event, contents) =>
    hardenContents(contents, {
      appUrl: paths.appUrl,
      openExternal: (url) => shell.openExternal(url),
    }),
  );
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    closing ??= shutdown()
      .catch((error: Error) => log(error.message))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
  app.whenReady().then(start).catch(fail);
}
