/** Where the window's pieces are, in the repository and in the package alike. */
import { join } from 'node:path';
import { APP_URL } from './app-protocol';

export interface AppPaths {
  /** The built UI's folder, served to the window as app://sendsheet/ (app-protocol.ts). */
  rendererDir: string;
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
  const rendererDir = join(appRoot, 'dist', 'renderer');
  return {
    rendererDir,
    index: join(rendererDir, 'index.html'),
    appUrl: APP_URL,
    preload: join(mainDir, 'preload.cjs'),
    icon: join(appRoot, 'assets', 'icons', '512x512.png'),
  };
}
