// Issue 6, the window's backend: the emulated provider and the service, as in headless mode;
// a provider already running on the ports is used rather than failing.
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBackend } from './backend';

async function dirs() {
  const root = await mkdtemp(join(tmpdir(), 'sendsheet-backend-'));
  return {
    dataDir: join(root, 'app'),
    providerDir: join(root, 'server'),
    whenProviderFails: 'use-running' as const,
  };
}

describe('issue 6: the backend of the window', () => {
  it('starts the emulated provider (FTPS, pinned) and the service with both profiles', async () => {
    const lines: string[] = [];
    const backend = await startBackend({
      ...(await dirs()),
      ports: [0, 0],
      providerUser: 'anna',
      log: (line) => lines.push(line),
    });
    try {
      expect(backend.provider).not.toBeNull();
      const profiles = await backend.service.profiles({});
      expect(profiles.map((p) => [p.id, p.user, p.hasPassword, p.passwordKept])).toEqual([
        ['emulated', 'demo', true, 'this-run'],
        ['gatewayapi', 'anna', false, 'this-run'],
      ]);
      expect(profiles[0]!.servers.map((s) => [s.port, s.security])).toEqual(
        backend.provider!.servers.map((s) => [s.port, 'ftps']),
      );
      expect(backend.exportsFolder).toMatch(/app[\\/]exports$/);
      expect(lines).toEqual([]);
    } finally {
      await backend.close();
    }
  });

  it('prepare gives the profiles their credentials before the service starts', async () => {
    const backend = await startBackend({
      ...(await dirs()),
      ports: [0, 0],
      passwordKept: 'keychain',
      prepare: async (profiles) => {
        profiles[1]!.user = 'kept-user';
        profiles[1]!.password = 'kept-password';
      },
      log: () => {},
    });
    try {
      expect((await backend.service.profiles({}))[1]).toMatchObject({
        user: 'kept-user',
        hasPassword: true,
        // Issue 15: the window says where a password is kept (the keychain here).
        passwordKept: 'keychain',
      });
      expect(
        await backend.service.updateProfile({ profile: 'gatewayapi', password: 'new' }),
      ).toMatchObject({ ok: true, profile: { passwordKept: 'keychain' } });
    } finally {
      await backend.close();
    }
  });

  it('ports taken by another provider: it is used (plain FTP on loopback), said in the log', async () => {
    const taken = createServer();
    await new Promise<void>((done) => taken.listen(0, '127.0.0.1', done));
    const port = (taken.address() as AddressInfo).port;
    const lines: string[] = [];
    try {
      const backend = await startBackend({
        ...(await dirs()),
        ports: [port, 0],
        log: (line) => lines.push(line),
      });
      try {
        expect(backend.provider).toBeNull();
        const [emulated] = await backend.service.profiles({});
        expect(emulated!.servers.map((s) => [s.host, s.port, s.security])).toEqual([
          ['127.0.0.1', port, 'ftp'],
          ['127.0.0.1', 0, 'ftp'],
        ]);
        expect(lines.at(-1)).toBe(
          `The emulated provider did not start: Server A cannot listen on 127.0.0.1:${port}: the port is in use (is another server running?). Using the one already running on 127.0.0.1:${port} and 0.`,
        );
      } finally {
        await backend.close();
      }
    } finally {
      taken.close();
    }
  });
});
