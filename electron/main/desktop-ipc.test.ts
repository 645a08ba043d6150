// Issue 6, native: the dialogs and the reading of chosen files over IPC, for the app's own
// page only, with what they are given checked; a path nobody chose is never read.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindow, Dialog } from 'electron';
import { describe, expect, it } from 'vitest';
import type { IpcInvokeEventLike, IpcMainLike } from '../ipc/ipc-transport';
import { DESKTOP_CHANNELS } from '../../core/contract/channels';
import { ChosenFiles } from './chosen-files';
import { registerDesktopIpc } from './desktop-ipc';
import { WindowCommands } from './window-commands';
import type { DesktopCommand } from '../../core/contract/desktop';

type Handler = (event: IpcInvokeEventLike, ...args: unknown[]) => unknown;

const APP = { url: 'file:///app/dist/renderer/index.html' };
const STRANGER = { url: 'https://example.com/' };

function setup(answers: { open?: string[]; save?: string } = {}) {
  const handlers = new Map<string, Handler>();
  const ipcMain: IpcMainLike = {
    handle: (channel, handler) => void handlers.set(channel, handler),
    removeHandler: (channel) => void handlers.delete(channel),
  };
  const asked: unknown[][] = [];
  const dialog = {
    showOpenDialog: async (...args: unknown[]) => {
      asked.push(['open', ...args]);
      const paths = answers.open ?? [];
      return { canceled: paths.length === 0, filePaths: paths };
    },
    showSaveDialog: async (...args: unknown[]) => {
      asked.push(['save', ...args]);
      return { canceled: answers.save === undefined, filePath: answers.save ?? '' };
    },
  } as unknown as Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  const owner = { id: 'the window' } as unknown as BrowserWindow;
  const chosen = new ChosenFiles(1024 * 1024);
  const sent: DesktopCommand[] = [];
  const commands = new WindowCommands((command) => sent.push(command));
  const remove = registerDesktopIpc(ipcMain, {
    dialog,
    window: () => owner,
    trust: (event) => event.senderFrame?.url === APP.url,
    chosen,
    exportsFolder: '/home/anna/exports',
    commands,
  });
  const invoke = (channel: string, frame: { url: string }, ...args: unknown[]) =>
    handlers.get(channel)!({ sender: {} as never, senderFrame: frame }, ...args);
  return { handlers, asked, owner, chosen, remove, invoke, commands, sent };
}

