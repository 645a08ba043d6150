import { describe, expect, it } from 'vitest';
import { defaultDataDir } from './data-dir';

describe('one data folder for the app and the emulated provider, where the platform keeps data', () => {
  it.each(['app', 'server'] as const)('%s', (kind) => {
    expect(defaultDataDir(kind, {}, 'linux', '/home/u')).toBe(
      `/home/u/.local/share/sendsheet/${kind}`,
    );
    expect(defaultDataDir(kind, { XDG_DATA_HOME: '/data' }, 'linux', '/home/u')).toBe(
      `/data/sendsheet/${kind}`,
    );
    expect(defaultDataDir(kind, {}, 'darwin', '/Users/u')).toBe(
      `/Users/u/Library/Application Support/Sendsheet/${kind}`,
    );
    expect(defaultDataDir(kind, { LOCALAPPDATA: 'C:\\L' }, 'win32', 'C:\\U')).toMatch(
      new RegExp(`Sendsheet.${kind}$`),
    );
  });
});
