// Issue 15: a large request never holds the process. A send or an export crosses as lines of
// JSON (core/contract/wire.ts), read and checked a chunk at a time with a turn of the event
// loop between chunks, so the emulated FTP servers of `sendsheet app`, in the same process,
// answer while it is read; the export is then written in steps (core's exportSteps), with a turn
// between them too. Proven by order, not by time: the pauses are counted, an FTP command sent
// while the export is read is answered before the export is called, and one sent as the
// export starts writing is answered before it has written.
import { mkdtemp } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from 'basic-ftp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emulatedProfile } from '../backend/practice';
import { nextTurn } from '../base/next-turn';
import { answer, connect, startTestProvider } from '../server/ftp-test-util';
import type { TestProvider } from '../server/ftp-test-util';
import { exportsFolder, SendsheetService } from '../service/service';
import type { ExportRequest } from '../../core/contract/api';
import { CHUNK_ITEMS, encodeRequest, LINES_TYPE } from '../../core/contract/wire';
import { EXPORT_STEP } from '../../core/writer';
import { startHttpServer } from './http-server';
import type { RunningHttp } from './http-server';

const CHUNKS = 40;
const messages = Array.from({ length: CHUNKS * CHUNK_ITEMS }, (_, i) => ({
  msisdn: String(4520000000 + i),
  message: `Hej kunde ${i}, din ordre er klar.`,
}));

let provider: TestProvider;
let ftp: Client;
let service: SendsheetService;
let http: RunningHttp;
let dataDir: string;
/** What happened, in order. */
const events: string[] = [];
let pauses = 0;
let onPause: (count: number) => void = () => {};
let steps = 0;
let onStep: (count: number) => void = () => {};

beforeAll(async () => {
  provider = await startTestProvider();
  dataDir = join(await mkdtemp(join(tmpdir(), 'sendsheet-large-')), 'data');
  service = await SendsheetService.start({
    dataDir,
    profiles: [emulatedProfile(provider)],
    // Between two steps of writing the export (core's exportSteps).
    pause: async () => {
      steps++;
      onStep(steps);
      await nextTurn();
    },
  });
  ftp = await connect(provider);
  const exportMessages = service.exportMessages.bind(service);
  service.exportMessages = (request: ExportRequest) => {
    events.push(`export called with ${request.messages.length} messages`);
    return exportMessages(request);
  };
  http = await startHttpServer(service, {
    port: 0,
    staticDir: null,
    pause: async () => {
      pauses++;
      onPause(pauses);
      await nextTurn();
    },
  });
});

afterAll(async () => {
  ftp.close();
  await http.close();
  await service.close();
  await provider.close();
});

/** POSTs the lines, one write each, and answers the status and body. */
function post(method: string, lines: string[]): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      new URL(`/api/${method}`, http.url),
      {
        method: 'POST',
        headers: { 'content-type': LINES_TYPE, authorization: `Bearer ${http.secret}` },
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, body }));
      },
    );
    request.on('error', reject);
    for (const line of lines) request.write(`${line}\n`);
    request.end();
  });
}

describe('issue 15: a large export over HTTP leaves the emulated servers answering', () => {
  it('one pause per chunk; FTP NOOPs sent mid-request and as the export writes are answered at once', async () => {
    const folder = exportsFolder(dataDir);
    const lines = encodeRequest('exportMessages', {
      files: { baseName: 'big' },
      messages,
      folder,
    });
    expect(lines).toHaveLength(CHUNKS + 1);
    let noop: Promise<void> | null = null;
    // Sent when the server has read the first tenth of the chunks: well inside the request.
    onPause = (count) => {
      if (count !== CHUNKS / 10) return;
      events.push(`NOOP sent after chunk ${count}`);
      noop = answer(ftp, 'NOOP').then(
        (reply) => void events.push(`NOOP answered after chunk ${pauses}: ${reply}`),
      );
    };
    let written: Promise<void> | null = null;
    onStep = (count) => {
      if (count !== 1) return;
      events.push('NOOP sent at the first step of writing');
      written = answer(ftp, 'NOOP').then(
        (reply) => void events.push(`NOOP answered at step ${steps}: ${reply}`),
      );
    };
    const answered = await post('exportMessages', lines);
    expect(answered.status, answered.body).toBe(200);
    expect(JSON.parse(answered.body)).toMatchObject({ ok: true });
    await noop;
    await written;
    expect(pauses).toBe(CHUNKS);
    // A step at least every EXPORT_STEP messages checked, and as many written.
    expect(steps).toBeGreaterThanOrEqual((2 * messages.length) / EXPORT_STEP - 2);
    expect(events).toEqual([
      `NOOP sent after chunk ${CHUNKS / 10}`,
      expect.stringMatching(/^NOOP answered after chunk \d+: 200 /),
      `export called with ${messages.length} messages`,
      'NOOP sent at the first step of writing',
      expect.stringMatching(/^NOOP answered at step \d+: 200 /),
    ]);
    // Answered while chunks of the export were still to be read ...
    const chunk = Number(/after chunk (\d+):/.exec(events[1]!)![1]);
    expect(chunk).toBeLessThan(CHUNKS);
    // ... and while most of it was still to be written.
    const step = Number(/at step (\d+):/.exec(events[4]!)![1]);
    expect(step).toBeLessThan(steps / 2);
  });
});
