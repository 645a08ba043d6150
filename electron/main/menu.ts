/**
 * The application menu: Open, Export and Send with the shortcuts people expect, Quit, and the
 * usual Edit, View and Window menus (on macOS the Edit menu is what makes copy and paste work
 * in text fields at all). Built as data, so its items and shortcuts are tested without Electron.
 */
import type { MenuItemConstructorOptions } from 'electron';

export type MenuAction = 'open' | 'export' | 'send';

export interface MenuOptions {
  platform: NodeJS.Platform;
  appName: string;
  /** Reload and the developer tools, for a build that is not packaged. */
  developer: boolean;
  run: (action: MenuAction) => void;
}

export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { platform, appName, developer, run } = options;
  const mac = platform === 'darwin';
  const file: MenuItemConstructorOptions = {
    label: mac ? 'File' : '&File',
    submenu: [
      { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => run('open') },
      { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => run('export') },
      { label: 'Send', accelerator: 'CmdOrCtrl+Enter', click: () => run('send') },
      { type: 'separator' },
      // On macOS Quit lives in the app's menu and Close Window here.
      mac ? { role: 'close' } : { role: 'quit', accelerator: 'Ctrl+Q' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: mac ? 'View' : '&View',
    submenu: [
      ...(developer
        ? ([
            { role: 'reload' },
            { role: 'toggleDevTools' },
            { type: 'separator' },
          ] satisfies MenuItemConstructorOptions[])
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  return [
    ...(mac
      ? [
          {
            label: appName,
            submenu: [
              { role: 'about' },
              { type: 'separator' },
              { role: 'hide' },
              { role: 'hideOthers' },
              { role: 'unhide' },
              { type: 'separator' },
              { role: 'quit', accelerator: 'Cmd+Q' },
            ],
          } satisfies MenuItemConstructorOptions,
        ]
      : []),
    file,
    { role: 'editMenu' },
    view,
    { role: 'windowMenu' },
  ];
}
