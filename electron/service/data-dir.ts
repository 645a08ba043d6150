/** Where the app keeps its history and exports on each platform, beside the emulated provider's. */
import { join } from 'node:path';

export function defaultAppDataDir(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  home: string,
): string {
  if (platform === 'win32')
    return join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'Sendsheet', 'app');
  if (platform === 'darwin')
    return join(home, 'Library', 'Application Support', 'Sendsheet', 'app');
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'sendsheet', 'app');
}
