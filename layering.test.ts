import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// core is shared by the browser preview, the check command and the emulated servers: an
// import of Node, the DOM or Electron there must fail `npm run lint` and `npm run typecheck`.

async function lintAs(path: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: import.meta.dirname });
  const [result] = await eslint.lintText(code, { filePath: join(import.meta.dirname, path) });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layering: core imports only core and pure packages', () => {
  it.each([
    ["import { readFileSync } from 'node:fs';\nexport const f = readFileSync;", 'node:fs'],
    ["import fs from 'fs';\nexport const f = fs;", 'fs'],
    ["import { app } from 'electron';\nexport const a = app;", 'electron'],
    ["import React from 'react';\nexport const r = React;", 'react'],
    [
      "import { nodeCheckOptions } from '../electron/native-text';\nexport const o = nodeCheckOptions;",
      '../electron',
    ],
  ])('lint refuses %j in core', async (code) => {
    const messages = await lintAs('core/probe.ts', code);
    expect(messages.some((m) => m.startsWith('no-restricted-imports'))).toBe(true);
  });

  it.each(['Buffer', 'process', 'window', 'document'])(
    'lint refuses the global %s in core',
    async (name) => {
      const messages = await lintAs('core/probe.ts', `export const x = String(${name});`);
      expect(messages.some((m) => m.startsWith('no-restricted-globals'))).toBe(true);
    },
  );

  it('lint allows core modules and the listed pure packages', async () => {
    const code =
      "import { dsvFormat } from 'd3-dsv';\nimport { decode } from './decode';\nexport const x = [dsvFormat, decode];";
    expect(await lintAs('core/probe.ts', code)).toEqual([]);
  });

  it('lint refuses the contract in the rules of core: the contract sits above them', async () => {
    const messages = await lintAs(
      'core/probe.ts',
      "import { METHODS } from './contract/api';\nexport const m = METHODS;",
    );
    expect(messages.some((m) => m.startsWith('no-restricted-imports'))).toBe(true);
  });

  it('typecheck refuses Node in core: core has no Node or DOM types', () => {
    const dir = mkdtempSync(join(import.meta.dirname, 'core', '.probe-'));
    try {
      writeFileSync(
        join(dir, 'probe.ts'),
        "import { readFileSync } from 'node:fs';\nexport const b = Buffer.from(readFileSync('x'));\nexport const w = window;\n",
      );
      writeFileSync(
        join(dir, 'tsconfig.json'),
        JSON.stringify({ extends: '../tsconfig.json', include: ['probe.ts', '../platform.d.ts'] }),
      );
      let output = '';
      try {
        execFileSync(
          process.execPath,
          [join(import.meta.dirname, 'node_modules/typescript/bin/tsc'), '-p', dir],
          { encoding: 'utf8' },
        );
      } catch (error) {
        output = (error as { stdout: string }).stdout;
      }
      expect(output).toContain("Cannot find module 'node:fs'");
      expect(output).toContain("Cannot find name 'Buffer'");
      expect(output).toContain("Cannot find name 'window'");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const refused = (messages: string[]) =>
  messages.some((m) => /^(@typescript-eslint\/)?no-restricted-imports:/.test(m));
// eslint.config.js is plain JavaScript: its table of layers is read here as data.
const CONFIG = './eslint.config.js';
const { ELECTRON_LAYERS } = (await import(CONFIG)) as {
  ELECTRON_LAYERS: Record<string, readonly string[]>;
};
const FOLDERS = Object.keys(ELECTRON_LAYERS);

describe('layering: the contract sits below both sides, above the rules of core', () => {
  it('the contract may import itself and the rules of core; its schemas alone zod', async () => {
    expect(
      await lintAs(
        'core/contract/probe.ts',
        "import type { Problem } from '../problems';\nimport { METHODS } from './api';\nexport type P = Problem;\nexport const m = METHODS;",
      ),
    ).toEqual([]);
    expect(
      refused(
        await lintAs('core/contract/probe.ts', "import { z } from 'zod';\nexport const s = z;"),
      ),
    ).toBe(true);
    expect(
      await lintAs('core/contract/schemas.ts', "import { z } from 'zod';\nexport const s = z;"),
    ).toEqual([]);
    for (const code of [
      "import { x } from '../../electron/base/words';\nexport const y = x;",
      "import { x } from '../../renderer/src/x';\nexport const y = x;",
      "import { readFileSync } from 'node:fs';\nexport const y = readFileSync;",
    ])
      expect(refused(await lintAs('core/contract/probe.ts', code))).toBe(true);
  });

  it('the UI imports the contract, never electron/ or the schemas', async () => {
    expect(
      await lintAs(
        'renderer/src/probe.ts',
        "import { METHODS } from '../../core/contract/api';\nexport const m = METHODS;",
      ),
    ).toEqual([]);
    for (const code of [
      "import { validateRequest } from '../../core/contract/schemas';\nexport const v = validateRequest;",
      "import type { Profile } from '../../electron/client/profile';\nexport type P = Profile;",
      "import { startBackend } from '../../electron/backend/backend';\nexport const s = startBackend;",
    ])
      expect(refused(await lintAs('renderer/src/probe.ts', code))).toBe(true);
  });
});

describe('layering: each folder of electron/ imports only the folders below it', () => {
  it('every folder of electron/ has a layer, and every layer a folder', () => {
    const folders = readdirSync(join(import.meta.dirname, 'electron')).filter((name) =>
      statSync(join(import.meta.dirname, 'electron', name)).isDirectory(),
    );
    expect(folders.sort()).toEqual([...FOLDERS].sort());
    // No file stands in electron/ itself, outside every layer.
    expect(
      readdirSync(join(import.meta.dirname, 'electron')).filter((name) => name.endsWith('.ts')),
    ).toEqual([]);
  });

  it.each(FOLDERS)(
    'electron/%s/: a probe importing each other folder is refused unless allowed',
    async (folder) => {
      const allowed = ELECTRON_LAYERS[folder]!;
      for (const other of FOLDERS) {
        if (other === folder) continue;
        const messages = await lintAs(
          `electron/${folder}/probe.ts`,
          `import { x } from '../${other}/x';\nexport const y = x;`,
        );
        expect({ other, refused: refused(messages) }).toEqual({
          other,
          refused: !allowed.includes(other),
        });
      }
      expect(
        refused(
          await lintAs(
            `electron/${folder}/probe.ts`,
            "import { x } from '../../renderer/src/x';\nexport const y = x;",
          ),
        ),
      ).toBe(true);
    },
  );

  it('the layers point down only: no folder can reach one that reaches it', () => {
    const reaches = (from: string, to: string, seen = new Set<string>()): boolean => {
      for (const next of ELECTRON_LAYERS[from]!) {
        if (next === to) return true;
        if (!seen.has(next)) {
          seen.add(next);
          if (reaches(next, to, seen)) return true;
        }
      }
      return false;
    };
    for (const folder of FOLDERS)
      expect({ folder, cycle: reaches(folder, folder) }).toEqual({ folder, cycle: false });
  });

  it('the client never imports the emulated server, and the service neither', () => {
    expect(ELECTRON_LAYERS.client).not.toContain('server');
    expect(ELECTRON_LAYERS.service).not.toContain('server');
  });
});
