// Issue 6, layering (STYLE.md "Layers that only point down"): the main process and the preload
// are the only Electron-aware files; the rest of electron/ is plain Node, tested without
// Electron, and core and the UI never see it.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const ALLOWED = ['electron/main/', 'electron/preload/'];

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)).replaceAll('\\', '/'));
}

const IMPORTS_ELECTRON = /\bfrom\s+['"]electron(\/[a-z]+)?['"]|\brequire\(\s*['"]electron['"]\s*\)/;

describe('issue 6: only the shell knows Electron', () => {
  it('no file outside electron/main and electron/preload imports electron', () => {
    const files = ['core', 'electron', 'renderer'].flatMap(sources);
    expect(files.length).toBeGreaterThan(50);
    const offending = files.filter(
      (file) =>
        !ALLOWED.some((folder) => file.startsWith(folder)) &&
        IMPORTS_ELECTRON.test(readFileSync(join(ROOT, file), 'utf8')),
    );
    expect(offending).toEqual([]);
  });

  it('the check finds an import of electron where there is one', () => {
    expect(IMPORTS_ELECTRON.test("import { app } from 'electron';")).toBe(true);
    expect(IMPORTS_ELECTRON.test('import type { Session } from "electron/main";')).toBe(true);
    expect(IMPORTS_ELECTRON.test("const { app } = require('electron');")).toBe(true);
    expect(IMPORTS_ELECTRON.test("import { x } from './electron-like';")).toBe(false);
  });
});
