/**
 * One reading worker kept started ahead, so a dropped file finds SheetJS's script already loaded
 * and compiled (a megabyte; the floor the drop is judged against has its script loaded before
 * its clock starts). Each worker is still given exactly one file and then ended: whatever a
 * crafted file does dies with its worker, and the next file gets a fresh one.
 *
 * A spare is started when a file is likely next: the file screen first shows, a file is dragged
 * over the window, the person goes to choose one. Not as soon as a read is over: the spare's
 * compiling then took a core from the person's first steps on the preview, and the first
 * keystroke after a drop of 100,000 rows took 41-64 ms against 14-36 without it (issue 16). Nor
 * while a read is under way, for the same reason: the read's own worker needs the core.
 */
import type { ReaderWorker } from './read-file';

export interface Readers {
  /** A worker never given a file: the spare started ahead, or a fresh one when none waits. */
  take(): ReaderWorker;
  /** Ends a worker taken, its file read or given up. */
  end(worker: ReaderWorker): void;
}

export interface SpareReaders extends Readers {
  /** Starts the spare now, unless one already waits or a read is under way. */
  prepare(): void;
}

export function spareReaders(start: () => ReaderWorker): SpareReaders {
  let spare: ReaderWorker | null = null;
  /** Workers taken and not yet ended: reads under way. */
  let reading = 0;
  return {
    prepare() {
      if (spare !== null || reading > 0) return;
      const worker = start();
      // A spare that fails while it waits (its script not loaded: a replaced build, say) is
      // ended and forgotten; the read that would have taken it starts its own, and says why
      // that failed.
      worker.onerror = () => {
        if (spare === worker) spare = null;
        worker.terminate();
      };
      spare = worker;
    },
    take() {
      const worker = spare ?? start();
      spare = null;
      reading++;
      worker.onerror = null;
      return worker;
    },
    end(worker) {
      reading--;
      worker.terminate();
    },
  };
}
