// Issue 4, the IPC transport: the service behind an ipcMain that behaves like Electron's (one
// handler a channel, invoke answering with the handler's value), requests checked at the
// boundary, batch changes sent to the windows that subscribed.
import { describe, expect, it } from 'vitest';
import {
  BATCH_CHANNEL,
  IPC_PREFIX,
  SUBSCRIBE_CHANNEL,
  UNSUBSCRIBE_CHANNEL,
} from '../../core/contract/channels';
import { METHODS } from '../../core/contract/api';
import type { Batch, BatchListener, SendsheetApi, SendsheetEvents } from '../../core/contract/api';
import { ipcCall, makeClient } from '../../core/contract/client';
import { ServiceError } from '../../core/contract/errors';
import { said } from '../../core/contract/said';
import { registerIpc } from './ipc-transport';
import type { IpcInvokeEventLike, IpcMainLike, WebContentsLike } from './ipc-transport';

type Listener = (event: IpcInvokeEventLike, ...args: unknown[]) => unknown;

/** Electron's ipcMain as far as handle/invoke go: a second handler for a channel is an error. */
class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** What ipcRenderer.invoke does from `sender`'s page. */
  async invoke(sender: FakeWebContents, channel: string, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler)
      throw new Error(`Error invoking remote method '${channel}': No handler registered`);
    return handler({ sender, senderFrame: { url: sender.url } }, ...args);
  }
}

class FakeWebContents implements WebContentsLike {
  static next = 1;
  readonly id = FakeWebContents.next++;
  readonly received: unknown[] = [];
  private destroyed = false;
  private readonly onDestroyed: (() => void)[] = [];
  constructor(readonly url = 'app://sendsheet/index.html') {}
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.received.push([channel, ...args]);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  once(_event: 'destroyed', listener: () => void): void {
    this.onDestroyed.push(listener);
  }
  destroy(): void {
    this.destroyed = true;
    for (const listener of this.onDestroyed.splice(0)) listener();
  }
}

