/**
 * The service as the UI sees it: the contract's one client (core/contract/client.ts), reached
 * over IPC in the Electron window (the preload puts it on `window.sendsheet`) or over HTTP in
 * headless mode, with batch changes as server-sent events. Chosen once at startup; nothing else
 * in the UI knows which.
 */
import type { Batch, BatchListener, Service } from '../../../core/contract/api';
import { BATCH_EVENT, EVENTS_PATH } from '../../../core/contract/channels';
import { httpCall, makeClient } from '../../../core/contract/client';
import type { FetchLike } from '../../../core/contract/client';

export type { Service };

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a browser. */
    sendsheet?: Service;
  }
}

export interface EventSourceLike {
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}

/** One event stream for every listener, opened with the first and closed after the last. */
function sharedEvents(
  url: string,
  openEvents: (url: string) => EventSourceLike,
): (listener: BatchListener) => () => void {
  const listeners = new Set<BatchListener>();
  let source: EventSourceLike | null = null;
  return (listener) => {
    listeners.add(listener);
    if (source === null) {
      source = openEvents(url);
      source.addEventListener(BATCH_EVENT, (event) => {
        const batch = JSON.parse(event.data) as Batch;
        for (const each of listeners) each(batch);
      });
    }
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && source !== null) {
        source.close();
        source = null;
      }
    };
  };
}

const NEWLINE = new Uint8Array([0x0a]);

/**
 * A request's lines as the body's bytes: each line encoded to UTF-8 on its own, the same bytes
 * as the lines joined. A send of 250,000 messages is 30 M characters: given as one joined string,
 * Chromium's fetch took 14-20 s to encode it, against 3-5 s for the lines one by one
 * (bench/PROFILE.md, part B).
 */
export function linesBody(lines: readonly string[]): Blob {
  const encoder = new TextEncoder();
  const parts: Uint8Array<ArrayBuffer>[] = [];
  lines.forEach((line, index) => {
    if (index > 0) parts.push(NEWLINE);
    parts.push(encoder.encode(line));
  });
  return new Blob(parts);
}

/**
 * The service over HTTP: `POST /api/<method>`; batch changes as server-sent events. Both carry
 * this run's secret without a word here: the page was opened from the address `sendsheet app`
 * printed, which set it as an HttpOnly cookie of this origin, and fetch and EventSource send a
 * same-origin cookie by themselves (electron/http/secret.ts).
 */
export function httpService(
  base: string,
  fetchImpl: FetchLike<Blob> = (url, init) => fetch(url, init),
  openEvents: (url: string) => EventSourceLike = (url) => new EventSource(url),
): Service {
  const root = base.replace(/\/$/, '');
  return {
    ...makeClient(httpCall(root, fetchImpl, {}, linesBody)),
    subscribe: sharedEvents(`${root}${EVENTS_PATH}`, openEvents),
  };
}

export function chooseService(): Service {
  return window.sendsheet ?? httpService('');
}
