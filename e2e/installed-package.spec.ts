/**
 * Issue 18: `sendsheet/playwright` works where a team uses it, installed from the package
 * (README "Testing with Playwright", "Installing the kit"), not only from this checkout. The
 * checkout is packed as `npm pack` packs it (its prepack builds the command, the UI and the kit),
 * installed into a fresh project with that project's own Playwright, TypeScript checks a spec
 * there against the kit's declarations, and that project's Playwright runs the spec: the
 * fixture must start the installed package's own command, as JavaScript, with no sources.
 */
import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readdir, readFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM } from './chromium';

const ROOT = resolve(import.meta.dirname, '..');

interface Ran {
  code: number | null;
  output: string;
}

/** A fresh shell's environment: nothing of this run's npm script or Playwright worker. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|PW_|PLAYWRIGHT_|TEST_)|^(INIT_CWD|NODE_OPTIONS|FORCE_COLOR)$/.test(key)) continue;
    env[key] = value;
  }
  return env;
}

function run(command: string, args: string[], cwd: string): Promise<Ran> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('error', fail);
    child.once('close', (code) => done({ code, output }));
  });
}

async function versionOf(name: string): Promise<string> {
  const path = join(ROOT, 'node_modules', ...name.split('/'), 'package.json');
  return (JSON.parse(await readFile(path, 'utf8')) as { version: string }).version;
}

/** What a team writes: the fixture, the page objects and the outbox, from the package's name. */
const TEAM_SPEC = `import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { expect, test } from 'sendsheet/playwright';
import type { QueuedMessage } from 'sendsheet/playwright';

test('a list sent through the installed Sendsheet is in its outbox', async ({ sendsheet, outbox, ready }) => {
  // The app is the installed package's own command, found from the kit, not from this folder.
  const command = readFileSync(\`/proc/\${ready.pid}/cmdline\`, 'utf8').split('\\0');
  expect(command[1]).toBe(resolve('node_modules', 'sendsheet', 'bin', 'sendsheet.js'));
  const list = 'Phone;Message\\r\\n4520123456;Hello from an installed Sendsheet\\r\\n';
  await sendsheet.goto();
  await sendsheet.openFile({ name: 'team.csv', bytes: new TextEncoder().encode(list) });
  await sendsheet.map({ phone: 'Phone', message: 'Message' });
  await sendsheet.expectTotals({ recipients: 1, parts: 1, problems: 0 });
  await sendsheet.send(1);
  await sendsheet.batch('team.csv').expectState('success');
  const queued: QueuedMessage[] = await outbox('demo');
  expect(queued.map(({ msisdn, message }) => [msisdn, message])).toEqual([
    ['4520123456', 'Hello from an installed Sendsheet'],
  ]);
});
`;

const TEAM_CONFIG = `import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests',
  reporter: 'list',
  timeout: 120_000,
  // The UI speaks the browser's language; the page objects' default is English.
  use: { browserName: 'chromium', locale: 'en-US', launchOptions: ${JSON.stringify(CHROMIUM)} },
});
`;

/** As strict as a team may be, resolving as Node does. */
const TEAM_TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    noEmit: true,
    types: ['node'],
    lib: ['ES2022', 'DOM'],
  },
  include: ['tests', 'playwright.config.ts'],
};

test('the packed package installs into a fresh project, whose Playwright runs a spec on its fixture', async () => {
  // Packing builds the command, the UI and the kit; installing may reach the registry.
  test.setTimeout(900_000);
  const work = await mkdtemp(join(tmpdir(), 'sendsheet-installed-'));
  try {
    const packed = await run(
      'npm',
      ['pack', '--ignore-scripts=false', '--pack-destination', work],
      ROOT,
    );
    expect(packed.code, packed.output).toBe(0);
    const tarball = (await readdir(work)).find((name) => name.endsWith('.tgz'));
    expect(tarball, packed.output).toBeDefined();

    // What a team gets: the launcher, the bundles and the built UI; no sources, no tests.
    const listed = await run('tar', ['-tzf', join(work, tarball!)], work);
    const files = listed.output.split('\n').filter((line) => line !== '');
    for (const file of [
      'bin/sendsheet.js',
      'bin/build-cli.js',
      'dist/cli/sendsheet.mjs',
      'dist/renderer/index.html',
      'dist/playwright/index.js',
      'dist/playwright/index.d.ts',
      'package.json',
    ])
      expect(files).toContain(`package/${file}`);
    const sources = files.filter((file) =>
      /^package\/(core|electron|renderer|e2e|bench)\/|\.test\.|\.spec\./.test(file),
    );
    expect(sources).toEqual([]);

    const project = join(work, 'team');
    await mkdir(join(project, 'tests'), { recursive: true });
    await writeFile(
      join(project, 'package.json'),
      JSON.stringify({ name: 'team-tests', version: '1.0.0', private: true }),
    );
    await writeFile(join(project, 'playwright.config.ts'), TEAM_CONFIG);
    await writeFile(join(project, 'tsconfig.json'), JSON.stringify(TEAM_TSCONFIG, null, 2));
    await writeFile(join(project, 'tests', 'team.spec.ts'), TEAM_SPEC);
    const installed = await run(
      'npm',
      [
        'install',
        '--no-audit',
        '--no-fund',
        '--prefer-offline',
        // No install script is needed (one optional dependency's would compile a native addon).
        '--ignore-scripts',
        join(work, tarball!),
        `@playwright/test@${await versionOf('@playwright/test')}`,
        `typescript@${await versionOf('typescript')}`,
        `@types/node@${await versionOf('@types/node')}`,
      ],
      project,
    );
    expect(installed.code, installed.output).toBe(0);

    const checked = await run(
      process.execPath,
      [join(project, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', project],
      project,
    );
    expect(checked.code, checked.output).toBe(0);

    const ran = await run(
      process.execPath,
      [join(project, 'node_modules', '@playwright', 'test', 'cli.js'), 'test'],
      project,
    );
    expect(ran.code, ran.output).toBe(0);
    expect(ran.output).toContain('1 passed');
  } finally {
    await rm(work, { recursive: true, force: true, maxRetries: 3 });
  }
});
