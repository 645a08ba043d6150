// Issue 15: a large request over IPC never holds the main process. The window hands over all of
// a send's lines at once, so only the pauses between chunks let anything else run while they
// are checked: here the emulated FTP servers, which run in the desktop app's main process too.
// Proven by order: an FTP NOOP sent as the request starts is answered before the service is
// called (without the pauses, every chunk is checked first, and the NOOP waits).
import { describe, expect, it } from 'vitest';
import { answer, connect, startTestProvider } from '../server/ftp-test-util';
import { METHODS } from '../../core/contract/api';
import type { IpcAnswer, SendsheetApi, SendsheetEvents } from '../../core/contract/api';
import { IPC_PREFIX } from '../../core/contract/channels';
import { CHUNK_ITEMS, encodeRequest } from '../../core/contract/wire';
import { registerIpc } from './ipc-transport';
import type { IpcInvokeEventLike, IpcMainLike } from './ipc-transport';

type Handler = (event: IpcInvokeEventLike, ...args: unknown[]) => unknown;
const CHUNKS = 60;

describe('issue 15: a large send over IPC leaves the emulated servers answering', () => {
  it('an FTP NOOP sent as the send starts is answered before the service gets the send', async () => {
    const provider = await startTestProvider();
    const ftp = await connect(provider);
    const events: string[] = [];
    const api = { subscribe: () => () => {} } as unknown as Record<string, unknown>;
    for (const method of METHODS) {
      api[method] = async (request: { messages?: unknown[] }) => {
        events.push(`${method} called with ${request.messages?.length} messages`);
        return { ok: true, batches: [] };
      };
    }
    const handlers = new Map<string, Handler>();
    const ipcMain: IpcMainLike = {
      handle: (channel, handler) => void handlers.set(channel, handler),
      removeHandler: (channel) => void handlers.delete(channel),
    };
    registerIpc(ipcMain, api as unknown as SendsheetApi & SendsheetEvents);
    try {
      const messages = Array.from({ length: CHUNKS * CHUNK_ITEMS }, (_, i) => ({
        msisdn: String(4520000000 + i),
        message: `Hej kunde ${i}, din ordre er klar.`,
      }));
      const lines = encodeRequest('send', {
        profile: 'emulated',
        files: { baseName: 'big' },
        messages,
      });
      const noop = answer(ftp, 'NOOP').then((reply) => void events.push(`NOOP: ${reply}`));
      const sent = (await handlers.get(`${IPC_PREFIX}send`)!(
        { sender: {} as never, senderFrame: { url: 'app://sendsheet/' } },
        lines,
      )) as IpcAnswer;
      await noop;
      expect(sent).toMatchObject({ ok: true });
      expect(events).toEqual([
        expect.stringMatching(/^NOOP: 200 /),
        `send called with ${messages.length} messages`,
      ]);
    } finally {
      ftp.close();
      await provider.close();
    }
  });
});
