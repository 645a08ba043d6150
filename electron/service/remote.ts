/**
 * The service as the UI reaches it: the same interface, over HTTP (headless mode) or over IPC
 * (the Electron window). No Node here: the renderer imports it as it is.
 */
import { API_PREFIX, IPC_PREFIX, METHODS } from './api';
import type { IpcAnswer, Method, SendsheetApi } from './api';

/** The transport refused the request (a bad request: 400) or the service failed (500). */
export class RemoteError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function build(call: (method: Method, request: unknown) => Promise<unknown>): SendsheetApi {
  const api: Partial<Record<Method, (request: unknown) => Promise<unknown>>> = {};
  for (const method of METHODS) api[method] = (request) => call(method, request ?? {});
  return api as unknown as SendsheetApi;
}

/** The service at `baseUrl` (`http://127.0.0.1:5173/`). */
export function httpApi(baseUrl: string, fetchImpl: typeof fetch = fetch): SendsheetApi {
  return build(async (method, request) => {
    const response = await fetchImpl(new URL(`${API_PREFIX}${method}`, baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
    const body = (await response.json()) as { error?: string };
    if (!response.ok) throw new RemoteError(response.status, body.error ?? response.statusText);
    return body;
  });
}

/** The service behind Electron's `ipcRenderer.invoke`, as the preload script exposes it. */
export function ipcApi(
  invoke: (channel: string, request: unknown) => Promise<unknown>,
): SendsheetApi {
  return build(async (method, request) => {
    const answer = (await invoke(`${IPC_PREFIX}${method}`, request)) as IpcAnswer;
    if (!answer.ok) throw new RemoteError(answer.status, answer.error);
    return answer.value;
  });
}
