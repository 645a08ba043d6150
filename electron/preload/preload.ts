/**
 * The preload of the desktop window. It runs sandboxed (no Node: Electron lends it
 * contextBridge, ipcRenderer and webUtils only) and is bundled to dist/electron/preload.cjs.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { exposeBridges } from './bridge';

exposeBridges({ contextBridge, ipcRenderer, webUtils });
