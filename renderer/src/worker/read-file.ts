/**
 * Reads a dropped file off the page's thread, with limits: a file larger than MAX_INPUT_BYTES is
 * refused before it is read, and a worker still busy after the time limit is ended, so a hostile
 * or broken file cannot freeze the window.
 */
import { OUTDATED_PAGE, pageIsOutdated } from './outdated';
import type { ReadRequest } from './read-worker';
import type { ReadOutcome } from './spreadsheet';
import { unpackOutcome } from './transfer';
import type { PackedOutcome } from './transfer';

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

export async function readFileInWorker(
  file: { name: string; size: number; arrayBuffer(): Promise<ArrayBuffer> },
  limits: ReadLimits = { maxBytes: MAX_INPUT_BYTES, timeLimitMs: readTimeLimitMs(file.size) },
): Promise<ReadOutcome> {
  if (file.size > limits.maxBytes) {
    const mib = (limits.maxBytes / 1024 / 1024).toFixed(0);
    return {
      ok: false,
      error: `${file.name} is larger than ${mib} MiB: split it into smaller files.`,
    };
  }
  const bytes = await file.arrayBuffer();
  const worker = new Worker(new URL('./read-worker.ts', import.meta.url), { type: 'module' });
  try {
    const outcome = await new Promise<ReadOutcome | 'failed'>((resolve) => {
      const timer = setTimeout(() => {
        resolve({
          ok: false,
          error: `${file.name} took longer than ${Math.round(limits.timeLimitMs / 1000)} seconds to read, so reading was stopped. Save it again as CSV, or split it.`,
        });
      }, limits.timeLimitMs);
      worker.onmessage = (event: MessageEvent<PackedOutcome>) => {
        clearTimeout(timer);
        resolve(unpackOutcome(event.data));
      };
      worker.onerror = (event) => {
        clearTimeout(timer);
        // A reader that could not start has no message: the page may be from a replaced build.
        resolve(
          event.message
            ? { ok: false, error: `${file.name} could not be read: ${event.message}.` }
            : 'failed',
        );
      };
      const request: ReadRequest = { name: file.name, bytes };
      worker.postMessage(request, [bytes]);
    });
    if (outcome !== 'failed') return outcome;
    return {
      ok: false,
      error: (await pageIsOutdated())
        ? OUTDATED_PAGE
        : `${file.name} could not be read: the reader stopped.`,
    };
  } finally {
    worker.terminate();
  }
}
