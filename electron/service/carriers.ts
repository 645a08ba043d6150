/**
 * Which process carries a batch (uploads it, or follows it): the app and `sendsheet send` share
 * one history, and a batch left `uploading` by a process that is gone must be taken up by the
 * next (reconciled, finished), never while its own process still works on it: two processes
 * uploading one batch could both rename it, and the provider would send it twice.
 *
 * A carrier is a process id on a host since a boot. The history records it with the batch
 * (under its lock, history.ts), and it is alive while that process runs: a process killed, or
 * a machine restarted, leaves a carrier that is not. The boot time keeps a process id that the
 * system gave again after a restart from passing for the one that recorded it.
 */
import { hostname, uptime } from 'node:os';

export interface Carrier {
  pid: number;
  host: string;
  /** When the machine started, in seconds since 1970 (rounded: uptime drifts a little). */
  boot: number;
}

function bootTime(): number {
  return Math.round(Date.now() / 1000 - uptime());
}

export function thisProcess(): Carrier {
  return { pid: process.pid, host: hostname(), boot: bootTime() };
}

export function sameCarrier(a: Carrier, b: Carrier): boolean {
  return a.pid === b.pid && a.host === b.host && Math.abs(a.boot - b.boot) <= 5;
}

/**
 * Whether the process may still be carrying its batches. A process on another host (a data
 * folder shared over the network) cannot be asked, so it counts as alive: its batches are left
 * to it, never taken over while it may work on them.
 */
export function isAlive(carrier: Carrier): boolean {
  if (carrier.host !== hostname()) return true;
  if (Math.abs(carrier.boot - bootTime()) > 5) return false;
  if (carrier.pid === process.pid) return true;
  try {
    process.kill(carrier.pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists, but is another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function isCarrier(value: unknown): value is Carrier {
  const carrier = value as Carrier | null;
  return (
    typeof carrier === 'object' &&
    carrier !== null &&
    Number.isInteger(carrier.pid) &&
    typeof carrier.host === 'string' &&
    typeof carrier.boot === 'number'
  );
}
