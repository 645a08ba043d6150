/// <reference lib="webworker" />
/**
 * The reading worker: one file in, sheets of text out, with how many rows are read posted now
 * and then. A worker is used once and then ended, so whatever a crafted file does to this
 * worker's objects dies with it.
 */
import { errorText } from '../../../core/contract/errors';
import type { WorkerMessage } from './read-outcome';
import { readAnyFile } from './spreadsheet';

export interface ReadRequest {
  name: string;
  bytes: ArrayBuffer;
}

/** At most this often the page hears how far reading is: it has a screen to draw. */
const REPORT_EVERY_MS = 100;

function post(message: WorkerMessage): void {
  self.postMessage(message);
}

self.onmessage = (event: MessageEvent<ReadRequest>) => {
  const { name, bytes } = event.data;
  let reported = 0;
  const onRows = (rows: number) => {
    const now = performance.now();
    if (now - reported < REPORT_EVERY_MS) return;
    reported = now;
    post({ type: 'progress', progress: { phase: 'reading', rows } });
  };
  try {
    post({ type: 'done', outcome: readAnyFile(name, new Uint8Array(bytes), onRows) });
  } catch (error) {
    post({
      type: 'done',
      outcome: { ok: false, failure: { code: 'reader-error', name, detail: errorText(error) } },
    });
  }
};