async function folderWith(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sendsheet-desktop-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

describe('issue 6: the dialogs over IPC', () => {
  it('the open dialog is modal to the window; its answer is the path, now readable', async () => {
    const dir = await folderWith({ 'list.csv': 'msisdn,message\n' });
    const path = join(dir, 'list.csv');
    const { invoke, asked, owner, chosen } = setup({ open: [path] });
    expect(chosen.isGranted(path)).toBe(false);
    expect(await invoke(DESKTOP_CHANNELS.openDialog, APP)).toBe(path);
    expect(asked[0]![1]).toBe(owner);
    expect(chosen.isGranted(path)).toBe(true);
  });

  it('a cancelled open dialog answers null and grants nothing', async () => {
    const { invoke } = setup({ open: [] });
    expect(await invoke(DESKTOP_CHANNELS.openDialog, APP)).toBeNull();
  });

  it('the save dialog suggests the name in the exports folder; answers folder and base name', async () => {
    const { invoke, asked } = setup({ save: '/home/anna/Desktop/april.csv' });
    expect(await invoke(DESKTOP_CHANNELS.saveDialog, APP, 'april')).toEqual({
      folder: '/home/anna/Desktop',
      baseName: 'april',
    });
    expect(asked[0]![2]).toMatchObject({ defaultPath: '/home/anna/exports/april.csv' });
  });

  it('issue 15: only the folder the save dialog answered becomes one exports may go to', async () => {
    const { invoke, chosen } = setup({ save: '/home/anna/Desktop/april.csv' });
    expect(chosen.isFolderGranted('/home/anna/Desktop')).toBe(false);
    await invoke(DESKTOP_CHANNELS.saveDialog, APP, 'april');
    expect(chosen.isFolderGranted('/home/anna/Desktop')).toBe(true);
    expect(chosen.isFolderGranted('/home/anna/Desktop/sub/..')).toBe(true);
    expect(chosen.isFolderGranted('/home/anna')).toBe(false);
    expect(chosen.isFolderGranted('/home/anna/Desktop/sub')).toBe(false);
    // Nor is the file's own path a folder to export into, nor a folder a file to read.
    expect(chosen.isGranted('/home/anna/Desktop/april.csv')).toBe(false);
  });

  it('issue 15: a cancelled save dialog, or one asked by another frame, grants no folder', async () => {
    const cancelled = setup({});
    await cancelled.invoke(DESKTOP_CHANNELS.saveDialog, APP, 'april');
    const stranger = setup({ save: '/tmp/x.csv' });
    await stranger.invoke(DESKTOP_CHANNELS.saveDialog, STRANGER, 'x');
    expect(stranger.chosen.isFolderGranted('/tmp')).toBe(false);
  });

  it.each([['../../etc/passwd'], ['a\nb'], [''], [42], [null], ['x'.repeat(300)]])(
    'a suggested name that is not a plain file name (%j) is replaced by a safe one',
    async (suggested) => {
      const { invoke, asked } = setup({});
      expect(await invoke(DESKTOP_CHANNELS.saveDialog, APP, suggested)).toBeNull();
      expect(asked[0]![2]).toMatchObject({ defaultPath: '/home/anna/exports/messages.csv' });
    },
  );

  it('a frame other than the app page gets no dialog', async () => {
    const { invoke, asked } = setup({ open: ['/etc/passwd'], save: '/tmp/x.csv' });
    expect(await invoke(DESKTOP_CHANNELS.openDialog, STRANGER)).toBeNull();
    expect(await invoke(DESKTOP_CHANNELS.saveDialog, STRANGER, 'x')).toBeNull();
    expect(asked).toEqual([]);
  });

  it('the function returned removes every handler', () => {
    const { handlers, remove } = setup();
    expect(handlers.size).toBe(4);
    remove();
    expect(handlers.size).toBe(0);
  });
});

describe('issue 6: reading a chosen file over IPC', () => {
  it('a file chosen in the dialog is read whole, with its name', async () => {
    const dir = await folderWith({ 'list.csv': 'msisdn,message\n4512345678,Hi\n' });
    const path = join(dir, 'list.csv');
    const { invoke } = setup({ open: [path] });
    await invoke(DESKTOP_CHANNELS.openDialog, APP);
    const file = (await invoke(DESKTOP_CHANNELS.readFile, APP, path)) as {
      ok: true;
      name: string;
      bytes: Uint8Array;
    };
    expect(file.ok).toBe(true);
    expect(file.name).toBe('list.csv');
    expect(file.bytes).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(file.bytes)).toBe('msisdn,message\n4512345678,Hi\n');
  });

  it('a path nobody chose is refused, though the file exists', async () => {
    const dir = await folderWith({ 'secret.txt': 'id_rsa' });
    const { invoke } = setup();
    expect(await invoke(DESKTOP_CHANNELS.readFile, APP, join(dir, 'secret.txt'))).toEqual({
      ok: false,
      error: 'Sendsheet reads only a file you chose or opened with it.',
    });
  });

  it('a chosen path written another way (with ..) is the same file', async () => {
    const dir = await folderWith({ 'list.csv': 'x' });
    const { invoke, chosen } = setup();
    chosen.grant(join(dir, 'list.csv'));
    const other = join(dir, '..', dir.split(/[\\/]/).at(-1)!, 'list.csv');
    expect(await invoke(DESKTOP_CHANNELS.readFile, APP, other)).toMatchObject({ ok: true });
  });

  it.each([[undefined], [42], [''], [{ path: '/x' }]])(
    'a request that is not a path (%j) is refused',
    async (path) => {
      const { invoke } = setup();
      expect(await invoke(DESKTOP_CHANNELS.readFile, APP, path)).toEqual({
        ok: false,
        error: 'Bad request to readFile: a path is needed.',
      });
    },
  );

  it('another frame may not read even a chosen file', async () => {
    const dir = await folderWith({ 'list.csv': 'x' });
    const { invoke, chosen } = setup();
    chosen.grant(join(dir, 'list.csv'));
    expect(await invoke(DESKTOP_CHANNELS.readFile, STRANGER, join(dir, 'list.csv'))).toEqual({
      ok: false,
      error: 'This window may not read files.',
    });
  });

  it('a chosen file that is gone, a folder, or too large: said in words', async () => {
    const dir = await folderWith({ 'big.csv': 'x'.repeat(1024 * 1024 + 1), 'gone.csv': '' });
    await mkdir(join(dir, 'folder.csv'));
    const { invoke, chosen } = setup();
    for (const name of ['big.csv', 'folder.csv', 'missing.csv']) chosen.grant(join(dir, name));
    expect(await invoke(DESKTOP_CHANNELS.readFile, APP, join(dir, 'big.csv'))).toEqual({
      ok: false,
      error: 'big.csv is larger than 1 MiB: split it into smaller files.',
    });
    expect(await invoke(DESKTOP_CHANNELS.readFile, APP, join(dir, 'folder.csv'))).toEqual({
      ok: false,
      error: 'Cannot read folder.csv: it is a folder.',
    });
    expect(await invoke(DESKTOP_CHANNELS.readFile, APP, join(dir, 'missing.csv'))).toEqual({
      ok: false,
      error: 'Cannot read missing.csv: there is no such file.',
    });
  });
});

