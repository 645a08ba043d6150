// Issue 6, packaging: electron-builder.yml is valid for electron-builder's own schema, makes
// the packages the issue asks for (AppImage, deb, NSIS, dmg) with the app's id, name, icons and
// file associations, and every file it names exists (or is what `npm run build` makes).
import { readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ICO_SIZES, icoOf, PNG_SIZES } from '../../assets/make-icons';
import { CLI_DIR, CLI_ENTRY } from '../../bin/build-cli.js';
import { BUNDLES } from '../cli/desktop-bundles';

const ROOT = join(import.meta.dirname, '..', '..');
const at = (path: string) => join(ROOT, path);

interface Config {
  appId: string;
  productName: string;
  directories: { buildResources: string; output: string };
  files: string[];
  extraResources: { from: string; to: string }[];
  fileAssociations: { ext: string; name: string; mimeType: string }[];
  linux: { target: string[]; icon: string; executableName: string; mimeTypes: string[] };
  win: { target: string[]; icon: string };
  nsis: { installerIcon: string; uninstallerIcon: string };
  mac: {
    target: string[];
    icon: string;
    hardenedRuntime: boolean;
    entitlements: string;
    entitlementsInherit: string;
  };
  electronFuses: Record<string, boolean>;
  dmg: { icon: string };
}

const config = parse(readFileSync(at('electron-builder.yml'), 'utf8')) as Config;
const manifest = JSON.parse(readFileSync(at('package.json'), 'utf8')) as {
  name: string;
  productName: string;
  main: string;
  scripts: Record<string, string>;
};

