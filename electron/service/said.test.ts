// Issue 14: the service's refusals and a batch's note carry, beside their English words, the
// same sentence as data (core/contract/said.ts), which the UI says in the person's language.
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emulatedProfile } from '../backend/practice';
import { providerProfile } from '../client/profile';
import { startTestProvider } from '../server/ftp-test-util';
import type { TestProvider } from '../server/ftp-test-util';
import { dataFolder, ENDS, startService } from './send-test-util';

let provider: TestProvider;

beforeAll(async () => {
  provider = await startTestProvider();
});

afterAll(async () => {
  await provider.close();
});

/** A loopback port nothing listens on: a connection to it is refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('the service says its refusals as data', () => {
  it('a confirmation too old, a batch or a profile not known', async () => {
    const { service } = await startService(provider, await dataFolder());
    try {
      expect(await service.sendPrepared({ prepared: 'gone' })).toMatchObject({
        ok: false,
        error: expect.stringContaining('this confirmation is too old'),
        said: { code: 'send.confirmation-too-old' },
      });
      expect(await service.retry({ batch: 'b-none' })).toMatchObject({
        ok: false,
        said: { code: 'batch.unknown', values: { batch: 'b-none' } },
      });
      expect(await service.cancel({ batch: 'b-none' })).toMatchObject({
        said: { code: 'batch.unknown', values: { batch: 'b-none' } },
      });
      expect(await service.updateSettings({ profile: 'nobody' })).toMatchObject({
        ok: false,
        error: 'There is no profile "nobody".',
        said: { code: 'profile.unknown', values: { profile: 'nobody' } },
      });
      expect(await service.testConnection({ profile: 'nobody' })).toMatchObject({
        ok: false,
        summarySaid: { code: 'profile.unknown', values: { profile: 'nobody' } },
      });
    } finally {
      await service.close();
    }
  });

  it('messages with problems, and a profile without its password', async () => {
    const { service } = await startService(provider, await dataFolder());
    try {
      const messages = [
        { msisdn: '4512345678', message: '' },
        { msisdn: '4512345679', message: '' },
      ];
      expect(
        await service.prepareSend({ profile: 'emulated', files: { baseName: 'x' }, messages }),
      ).toMatchObject({
        ok: false,
        error: 'Nothing was sent: the messages have 2 problems.',
        said: { code: 'send.messages-have-problems', values: { count: 2 } },
      });
      const provided = providerProfile();
      const good = [{ msisdn: '4512345678', message: 'Hello' }];
      expect(
        await service.send({ profile: provided.id, files: { baseName: 'y' }, messages: good }),
      ).toMatchObject({
        ok: false,
        said: { code: 'profile.no-password', values: { profile: provided.name } },
      });
    } finally {
      await service.close();
    }
  });
});

describe('a batch says its failover as data', () => {
  it('server A refusing: the note names the servers and the reason by code', async () => {
    const emulated = emulatedProfile(provider);
    const [a, b] = emulated.servers;
    const profile = { ...emulated, servers: [{ ...a!, port: await closedPort() }, b!] };
    const { service, until } = await startService(provider, await dataFolder(), {
      profiles: [profile],
    });
    try {
      const sent = await service.send({
        profile: profile.id,
        files: { baseName: 'failover-said' },
        messages: [{ msisdn: '4512345670', message: 'Failover, said' }],
      });
      if (!sent.ok) throw new Error(sent.error);
      const done = await until(sent.batches[0]!.id, ENDS);
      expect(done).toMatchObject({ state: 'success', server: 'B' });
      expect(done.note).toMatch(/^Server A \(.+\) refused the connection; using server B/);
      expect(done.noteSaid).toEqual({
        code: 'note.failover',
        values: { left: 'A', reason: { code: 'reason.refused-connection' }, using: 'B' },
      });
    } finally {
      await service.close();
    }
  });
});
