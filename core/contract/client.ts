/**
 * One client for the contract, made from its method list: each method becomes a call through a
 * transport. The HTTP transport (headless mode, and tests) and the IPC one (the desktop
 * window's preload) are the two calls below; the service's answers come back as they are, and
 * only a transport's refusal becomes an exception (ServiceError).
 */
import { METHODS } from './api';
import type { IpcAnswer, Method, SendsheetApi } from './api';
import { API_PREFIX, IPC_PREFIX } from './channels';
import { ServiceError } from './errors';
import { said } from './said';
import { encodeRequest, LINES_TYPE } from './wire';

/** Calls one method of the service with its request; answers what the service answered. */
export type Call = (method: Method, request: unknown) => Promise<unknown>;

export function makeClient(call: Call): SendsheetApi {
  const client: Partial<Record<Method, (request: unknown) => Promise<unknown>>> = {};
  for (const method of METHODS) client[method] = (request) => call(method, request ?? {});
  return client as SendsheetApi;
}

/**
 * The little of `fetch` used here, so this file needs neither the DOM's types nor Node's. Its
 * body is the request's lines joined, or what `bodyOf` made of them.
 */
export type FetchLike<Body = string> = (
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body: Body },
) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

/** `POST <base>/api/<method>` with the request's lines; `base` '' is the page's own origin. */
export function httpCall(
  base: string,
  fetchImpl: FetchLike,
  headers?: Record<string, string>,
): Call;
/** The same, with the lines made into a body of another kind (the page's: linesBody). */
export function httpCall<Body>(
  base: string,
  fetchImpl: FetchLike<Body>,
  headers: Record<string, string>,
  bodyOf: (lines: string[]) => Body,
): Call;
export function httpCall<Body>(
  base: string,
  fetchImpl: FetchLike<Body>,
  headers: Record<string, string> = {},
  // Without bodyOf, Body is string (the first signature).
  bodyOf: (lines: string[]) => Body = (lines) => lines.join('\n') as Body,
): Call {
  const root = base.replace(/\/$/, '');
  return async (method, request) => {
    let response;
    try {
      response = await fetchImpl(`${root}${API_PREFIX}${method}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': LINES_TYPE },
        body: bodyOf(encodeRequest(method, request)),
      });
    } catch {
      throw new ServiceError(
        0,
        'Sendsheet is not answering: check that it is still running, then try again.',
        said('app.not-answering'),
      );
    }
    const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
    if (!response.ok) {
      const words = typeof body?.error === 'string' ? body.error : `status ${response.status}`;
      throw new ServiceError(
        response.status,
        `Sendsheet refused the request: ${words}`,
        said('app.refused', { detail: words }),
      );
    }
    return body;
  };
}

/** Electron's `ipcRenderer.invoke` on `sendsheet:<method>` with the request's lines. */
export function ipcCall(invoke: (channel: string, lines: string[]) => Promise<unknown>): Call {
  return async (method, request) => {
    const answer = (await invoke(
      `${IPC_PREFIX}${method}`,
      encodeRequest(method, request),
    )) as IpcAnswer;
    if (!answer.ok)
      throw new ServiceError(
        answer.status,
        `Sendsheet refused the request: ${answer.error}`,
        said('app.refused', { detail: answer.error }),
      );
    return answer.value;
  };
}
