// Issue 13, never twice by accident: a send of messages that History holds as sent, in flight or
// of unknown outcome needs an explicit choice, whatever the order or the files of the messages;
// the confirmation (a prepared send) names the earlier sends and counts a partial overlap; two
// processes sending the same list at once send it once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestProvider } from '../server/ftp-test-util';
import type { TestProvider } from '../server/ftp-test-util';
import type { OutgoingMessage } from '../../core/writer';
import { dataFolder, ENDS, queued, startService } from './send-test-util';

let provider: TestProvider;

beforeAll(async () => {
  provider = await startTestProvider();
});

afterAll(async () => {
  await provider.close();
});

/** Messages of their own for each test: the provider's outbox is shared. */
function campaign(tag: string, count = 5): OutgoingMessage[] {
  return Array.from({ length: count }, (_, i) => ({
    msisdn: `45200000${String(i).padStart(2, '0')}`,
    message: `${tag}: hello number ${i}`,
  }));
}

describe('issue 13: never the same campaign twice by accident', () => {
  it('a second send of the same list is refused, naming the first; again sends it', async () => {
    const { service, until } = await startService(provider, await dataFolder());
    try {
      const messages = campaign('twice');
      const first = await service.send({
        profile: 'emulated',
        files: { baseName: 'twice' },
        messages,
      });
      if (!first.ok) throw new Error(first.error);
      await until(first.batches[0]!.id, ENDS);
      // Another order, and split into other files: the same messages all the same.
      const refused = await service.send({
        profile: 'emulated',
        files: { baseName: 'twice-again', rowsPerFile: 2 },
        messages: [...messages].reverse(),
      });
      expect(refused).toMatchObject({
        ok: false,
        problems: [],
        earlier: [
          {
            campaign: first.campaign,
            messages: 5,
            standing: 'sent',
            practice: true,
            batches: [{ id: first.batches[0]!.id, state: 'success' }],
          },
        ],
      });
      if (refused.ok) return;
      expect(refused.error).toMatch(
        new RegExp(
          `^Nothing was sent: all 5 messages were sent before or are on their way \\(5 sent on \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d in twice-${first.batches[0]!.id}\\.csv\\.\\w+\\.excel\\.ready, practice\\)\\.$`,
        ),
      );
      expect(await queued(provider, 'twice')).toHaveLength(5);
      const again = await service.send({
        profile: 'emulated',
        files: { baseName: 'twice-again' },
        messages,
        again: true,
      });
      if (!again.ok) throw new Error(again.error);
      expect((await until(again.batches[0]!.id, ENDS)).state).toBe('success');
      expect(await queued(provider, 'twice')).toHaveLength(10);
    } finally {
      await service.close();
    }
  });

  it('the confirmation counts a partial overlap and names the earlier send; sendPrepared honours it', async () => {
    const { service, until } = await startService(provider, await dataFolder());
    try {
      const earlier = campaign('partial', 4);
      const first = await service.send({
        profile: 'emulated',
        files: { baseName: 'partial' },
        messages: earlier,
      });
      if (!first.ok) throw new Error(first.error);
      await until(first.batches[0]!.id, ENDS);
      // Two of the same messages, two to the same numbers with other words, one new.
      const now = [
        earlier[0]!,
        earlier[1]!,
        { ...earlier[2]!, message: 'other words' },
        { ...earlier[3]!, message: 'other words too' },
        { msisdn: '4520000099', message: 'partial: someone new' },
      ];
      const prepared = await service.prepareSend({
        profile: 'emulated',
        files: { baseName: 'partial-2' },
        messages: now,
      });
      if (!prepared.ok) throw new Error(prepared.error);
      expect(prepared.prepared).toMatchObject({
        messages: 5,
        overlap: 2,
        earlier: [{ campaign: first.campaign, messages: 2, standing: 'sent' }],
        files: [{ fileName: 'partial-2.csv', rows: 5, resumes: null }],
        test: false,
        cost: null,
      });
      expect(prepared.prepared.fingerprint).toMatch(/^[0-9a-f]{64}$/);
      // Without the choice, nothing goes; the prepared send stays, to be confirmed.
      const refused = await service.sendPrepared({ prepared: prepared.prepared.id });
      expect(refused).toMatchObject({ ok: false, earlier: [{ messages: 2 }] });
      const sent = await service.sendPrepared({ prepared: prepared.prepared.id, again: true });
      if (!sent.ok) throw new Error(sent.error);
      expect((await until(sent.batches[0]!.id, ENDS)).state).toBe('success');
      expect(await service.sendPrepared({ prepared: prepared.prepared.id })).toMatchObject({
        ok: false,
        error: expect.stringContaining('too old'),
      });
    } finally {
      await service.close();
    }
  });

  it('a test to the person’s own number never counts against a campaign, nor a campaign against it', async () => {
    const { service, until } = await startService(provider, await dataFolder());
    try {
      const messages = campaign('tested', 1);
      for (const test of [true, true, false]) {
        const sent = await service.send({
          profile: 'emulated',
          files: { baseName: 'tested' },
          messages,
          test,
        });
        if (!sent.ok) throw new Error(sent.error);
        expect(sent.batches[0]).toMatchObject({ test, practice: true });
        await until(sent.batches[0]!.id, ENDS);
      }
      const test = await service.prepareSend({
        profile: 'emulated',
        files: { baseName: 'tested' },
        messages,
        test: true,
      });
      expect(test).toMatchObject({ ok: true, prepared: { overlap: 0, test: true } });
      const real = await service.prepareSend({
        profile: 'emulated',
        files: { baseName: 'tested' },
        messages,
      });
      expect(real).toMatchObject({ ok: true, prepared: { overlap: 1 } });
    } finally {
      await service.close();
    }
  });

  it('two processes sending the same list at once send it once; the other is told which', async () => {
    const dataDir = await dataFolder();
    const app = await startService(provider, dataDir);
    const cli = await startService(provider, dataDir, { resume: false });
    try {
      const messages = campaign('race', 3);
      const request = { profile: 'emulated', files: { baseName: 'race' }, messages };
      const outcomes = await Promise.all([app.service.send(request), cli.service.send(request)]);
      const sent = outcomes.filter((o) => o.ok);
      const refused = outcomes.filter((o) => !o.ok);
      expect(sent).toHaveLength(1);
      expect(refused).toMatchObject([{ earlier: [{ standing: 'sending', messages: 3 }] }]);
      const batch = sent[0]!.ok ? sent[0]!.batches[0]! : null;
      const follower = outcomes[0]!.ok ? app : cli;
      expect((await follower.until(batch!.id, ENDS)).state).toBe('success');
      expect(await queued(provider, 'race')).toHaveLength(3);
    } finally {
      await Promise.all([app.service.close(), cli.service.close()]);
    }
  });

  it('the cost is estimated from the prices in the settings, by country where one is given', async () => {
    const { service } = await startService(provider, await dataFolder());
    try {
      const saved = await service.updateSettings({
        prices: { currency: 'DKK', perPart: 0.25, byCountry: [{ code: '49', perPart: 0.5 }] },
      });
      expect(saved).toMatchObject({ ok: true, settings: { prices: { currency: 'DKK' } } });
      const prepared = await service.prepareSend({
        profile: 'emulated',
        files: { baseName: 'priced' },
        messages: [
          { msisdn: '4520000001', message: 'one part' },
          { msisdn: '4520000002', message: 'two parts '.repeat(20) },
          { msisdn: '4915112345678', message: 'one part to Germany' },
        ],
      });
      // 3 parts at 0.25 to Denmark, 1 at 0.50 to Germany.
      expect(prepared).toMatchObject({
        ok: true,
        prepared: { parts: 4, cost: { amount: 1.25, currency: 'DKK' } },
      });
    } finally {
      await service.close();
    }
  });
});
