import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { METHODS } from '../../../core/contract/api';
import { ServiceError } from '../../../core/contract/errors';
import type { EventSourceLike } from './client';
import { httpService, linesBody } from './client';
import { BATCH_EVENT } from '../../../core/contract/channels';

describe('the service over HTTP (one client, made from the contract)', () => {
  it('implements every method of the contract as POST /api/<method>', async () => {
    const calls: { url: string; init: { body: Blob; method: string } }[] = [];
    const service = httpService('http://x', async (url, init) => {
      calls.push({ url, init });
      return new Response(JSON.stringify([{ id: 'p' }]), { status: 200 });
    });
    for (const method of METHODS) expect(typeof service[method]).toBe('function');
    expect(await service.profiles({})).toEqual([{ id: 'p' }]);
    expect(calls[0]!.url).toBe('http://x/api/profiles');
    expect(calls[0]!.init.method).toBe('POST');
    expect(await calls[0]!.init.body.text()).toBe('{}');
  });

  it('turns a refusal into words, and an unreachable server into what to do', async () => {
    const refused = httpService(
      '',
      async () =>
        new Response(JSON.stringify({ status: 400, error: 'Bad request to send: profile' }), {
          status: 400,
        }),
    );
    await expect(
      refused.send({ profile: '', files: { baseName: 'a' }, messages: [] }),
    ).rejects.toThrow('Sendsheet refused the request: Bad request to send: profile');
    const down = httpService('', async () => {
      throw new TypeError('fetch failed');
    });
    await expect(down.history({})).rejects.toBeInstanceOf(ServiceError);
  });

  it('shares one event stream among listeners and closes it after the last', () => {
    const opened: string[] = [];
    let closed = 0;
    let emit: ((event: MessageEvent<string>) => void) | null = null;
    const source: EventSourceLike = {
      addEventListener: (type, listener) => {
        expect(type).toBe(BATCH_EVENT);
        emit = listener;
      },
      close: () => closed++,
    };
    const service = httpService('', undefined, (url) => {
      opened.push(url);
      return source;
    });
    const seen: string[] = [];
    const stopA = service.subscribe((batch) => seen.push(`a:${batch.id}`));
    const stopB = service.subscribe((batch) => seen.push(`b:${batch.id}`));
    emit!({ data: JSON.stringify({ id: '1' }) } as MessageEvent<string>);
    expect(opened).toEqual(['/api/events']);
    expect(seen).toEqual(['a:1', 'b:1']);
    stopA();
    expect(closed).toBe(0);
    stopB();
    expect(closed).toBe(1);
  });
});

describe("a request's lines as the body's bytes (issue 16: a send of a million messages)", () => {
  it('are the bytes of the lines joined, for any lines', async () => {
    // JSON lines hold no line break and no lone surrogate, but the bytes agree for any text.
    const unit = fc.oneof(
      fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
      fc.constantFrom('–', 'ø', '😀', '"', '\\', 'a'),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit, maxLength: 20 }), { maxLength: 8 }),
        async (lines) => {
          const plain = new TextEncoder().encode(lines.join('\n'));
          const fast = new Uint8Array(await linesBody(lines).arrayBuffer());
          return fast.length === plain.length && fast.every((byte, index) => byte === plain[index]);
        },
      ),
    );
  });
});
