// Issue 6, native: the profiles' passwords are kept with safeStorage, never in plain text on disk
// or in the log; without a keychain they are kept for the run only.
import { mkdir, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emulatedProfile } from '../backend/practice';
import { providerProfile } from '../client/profile';
import type { Profile } from '../client/profile';
import { METHODS } from '../../core/contract/api';
import type { SendsheetApi, SendsheetEvents } from '../../core/contract/api';
import { CredentialStore, keepingCredentials } from './credentials';
import type { Encryption } from './credentials';

const SECRET = 'dashboard-Secret-42';

/** safeStorage as a keychain would do it: bytes that do not show the text, under a key. */
function fakeEncryption(
  options: { available?: boolean; backend?: string; key?: number; reEncrypt?: boolean } = {},
) {
  const key = options.key ?? 0x5a;
  const calls: string[] = [];
  const encryption = {
    isAsyncEncryptionAvailable: async () => options.available ?? true,
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    encryptStringAsync: async (text: string) => {
      calls.push('encrypt');
      return Buffer.from([key, ...Buffer.from(text, 'utf8').map((byte) => byte ^ key)]);
    },
    decryptStringAsync: async (bytes: Buffer) => {
      calls.push('decrypt');
      if (bytes[0] !== key) throw new Error('Error while decrypting the ciphertext');
      const text = Buffer.from(bytes.subarray(1).map((byte) => byte ^ key)).toString('utf8');
      return { result: text, shouldReEncrypt: options.reEncrypt ?? false };
    },
  };
  return { encryption: encryption as unknown as Encryption, calls };
}

async function tempFile(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'sendsheet-credentials-')), 'credentials.json');
}

function profiles(): Profile[] {
  return [
    emulatedProfile({ host: '127.0.0.1', servers: [{ name: 'A', port: 1 }], certificate: null }),
    providerProfile(),
  ];
}

