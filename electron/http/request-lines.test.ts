import fc from 'fast-check';
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { BodyTooLarge, requestLines } from './request-lines';

/** A request whose body arrives in these chunks. */
function arriving(chunks: Buffer[]): IncomingMessage {
  return {
    headers: {},
    async *[Symbol.asyncIterator]() {
      yield* chunks;
    },
  } as unknown as IncomingMessage;
}

/** The body cut at these byte offsets (any of them inside a character's UTF-8 bytes). */
function cut(body: Buffer, at: number[]): Buffer[] {
  const ends = [...new Set(at.map((n) => n % (body.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let start = 0;
  for (const end of [...ends, body.length]) {
    chunks.push(body.subarray(start, end));
    start = end;
  }
  return chunks;
}

async function collect(lines: AsyncIterable<string>): Promise<string[]> {
  const all: string[] = [];
  for await (const line of lines) all.push(line);
  return all;
}

const LIMITS = { bodyBytes: 1 << 20, lineBytes: 1 << 20 };

describe('a request body read as lines (issue 16: a send of a million messages)', () => {
  it('gives the lines of the whole body decoded and split, however it is cut', async () => {
    const text = fc.string({
      unit: fc.constantFrom('a', '\n', 'ø', '–', '😀', '{', '"'),
      maxLength: 60,
    });
    await fc.assert(
      fc.asyncProperty(text, fc.array(fc.nat(), { maxLength: 12 }), async (body, at) => {
        const bytes = Buffer.from(body, 'utf8');
        // The plain reading: the whole body decoded, split at each line break, no empty last line.
        const plain = body.split('\n');
        if (plain.at(-1) === '') plain.pop();
        const lines = await collect(requestLines(arriving(cut(bytes, at)), LIMITS));
        const whole = await collect(requestLines(arriving(cut(bytes, at)), LIMITS, true));
        return (
          JSON.stringify(lines) === JSON.stringify(plain) &&
          JSON.stringify(whole) === JSON.stringify(body === '' ? [] : [body])
        );
      }),
    );
  });

  it('refuses a line over its limit while it arrives, and a body over its own', async () => {
    const long = Buffer.from('a'.repeat(100) + '\nb');
    await expect(
      collect(requestLines(arriving(cut(long, [40, 80])), { bodyBytes: 1000, lineBytes: 50 })),
    ).rejects.toBeInstanceOf(BodyTooLarge);
    await expect(
      collect(requestLines(arriving([long]), { bodyBytes: 50, lineBytes: 1000 })),
    ).rejects.toBeInstanceOf(BodyTooLarge);
    expect(
      await collect(
        requestLines(arriving(cut(long, [40, 80])), { bodyBytes: 1000, lineBytes: 100 }),
      ),
    ).toEqual(['a'.repeat(100), 'b']);
  });
});
