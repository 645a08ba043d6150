// Issue 12, "Two commands": `npm start` builds what it needs when it is missing or its sources
// changed, and only then. Real files in a temporary folder; the build itself is a function that
// writes files, as Vite does (the real Vite build is exercised in app-builds.test.ts).
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capture } from './cli-test-util';
import { UsageError } from './io';
import { ensureBuilt, sourceFiles, staleness } from './stale-build';
import type { BuildTarget } from './stale-build';

/** A project with sources under src/ and a config file; each build writes out/index.html naming
 * its script, out/assets/app-N.js, as a bundler names a file by its content. */
async function project() {
  const root = await mkdtemp(join(tmpdir(), 'sendsheet-stale-'));
  await mkdir(join(root, 'src'));
  await writeFile(join(root, 'src', 'main.ts'), 'export const a = 1;\n');
  await writeFile(join(root, 'build.config'), '{}\n');
  const builds: boolean[] = [];
  let fail: string | null = null;
  const target: BuildTarget = {
    what: 'the thing',
    root,
    inputs: ['src', 'build.config'],
    marker: 'build.config',
    entry: 'out/index.html',
    stampFile: join(root, 'out.build.json'),
    keep: 2,
    remedy: 'Run "npm ci", then start again.',
    make: async (clean) => {
      builds.push(clean);
      if (fail !== null) throw new Error(fail);
      if (clean) await rm(join(root, 'out'), { recursive: true, force: true });
      await mkdir(join(root, 'out', 'assets'), { recursive: true });
      const script = `assets/app-${builds.length}.js`;
      await writeFile(join(root, 'out', script), `/* build ${builds.length} */`);
      await writeFile(join(root, 'out', 'index.html'), `<script src="${script}"></script>`);
      return [`out/${script}`, 'out/index.html'];
    },
  };
  return { root, target, builds, failWith: (message: string | null) => (fail = message) };
}

