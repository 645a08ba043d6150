/**
 * The memory of a page while it works, sampled from outside: the largest Chromium renderer
 * process among this process's descendants (the page, its workers and Blink; Linux /proc), and
 * the page's JavaScript heap (the DevTools protocol). Peaks are what a drop costs at most.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { CDPSession } from 'playwright-core';

function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command's name is in parentheses and may hold spaces: the fields after it are fixed.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/** RSS of each Chromium renderer that descends from this process, in MiB. */
export function rendererRssMiB(): number[] {
  const pids = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
  const parents = new Map(pids.map((pid) => [pid, parentOf(pid)]));
  const ours = (pid: number): boolean => {
    for (let at: number | null | undefined = pid; at; at = parents.get(at)) {
      if (at === process.pid) return true;
    }
    return false;
  };
  const sizes: number[] = [];
  for (const pid of pids) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      if (!ours(pid)) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (rss) sizes.push(Number(rss[1]) / 1024);
    } catch {
      // The process ended meanwhile.
    }
  }
  return sizes;
}

export interface MemoryPeaks {
  /** The largest renderer's RSS at its largest, MiB. */
  rendererMiB: number;
  /** The page's JavaScript heap at its largest, MiB. */
  heapMiB: number;
}

/** Samples until stopped; `cdp` is a session of the page whose heap is watched. */
export function watchMemory(cdp: CDPSession, intervalMs = 200): { stop(): Promise<MemoryPeaks> } {
  const peaks: MemoryPeaks = { rendererMiB: 0, heapMiB: 0 };
  let pending: Promise<void> = Promise.resolve();
  const sample = async () => {
    peaks.rendererMiB = Math.max(peaks.rendererMiB, ...rendererRssMiB());
    try {
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      peaks.heapMiB = Math.max(peaks.heapMiB, usedSize / 2 ** 20);
    } catch {
      // The page is busy closing, or crashed: the peaks so far stand.
    }
  };
  const timer = setInterval(() => {
    pending = pending.then(sample);
  }, intervalMs);
  return {
    async stop() {
      clearInterval(timer);
      await pending;
      await sample();
      return peaks;
    },
  };
}

/** The page's heap after a full collection: what it keeps, MiB. */
export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 2 ** 20;
}
