/**
 * Reads a dropped file off the page's thread, with limits: a file larger than MAX_INPUT_BYTES is
 * refused before it is read, and a worker still busy after the time limit is ended, so a hostile
 * or broken file cannot freeze the window. The worker is given the File itself and reads its
 * bytes there (load-file.ts). How far it has come is told as it goes, and the person can stop it.
 */
import { currentHeap, fitsIn, isOutOfMemory, takeNeed } from './memory-fit';
import type { Heap } from './memory-fit';
import { OUTDATED_PAGE_CODE, pageIsOutdated } from './outdated';
import type { ChosenFile } from './load-file';
import type { ReadOutcome, ReadProgress, WorkerMessage } from './read-outcome';
import type { ReadRequest } from './read-worker';
import { spareReaders } from './spare-reader';
import type { Readers } from './spare-reader';
import { unpackOutcome } from './transfer';

/** The provider reads files up to 30 MiB; a spreadsheet of that many rows is larger, so 100 MiB. */
export const MAX_INPUT_BYTES = 100 * 1024 * 1024;
export const READ_TIME_LIMIT_MS = 60_000;
/**
 * And this much more for each MiB: a whole Excel sheet (57 MiB) takes SheetJS 25-40 s on a
 * quiet machine and more than twice that on a busy one, so a limit that ignores the size stopped
 * honest files; the files that hang a reader (issue 5: crafted patterns) are small.
 */
export const READ_TIME_PER_MIB_MS = 5_000;

/** The time limit for reading a file of `bytes`. */
export function readTimeLimitMs(bytes: number): number {
  return READ_TIME_LIMIT_MS + Math.ceil((bytes / 1024 / 1024) * READ_TIME_PER_MIB_MS);
}

export interface ReadLimits {
  maxBytes: number;
  timeLimitMs: number;
}

/** The worker's side as the page uses it; a test gives its own. */
export interface ReaderWorker {
  onmessage: ((event: MessageEvent<WorkerMessage>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: ReadRequest, transfer: Transferable[]): void;
  terminate(): void;
}

export interface ReadOptions {
  limits?: ReadLimits;
  onProgress?: (progress: ReadProgress) => void;
  /** Aborted: the worker is ended and the read comes to null. */
  signal?: AbortSignal;
  /** Where the read's worker comes from and goes back to; a test gives its own. */
  readers?: Readers;
  /** The page's heap now, where the browser tells it (currentHeap); a test gives its own. */
  heap?: () => Heap | null;
}

function startReadWorker(): ReaderWorker {
  return new Worker(new URL('./read-worker.ts', import.meta.url), {
    type: 'module',
  }) as ReaderWorker;
}

const readers = spareReaders(startReadWorker);

/** Starts the next file's reading worker ahead (a file is likely next), so a drop need not. */
export function prepareReader(): void {
  readers.prepare();
}

/** The outcome, or null when the person stopped the read. */
export async function readFileInWorker(
  file: ChosenFile,
  options: ReadOptions = {},
): Promise<ReadOutcome | null> {
  const {
    limits = { maxBytes: MAX_INPUT_BYTES, timeLimitMs: readTimeLimitMs(file.size) },
    onProgress = () => {},
    signal,
    readers: workers = readers,
    heap = currentHeap,
  } = options;
  const name = file.name;
  const tooLargeForMemory: ReadOutcome = {
    ok: false,
    failure: { code: 'too-large-for-memory', name },
  };
  if (file.size > limits.maxBytes) {
    return { ok: false, failure: { code: 'too-large', name, limit: limits.maxBytes } };
  }
  // A File is posted as it is, and the worker reads it: its bytes never pass through the page.
  const source = file instanceof Blob ? file : await file.arrayBuffer();
  if (signal?.aborted) return null;
  const worker = workers.take();
  try {
    const outcome = await new Promise<ReadOutcome | 'failed' | null>((resolve) => {
      const seconds = Math.round(limits.timeLimitMs / 1000);
      const timer = setTimeout(
        () => resolve({ ok: false, failure: { code: 'too-slow', name, seconds } }),
        limits.timeLimitMs,
      );
      const stop = () => {
        clearTimeout(timer);
        resolve(null);
      };
      signal?.addEventListener('abort', stop, { once: true });
      const pieces: string[] = [];
      worker.onmessage = (event) => {
        const message = event.data;
        if (message.type === 'progress') {
          onProgress(message.progress);
          return;
        }
        if (message.type === 'piece') {
          pieces.push(message.text);
          return;
        }
        clearTimeout(timer);
        signal?.removeEventListener('abort', stop);
        // The sheet is taken only when the page can hold its preview too: a page out of heap
        // ends the tab, and nothing of the sheet is shown meanwhile. (The worker judged the
        // texts against the page's heap before sending them; the page may have grown since.)
        if (!fitsIn(takeNeed(message.outcome), heap())) return resolve(tooLargeForMemory);
        const detail = `The reader sent ${pieces.length} pieces of text, not the sheets' own.`;
        resolve(
          unpackOutcome(message.outcome, pieces) ?? {
            ok: false,
            failure: { code: 'reader-error', name, detail },
          },
        );
      };
      worker.onerror = (event) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', stop);
        // A reader that could not start has no message: the page may be from a replaced build.
        if (!event.message) resolve('failed');
        else if (isOutOfMemory(event.message)) resolve(tooLargeForMemory);
        else resolve({ ok: false, failure: { code: 'reader-error', name, detail: event.message } });
      };
      worker.postMessage(
        { name, file: source, heap: heap() },
        source instanceof ArrayBuffer ? [source] : [],
      );
    });
    if (outcome !== 'failed') return outcome;
    return {
      ok: false,
      failure: { code: (await pageIsOutdated()) ? OUTDATED_PAGE_CODE : 'reader-stopped', name },
    };
  } finally {
    workers.end(worker);
  }
}
