// Issue 6, the preload: the window gets one object with exactly the service's methods and its
// event subscription (the same interface the HTTP transport serves), one with the native
// touches, and nothing of Electron itself (no ipcRenderer).
import { describe, expect, it } from 'vitest';
import {
  BATCH_CHANNEL,
  IPC_PREFIX,
  SUBSCRIBE_CHANNEL,
  UNSUBSCRIBE_CHANNEL,
} from '../../core/contract/channels';
import { METHODS } from '../../core/contract/api';
import type { Batch } from '../../core/contract/api';
import { ServiceError } from '../../core/contract/errors';
import { encodeRequest } from '../../core/contract/wire';
import { exposeBridges } from './bridge';
import type { IpcRendererLike } from './bridge';
import { DESKTOP_CHANNELS, DESKTOP_GLOBAL, SERVICE_GLOBAL } from '../../core/contract/channels';
import type { DesktopApi, DesktopCommand } from '../../core/contract/desktop';

type Listener = (event: unknown, ...args: unknown[]) => void;

/** ipcRenderer as the preload sees it: invoke answers what main's handler would. */
class FakeIpcRenderer implements IpcRendererLike {
  readonly invoked: [string, ...unknown[]][] = [];
  readonly listeners = new Map<string, Set<Listener>>();
  answer: (channel: string, ...args: unknown[]) => unknown = () => ({ ok: true, value: null });
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push([channel, ...args]);
    return this.answer(channel, ...args);
  }
  on(channel: string, listener: Listener): void {
    if (!this.listeners.has(channel)) this.listeners.set(channel, new Set());
    this.listeners.get(channel)!.add(listener);
  }
  removeListener(channel: string, listener: Listener): void {
    this.listeners.get(channel)?.delete(listener);
  }
  /** What main's webContents.send does. */
  emit(channel: string, ...args: unknown[]): void {
    const event = { sender: 'the IPC event, which must not reach the page' };
    for (const listener of this.listeners.get(channel) ?? []) listener(event, ...args);
  }
  count(channel: string): number {
    return this.listeners.get(channel)?.size ?? 0;
  }
}

