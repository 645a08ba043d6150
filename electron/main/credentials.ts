/**
 * The profiles' user names and passwords, kept between runs of the desktop app. A password is
 * written only encrypted by the system's keychain through Electron's safeStorage (Keychain on
 * macOS, DPAPI on Windows, the Secret Service or KWallet on Linux); where there is no keychain,
 * it is kept in memory for the run and never written. Headless mode keeps none: its password
 * comes from the environment or a file the person protects (electron/cli/app-command.ts).
 */
import type { SafeStorage } from 'electron';
import { z } from 'zod';
import type { Profile } from '../client/profile';
import type { SendsheetApi, SendsheetEvents, UpdateProfileRequest } from '../../core/contract/api';
import { readTextIfAny, writePrivateFile } from '../base/files';
import { makeClient } from '../../core/contract/client';
import { errorText } from '../../core/contract/errors';

export const CREDENTIALS_FILE = 'credentials.json';

export type Encryption = Pick<
  SafeStorage,
  | 'isAsyncEncryptionAvailable'
  | 'encryptStringAsync'
  | 'decryptStringAsync'
  | 'getSelectedStorageBackend'
>;

const Stored = z.object({
  version: z.literal(1),
  profiles: z.record(
    z.string(),
    z.object({
      user: z.string().max(200).optional(),
      /** The password encrypted by safeStorage, in base64. */
      password: z.string().max(100_000).optional(),
    }),
  ),
});
type Stored = z.infer<typeof Stored>;

/** Whether passwords may be written: only encrypted with a key the system keeps. */
async function keychainOf(
  encryption: Encryption,
  platform: NodeJS.Platform,
): Promise<string | null> {
  if (!(await encryption.isAsyncEncryptionAvailable()))
    return 'this system offers no keychain to encrypt passwords with';
  // On Linux without a keyring, safeStorage falls back to a key written in Electron's source
  // ("basic_text"): as good as plain text, so nothing is written with it.
  if (platform === 'linux' && encryption.getSelectedStorageBackend() === 'basic_text')
    return 'no keyring (Secret Service or KWallet) is running';
  return null;
}

export class CredentialStore {
  private constructor(
    private readonly file: string,
    private readonly encryption: Encryption,
    private stored: Stored,
    /** Why passwords are kept in memory only, or null when they are written encrypted. */
    readonly memoryOnly: string | null,
    /** Set when the file could not be read: it is then started anew. */
    readonly warning: string | null,
  ) {}

  static async open(
    file: string,
    encryption: Encryption,
    platform: NodeJS.Platform = process.platform,
  ): Promise<CredentialStore> {
    const memoryOnly = await keychainOf(encryption, platform);
    let stored: Stored = { version: 1, profiles: {} };
    let warning: string | null = null;
    try {
      const text = await readTextIfAny(file);
      if (text !== null) {
        const parsed = Stored.safeParse(JSON.parse(text));
        if (parsed.success) stored = parsed.data;
        else warning = `${file} is not a credentials file of this app: it is started anew.`;
      }
    } catch (error) {
      warning = `Cannot read ${file} (${(error as Error).name}): it is started anew.`;
    }
    return new CredentialStore(file, encryption, stored, memoryOnly, warning);
  }

  /**
   * Gives the profiles their kept user names and passwords. A password the keychain can no
   * longer decrypt (the keychain was reset) is left out, with a warning that names the
   * profile, never the password.
   */
  async restore(profiles: readonly Profile[]): Promise<string[]> {
    const warnings: string[] = [];
    for (const profile of profiles) {
      const kept = this.stored.profiles[profile.id];
      if (!kept) continue;
      if (kept.user !== undefined) profile.user = kept.user;
      if (kept.password === undefined || this.memoryOnly !== null) continue;
      try {
        const { result, shouldReEncrypt } = await this.encryption.decryptStringAsync(
          Buffer.from(kept.password, 'base64'),
        );
        profile.password = result;
        if (shouldReEncrypt) await this.remember(profile.id, { password: result });
      } catch {
        warnings.push(
          `The password of the profile "${profile.name}" cannot be decrypted any more: enter it again.`,
        );
      }
    }
    return warnings;
  }

  /** Keeps what changed; answers whether the password, if one was given, was written. */
  async remember(
    profileId: string,
    change: { user?: string; password?: string },
  ): Promise<{ passwordKept: boolean }> {
    const kept = { ...this.stored.profiles[profileId] };
    if (change.user !== undefined) kept.user = change.user;
    let passwordKept = false;
    if (change.password !== undefined && this.memoryOnly === null) {
      const encrypted = await this.encryption.encryptStringAsync(change.password);
      kept.password = Buffer.from(encrypted).toString('base64');
      passwordKept = true;
    } else if (change.password !== undefined) {
      // A new password that cannot be kept replaces the old one for this run only: the old
      // one must not come back at the next start.
      delete kept.password;
    }
    this.stored = {
      version: 1,
      profiles: { ...this.stored.profiles, [profileId]: kept },
    };
    await writePrivateFile(this.file, JSON.stringify(this.stored, null, 2) + '\n');
    return { passwordKept };
  }
}

/**
 * The service with updateProfile keeping what it changed. The service answers first (it knows
 * the profiles); only a change it accepted is kept. A failure to write is said in the log,
 * and the change still holds for this run.
 */
export function keepingCredentials(
  service: SendsheetApi & SendsheetEvents,
  store: CredentialStore,
  log: (line: string) => void,
): SendsheetApi & SendsheetEvents {
  // Every method as the service answers it, but updateProfile, which keeps what changed.
  const forward = makeClient((method, request) =>
    (service[method] as (request: unknown) => Promise<unknown>).call(service, request),
  );
  const api: SendsheetApi & SendsheetEvents = {
    ...forward,
    subscribe: (listener) => service.subscribe(listener),
    async updateProfile(request: UpdateProfileRequest) {
      const outcome = await service.updateProfile(request);
      if (!outcome.ok || (request.user === undefined && request.password === undefined))
        return outcome;
      const change = {
        ...(request.user === undefined ? {} : { user: request.user }),
        ...(request.password === undefined ? {} : { password: request.password }),
      };
      try {
        const { passwordKept } = await store.remember(request.profile, change);
        if (request.password !== undefined && !passwordKept)
          log(
            `The password of "${request.profile}" is kept for this run only: ${store.memoryOnly}.`,
          );
      } catch (error) {
        log(`Cannot keep the profile "${request.profile}": ${errorText(error)}`);
      }
      return outcome;
    },
  };
  return api;
}