function isFile(path: string): boolean {
  try {
    return statSync(at(path)).isFile();
  } catch {
    return false;
  }
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Uint8Array): [number, number] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect([...bytes.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
  return [view.getUint32(16), view.getUint32(20)];
}

describe('issue 6: electron-builder.yml is valid', () => {
  it("passes electron-builder's JSON schema (app-builder-lib/scheme.json)", () => {
    const schema = JSON.parse(readFileSync(at('node_modules/app-builder-lib/scheme.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(config) ? [] : validate.errors).toEqual([]);
    // The check can fail: a misspelt key is refused.
    expect(validate({ ...config, appID: 'x' })).toBe(false);
  });

  it("has the app's id and product name, the same as package.json's", () => {
    expect(config.appId).toBe('com.sendsheet.app');
    expect(config.productName).toBe('Sendsheet');
    expect(manifest.productName).toBe(config.productName);
  });

  it('makes AppImage and deb for Linux, NSIS for Windows, dmg for macOS', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('opens .csv and .xlsx files (file associations, and the MIME types on Linux)', () => {
    expect(config.fileAssociations.map((a) => a.ext)).toEqual(['csv', 'xlsx']);
    for (const association of config.fileAssociations) {
      expect(association.name).toBeTruthy();
      expect(config.linux.mimeTypes).toContain(association.mimeType);
    }
  });

  it('npm run dist builds first, then runs electron-builder with this file (saying how it signs)', () => {
    expect(manifest.scripts.dist).toBe('npm run build && tsx electron/cli/dist.ts');
    expect(readFileSync(at('electron/cli/dist.ts'), 'utf8')).toContain(
      "['--config', 'electron-builder.yml'",
    );
    expect(manifest.scripts.build).toContain('npm run build:electron');
    expect(manifest.scripts.build).toContain('npm run build:renderer');
  });
});

describe("issue 15: Electron's fuses, each a stated choice", () => {
  const fuses = config.electronFuses;
  const schema = JSON.parse(readFileSync(at('node_modules/app-builder-lib/scheme.json'), 'utf8'))
    .definitions.FuseOptionsV1.properties as Record<string, unknown>;

  it('every fuse electron-builder knows is set here, none left to its default', () => {
    expect(Object.keys(fuses).sort()).toEqual(Object.keys(schema).sort());
    for (const value of Object.values(fuses)) expect(typeof value).toBe('boolean');
  });

  it('RunAsNode is on only because the sendsheet command runs the app as Node', () => {
    expect(fuses.runAsNode).toBe(true);
    // Were the wrappers to stop using it, the fuse should go off with them.
    for (const wrapper of ['assets/bin/sendsheet', 'assets/bin/sendsheet.cmd'])
      expect(readFileSync(at(wrapper), 'utf8')).toContain('ELECTRON_RUN_AS_NODE=1');
    expect(readFileSync(at('electron-builder.yml'), 'utf8')).toMatch(
      /only because the `sendsheet` command[^\n]*\n[^\n]*ELECTRON_RUN_AS_NODE=1[^\n]*\n\s*runAsNode: true/,
    );
  });

  it('cookies encrypted; NODE_OPTIONS and --inspect ignored', () => {
    expect(fuses.enableCookieEncryption).toBe(true);
    expect(fuses.enableNodeOptionsEnvironmentVariable).toBe(false);
    expect(fuses.enableNodeCliInspectArguments).toBe(false);
  });

  it('the code comes only from app.asar, checked against its embedded hash (asar is on)', () => {
    expect(fuses.enableEmbeddedAsarIntegrityValidation).toBe(true);
    expect(fuses.onlyLoadAppFromAsar).toBe(true);
    expect((config as { asar?: boolean }).asar ?? true).toBe(true);
  });

  it('file:// gets no extra privileges (the UI is served on app://)', () => {
    expect(fuses.grantFileProtocolExtraPrivileges).toBe(false);
    expect(readFileSync(at('electron/main/app-protocol.ts'), 'utf8')).toMatch(/APP_SCHEME = 'app'/);
  });

  it('one V8 snapshot; the ad-hoc signature reset so that an unsigned Apple silicon build starts', () => {
    expect(fuses.loadBrowserProcessSpecificV8Snapshot).toBe(false);
    expect(fuses.resetAdHocDarwinSignature).toBe(true);
  });
});

describe('issue 15: macOS entitlements narrowed to what Electron needs', () => {
  it('the app and its helpers get allow-jit and nothing else, under the hardened runtime', () => {
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.mac.entitlements).toBe('assets/entitlements.mac.plist');
    expect(config.mac.entitlementsInherit).toBe(config.mac.entitlements);
    const plist = readFileSync(at(config.mac.entitlements), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
    const keys = [...plist.matchAll(/<key>([^<]+)<\/key>\s*<(\w+)\/>/g)].map((m) => [m[1], m[2]]);
    expect(keys).toEqual([['com.apple.security.cs.allow-jit', 'true']]);
    // electron-builder's default, which this replaces, allows much more.
    const fallback = readFileSync(
      at('node_modules/app-builder-lib/templates/entitlements.mac.plist'),
      'utf8',
    );
    expect(fallback).toContain('com.apple.security.cs.disable-library-validation');
    expect(plist).not.toContain('disable-library-validation');
    expect(plist).not.toContain('allow-unsigned-executable-memory');
  });
});

describe('issue 6: every file electron-builder.yml names exists', () => {
  it('the icons of each platform', () => {
    for (const icon of [
      config.win.icon,
      config.nsis.installerIcon,
      config.mac.icon,
      config.dmg.icon,
    ])
      expect([icon, isFile(icon)]).toEqual([icon, true]);
    expect(statSync(at(config.linux.icon)).isDirectory()).toBe(true);
    expect(statSync(at(config.directories.buildResources)).isDirectory()).toBe(true);
  });

  it('the packaged files: in the repository, or made by npm run build', () => {
    const built = new Set([
      ...Object.values(BUNDLES).map((bundle) =>
        relative(ROOT, bundle.outfile).replaceAll('\\', '/'),
      ),
      'dist/renderer/**/*',
      // The command line: its entry and the chunks it loads as each command runs.
      `${relative(ROOT, CLI_DIR).replaceAll('\\', '/')}/*.mjs`,
    ]);
    for (const file of config.files) {
      const ok = built.has(file) || isFile(file);
      expect([file, ok]).toEqual([file, true]);
    }
    // Electron starts package.json's main, which must be packaged.
    expect(config.files).toContain(manifest.main);
  });

  it('the `sendsheet` command: the wrappers, which run the bundled command line', () => {
    const [resources] = config.extraResources;
    expect(resources).toEqual({ from: 'assets/bin', to: 'bin' });
    const cli = relative(ROOT, CLI_ENTRY).replaceAll('\\', '/');
    expect(config.files).toContain(`${relative(ROOT, CLI_DIR).replaceAll('\\', '/')}/*.mjs`);
    const posix = readFileSync(at('assets/bin/sendsheet'), 'utf8');
    const windows = readFileSync(at('assets/bin/sendsheet.cmd'), 'utf8');
    expect(posix).toContain(`app.asar/${cli}`);
    expect(posix).toContain(`/${config.linux.executableName}"`);
    expect(posix).toContain(`/MacOS/${config.productName}"`);
    expect(windows).toContain(`app.asar\\${cli.replaceAll('/', '\\')}`);
    expect(windows).toContain(`${config.productName}.exe`);
    for (const script of [posix, windows]) expect(script).toContain('ELECTRON_RUN_AS_NODE=1');
    if (process.platform !== 'win32')
      expect(statSync(at('assets/bin/sendsheet')).mode & 0o111).not.toBe(0);
    // The window and the command have different names on Linux, so both can be on PATH.
    expect(config.linux.executableName).not.toBe('sendsheet');
  });
});

describe('issue 6: the icons, at the sizes each platform needs', () => {
  it.each(PNG_SIZES)('Linux: icons/%ix%i.png is that size', (size) => {
    const file = join(config.linux.icon, `${size}x${size}.png`);
    expect(pngSize(readFileSync(at(file)))).toEqual([size, size]);
  });

  it('Windows: the .ico holds 16 to 256 px, each a PNG of its size', () => {
    const ico = readFileSync(at(config.win.icon));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const entry = 6 + 16 * i;
      const size = ico.readUInt8(entry) || 256;
      const length = ico.readUInt32LE(entry + 8);
      const offset = ico.readUInt32LE(entry + 12);
      expect(pngSize(ico.subarray(offset, offset + length))).toEqual([size, size]);
      sizes.push(size);
    }
    expect(sizes).toEqual([...ICO_SIZES]);
  });

  it('icoOf writes what the reader above reads (256 as 0)', () => {
    const png = readFileSync(at(join(config.linux.icon, '256x256.png')));
    const ico = icoOf([{ size: 256, png }]);
    expect([
      ico.readUInt16LE(4),
      ico.readUInt8(6),
      ico.readUInt32LE(14),
      ico.readUInt32LE(18),
    ]).toEqual([1, 0, png.length, 22]);
  });

  it('macOS: the .icns holds the Retina sizes up to 1024 px', () => {
    const icns = readFileSync(at(config.mac.icon));
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const chunks = new Map<string, Buffer>();
    for (let offset = 8; offset < icns.length;) {
      const length = icns.readUInt32BE(offset + 4);
      chunks.set(
        icns.subarray(offset, offset + 4).toString('latin1'),
        icns.subarray(offset + 8, offset + length),
      );
      offset += length;
    }
    // ic07..ic10: 128, 256, 512 and 1024 px (512@2x), as PNG.
    for (const [type, size] of [
      ['ic07', 128],
      ['ic08', 256],
      ['ic09', 512],
      ['ic10', 1024],
    ] as const)
      expect([type, pngSize(chunks.get(type)!)]).toEqual([type, [size, size]]);
  });
});
