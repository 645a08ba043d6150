/// <reference lib="webworker" />
/**
 * The reading worker: one file in, sheets of text out, with how many rows are read posted now
 * and then. A worker is used once and then ended, so whatever a crafted file does to this
 * worker's objects dies with it.
 */
import { errorText } from '../../../core/contract/errors';
import type { ReadOutcome, WorkerMessage } from './read-outcome';
import { isOutOfMemory, packWithin } from './memory-fit';
import type { Heap } from './memory-fit';
import { readAnyFile } from './spreadsheet';
import { loadBytes } from './load-file';

export interface ReadRequest {
  name: string;
  /**
   * The chosen file, read here (a File crosses as a reference, not its bytes), or its bytes
   * where the page was given something other than a Blob (a test's file).
   */
  file: Blob | ArrayBuffer;
  /**
   * The page's heap when it asked (a worker's limit is the same, and a worker cannot read it),
   * or null where the browser does not tell.
   */
  heap: Heap | null;
}

/** At most this often the page hears how far reading is: it has a screen to draw. */
const REPORT_EVERY_MS = 100;

function post(message: WorkerMessage, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

self.onmessage = async (event: MessageEvent<ReadRequest>) => {
  const { name, file, heap } = event.data;
  let reported = 0;
  const onRows = (rows: number) => {
    const now = performance.now();
    if (now - reported < REPORT_EVERY_MS) return;
    reported = now;
    post({ type: 'progress', progress: { phase: 'reading', rows } });
  };
  let outcome: ReadOutcome;
  try {
    const bytes =
      file instanceof ArrayBuffer
        ? file
        : await loadBytes(
            file,
            (progress) => post({ type: 'progress', progress }),
            () => performance.now(),
          );
    outcome = readAnyFile(name, new Uint8Array(bytes), onRows, heap?.limit ?? null);
  } catch (error) {
    outcome = isOutOfMemory(error)
      ? { ok: false, failure: { code: 'too-large-for-memory', name } }
      : { ok: false, failure: { code: 'reader-error', name, detail: errorText(error) } };
  }
  const { pieces, packed, transfer } = packWithin(outcome, name, heap);
  // Each piece its own message: the page makes one's strings while this copies the next.
  for (const text of pieces) post({ type: 'piece', text });
  post({ type: 'done', outcome: packed }, transfer);
};