function expose() {
  const ipc = new FakeIpcRenderer();
  const world = new Map<string, unknown>();
  const paths = new Map<unknown, string>();
  exposeBridges({
    contextBridge: {
      exposeInMainWorld(key, api) {
        if (world.has(key)) throw new Error(`Cannot bind an API on top of an existing property`);
        world.set(key, api);
      },
    },
    ipcRenderer: ipc,
    webUtils: { getPathForFile: (file) => paths.get(file) ?? '' },
  });
  const service = world.get(SERVICE_GLOBAL) as Record<string, (...args: unknown[]) => unknown>;
  const desktop = world.get(DESKTOP_GLOBAL) as DesktopApi;
  return { ipc, world, service, desktop, paths };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('issue 6: the preload exposes one typed service object and the native touches', () => {
  it('puts exactly two objects on the window: window.sendsheet and window.sendsheetDesktop', () => {
    const { world } = expose();
    expect([...world.keys()].sort()).toEqual([SERVICE_GLOBAL, DESKTOP_GLOBAL].sort());
    expect(SERVICE_GLOBAL).toBe('sendsheet');
  });

  it('window.sendsheet has every service method and subscribe, and nothing else', () => {
    const { service } = expose();
    expect(Object.keys(service).sort()).toEqual([...METHODS, 'subscribe'].sort());
    for (const key of Object.keys(service)) expect(typeof service[key]).toBe('function');
    expect(Object.isFrozen(service)).toBe(true);
  });

  it('window.sendsheetDesktop has the five native touches, and nothing else', () => {
    const { desktop } = expose();
    expect(Object.keys(desktop).sort()).toEqual(
      ['chooseFile', 'chooseSaveTarget', 'onCommand', 'pathForFile', 'readFile'].sort(),
    );
    expect(Object.isFrozen(desktop)).toBe(true);
  });

  it('no raw ipcRenderer, invoke or send reaches the window, at any depth', () => {
    const { world, ipc } = expose();
    const seen = new Set<unknown>();
    const walk = (value: unknown): void => {
      if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return;
      if (seen.has(value)) return;
      seen.add(value);
      expect(value).not.toBe(ipc);
      for (const key of Object.keys(value)) {
        expect([
          'invoke',
          'sendSync',
          'postMessage',
          'on',
          'removeListener',
          'ipcRenderer',
        ]).not.toContain(key);
        walk((value as Record<string, unknown>)[key]);
      }
    };
    for (const value of world.values()) walk(value);
  });

  it.each(METHODS)(
    '%s goes to main on sendsheet:%s as the lines of its request',
    async (method) => {
      const { ipc, service } = expose();
      ipc.answer = (channel, lines) => ({ ok: true, value: { channel, lines } });
      const request = { probe: method };
      expect(await service[method]!(request)).toEqual({
        channel: `${IPC_PREFIX}${method}`,
        lines: encodeRequest(method, request),
      });
    },
  );

  it('a request main refuses rejects with its status and words', async () => {
    const { ipc, service } = expose();
    ipc.answer = () => ({
      ok: false,
      status: 400,
      error: 'Bad request to follow: batch: Required',
    });
    const call = service.follow!({});
    await expect(call).rejects.toBeInstanceOf(ServiceError);
    await expect(call).rejects.toMatchObject({ status: 400, message: /batch: Required/ });
  });

  it('subscribe: one subscription for many listeners, batches only (never the IPC event)', async () => {
    const { ipc, service } = expose();
    const first: unknown[][] = [];
    const second: unknown[][] = [];
    const stopFirst = service.subscribe!((...args: unknown[]) => first.push(args)) as () => void;
    const stopSecond = service.subscribe!((...args: unknown[]) => second.push(args)) as () => void;
    await flush();
    expect(ipc.invoked.filter(([channel]) => channel === SUBSCRIBE_CHANNEL)).toHaveLength(1);
    expect(ipc.count(BATCH_CHANNEL)).toBe(1);

    const batch = { id: 'b1', state: 'ready' } as Batch;
    ipc.emit(BATCH_CHANNEL, batch);
    expect(first).toEqual([[batch]]);
    expect(second).toEqual([[batch]]);

    stopFirst();
    stopFirst();
    await flush();
    expect(ipc.invoked.some(([channel]) => channel === UNSUBSCRIBE_CHANNEL)).toBe(false);
    ipc.emit(BATCH_CHANNEL, batch);
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(2);

    stopSecond();
    await flush();
    expect(ipc.invoked.filter(([channel]) => channel === UNSUBSCRIBE_CHANNEL)).toHaveLength(1);
    expect(ipc.count(BATCH_CHANNEL)).toBe(0);
  });

  it('subscribe refuses what is not a function, before anything is sent', () => {
    const { ipc, service } = expose();
    expect(() => service.subscribe!('not a function')).toThrow(TypeError);
    expect(ipc.invoked).toEqual([]);
  });

  it('pathForFile gives the path Electron knows for a dropped file', () => {
    const { desktop, paths } = expose();
    const file = new File(['msisdn,message\n'], 'list.csv');
    paths.set(file, '/home/anna/list.csv');
    expect(desktop.pathForFile(file)).toBe('/home/anna/list.csv');
    expect(desktop.pathForFile(new File([], 'made-in-the-page.csv'))).toBe('');
  });

  it('the dialogs and the reading of a chosen file are asked of main on their channels', async () => {
    const { ipc, desktop } = expose();
    ipc.answer = (channel, ...args) =>
      channel === DESKTOP_CHANNELS.openDialog ? '/tmp/list.csv' : { folder: '/tmp', args };
    expect(await desktop.chooseFile()).toBe('/tmp/list.csv');
    expect(await desktop.chooseSaveTarget('list')).toEqual({ folder: '/tmp', args: ['list'] });
    expect(await desktop.readFile('/tmp/list.csv')).toEqual({
      folder: '/tmp',
      args: ['/tmp/list.csv'],
    });
    expect(ipc.invoked).toEqual([
      [DESKTOP_CHANNELS.openDialog],
      [DESKTOP_CHANNELS.saveDialog, 'list'],
      [DESKTOP_CHANNELS.readFile, '/tmp/list.csv'],
    ]);
  });

  it('onCommand passes the menu commands on until it is stopped', async () => {
    const { ipc, desktop } = expose();
    const commands: DesktopCommand[] = [];
    const stop = desktop.onCommand((command) => commands.push(command));
    await flush();
    ipc.emit(DESKTOP_CHANNELS.command, { command: 'send' });
    stop();
    ipc.emit(DESKTOP_CHANNELS.command, { command: 'export' });
    expect(commands).toEqual([{ command: 'send' }]);
    expect(ipc.count(DESKTOP_CHANNELS.command)).toBe(0);
  });

  it('onCommand first gets the commands that came before the page listened', async () => {
    const { ipc, desktop } = expose();
    const opened = { command: 'open', path: '/home/anna/list.csv' };
    ipc.answer = (channel) => (channel === DESKTOP_CHANNELS.listen ? [opened] : null);
    const commands: DesktopCommand[] = [];
    desktop.onCommand((command) => commands.push(command));
    await flush();
    expect(commands).toEqual([opened]);
    expect(ipc.invoked).toEqual([[DESKTOP_CHANNELS.listen]]);
  });

  it('onCommand refuses what is not a function', () => {
    const { ipc, desktop } = expose();
    expect(() => desktop.onCommand('x' as never)).toThrow(TypeError);
    expect(ipc.invoked).toEqual([]);
  });
});
