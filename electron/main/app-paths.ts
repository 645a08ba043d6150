/** Where the window's pieces are, in the repository and in the package alike. */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface AppPaths {
  /** The built UI's page: loaded from the app itself, never from the network. */
  index: string;
  /** Its URL: the only page the window may show, and the only sender trusted over IPC. */
  appUrl: string;
  /** The bundled preload, beside the bundled main. */
  preload: string;
  /** The window's icon on Linux. */
  icon: string;
}

/**
 * `appRoot` is Electron's app path (the repository when run from it, `resources/app.asar` in
 * the package); `mainDir` the folder of the bundled main (dist/electron).
 */
export function appPaths(appRoot: string, mainDir: string): AppPaths {
  const index = join(appRoot, 'dist', 'renderer', 'index.html');
  return {
    index,
    appUrl: pathToFileURL(index).href,
    preload: join(mainDir, 'preload.cjs'),
    icon: join(appRoot, 'assets', 'icons', '512x512.png'),
  };
}