/** A service that answers each call with what it was asked, and changes batches on demand. */
function fakeService() {
  const listeners = new Set<BatchListener>();
  const calls: [string, unknown][] = [];
  const api = {
    subscribe(listener: BatchListener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as Record<string, unknown>;
  for (const method of METHODS) {
    api[method] = async (request: unknown) => {
      calls.push([method, request]);
      if (method === 'history') throw new Error('disk on fire');
      return { method, request };
    };
  }
  const emit = (batch: Partial<Batch>) => {
    for (const listener of listeners) listener(batch as Batch);
  };
  return { api: api as unknown as SendsheetApi & SendsheetEvents, calls, emit, listeners };
}

describe('issue 4: the IPC transport', () => {
  it('registers one handler a method, plus subscribing; and removes them all again', () => {
    const ipc = new FakeIpcMain();
    const dispose = registerIpc(ipc, fakeService().api);
    expect([...ipc.handlers.keys()].sort()).toEqual(
      [...METHODS.map((m) => `${IPC_PREFIX}${m}`), SUBSCRIBE_CHANNEL, UNSUBSCRIBE_CHANNEL].sort(),
    );
    expect(() => registerIpc(ipc, fakeService().api)).toThrow(/second handler/);
    dispose();
    expect(ipc.handlers.size).toBe(0);
  });

  it('calls the service with the checked request, and answers its value', async () => {
    const ipc = new FakeIpcMain();
    const { api, calls } = fakeService();
    registerIpc(ipc, api);
    const window = new FakeWebContents();
    const remote = makeClient(ipcCall((channel, lines) => ipc.invoke(window, channel, lines)));
    expect(await remote.follow({ batch: 'b1' })).toEqual({
      method: 'follow',
      request: { batch: 'b1' },
    });
    expect(calls).toEqual([['follow', { batch: 'b1' }]]);
  });

  it('carries a send of many messages in chunks, whole and in order', async () => {
    const ipc = new FakeIpcMain();
    const { api, calls } = fakeService();
    registerIpc(ipc, api);
    const window = new FakeWebContents();
    const lines: unknown[] = [];
    const remote = makeClient(
      ipcCall((channel, sent) => {
        lines.push(...sent);
        return ipc.invoke(window, channel, sent);
      }),
    );
    const messages = Array.from({ length: 5001 }, (_, i) => ({
      msisdn: `4520${String(i).padStart(6, '0')}`,
      message: `hello ${i}`,
    }));
    const request = { profile: 'emulated', files: { baseName: 'list' }, messages };
    await remote.send(request);
    // The head, then three chunks: no line holds every message.
    expect(lines).toHaveLength(4);
    expect(calls).toEqual([['send', request]]);
  });

  it.each([
    ['follow', { batch: 7 }, /^Bad request to follow: batch: /],
    ['send', { profile: 'p', messages: [] }, /^Bad request to send: files: /],
    ['batches', { extra: 1 }, /^Bad request to batches: .*extra/],
    ['follow', 'not an object', /^Bad request to follow: /],
  ])(
    'a bad request to %s is answered 400 with the reason, and the service is not called',
    async (method, body, reason) => {
      const ipc = new FakeIpcMain();
      const { api, calls } = fakeService();
      registerIpc(ipc, api);
      const answer = await ipc.invoke(new FakeWebContents(), `${IPC_PREFIX}${method}`, [
        JSON.stringify(body),
      ]);
      expect(answer).toEqual({ ok: false, status: 400, error: expect.stringMatching(reason) });
      expect(calls).toEqual([]);
    },
  );

  it('a request that is not lines of JSON is answered 400', async () => {
    const ipc = new FakeIpcMain();
    const { api, calls } = fakeService();
    registerIpc(ipc, api);
    for (const body of [{}, 'text', [1, 2], undefined]) {
      const answer = await ipc.invoke(new FakeWebContents(), `${IPC_PREFIX}follow`, body);
      expect(answer).toEqual({
        ok: false,
        status: 400,
        error: expect.stringMatching(/lines of JSON/),
      });
    }
    expect(calls).toEqual([]);
  });

  it('a failure of the service is a 500 answer with its words, not an opaque rejection', async () => {
    const ipc = new FakeIpcMain();
    registerIpc(ipc, fakeService().api);
    const window = new FakeWebContents();
    const remote = makeClient(ipcCall((channel, lines) => ipc.invoke(window, channel, lines)));
    await expect(remote.history({})).rejects.toEqual(
      new ServiceError(
        500,
        'Sendsheet refused the request: Internal error: disk on fire',
        said('app.refused', { detail: 'Internal error: disk on fire' }),
      ),
    );
  });

  it('a window that is not trusted is refused', async () => {
    const ipc = new FakeIpcMain();
    const { api, calls } = fakeService();
    registerIpc(ipc, api, {
      trust: (event) => event.senderFrame?.url.startsWith('app://sendsheet/') ?? false,
    });
    const stranger = new FakeWebContents('https://example.com/');
    expect(await ipc.invoke(stranger, `${IPC_PREFIX}profiles`, ['{}'])).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(await ipc.invoke(stranger, SUBSCRIBE_CHANNEL)).toMatchObject({ ok: false, status: 403 });
    expect(await ipc.invoke(new FakeWebContents(), `${IPC_PREFIX}profiles`, ['{}'])).toMatchObject({
      ok: true,
    });
    expect(calls).toHaveLength(1);
  });

  it('sends batch changes to subscribed windows until they unsubscribe or close', async () => {
    const ipc = new FakeIpcMain();
    const { api, emit, listeners } = fakeService();
    registerIpc(ipc, api);
    const one = new FakeWebContents();
    const two = new FakeWebContents();
    await ipc.invoke(one, SUBSCRIBE_CHANNEL);
    await ipc.invoke(one, SUBSCRIBE_CHANNEL); // twice is once
    await ipc.invoke(two, SUBSCRIBE_CHANNEL);
    expect(listeners.size).toBe(2);
    emit({ id: 'a', state: 'uploading' });
    await ipc.invoke(one, UNSUBSCRIBE_CHANNEL);
    emit({ id: 'a', state: 'ready' });
    two.destroy();
    emit({ id: 'a', state: 'success' });
    expect(one.received).toEqual([[BATCH_CHANNEL, { id: 'a', state: 'uploading' }]]);
    expect(two.received).toEqual([
      [BATCH_CHANNEL, { id: 'a', state: 'uploading' }],
      [BATCH_CHANNEL, { id: 'a', state: 'ready' }],
    ]);
    expect(listeners.size).toBe(0);
  });
});
