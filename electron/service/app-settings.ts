/**
 * The app's own settings (the first-run choice, the default profile, prices, the person's own
 * number), in `settings.json` in the data folder: shared by the window, every browser of
 * headless mode and `sendsheet send`, and kept across runs. Read again at each use, since
 * another process may have changed them; written whole, readable by the person alone (the own
 * number is theirs).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppSettings, SettingsUpdate } from '../../core/contract/api';
import { SettingsUpdateSchema } from '../../core/contract/schemas';
import { isErrno, PRIVATE_FILE, privateDir, replaceFile } from '../base/files';

export const SETTINGS_FILE = 'settings.json';

export class SettingsStore {
  private readonly file: string;

  constructor(
    private readonly dataDir: string,
    /** The profile sends use until the person chooses. */
    private readonly defaultProfile: string,
  ) {
    this.file = join(dataDir, SETTINGS_FILE);
  }

  private defaults(): AppSettings {
    return { setup: null, profile: this.defaultProfile, prices: null, ownNumber: '' };
  }

  /** The settings as the file holds them; a file that is not one gives the defaults. */
  async get(): Promise<AppSettings> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if (isErrno(error, 'ENOENT')) return this.defaults();
      throw error;
    }
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      // As any file that is not settings: the defaults.
    }
    const checked = SettingsUpdateSchema.safeParse(parsed);
    return checked.success ? { ...this.defaults(), ...checked.data } : this.defaults();
  }

  async update(patch: SettingsUpdate): Promise<AppSettings> {
    const settings = { ...(await this.get()), ...patch };
    await privateDir(this.dataDir);
    const text = JSON.stringify(settings, null, 2) + '\n';
    await replaceFile(this.file, Buffer.from(text), this.dataDir, PRIVATE_FILE);
    return settings;
  }
}
