/**
 * The service as the UI sees it: one object with the interface of electron/service/api.ts,
 * reached over IPC in the Electron window (the preload puts it on `window.sendsheet`) or over
 * HTTP in headless mode. Chosen once at startup; nothing else in the UI knows which.
 */
import type {
  Batch,
  BatchListener,
  Method,
  SendsheetApi,
  SendsheetEvents,
} from '../../../electron/service/api';

export type Service = SendsheetApi & SendsheetEvents;

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a browser. */
    sendsheet?: Service;
  }
}

// The transport names of api.ts (API_PREFIX, EVENTS_PATH, BATCH_EVENT). The UI takes only types
// from there, so they are repeated; client.test.ts proves they are the same.
export const API_PREFIX = '/api/';
export const EVENTS_PATH = '/api/events';
export const BATCH_EVENT = 'batch';

/** A call the transport refused or could not make: not one of the service's own outcomes. */
export class ServiceError extends Error {}

type Fetch = (input: string, init: RequestInit) => Promise<Response>;

export interface EventSourceLike {
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}

/** The service over HTTP: `POST /api/<method>` with JSON; batch changes as server-sent events. */
export function httpService(
  base: string,
  fetchImpl: Fetch = (input, init) => fetch(input, init),
  openEvents: (url: string) => EventSourceLike = (url) => new EventSource(url),
): Service {
  const root = base.replace(/\/$/, '');
  async function call(method: Method, request: unknown): Promise<unknown> {
    let response: Response;
    try {
      response = await fetchImpl(`${root}${API_PREFIX}${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request),
      });
    } catch {
      throw new ServiceError(
        'Sendsheet is not answering: check that it is still running, then try again.',
      );
    }
    const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
    if (!response.ok) {
      const words = typeof body?.error === 'string' ? body.error : `status ${response.status}`;
      throw new ServiceError(`Sendsheet refused the request: ${words}`);
    }
    return body;
  }

  const listeners = new Set<BatchListener>();
  let source: EventSourceLike | null = null;
  const service = {
    subscribe(listener: BatchListener) {
      listeners.add(listener);
      if (source === null) {
        source = openEvents(`${root}${EVENTS_PATH}`);
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
    },
  } as Service;
  const methods: Method[] = [
    'openFile',
    'check',
    'exportMessages',
    'send',
    'batches',
    'follow',
    'history',
    'clearHistory',
    'profiles',
    'updateProfile',
  ];
  for (const method of methods) {
    (service as unknown as Record<Method, (request: unknown) => Promise<unknown>>)[method] = (
      request,
    ) => call(method, request);
  }
  return service;
}

export function chooseService(): Service {
  return window.sendsheet ?? httpService('');
}
