/**
 * The native touches over IPC: the open and save dialogs and the reading of a chosen file.
 * Like the service's handlers, each checks who asks (the app's own page only) and what it is
 * given before it does anything.
 */
import type { BrowserWindow, Dialog } from 'electron';
import { z } from 'zod';
import type { IpcInvokeEventLike, IpcMainLike } from '../ipc/ipc-transport';
import { FileName } from '../../core/contract/schemas';
import { DESKTOP_CHANNELS } from '../../core/contract/channels';
import type { ChosenFile, DesktopCommand, SaveTarget } from '../../core/contract/desktop';
import type { ChosenFiles } from './chosen-files';
import { openDialogOptions, saveDialogOptions, saveTarget } from './dialogs';
import type { WindowCommands } from './window-commands';

export interface DesktopIpcOptions {
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  /** The window the dialogs belong to (modal to it); null when it is gone. */
  window: () => BrowserWindow | null;
  trust: (event: IpcInvokeEventLike) => boolean;
  chosen: ChosenFiles;
  /** Where the save dialog starts: the app's exports folder. */
  exportsFolder: string;
  commands: WindowCommands;
}

const SuggestedName = FileName;
const ChosenPath = z.string().min(1).max(4096);

/** Registers the handlers; the function returned removes them. */
export function registerDesktopIpc(ipcMain: IpcMainLike, options: DesktopIpcOptions): () => void {
  const { dialog, window, trust, chosen, exportsFolder, commands } = options;

  ipcMain.handle(DESKTOP_CHANNELS.openDialog, async (event): Promise<string | null> => {
    if (!trust(event)) return null;
    const owner = window();
    const settings = openDialogOptions();
    const answer = owner
      ? await dialog.showOpenDialog(owner, settings)
      : await dialog.showOpenDialog(settings);
    const path = answer.canceled ? undefined : answer.filePaths[0];
    return path === undefined ? null : chosen.grant(path);
  });

  ipcMain.handle(
    DESKTOP_CHANNELS.saveDialog,
    async (event, suggested): Promise<SaveTarget | null> => {
      if (!trust(event)) return null;
      const name = SuggestedName.safeParse(suggested);
      const settings = saveDialogOptions(name.success ? name.data : 'messages', exportsFolder);
      const owner = window();
      const answer = owner
        ? await dialog.showSaveDialog(owner, settings)
        : await dialog.showSaveDialog(settings);
      if (answer.canceled || !answer.filePath) return null;
      // The folder the person chose is the one exportMessages may write into.
      const target = saveTarget(answer.filePath);
      return { ...target, folder: chosen.grantFolder(target.folder) };
    },
  );

  ipcMain.handle(DESKTOP_CHANNELS.readFile, async (event, path): Promise<ChosenFile> => {
    if (!trust(event)) return { ok: false, error: 'This window may not read files.' };
    const parsed = ChosenPath.safeParse(path);
    if (!parsed.success) return { ok: false, error: 'Bad request to readFile: a path is needed.' };
    return chosen.read(parsed.data);
  });

  ipcMain.handle(DESKTOP_CHANNELS.listen, (event): DesktopCommand[] =>
    trust(event) ? commands.listen() : [],
  );

  return () => {
    for (const channel of [
      DESKTOP_CHANNELS.openDialog,
      DESKTOP_CHANNELS.saveDialog,
      DESKTOP_CHANNELS.readFile,
      DESKTOP_CHANNELS.listen,
    ])
      ipcMain.removeHandler(channel);
  };
}
