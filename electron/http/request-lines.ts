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
  // The line so far, in pieces: a line of a send (2,000 messages) spans many chunks, and joining
  // it once is linear where appending each chunk and searching the whole line again was not.
  let parts: string[] = [];
  let length = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limits.bodyBytes) throw new BodyTooLarge(`larger than ${limits.bodyBytes} bytes`);
    const text = decoder.decode(chunk, { stream: true });
    let start = 0;
    if (!whole) {
      let end;
      while ((end = text.indexOf('\n', start)) >= 0) {
        parts.push(text.slice(start, end));
        yield parts.join('');
        parts = [];
        length = 0;
        start = end + 1;
      }
    }
    if (start < text.length) {
      parts.push(start === 0 ? text : text.slice(start));
      length += text.length - start;
    }
    if (length > lineLimit) throw new BodyTooLarge(`a line is longer than ${lineLimit} bytes`);
  }
  parts.push(decoder.decode());
  const last = parts.join('');
  if (last !== '') yield last;
}