describe('issue 12: build when missing or changed, and only then', () => {
  it('builds when there is no build, then not again while nothing changed', async () => {
    const { target, builds } = await project();
    const { io, out } = capture(target.root);
    expect(await staleness(target)).toBe('missing');
    expect(await ensureBuilt(target, io)).toBe(true);
    expect(builds).toEqual([true]);
    expect(out.stdout).toMatch(
      /^Building the thing \(it is not built yet; this takes a few seconds\)…\nBuilt the thing in \d+\.\d s\.\n$/,
    );
    expect(await staleness(target)).toBeNull();
    expect(await ensureBuilt(target, io)).toBe(false);
    expect(builds).toEqual([true]);
    expect(out.stdout.match(/Building/g)).toHaveLength(1);
  });

  it('rebuilds when a source is edited, added or removed, or the config changes', async () => {
    const { root, target, builds } = await project();
    const { io, out } = capture(root);
    await ensureBuilt(target, io);
    const edits = [
      () => writeFile(join(root, 'src', 'main.ts'), 'export const a = 2;\n'),
      () => writeFile(join(root, 'src', 'new.ts'), 'export const b = 1;\n'),
      () => rm(join(root, 'src', 'new.ts')),
      () => writeFile(join(root, 'build.config'), '{"minify": false}\n'),
    ];
    for (const edit of edits) {
      await edit();
      expect(await staleness(target)).toBe('changed');
      expect(await ensureBuilt(target, capture(root).io)).toBe(true);
      expect(await staleness(target)).toBeNull();
    }
    // Built clean only the first time: later builds keep the files of the one before.
    expect(builds).toEqual([true, false, false, false, false]);
    expect(out.stdout).toContain('Building the thing');
  });

  it('is decided by content: a file saved unchanged, or an older one brought back, decides rightly', async () => {
    const { root, target } = await project();
    await ensureBuilt(target, capture(root).io);
    const main = join(root, 'src', 'main.ts');
    const later = new Date(Date.now() + 3_600_000);
    await utimes(main, later, later);
    expect(await staleness(target)).toBeNull();
    // A checkout that brings back an older version: older on the clock, yet not what was built.
    await writeFile(main, 'export const a = 0;\n');
    const earlier = new Date(Date.now() - 86_400_000);
    await utimes(main, earlier, earlier);
    expect(await staleness(target)).toBe('changed');
  });

  it('tests, notes and hidden files are not sources: changing them builds nothing', async () => {
    const { root, target } = await project();
    await ensureBuilt(target, capture(root).io);
    await writeFile(join(root, 'src', 'main.test.ts'), 'test');
    await writeFile(join(root, 'src', 'README.md'), 'notes');
    await writeFile(join(root, 'src', '.swap'), 'editor');
    expect(await sourceFiles(target)).toEqual(['build.config', 'src/main.ts']);
    expect(await staleness(target)).toBeNull();
  });

  it('rebuilds when the build was removed, or a file of it is gone', async () => {
    const { root, target, builds } = await project();
    await ensureBuilt(target, capture(root).io);
    await rm(join(root, 'out', 'assets', 'app-1.js'));
    expect(await staleness(target)).toBe('missing');
    await ensureBuilt(target, capture(root).io);
    await rm(join(root, 'out'), { recursive: true });
    expect(await staleness(target)).toBe('missing');
    const { io, out } = capture(root);
    await ensureBuilt(target, io);
    expect(out.stdout).toContain('it is not built yet');
    expect(builds).toEqual([true, true, true]);
    expect(existsSync(join(root, 'out', 'index.html'))).toBe(true);
  });

  it('keeps the files of the last two builds, deletes older ones, and nothing it did not make', async () => {
    const { root, target } = await project();
    await ensureBuilt(target, capture(root).io);
    await writeFile(join(root, 'out', 'favicon.ico'), 'not made by a build');
    for (const n of [2, 3]) {
      await writeFile(join(root, 'src', 'main.ts'), `export const a = ${n};\n`);
      await ensureBuilt(target, capture(root).io);
    }
    expect(existsSync(join(root, 'out', 'assets', 'app-1.js'))).toBe(false);
    expect(existsSync(join(root, 'out', 'assets', 'app-2.js'))).toBe(true);
    expect(existsSync(join(root, 'out', 'assets', 'app-3.js'))).toBe(true);
    expect(await readFile(join(root, 'out', 'index.html'), 'utf8')).toContain('app-3.js');
    expect(existsSync(join(root, 'out', 'favicon.ico'))).toBe(true);
  });

  it('never deletes outside the project, whatever the stamp says', async () => {
    const { root, target } = await project();
    await ensureBuilt(target, capture(root).io);
    const name = `${basename(root)}-outside.txt`;
    const outside = join(root, '..', name);
    const absolute = join(root, '..', `${basename(root)}-absolute.txt`);
    await writeFile(outside, 'keep me');
    await writeFile(absolute, 'keep me');
    const stamp = JSON.parse(await readFile(target.stampFile, 'utf8'));
    stamp.builds.push([`../${name}`], [absolute]);
    await writeFile(target.stampFile, JSON.stringify(stamp));
    await writeFile(join(root, 'src', 'main.ts'), 'export const a = 9;\n');
    await ensureBuilt(target, capture(root).io);
    expect(await readFile(outside, 'utf8')).toBe('keep me');
    expect(await readFile(absolute, 'utf8')).toBe('keep me');
    await rm(outside);
    await rm(absolute);
  });

  it('a failed build is a clear error saying what to do, and the next start tries again', async () => {
    const { root, target, builds, failWith } = await project();
    await ensureBuilt(target, capture(root).io);
    await writeFile(join(root, 'src', 'main.ts'), 'export const a = ;\n');
    failWith('[plugin vite:oxc] src/main.ts:1:17: Unexpected token\n  at parse (x.js:1:1)');
    const { io, out } = capture(root);
    const error = await ensureBuilt(target, io).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(
      'the thing could not be built:\n  [plugin vite:oxc] src/main.ts:1:17: Unexpected token\n    at parse (x.js:1:1)\nRun "npm ci", then start again.',
    );
    expect(out.stdout).not.toContain('Built');
    // The build that was there stays, and is still not the sources': the next start tries again.
    expect(await readFile(join(root, 'out', 'index.html'), 'utf8')).toContain('app-1.js');
    expect(await staleness(target)).toBe('changed');
    failWith(null);
    await writeFile(join(root, 'src', 'main.ts'), 'export const a = 3;\n');
    expect(await ensureBuilt(target, capture(root).io)).toBe(true);
    expect(builds).toHaveLength(3);
  });

  it('two starts at once build once: the second waits, then finds it built', async () => {
    const { root, target, builds } = await project();
    const slow: BuildTarget = {
      ...target,
      make: async (clean) => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        return target.make(clean);
      },
    };
    const first = capture(root);
    const second = capture(root);
    const results = await Promise.all([
      ensureBuilt(slow, first.io),
      new Promise((resolve) => setTimeout(resolve, 50)).then(() => ensureBuilt(slow, second.io)),
    ]);
    expect(results).toEqual([true, false]);
    expect(builds).toHaveLength(1);
    expect(second.out.stdout).toBe(
      'Waiting for another start of Sendsheet that is building the thing…\n',
    );
  });

  it('an installed app (no sources) runs what it ships, and says so when that is missing', async () => {
    const { root, target, builds } = await project();
    await ensureBuilt(target, capture(root).io);
    await rm(join(root, 'build.config'));
    await writeFile(join(root, 'src', 'main.ts'), 'changed');
    expect(await ensureBuilt(target, capture(root).io)).toBe(false);
    await rm(join(root, 'out'), { recursive: true });
    await expect(ensureBuilt(target, capture(root).io)).rejects.toThrow(
      'the thing is missing from this installation (out/index.html): install Sendsheet again.',
    );
    expect(builds).toHaveLength(1);
  });
});
