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

/**
 * The service over HTTP: `POST /api/<method>`; batch changes as server-sent events. Both carry
 * this run's secret without a word here: the page was opened from the address `sendsheet app`
 * printed, which set it as an HttpOnly cookie of this origin, and fetch and EventSource send a
 * same-origin cookie by themselves (electron/http/secret.ts).
 */
export function httpService(
  base: string,
  fetchImpl: FetchLike = (url, init) => fetch(url, init),
  openEvents: (url: string) => EventSourceLike = (url) => new EventSource(url),
): Service {
  const root = base.replace(/\/$/, '');
  return {
    ...makeClient(httpCall(root, fetchImpl)),
    subscribe: sharedEvents(`${root}${EVENTS_PATH}`, openEvents),
  };
}

export function chooseService(): Service {
  return window.sendsheet ?? httpService('');
}
