// Issue 12, "Two commands": the user interface built by Vite when `sendsheet app` starts, and an
// app started before a build serves the new build after it, while a page it served before keeps
// its scripts. A small Vite project in a temporary folder stands in for the UI, so the builds
// are real and quick; app-command.test.ts builds the real one.
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appCommand } from './app-command';
import { desktopTarget, loadBundler, UI_PROJECT, uiTarget } from './app-builds';
import { capture } from './cli-test-util';
import { UsageError } from './io';
import { ensureBuilt, staleness } from './stale-build';

const ROOT = resolve(import.meta.dirname, '..', '..');

async function viteProject(main: string) {
  const root = await mkdtemp(join(tmpdir(), 'sendsheet-vite-'));
  await writeFile(
    join(root, 'index.html'),
    '<!doctype html><title>UI</title><div id="root"></div><script type="module" src="./main.js"></script>\n',
  );
  await writeFile(join(root, 'main.js'), main);
  await writeFile(join(root, 'vite.config.mjs'), 'export default { build: { minify: false } };\n');
  const target = uiTarget({
    root,
    configFile: join(root, 'vite.config.mjs'),
    inputs: ['index.html', 'main.js', 'vite.config.mjs'],
    outDir: join(root, 'dist', 'ui'),
    stampFile: join(root, 'dist', 'ui.build.json'),
  });
  return { root, target };
}

/** Waits for a running command's output, for as long as a build takes on a busy machine. */
async function printed(out: { stdout: string }, text: string): Promise<void> {
  for (let i = 0; i < 1200 && !out.stdout.includes(text); i++)
    await new Promise((resolve) => setTimeout(resolve, 50));
  expect(out.stdout).toContain(text);
}

const scriptOf = (page: string) => /assets\/index-[\w-]+\.js/.exec(page)?.[0];

describe('issue 12: the user interface built with Vite', () => {
  it('an app started before a build serves the new build; the page before keeps its scripts', async () => {
    const { root, target } = await viteProject('document.title = "one";\n');
    const { io, out } = capture(root);
    const stop = new AbortController();
    const running = appCommand(
      ['--port', '0', '--no-servers', '--data', 'data'],
      io,
      stop.signal,
      {},
      { ui: target, desktop: desktopTarget() },
    );
    try {
      await printed(out, 'Press Ctrl-C');
      expect(out.stdout).toMatch(
        /^Building the user interface \(it is not built yet; this takes a few seconds\)…\nBuilt the user interface in \d+\.\d s\.\nSendsheet \(headless\)\n/,
      );
      // Issue 15: the address holds the run's secret; a program sends it as a bearer token.
      const [, url, secret] = /Open (\S+)\?token=(\S+) in a browser/.exec(out.stdout)!;
      const get = (at: URL | string) =>
        fetch(at, { headers: { authorization: `Bearer ${secret}` } });
      const first = await (await get(url!)).text();
      const firstScript = scriptOf(first)!;
      expect(first).toContain('<div id="root"></div>');
      expect(await (await get(new URL(firstScript, url!))).text()).toContain('"one"');

      // Built again while the app runs (as `npm run build:renderer` or another start would).
      const builds = [firstScript];
      for (const title of ['two', 'three']) {
        await writeFile(join(root, 'main.js'), `document.title = "${title}";\n`);
        expect(await staleness(target)).toBe('changed');
        expect(await ensureBuilt(target, capture(root).io)).toBe(true);
        const page = await get(url!);
        expect(page.headers.get('cache-control')).toBe('no-cache');
        const script = scriptOf(await page.text())!;
        expect(builds).not.toContain(script);
        expect(await (await get(new URL(script, url!))).text()).toContain(`"${title}"`);
        // The page served before this build still finds its script.
        const before = await get(new URL(builds.at(-1)!, url!));
        expect([before.status, await before.text()]).toEqual([
          200,
          expect.stringContaining(title === 'two' ? '"one"' : '"two"'),
        ]);
        builds.push(script);
      }
      // Two builds back is gone: such a page is told to reload (e2e/updated.spec.ts).
      expect((await get(new URL(builds[0]!, url!))).status).toBe(404);
      expect(readdirSync(join(root, 'dist', 'ui', 'assets')).sort()).toEqual(
        builds
          .slice(1)
          .map((script) => script.replace('assets/', ''))
          .sort(),
      );
    } finally {
      stop.abort();
      expect(await running).toBe(0);
    }
  }, 120_000);

  it("a source Vite cannot build stops the start with Vite's words and what to do", async () => {
    const { root, target } = await viteProject('export const broken = ;\n');
    const { io, out } = capture(root);
    const error = await appCommand(
      ['--port', '0', '--no-servers', '--data', 'data'],
      io,
      AbortSignal.abort(),
      {},
      { ui: target, desktop: desktopTarget() },
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UsageError);
    const message = (error as Error).message;
    expect(message).toMatch(/^the user interface could not be built:\n {2}\S[\s\S]*main\.js:1:23/);
    expect(message).toMatch(
      /\nRun "npm ci" \(it installs what the build needs\), then start again\. If it fails the same way, "npm run build:renderer" shows the whole error\.$/,
    );
    expect(out.stdout).not.toContain('Open http');
  }, 120_000);

  it('every file the UI imports from outside renderer/ is one of its sources', () => {
    const inputs = UI_PROJECT.inputs;
    const files = readdirSync(join(ROOT, 'renderer', 'src'), { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.tsx?$/.test(file) && !file.includes('.test.'))
      .map((file) => join(ROOT, 'renderer', 'src', file));
    const outside = new Set<string>();
    for (const file of files) {
      for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
        const path = relative(ROOT, resolve(dirname(file), specifier!));
        if (!path.startsWith('renderer/')) outside.add(path);
      }
    }
    expect(outside.size).toBeGreaterThan(5);
    for (const path of outside)
      expect([
        path,
        inputs.some((input) => path === input.replace(/\.ts$/, '') || path.startsWith(`${input}/`)),
      ]).toEqual([path, true]);
  });

  it("the window's bundler loads by its path, outside the command's bundle", async () => {
    const { bundle, BUNDLES } = await loadBundler(
      join(ROOT, 'electron', 'cli', 'desktop-bundles.ts'),
    );
    expect(typeof bundle).toBe('function');
    expect(Object.keys(BUNDLES)).toEqual(['main', 'preload']);
    expect(desktopTarget().entry).toBe('dist/electron/main.js');
  });
});
