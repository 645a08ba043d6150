import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

  it('lint refuses the UI in electron/', async () => {
    const messages = await lintAs(
      'electron/probe.ts',
      "import { x } from '../renderer/x';\nexport const y = x;",
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
