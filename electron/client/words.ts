/** How the client names servers and durations in what it tells the person. */
import type { FtpServer } from './profile';

/** `server A (127.0.0.1:2121)`; an IPv6 host in brackets. */
export function describeServer(server: FtpServer): string {
  const host = server.host.includes(':') ? `[${server.host}]` : server.host;
  return `server ${server.name} (${host}:${server.port})`;
}

/** `2 s`, `1.5 s`, `3 min 20 s`. */
export function formatSecondsLong(ms: number): string {
  const seconds = Math.max(0, ms) / 1000;
  if (seconds < 60) return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round(seconds - minutes * 60);
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}
