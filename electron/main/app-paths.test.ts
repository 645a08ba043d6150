// Issue 6, the main process loads the built UI from the app itself (the repository, or the
// package's app.asar) and the preload beside the bundled main.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appPaths } from './app-paths';
import { isAllowedNavigation, isTrustedSender } from './security';
import { appFilePath } from './app-protocol';

describe('issue 6: where the window finds its pieces', () => {
  const root = join('/opt', 'Sendsheet', 'resources', 'app.asar');
  const paths = appPaths(root, join(root, 'dist', 'electron'));

  it("the page is dist/renderer/index.html inside the app, served as the app's own URL", () => {
    expect(paths.rendererDir).toBe(join(root, 'dist', 'renderer'));
    expect(paths.index).toBe(join(paths.rendererDir, 'index.html'));
    expect(paths.appUrl).toBe('app://sendsheet/index.html');
    expect(appFilePath(paths.appUrl, paths.rendererDir)).toBe(paths.index);
  });

  it('the page URL is the one the window may show and the one trusted over IPC', () => {
    expect(isAllowedNavigation(paths.appUrl, paths.appUrl)).toBe(true);
    expect(isTrustedSender(paths.appUrl, paths.appUrl)).toBe(true);
  });

  it('the preload is the bundle beside the main; the icon is packaged', () => {
    expect(paths.preload).toBe(join(root, 'dist', 'electron', 'preload.cjs'));
    expect(paths.icon).toBe(join(root, 'assets', 'icons', '512x512.png'));
  });
});