describe('issue 6: passwords kept with safeStorage', () => {
  it('a password is written encrypted only: not as text, not in base64, not in hex', async () => {
    const file = await tempFile();
    const { encryption } = fakeEncryption();
    const store = await CredentialStore.open(file, encryption, 'linux');
    expect(store.memoryOnly).toBeNull();
    expect(await store.remember('gatewayapi', { user: 'anna', password: SECRET })).toEqual({
      passwordKept: true,
    });
    const text = await readFile(file, 'utf8');
    for (const form of [
      SECRET,
      Buffer.from(SECRET).toString('base64'),
      Buffer.from(SECRET).toString('hex'),
    ])
      expect(text).not.toContain(form);
    expect(JSON.parse(text)).toMatchObject({
      version: 1,
      profiles: { gatewayapi: { user: 'anna' } },
    });
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('the next start gives the profile its user and password back', async () => {
    const file = await tempFile();
    const { encryption } = fakeEncryption();
    await (
      await CredentialStore.open(file, encryption, 'darwin')
    ).remember('gatewayapi', {
      user: 'anna',
      password: SECRET,
    });
    const restored = profiles();
    const store = await CredentialStore.open(file, encryption, 'darwin');
    expect(await store.restore(restored)).toEqual([]);
    expect(restored[1]).toMatchObject({ user: 'anna', password: SECRET });
    // A profile with nothing kept keeps what it had.
    expect(restored[0]).toMatchObject({ user: 'demo', password: 'demo' });
  });

  it('a user name alone is kept, and keeps the password kept before', async () => {
    const file = await tempFile();
    const { encryption } = fakeEncryption();
    const store = await CredentialStore.open(file, encryption, 'win32');
    await store.remember('gatewayapi', { password: SECRET });
    await store.remember('gatewayapi', { user: 'bob' });
    const restored = profiles();
    await (await CredentialStore.open(file, encryption, 'win32')).restore(restored);
    expect(restored[1]).toMatchObject({ user: 'bob', password: SECRET });
  });

  it.each([
    ['no encryption available', { available: false }, 'darwin'],
    ["Linux's basic_text backend (a key in Electron's source)", { backend: 'basic_text' }, 'linux'],
  ] as const)(
    '%s: passwords are never written, kept for the run only',
    async (_, options, platform) => {
      const file = await tempFile();
      const { encryption, calls } = fakeEncryption(options);
      const store = await CredentialStore.open(file, encryption, platform);
      expect(store.memoryOnly).toMatch(/keychain|keyring/);
      expect(await store.remember('gatewayapi', { user: 'anna', password: SECRET })).toEqual({
        passwordKept: false,
      });
      const text = await readFile(file, 'utf8');
      expect(text).not.toContain(SECRET);
      expect(JSON.parse(text).profiles.gatewayapi).toEqual({ user: 'anna' });
      expect(calls).toEqual([]);
    },
  );

  it('a password that can no longer be kept drops the one kept before', async () => {
    const file = await tempFile();
    await (
      await CredentialStore.open(file, fakeEncryption().encryption, 'linux')
    ).remember('gatewayapi', { password: 'old' });
    const plain = fakeEncryption({ backend: 'basic_text' }).encryption;
    await (
      await CredentialStore.open(file, plain, 'linux')
    ).remember('gatewayapi', {
      password: SECRET,
    });
    expect(JSON.parse(await readFile(file, 'utf8')).profiles.gatewayapi).toEqual({});
  });

  it('a password the keychain cannot decrypt any more: left out, said without the secret', async () => {
    const file = await tempFile();
    await (
      await CredentialStore.open(file, fakeEncryption({ key: 1 }).encryption, 'linux')
    ).remember('gatewayapi', { password: SECRET });
    const restored = profiles();
    const store = await CredentialStore.open(file, fakeEncryption({ key: 2 }).encryption, 'linux');
    const warnings = await store.restore(restored);
    expect(warnings).toEqual([
      'The password of the profile "GatewayAPI legacy FTP" cannot be decrypted any more: enter it again.',
    ]);
    expect(restored[1]!.password).toBeNull();
  });

  it('a password the keychain asks to encrypt again (its key rotated) is written anew', async () => {
    const file = await tempFile();
    const { encryption, calls } = fakeEncryption({ reEncrypt: true });
    await (
      await CredentialStore.open(file, encryption, 'darwin')
    ).remember('gatewayapi', {
      password: SECRET,
    });
    calls.length = 0;
    const restored = profiles();
    await (await CredentialStore.open(file, encryption, 'darwin')).restore(restored);
    expect(restored[1]!.password).toBe(SECRET);
    expect(calls).toEqual(['decrypt', 'encrypt']);
  });

  it.each([
    ['not JSON', '{"version":'],
    ['another shape', '{"version":2,"profiles":[]}'],
  ])('a file that is %s is started anew, with a warning', async (_, content) => {
    const file = await tempFile();
    await writeFile(file, content);
    const store = await CredentialStore.open(file, fakeEncryption().encryption, 'linux');
    expect(store.warning).toMatch(/started anew/);
    const restored = profiles();
    expect(await store.restore(restored)).toEqual([]);
    expect(restored[1]).toMatchObject({ user: '', password: null });
  });
});

describe('issue 6: the service keeps what updateProfile changed', () => {
  function fakeService() {
    const calls: string[] = [];
    const service = { subscribe: () => () => {} } as Record<string, unknown>;
    for (const method of METHODS)
      service[method] = async (request: { profile?: string }) => {
        calls.push(method);
        if (method === 'updateProfile' && request.profile === 'nobody')
          return { ok: false, error: 'There is no profile "nobody".' };
        return { ok: true, method };
      };
    return { service: service as unknown as SendsheetApi & SendsheetEvents, calls };
  }

  it('every method still reaches the service', async () => {
    const file = await tempFile();
    const store = await CredentialStore.open(file, fakeEncryption().encryption, 'linux');
    const { service, calls } = fakeService();
    const api = keepingCredentials(service, store, () => {});
    expect(Object.keys(api).sort()).toEqual([...METHODS, 'subscribe'].sort());
    for (const method of METHODS)
      expect(await (api[method] as (request: unknown) => Promise<unknown>)({})).toMatchObject({
        method,
      });
    expect(calls).toEqual(METHODS);
  });

  it('a change the service accepted is kept; one it refused is not', async () => {
    const file = await tempFile();
    const store = await CredentialStore.open(file, fakeEncryption().encryption, 'linux');
    const { service } = fakeService();
    const lines: string[] = [];
    const api = keepingCredentials(service, store, (line) => lines.push(line));
    await api.updateProfile({ profile: 'nobody', password: 'x' });
    await expect(readFile(file)).rejects.toMatchObject({ code: 'ENOENT' });
    await api.updateProfile({ profile: 'gatewayapi', user: 'anna', password: SECRET });
    const restored = profiles();
    await (
      await CredentialStore.open(file, fakeEncryption().encryption, 'linux')
    ).restore(restored);
    expect(restored[1]).toMatchObject({ user: 'anna', password: SECRET });
    expect(lines).toEqual([]);
  });

  it('without a keychain, the log says the password is for this run, without the password', async () => {
    const file = await tempFile();
    const plain = fakeEncryption({ backend: 'basic_text' }).encryption;
    const store = await CredentialStore.open(file, plain, 'linux');
    const lines: string[] = [];
    const api = keepingCredentials(fakeService().service, store, (line) => lines.push(line));
    expect(await api.updateProfile({ profile: 'gatewayapi', password: SECRET })).toMatchObject({
      ok: true,
    });
    expect(lines).toEqual([
      'The password of "gatewayapi" is kept for this run only: no keyring (Secret Service or KWallet) is running.',
    ]);
    expect(lines.join('\n')).not.toContain(SECRET);
  });

  it('a file that cannot be written: the change holds for the run, the log says why', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sendsheet-credentials-'));
    // The file's place is taken by a folder that is not empty: the rename over it fails.
    const file = join(dir, 'taken');
    await mkdir(join(file, 'inside'), { recursive: true });
    const blocked = await CredentialStore.open(file, fakeEncryption().encryption, 'linux');
    const lines: string[] = [];
    const api = keepingCredentials(fakeService().service, blocked, (line) => lines.push(line));
    expect(await api.updateProfile({ profile: 'gatewayapi', password: SECRET })).toMatchObject({
      ok: true,
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Cannot keep the profile "gatewayapi": /);
    expect(lines[0]).not.toContain(SECRET);
  });
});
