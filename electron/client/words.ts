/** How the client names servers and durations in what it tells the person. */
import { said } from '../../core/contract/said';
import type { Said } from '../../core/contract/said';
import type { FailedAttempt } from './failover';
import type { FtpServer } from './profile';

/** `server A (127.0.0.1:2121)`; an IPv6 host in brackets. */
export function describeServer(server: FtpServer): string {
  const host = server.host.includes(':') ? `[${server.host}]` : server.host;
  return `server ${server.name} (${host}:${server.port})`;
}

/** `2 s`, `1.5 s`, `0.25 s` (a short wait, said exactly), `12.5 s`, `3 min 20 s`. */
export function formatSecondsLong(ms: number): string {
  const seconds = Math.max(0, ms) / 1000;
  if (seconds < 60) return `${Number(seconds.toFixed(seconds < 10 ? 2 : 1))} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round(seconds - minutes * 60);
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

/** `14:03:12`, the local time of day. */
function clock(at: number): string {
  return new Date(at).toLocaleTimeString('en-GB', { hour12: false });
}

/**
 * A failed try and what comes next, as one sentence: `Server B (127.0.0.1:2122) refused the
 * connection; trying again in 2 s, at 14:03:12 (giving up at 14:08:07).`
 */
export function describeFailedAttempt(attempt: FailedAttempt): string {
  const { server, reason, next, giveUpAt } = attempt;
  const failed = `${capitalize(describeServer(server))} ${reason}`;
  if (next === null) return `${failed}.`;
  if (next.inMs === 0) return `${failed}; trying ${describeServer(next.server)} now.`;
  return `${failed}; trying again in ${formatSecondsLong(next.inMs)}, at ${clock(next.at)} (giving up at ${clock(giveUpAt)}).`;
}

/** describeFailedAttempt's sentence as data, for the UI's language. */
export function failedAttemptSaid(attempt: FailedAttempt): Said {
  const { server, reasonSaid: reason, next, giveUpAt } = attempt;
  if (next === null) return said('note.attempt-failed', { server: server.name, reason });
  if (next.inMs === 0) {
    return said('note.trying-other', { server: server.name, reason, next: next.server.name });
  }
  return said('note.trying-again', {
    server: server.name,
    reason,
    wait: next.inMs,
    at: next.at,
    giveUpAt,
  });
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
