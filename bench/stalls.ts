/**
 * Watches for the machine stalling: a timer in a worker thread of this process, outside the
 * browser, that should fire every 2 ms. When it fires late by tens of milliseconds, every
 * process here was held up (a virtual machine's CPU taken away, the host swapping), and a long
 * frame the page measured at that moment is not the page's doing. The UI bench reports such
 * frames apart, and still counts them.
 */
import { Worker } from 'node:worker_threads';

/** A time the timer fired late by over 10 ms: wall-clock start and end, in ms since the epoch. */
export interface Stall {
  from: number;
  to: number;
}

/**
 * Late by over 30 ms is a stall: while the UI bench scrolls, with Chromium busy on both cores,
 * the timer is late by 12 ms at most; a stalled machine holds it up far longer. Smaller delays
 * are kept too, to be reported beside a long frame.
 */
export const STALL_MS = 30;

// getBuiltinModule, as the code runs as CommonJS or as a module depending on the loader.
// The first tick tells the watcher is watching: a thread takes tens of milliseconds to start,
// more on a busy machine, and a stall before its timer runs would go unseen. Stopping looks at
// the time once more, so that a stall still going on when asked to stop is counted too.
const WATCHER = `
const { parentPort } = process.getBuiltinModule('node:worker_threads');
const stalls = [];
let last = null;
const tick = () => {
  const now = Date.now();
  if (last === null) parentPort.postMessage('watching');
  else if (now - last > 10) stalls.push({ from: last, to: now });
  last = now;
};
const timer = setInterval(tick, 2);
parentPort.on('message', () => {
  clearInterval(timer);
  if (last !== null) tick();
  parentPort.postMessage(stalls);
});
`;

/** Starts watching; resolves once the watcher's timer runs. */
export async function watchStalls(): Promise<{ stop: () => Promise<Stall[]> }> {
  const worker = new Worker(WATCHER, { eval: true });
  await new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
  return {
    stop: async () => {
      const stalls = new Promise<Stall[]>((resolve) => worker.once('message', resolve));
      worker.postMessage('stop');
      const found = await stalls;
      await worker.terminate();
      return found;
    },
  };
}

/** The longest delay of the timer during a frame, in ms: 0 when it was never late. */
export function lateness(end: number, duration: number, stalls: readonly Stall[]): number {
  let most = 0;
  for (const stall of stalls) {
    if (stall.to > end - duration && stall.from < end) most = Math.max(most, stall.to - stall.from);
  }
  return most;
}

/**
 * Whether a frame that ended at `end` (ms since the epoch) after `duration` ms overlaps a stall
 * long enough to explain it: the frame would have been short without the time lost.
 */
export function explainedByStall(
  end: number,
  duration: number,
  stalls: readonly Stall[],
  frameBudget = 50,
): boolean {
  const start = end - duration;
  return stalls.some((stall) => {
    if (stall.to - stall.from <= STALL_MS) return false;
    const lost = Math.min(end, stall.to) - Math.max(start, stall.from);
    return lost > 0 && duration - lost <= frameBudget;
  });
}
