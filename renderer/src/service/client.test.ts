import { describe, expect, it } from 'vitest';
import * as api from '../../../electron/service/api';
import type { EventSourceLike } from './client';
import { API_PREFIX, BATCH_EVENT, EVENTS_PATH, httpService, ServiceError } from './client';

describe('the service over HTTP (issue 5: one interface, two transports)', () => {
  it('uses the transport names of the service interface', () => {
    expect([API_PREFIX, EVENTS_PATH, BATCH_EVENT]).toEqual([
      api.API_PREFIX,
      api.EVENTS_PATH,
      api.BATCH_EVENT,
    ]);
  });

  it('implements every method of the interface as POST /api/<method> with JSON', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const service = httpService('http://x', async (url, init) => {
      calls.push({ url, init });
      return new Response(JSON.stringify([{ id: 'p' }]), { status: 200 });
    });
    for (const method of api.METHODS) {
      expect(typeof service[method]).toBe('function');
    }
    expect(await service.profiles({})).toEqual([{ id: 'p' }]);
    expect(calls[0]!.url).toBe('http://x/api/profiles');
    expect(calls[0]!.init.method).toBe('POST');
    expect(calls[0]!.init.body).toBe('{}');
  });

  it('turns a refusal into words, and an unreachable server into what to do', async () => {
    const refused = httpService(
      '',
      async () =>
        new Response(JSON.stringify({ status: 400, error: 'Bad request to send: path' }), {
          status: 400,
        }),
    );
    await expect(refused.send({ path: 'a', profile: 'p' })).rejects.toThrow(
      'Sendsheet refused the request: Bad request to send: path',
    );
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