describe.runIf(process.platform === 'linux')(
  'issue 15: a granted path is still read only as a regular file',
  () => {
    const refusal = (name: string) => ({
      ok: false,
      error: `Cannot read ${name}: it is not a regular file (a device, a pipe and a file of the system are never read).`,
    });

    it("/proc/self/environ, the passwords of main's environment, even when granted", async () => {
      const { invoke, chosen } = setup();
      chosen.grant('/proc/self/environ');
      expect(await invoke(DESKTOP_CHANNELS.readFile, APP, '/proc/self/environ')).toEqual(
        refusal('environ'),
      );
    });

    it('/dev/zero, which never ends, even when granted', async () => {
      const { invoke, chosen } = setup();
      chosen.grant('/dev/zero');
      expect(await invoke(DESKTOP_CHANNELS.readFile, APP, '/dev/zero')).toEqual(refusal('zero'));
    });

    it('a FIFO, which would hold a thread until something writes to it', async () => {
      const dir = await folderWith({});
      const fifo = join(dir, 'list.csv');
      execFileSync('mkfifo', [fifo]);
      const { invoke, chosen } = setup();
      chosen.grant(fifo);
      expect(await invoke(DESKTOP_CHANNELS.readFile, APP, fifo)).toEqual(refusal('list.csv'));
    });
  },
);

describe('issue 6: commands wait for the page to listen', () => {
  it('a file opened before the page listens comes in the answer to listen; later ones are sent', async () => {
    const { invoke, commands, sent } = setup();
    commands.push({ command: 'open', path: '/home/anna/list.csv' });
    expect(sent).toEqual([]);
    expect(await invoke(DESKTOP_CHANNELS.listen, APP)).toEqual([
      { command: 'open', path: '/home/anna/list.csv' },
    ]);
    expect(await invoke(DESKTOP_CHANNELS.listen, APP)).toEqual([]);
    commands.push({ command: 'send' });
    expect(sent).toEqual([{ command: 'send' }]);
  });

  it('while the page loads anew, files to open are kept again', async () => {
    const { invoke, commands, sent } = setup();
    await invoke(DESKTOP_CHANNELS.listen, APP);
    commands.reset();
    commands.push({ command: 'open', path: '/a.csv' });
    expect(sent).toEqual([]);
    expect(await invoke(DESKTOP_CHANNELS.listen, APP)).toEqual([
      { command: 'open', path: '/a.csv' },
    ]);
  });

  it('Export and Send while nobody listens are dropped, never done later', async () => {
    const { invoke, commands, sent } = setup();
    commands.push({ command: 'send' });
    commands.push({ command: 'export' });
    expect(await invoke(DESKTOP_CHANNELS.listen, APP)).toEqual([]);
    expect(sent).toEqual([]);
  });

  it('another frame neither gets the kept commands nor takes them away', async () => {
    const { invoke, commands } = setup();
    commands.push({ command: 'open', path: '/a.csv' });
    expect(await invoke(DESKTOP_CHANNELS.listen, STRANGER)).toEqual([]);
    expect(await invoke(DESKTOP_CHANNELS.listen, APP)).toEqual([
      { command: 'open', path: '/a.csv' },
    ]);
  });
});
