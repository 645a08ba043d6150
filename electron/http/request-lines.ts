/**
 * A request body read as lines as it arrives, with bounds on the whole and on each line: a
 * large send is read a chunk at a time, and nothing lets one request take the process's memory.
 */
import type { IncomingMessage } from 'node:http';

export class BodyTooLarge extends Error {}

export interface LineLimits {
  /** The most bytes of the whole body. */
  bodyBytes: number;
  /** The most bytes of one line. */
  lineBytes: number;
}

/** The body's lines, decoded as UTF-8; `whole` reads it as one line (a plain JSON body). */
export async function* requestLines(
  request: IncomingMessage,
  limits: LineLimits,
  whole = false,
): AsyncGenerator<string> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limits.bodyBytes) throw new BodyTooLarge(`larger than ${limits.bodyBytes} bytes`);
  const lineLimit = whole ? limits.bodyBytes : limits.lineBytes;
  const decoder = new TextDecoder('utf-8');
  let size = 0;
  let pending = '';
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limits.bodyBytes) throw new BodyTooLarge(`larger than ${limits.bodyBytes} bytes`);
    pending += decoder.decode(chunk, { stream: true });
    if (!whole) {
      let end;
      while ((end = pending.indexOf('\n')) >= 0) {
        yield pending.slice(0, end);
        pending = pending.slice(end + 1);
      }
    }
    if (pending.length > lineLimit)
      throw new BodyTooLarge(`a line is longer than ${lineLimit} bytes`);
  }
  pending += decoder.decode();
  if (pending !== '') yield pending;
}
