/**
 * Where Sendsheet keeps its data on each platform: the app's (history, exports) and the emulated
 * provider's (accounts, outbox), side by side in one folder of the user's.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export type DataKind = 'app' | 'server';

export function defaultDataDir(
  kind: DataKind,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === 'win32')
    return join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'Sendsheet', kind);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Sendsheet', kind);
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'sendsheet', kind);
}
