// Issue 13: "Test connection" logs in to each server, lists, and tells the certificate's
// fingerprint and the time taken in plain words; the app's settings (first-run choice, prices,
// own number) are kept in the data folder across runs.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emulatedProfile } from '../backend/practice';
import { closedPort } from '../client/net-test-util';
import { startTestProvider } from '../server/ftp-test-util';
import type { TestProvider } from '../server/ftp-test-util';
import { SETTINGS_FILE } from './app-settings';
import { dataFolder, startService } from './send-test-util';

let provider: TestProvider;

beforeAll(async () => {
  provider = await startTestProvider();
});

afterAll(async () => {
  await provider.close();
});

describe('issue 13: test connection', () => {
  it('both servers: logged in, listed, the certificate pinned, and how long it took', async () => {
    const { service } = await startService(provider, await dataFolder());
    try {
      const test = await service.testConnection({ profile: 'emulated' });
      expect(test).toMatchObject({
        profile: 'emulated',
        ok: true,
        servers: [
          { name: 'A', ok: true, encrypted: true, fingerprint: provider.certificate.fingerprint },
          { name: 'B', ok: true, encrypted: true, fingerprint: provider.certificate.fingerprint },
        ],
      });
      expect(test.servers.every((s) => s.files !== null && s.ms > 0)).toBe(true);
      expect(test.summary).toMatch(
        /^Connected: logged in as demo; server A answered in [\d.]+ s \(\d+ files? in the account's folder\), server B answered in [\d.]+ s \(\d+ files? in the account's folder\)\.$/,
      );
    } finally {
      await service.close();
    }
  });

  it('one server down: says which and why, and that sending still works', async () => {
    const profile = emulatedProfile({
      ...provider,
      servers: [provider.servers[0]!, { name: 'B', port: await closedPort() }],
    });
    const { service } = await startService(provider, await dataFolder(), { profiles: [profile] });
    try {
      const test = await service.testConnection({ profile: 'emulated' });
      expect(test.ok).toBe(true);
      expect(test.servers.map((s) => s.ok)).toEqual([true, false]);
      expect(test.summary).toMatch(
        /^Connected, with one server only: server A answered .*; server B refused the connection\. Sending still works, through the server that answers\.$/,
      );
    } finally {
      await service.close();
    }
  });

  it('a wrong password: not connected, the login refused, and no password shown', async () => {
    const profile = { ...emulatedProfile(provider), password: 'not-the-password' };
    const { service } = await startService(provider, await dataFolder(), { profiles: [profile] });
    try {
      const test = await service.testConnection({ profile: 'emulated' });
      expect(test.ok).toBe(false);
      expect(test.summary).toMatch(/^Not connected: the user name or password was refused/);
      expect(JSON.stringify(test)).not.toContain('not-the-password');
      expect(await service.testConnection({ profile: 'gatewayapi' })).toMatchObject({
        ok: false,
        summary: expect.stringContaining('There is no profile'),
      });
    } finally {
      await service.close();
    }
  });
});

describe('issue 13: the app’s settings', () => {
  it('start with nothing chosen, are kept across runs, readable by the person alone', async () => {
    const dataDir = await dataFolder();
    const first = await startService(provider, dataDir);
    try {
      expect(await first.service.settings({})).toEqual({
        setup: null,
        profile: 'emulated',
        prices: null,
        ownNumber: '',
      });
      const saved = await first.service.updateSettings({
        setup: 'practice',
        ownNumber: '4520000001',
        prices: { currency: 'EUR', perPart: 0.05, byCountry: [] },
      });
      expect(saved).toMatchObject({ ok: true, settings: { setup: 'practice' } });
      expect(await first.service.updateSettings({ profile: 'nope' })).toMatchObject({
        ok: false,
        error: 'There is no profile "nope".',
      });
    } finally {
      await first.service.close();
    }
    expect((await stat(join(dataDir, SETTINGS_FILE))).mode & 0o777).toBe(0o600);
    const second = await startService(provider, dataDir);
    try {
      expect(await second.service.settings({})).toEqual({
        setup: 'practice',
        profile: 'emulated',
        prices: { currency: 'EUR', perPart: 0.05, byCountry: [] },
        ownNumber: '4520000001',
      });
    } finally {
      await second.service.close();
    }
  });
});
