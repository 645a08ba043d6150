// Issue 15: the path rules in the window. Over IPC, as the window's page calls it, exportMessages
// writes only into the app's exports folder or a folder the save dialog answered: before, any
// path worked. Electron is replaced by the little used (ipcMain's handle, the dialog).
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindow, Dialog } from 'electron';
import { describe, expect, it } from 'vitest';
import { providerProfile } from '../client/profile';
import { registerIpc } from '../ipc/ipc-transport';
import type { IpcInvokeEventLike, IpcMainLike } from '../ipc/ipc-transport';
import { exportsFolder, SendsheetService } from '../service/service';
import { DESKTOP_CHANNELS } from '../../core/contract/channels';
import { ipcCall, makeClient } from '../../core/contract/client';
import { ChosenFiles } from './chosen-files';
import { registerDesktopIpc } from './desktop-ipc';
import { WindowCommands } from './window-commands';

type Handler = (event: IpcInvokeEventLike, ...args: unknown[]) => unknown;
const PAGE = 'app://sendsheet/index.html';
const MESSAGES = [{ msisdn: '4512345678', message: 'Hej' }];

async function window(saveAnswer: string) {
  const handlers = new Map<string, Handler>();
  const ipcMain: IpcMainLike = {
    handle: (channel, handler) => void handlers.set(channel, handler),
    removeHandler: (channel) => void handlers.delete(channel),
  };
  const invoke = async (channel: string, ...args: unknown[]) =>
    handlers.get(channel)!({ sender: {} as never, senderFrame: { url: PAGE } }, ...args);
  const chosen = new ChosenFiles();
  const dataDir = await mkdtemp(join(tmpdir(), 'sendsheet-window-data-'));
  const service = await SendsheetService.start({
    dataDir,
    profiles: [providerProfile()],
    resume: false,
    mayExportTo: (folder) => chosen.isFolderGranted(folder),
  });
  const trust = (event: IpcInvokeEventLike) => event.senderFrame?.url === PAGE;
  registerIpc(ipcMain, service, { trust });
  registerDesktopIpc(ipcMain, {
    dialog: {
      showSaveDialog: async () => ({ canceled: false, filePath: saveAnswer }),
    } as unknown as Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>,
    window: () => ({}) as BrowserWindow,
    trust,
    chosen,
    exportsFolder: exportsFolder(dataDir),
    commands: new WindowCommands(() => {}),
  });
  const page = makeClient(ipcCall((channel, lines) => invoke(channel, lines)));
  return { page, invoke, dataDir, close: () => service.close() };
}

describe('issue 15: exportMessages over IPC', () => {
  it('a folder no save dialog answered is refused; the one it answered is written into', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'sendsheet-outside-'));
    const { page, invoke, dataDir, close } = await window(join(outside, 'april.csv'));
    try {
      const before = await page.exportMessages({
        files: { baseName: 'april' },
        messages: MESSAGES,
        folder: outside,
      });
      expect(before).toMatchObject({ ok: false, error: expect.stringContaining('save dialog') });
      expect(await readdir(outside)).toEqual([]);

      const target = (await invoke(DESKTOP_CHANNELS.saveDialog, 'april')) as { folder: string };
      expect(target.folder).toBe(outside);
      const after = await page.exportMessages({
        files: { baseName: 'april' },
        messages: MESSAGES,
        folder: target.folder,
      });
      expect(after).toMatchObject({
        ok: true,
        files: [{ path: join(outside, 'april.csv.cp1252.excel') }],
      });

      // The app's own exports folder needs no dialog.
      const own = await page.exportMessages({
        files: { baseName: 'may' },
        messages: MESSAGES,
        folder: exportsFolder(dataDir),
      });
      expect(own).toMatchObject({ ok: true });
    } finally {
      await close();
    }
  });
});
