/**
 * Runs the pipeline bench's page (page.ts) and worker (read-worker.ts) in Chromium: both are
 * bundled with esbuild and served from memory at an origin of their own, with the workbook to
 * read beside them, so the floor (SheetJS's bare read) is measured in the same browser as the
 * app, with nothing of the app's page around it.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { DATA_DIR } from '../fixtures';
import type { ReadRun, StageTimes } from './page';
import type { ReadMode } from './read-worker';

const ORIGIN = 'http://pipeline.bench';
const OUT = join(DATA_DIR, 'pipeline');

let built: Promise<void> | null = null;
let builtReadable = false;

function bundle(readable: boolean): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const options = {
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    // Minified as the app's own bundle is; readable names for a CPU profile (ui-profile.ts).
    minify: !readable,
    logLevel: 'error',
  } as const;
  return Promise.all([
    build({
      ...options,
      entryPoints: [join(import.meta.dirname, 'page.ts')],
      outfile: join(OUT, 'page.js'),
    }),
    build({
      ...options,
      entryPoints: [join(import.meta.dirname, 'read-worker.ts')],
      outfile: join(OUT, 'read-worker.js'),
    }),
  ]).then(() => undefined);
}

export interface PipelinePage {
  page: Page;
  /** Reads `book` in a fresh worker of the page, in the given mode. */
  read(mode: ReadMode, book: Buffer, name?: string): Promise<ReadRun>;
  /** The app's preview code on the sheet last read by an `app` mode. */
  stages(): Promise<StageTimes>;
  release(): Promise<void>;
  close(): Promise<void>;
}

/** `readable`: bundled without minifying, so that a CPU profile names the functions. */
export async function openPipelinePage(browser: Browser, readable = false): Promise<PipelinePage> {
  if (built === null || builtReadable !== readable) {
    built = bundle(readable);
    builtReadable = readable;
  }
  await built;
  const page = await browser.newPage();
  let book: Buffer = Buffer.alloc(0);
  await page.route(`${ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/book.xlsx') {
      return route.fulfill({ body: book, contentType: 'application/octet-stream' });
    }
    if (path === '/page.js' || path === '/read-worker.js') {
      return route.fulfill({
        body: readFileSync(join(OUT, path.slice(1))),
        contentType: 'text/javascript',
      });
    }
    return route.fulfill({
      body: '<!doctype html><meta charset="utf-8"><title>pipeline</title><script src="./page.js"></script>',
      contentType: 'text/html',
    });
  });
  await page.goto(`${ORIGIN}/`);
  type Pipeline = {
    read(mode: ReadMode, name: string, url: string): Promise<ReadRun>;
    stages(): StageTimes;
    release(): void;
  };
  return {
    page,
    async read(mode, bytes, name = 'book.xlsx') {
      book = bytes;
      return page.evaluate(
        ([mode, name]) =>
          (window as unknown as { pipeline: Pipeline }).pipeline.read(mode, name, './book.xlsx'),
        [mode, name] as const,
      );
    },
    stages: () =>
      page.evaluate(() => (window as unknown as { pipeline: Pipeline }).pipeline.stages()),
    release: () =>
      page.evaluate(() => (window as unknown as { pipeline: Pipeline }).pipeline.release()),
    close: () => page.close(),
  };
}

/**
 * The floor of a drop: SheetJS's bare read of the workbook, with the app's options, in a fresh
 * worker of `browser`, ms. The app cannot open a workbook faster than it reads it.
 */
export async function floorRead(browser: Browser, book: Buffer): Promise<number> {
  const pipeline = await openPipelinePage(browser);
  try {
    return (await pipeline.read('bare-app-options', book)).readMs;
  } finally {
    await pipeline.close();
  }
}

/** A drop's floor read on both sides of it (`floorAround`): their mean and each read, ms. */
export interface Floor {
  ms: number;
  reads: [number, number];
}

/**
 * `work` (a drop) between two bare reads of `book`, its floor their mean. One read before
 * alone took from 1,749 to 2,622 ms in a run whose drops took 2,600-2,841, so a read on one
 * side measured the machine's moment as much as the floor; the reads are never during `work`,
 * whose worker theirs would compete with.
 */
export async function floorAround<T>(
  browser: Browser,
  book: Buffer,
  work: () => Promise<T>,
): Promise<{ value: T; floor: Floor }> {
  const before = await floorRead(browser, book);
  const value = await work();
  const after = await floorRead(browser, book);
  return { value, floor: { ms: (before + after) / 2, reads: [before, after] } };
}

/** A floor as the benches print it, in `unit`s: the mean, then the two reads. */
export const describeFloor = ({ ms, reads }: Floor, unit: 'ms' | 's'): string => {
  const shown = (value: number) => (unit === 's' ? (value / 1000).toFixed(1) : value.toFixed(0));
  return `${shown(ms)} ${unit} (reads ${reads.map(shown).join(' and ')})`;
};
