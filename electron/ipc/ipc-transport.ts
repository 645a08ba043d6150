/**
 * The service over Electron's IPC, for the desktop window: each method is handled on
 * `sendsheet:<method>` and answers `{ ok: true, value }` or `{ ok: false, status, error }` (a
 * thrown error would reach the window as an opaque "Error invoking remote method"); a window
 * that subscribes gets every batch change on BATCH_CHANNEL until it unsubscribes or closes.
 * A request comes as lines of JSON (core/contract/wire.ts), read a chunk at a time. Electron is
 * typed here by the little this needs, so the transport is tested without it.
 */
import {
  BATCH_CHANNEL,
  IPC_PREFIX,
  SUBSCRIBE_CHANNEL,
  UNSUBSCRIBE_CHANNEL,
} from '../../core/contract/channels';
import { METHODS } from '../../core/contract/api';
import { decodeRequest, MAX_MESSAGES } from '../../core/contract/schemas';
import { CHUNK_ITEMS } from '../../core/contract/wire';
import { errorText } from '../../core/contract/errors';
import { nextTurn } from '../base/next-turn';
import type { IpcAnswer, Method, SendsheetApi, SendsheetEvents } from '../../core/contract/api';

/** The part of Electron's WebContents used here. */
export interface WebContentsLike {
  id: number;
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
  once(event: 'destroyed', listener: () => void): unknown;
}

export interface IpcInvokeEventLike {
  sender: WebContentsLike;
  /** The frame that sent the message; Electron's, with its URL. */
  senderFrame?: { url: string } | null;
}

/** The part of Electron's ipcMain used here. */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: IpcInvokeEventLike, ...args: unknown[]) => unknown,
  ): void;
  removeHandler(channel: string): void;
}

export interface IpcOptions {
  /** Whether a message's sender may use the service, e.g. only the app's own page. Default all. */
  trust?: (event: IpcInvokeEventLike) => boolean;
}

/** Registers every handler; the function returned removes them and drops the subscribers. */
/** The most lines a request may have: its head and the chunks of the most messages. */
const MAX_LINES = Math.ceil(MAX_MESSAGES / CHUNK_ITEMS) + 1;

function isLines(value: unknown): value is string[] {
  return (
    Array.isArray(value) &&
    value.length <= MAX_LINES &&
    value.every((line) => typeof line === 'string')
  );
}

export function registerIpc(
  ipcMain: IpcMainLike,
  api: SendsheetApi & SendsheetEvents,
  options: IpcOptions = {},
): () => void {
  const trust = options.trust ?? (() => true);
  const subscriptions = new Map<number, () => void>();
  const refused: IpcAnswer = {
    ok: false,
    status: 403,
    error: 'This window may not use the service.',
  };

  const handle = async (
    method: Method,
    event: IpcInvokeEventLike,
    lines: unknown,
  ): Promise<IpcAnswer> => {
    if (!trust(event)) return refused;
    if (!isLines(lines))
      return {
        ok: false,
        status: 400,
        error: `Bad request to ${method}: lines of JSON are expected.`,
      };
    const validated = await decodeRequest(method, lines, nextTurn);
    if (!validated.ok) return { ok: false, status: 400, error: validated.reason };
    try {
      const call = api[method] as (request: unknown) => Promise<unknown>;
      return { ok: true, value: await call.call(api, validated.request) };
    } catch (error) {
      return { ok: false, status: 500, error: `Internal error: ${errorText(error)}` };
    }
  };

  for (const method of METHODS) {
    ipcMain.handle(`${IPC_PREFIX}${method}`, (event, body) => handle(method, event, body));
  }

  ipcMain.handle(SUBSCRIBE_CHANNEL, (event): IpcAnswer<null> | IpcAnswer => {
    if (!trust(event)) return refused;
    const sender = event.sender;
    if (subscriptions.has(sender.id)) return { ok: true, value: null };
    const unsubscribe = api.subscribe((batch) => {
      if (sender.isDestroyed()) drop(sender.id);
      else sender.send(BATCH_CHANNEL, batch);
    });
    subscriptions.set(sender.id, unsubscribe);
    sender.once('destroyed', () => drop(sender.id));
    return { ok: true, value: null };
  });

  ipcMain.handle(UNSUBSCRIBE_CHANNEL, (event): IpcAnswer => {
    drop(event.sender.id);
    return { ok: true, value: null };
  });

  function drop(id: number): void {
    subscriptions.get(id)?.();
    subscriptions.delete(id);
  }

  return () => {
    for (const method of METHODS) ipcMain.removeHandler(`${IPC_PREFIX}${method}`);
    ipcMain.removeHandler(SUBSCRIBE_CHANNEL);
    ipcMain.removeHandler(UNSUBSCRIBE_CHANNEL);
    for (const id of [...subscriptions.keys()]) drop(id);
  };
}
