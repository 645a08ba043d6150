/**
 * How a request crosses a transport, the same over HTTP and IPC: as lines of JSON. The first
 * line is the request; for a method with a bulk field (the messages of a send), that field holds
 * only the count in the first line, and the items follow in chunks of CHUNK_ITEMS, one chunk a
 * line. So a million messages never become one giant value on either side: the page writes them
 * a chunk at a time, and the Node side reads and checks them a chunk at a time, letting other
 * work (the emulated servers, the UI's events) run between chunks.
 */
import type { Method } from './api';

/** The field of each method that may hold many items. */
export const BULK_FIELDS: { readonly [M in Method]?: string } = {
  prepareSend: 'messages',
  send: 'messages',
  exportMessages: 'messages',
};

export const CHUNK_ITEMS = 2000;

/** The content type of a request sent as lines; a single JSON value is also accepted. */
export const LINES_TYPE = 'application/x-ndjson';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The request as lines of JSON, without line breaks of their own. */
export function encodeRequest(method: Method, request: unknown): string[] {
  const body = request ?? {};
  const field = BULK_FIELDS[method];
  const bulk = field !== undefined && isRecord(body) ? body[field] : undefined;
  if (field === undefined || !Array.isArray(bulk)) return [JSON.stringify(body)];
  const lines = [JSON.stringify({ ...(body as Record<string, unknown>), [field]: bulk.length })];
  for (let start = 0; start < bulk.length; start += CHUNK_ITEMS) {
    lines.push(JSON.stringify(bulk.slice(start, start + CHUNK_ITEMS)));
  }
  return lines;
}
