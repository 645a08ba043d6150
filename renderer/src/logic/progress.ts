/**
 * Where a long piece of work is, stage by stage, for the progress the page shows (issue 16):
 * with Excel's whole sheet each stage takes seconds to minutes, and a page that says nothing
 * meanwhile looks broken. Reading the file has its own progress (the file store's).
 */
import { FINAL_STATES } from '../../../core/contract/api';
import type { Batch } from '../../../core/contract/api';
import { EXPORT_STEP } from '../../../core/writer';
import type { Steps } from '../../../core/writer';

export type WorkProgress =
  /** The file is read; the preview of its rows is being built. */
  | { stage: 'building'; rows: number }
  /** The export's files are being written: `done` of about `total` steps. */
  | { stage: 'writing'; done: number; total: number }
  /** The messages are handed to the app's service, which writes and checks the files. */
  | { stage: 'preparing'; messages: number }
  /** File `file` of `files` is being uploaded (`percent` of it, when known). */
  | { stage: 'uploading'; file: number; files: number; percent: number | null }
  /** Every file is with the provider; `done` of `files` are processed. */
  | { stage: 'processing'; done: number; files: number };

/** An export's progress before its messages are made: nothing written yet. */
export const WRITING_STARTS: WorkProgress = { stage: 'writing', done: 0, total: 1 };

/**
 * About how many steps core's exportSteps takes for `messages` in files of `rowsPerFile`: the
 * check, the encoding's choice (at most) and the writing each yield every EXPORT_STEP
 * messages, and each file once more. An estimate for a progress bar, never above the truth by
 * much: the encoding's pass may end early.
 */
export function exportStepCount(messages: number, rowsPerFile: number): number {
  const passes = Math.floor(Math.max(0, messages - 1) / EXPORT_STEP);
  const files = Math.ceil(messages / Math.max(1, rowsPerFile));
  let writing = 0;
  for (let file = 0; file < files; file++) {
    const rows = Math.min(rowsPerFile, messages - file * rowsPerFile);
    writing += Math.floor(Math.max(0, rows - 1) / EXPORT_STEP) + 1;
  }
  return passes * 2 + writing;
}

/** Resolves after the page has had the chance to show a frame. */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame === 'function') {
      requestAnimationFrame(() => setTimeout(resolve, 0));
    } else {
      setTimeout(resolve, 0);
    }
  });
}

/**
 * Runs `steps` to the end in slices of about `sliceMs`, giving the page a frame between
 * slices and telling `onStep` how many steps are done: the page stays responsive and its
 * progress moves while a million messages are written.
 */
export async function runSteps<T>(
  steps: Steps<T>,
  onStep: (done: number) => void,
  sliceMs = 40,
): Promise<T> {
  let done = 0;
  let sliceStart = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    done++;
    if (performance.now() - sliceStart >= sliceMs) {
      onStep(done);
      await nextFrame();
      sliceStart = performance.now();
    }
  }
}

/**
 * Where the send of `campaign` is, from its batches as the service reports them: uploading
 * file k of n, then the provider processing them; null when every file has ended (the
 * timeline says how) or there are none.
 */
export function sendProgress(
  batches: readonly Batch[],
  campaign: string | null,
): WorkProgress | null {
  if (campaign === null) return null;
  const files = batches.filter((batch) => batch.campaign === campaign);
  if (files.length === 0) return null;
  const ended = files.filter((batch) => FINAL_STATES.includes(batch.state)).length;
  if (ended === files.length) return null;
  const uploading = files.filter((batch) => batch.state === 'uploading');
  if (uploading.length > 0) {
    const uploaded = files.filter(
      (batch) => batch.state !== 'uploading' && !FINAL_STATES.includes(batch.state),
    ).length;
    // Files go one after another: the one under way is the one after those already handed over.
    const current = uploading[0]!;
    return {
      stage: 'uploading',
      file: Math.min(files.length, uploaded + ended + 1),
      files: files.length,
      percent: current.progress?.percent ?? null,
    };
  }
  return { stage: 'processing', done: ended, files: files.length };
}
