/**
 * The objects the preload puts on the window: the service (the same interface the HTTP
 * transport serves, so the UI never knows which it has) and the native touches. Electron is
 * passed in, typed by the little used, so the bridge's shape is tested without Electron.
 */
import {
  BATCH_CHANNEL,
  SUBSCRIBE_CHANNEL,
  UNSUBSCRIBE_CHANNEL,
} from '../../core/contract/channels';
import type { Batch, BatchListener, SendsheetApi, SendsheetEvents } from '../../core/contract/api';
import { ipcCall, makeClient } from '../../core/contract/client';
import { errorText } from '../../core/contract/errors';
import { DESKTOP_CHANNELS, DESKTOP_GLOBAL, SERVICE_GLOBAL } from '../../core/contract/channels';
import type {
  ChosenFile,
  DesktopApi,
  DesktopCommand,
  PageFile,
  SaveTarget,
} from '../../core/contract/desktop';

type IpcListener = (event: unknown, ...args: unknown[]) => void;

/** The part of Electron's ipcRenderer used here; it never reaches the page itself. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: IpcListener): unknown;
  removeListener(channel: string, listener: IpcListener): unknown;
}

export interface PreloadElectron {
  contextBridge: { exposeInMainWorld(key: string, api: unknown): void };
  ipcRenderer: IpcRendererLike;
  webUtils: { getPathForFile(file: PageFile): string };
}

function listenerOf(value: unknown): BatchListener {
  if (typeof value !== 'function') throw new TypeError('subscribe takes a function.');
  return value as BatchListener;
}

/**
 * The service over IPC. The window subscribes once, on the first listener, and unsubscribes
 * after the last: the main process then stops sending it changes. The IPC event (which holds
 * the sender) never reaches the page, only the batch.
 */
export function serviceBridge(ipc: IpcRendererLike): SendsheetApi & SendsheetEvents {
  const listeners = new Set<BatchListener>();
  const onBatch: IpcListener = (_event, batch) => {
    for (const listener of listeners) listener(batch as Batch);
  };
  const tell = (channel: string) =>
    void ipc.invoke(channel).catch((error: unknown) => {
      console.error(`Sendsheet: ${channel} failed: ${errorText(error)}`);
    });
  return {
    ...makeClient(ipcCall((channel, lines) => ipc.invoke(channel, lines))),
    subscribe(value: BatchListener) {
      const listener = listenerOf(value);
      listeners.add(listener);
      if (listeners.size === 1) {
        ipc.on(BATCH_CHANNEL, onBatch);
        tell(SUBSCRIBE_CHANNEL);
      }
      return () => {
        if (!listeners.delete(listener) || listeners.size > 0) return;
        ipc.removeListener(BATCH_CHANNEL, onBatch);
        tell(UNSUBSCRIBE_CHANNEL);
      };
    },
  } satisfies SendsheetApi & SendsheetEvents;
}

/** The native touches; file paths come from Electron's webUtils, as `File.path` is gone. */
export function desktopBridge(
  ipc: IpcRendererLike,
  webUtils: PreloadElectron['webUtils'],
): DesktopApi {
  return {
    pathForFile: (file) => webUtils.getPathForFile(file),
    chooseFile: async () => (await ipc.invoke(DESKTOP_CHANNELS.openDialog)) as string | null,
    readFile: async (path) => (await ipc.invoke(DESKTOP_CHANNELS.readFile, path)) as ChosenFile,
    chooseSaveTarget: async (suggestedName) =>
      (await ipc.invoke(DESKTOP_CHANNELS.saveDialog, suggestedName)) as SaveTarget | null,
    onCommand(value) {
      if (typeof value !== 'function') throw new TypeError('onCommand takes a function.');
      const listener: IpcListener = (_event, command) => value(command as DesktopCommand);
      ipc.on(DESKTOP_CHANNELS.command, listener);
      // The commands that came before the page listened: the file the app was opened with.
      void ipc.invoke(DESKTOP_CHANNELS.listen).then(
        (earlier) => {
          if (Array.isArray(earlier))
            for (const command of earlier) value(command as DesktopCommand);
        },
        (error: unknown) => console.error(`Sendsheet: ${errorText(error)}`),
      );
      return () => void ipc.removeListener(DESKTOP_CHANNELS.command, listener);
    },
  } satisfies DesktopApi;
}

/** Puts both objects on the window, frozen; nothing else of Electron goes there. */
export function exposeBridges({ contextBridge, ipcRenderer, webUtils }: PreloadElectron): void {
  contextBridge.exposeInMainWorld(SERVICE_GLOBAL, Object.freeze(serviceBridge(ipcRenderer)));
  contextBridge.exposeInMainWorld(
    DESKTOP_GLOBAL,
    Object.freeze(desktopBridge(ipcRenderer, webUtils)),
  );
}
