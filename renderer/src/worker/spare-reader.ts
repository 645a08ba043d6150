/**
 * One reading worker kept started ahead, so a dropped file finds SheetJS's script already loaded
 * and compiled (a megabyte; the floor the drop is judged against has its script loaded before
 * its clock starts). Each worker is still given exactly one file and then ended: whatever a
 * crafted file does dies with its worker, and the next file gets a fresh one.
 */
import type { ReaderWorker } from './read-file';

export interface Readers {
  /** A worker never given a file: the spare started ahead, or a fresh one when none waits. */
  take(): ReaderWorker;
  /** Ends a worker taken, its file read or given up; a new spare follows when the page is idle. */
  end(worker: ReaderWorker): void;
}

export interface SpareReaders extends Readers {
  /** Starts the spare now, unless one already waits. */
  prepare(): void;
}

/**
 * Runs `run` once the page has drawn what it was busy with: a spare loading beside the page's
 * building of a preview would take a core from it.
 */
function whenIdle(run: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 2_000 });
  else setTimeout(run, 0);
}

export function spareReaders(
  start: () => ReaderWorker,
  later: (run: () => void) => void = whenIdle,
): SpareReaders {
  let spare: ReaderWorker | null = null;
  let coming = false;
  function prepare(): void {
    if (spare !== null) return;
    const worker = start();
    // A spare that fails while it waits (its script not loaded: a replaced build, say) is ended
    // and forgotten; the read that would have taken it starts its own, and says why that failed.
    worker.onerror = () => {
      if (spare === worker) spare = null;
      worker.terminate();
    };
    spare = worker;
  }
  return {
    prepare,
    take() {
      const worker = spare ?? start();
      spare = null;
      worker.onerror = null;
      return worker;
    },
    end(worker) {
      worker.terminate();
      if (coming) return;
      coming = true;
      later(() => {
        coming = false;
        prepare();
      });
    },
  };
}
