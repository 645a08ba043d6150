/**
 * Issue 16: the whole sheet. Workbooks of 250,000, 500,000 and 1,048,575 rows (Excel's maximum
 * with the header) dropped on the app in Chromium, each beside the floor: SheetJS's bare read
 * of the same bytes in a worker of the same browser, with the app's options. Printed for each:
 * drop to usable preview, the floor and the ratio, the renderer's peak memory and the page's
 * heap at its peak and after. Targets, for the whole sheet: it opens (or says why not, without
 * a crash), usable at most 1.5 times the floor, the page's heap under 1 GiB.
 * `npx tsx bench/ui-growth.bench.ts [ROWS...]`; needs `npm run build:renderer`.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { CHROMIUM } from '../e2e/chromium';
import { startApp } from '../e2e/kit/app-process';
import { dropWorkbook, openApp } from './app-drop';
import type { Drop } from './app-drop';
import { DATA_DIR } from './fixtures';
import { floorRead } from './pipeline/harness';
import { heapAfterGc, watchMemory } from './renderer-memory';
import type { MemoryPeaks } from './renderer-memory';
import { customersWorkbook, EXCEL_MAX_ROWS } from './workbooks';

const SIZES = [250_000, 500_000, EXCEL_MAX_ROWS];
const RATIO_TARGET = 1.5;
const HEAP_TARGET_MIB = 1024;

export interface Growth {
  rows: number;
  mib: number;
  floorMs: number;
  drop: Drop | null;
  crashed: boolean;
  peaks: MemoryPeaks;
  heapAfterMiB: number;
}

async function measure(browser: Browser, url: string, rows: number): Promise<Growth> {
  const book = customersWorkbook(rows);
  const floorMs = await floorRead(browser, book);
  const page = await openApp(browser, url);
  let crashed = false;
  page.on('crash', () => (crashed = true));
  const cdp = await page.context().newCDPSession(page);
  const memory = watchMemory(cdp);
  let drop: Drop | null = null;
  try {
    drop = await dropWorkbook(page, join(DATA_DIR, `customers-${rows}.xlsx`), rows, 900_000);
  } catch (error) {
    if (!crashed) throw error;
  }
  const peaks = await memory.stop();
  const heapAfterMiB = crashed ? NaN : await heapAfterGc(cdp);
  await page.close();
  return { rows, mib: book.length / 2 ** 20, floorMs, drop, crashed, peaks, heapAfterMiB };
}

function describe(growth: Growth): string {
  const { rows, mib, floorMs, drop, crashed, peaks, heapAfterMiB } = growth;
  const size = `${rows.toLocaleString('en-US')} rows (${mib.toFixed(1)} MiB)`;
  const memory = `renderer peak ${peaks.rendererMiB.toFixed(0)} MiB, page heap peak ${peaks.heapMiB.toFixed(0)} MiB, after ${heapAfterMiB.toFixed(0)} MiB`;
  if (crashed || drop === null) return `  ${size}: the page CRASHED; ${memory}`;
  const ratio = drop.dropMs / floorMs;
  const outcome = drop.error
    ? `not opened: "${drop.error}" after ${(drop.dropMs / 1000).toFixed(1)} s`
    : `usable preview in ${(drop.dropMs / 1000).toFixed(1)} s`;
  return [
    `  ${size}: ${outcome}; bare read ${(floorMs / 1000).toFixed(1)} s, ratio ${ratio.toFixed(2)}; ${memory}`,
    `    where: file read ${(drop.startMs / 1000).toFixed(1)} s, worker ${(drop.workerMs / 1000).toFixed(1)} s, its data to objects ${(drop.dataMs / 1000).toFixed(2)} s, page (columns, rows, React) ${(drop.pageMs / 1000).toFixed(1)} s`,
  ].join('\n');
}

export async function benchUiGrowth(sizes = SIZES): Promise<boolean> {
  const dir = await mkdtemp(join(tmpdir(), 'sendsheet-ui-growth-'));
  const app = await startApp({ folder: dir });
  const browser = await chromium.launch(CHROMIUM);
  try {
    console.log(
      'ui: the whole sheet, drop to usable preview beside the bare read (SheetJS in a worker of the same browser):',
    );
    const results: Growth[] = [];
    for (const rows of sizes) {
      const growth = await measure(browser, app.ready.url!, rows);
      results.push(growth);
      console.log(describe(growth));
    }
    const whole = results.find((growth) => growth.rows === EXCEL_MAX_ROWS);
    if (whole === undefined) return true;
    const opened = whole.drop !== null && whole.drop.error === null && !whole.crashed;
    const saidWhy = whole.drop !== null && whole.drop.error !== null && !whole.crashed;
    const ratio = whole.drop ? whole.drop.dropMs / whole.floorMs : Infinity;
    const fast = opened && ratio <= RATIO_TARGET;
    const small = whole.peaks.heapMiB < HEAP_TARGET_MIB && !whole.crashed;
    console.log(
      `  whole sheet: ${opened ? 'opens' : saidWhy ? 'not opened, with a message' : 'CRASHED'} (target: opens: ${opened ? 'met' : 'MISSED'}); ratio ${ratio.toFixed(2)} (target <= ${RATIO_TARGET}: ${fast ? 'met' : 'MISSED'}); page heap peak ${whole.peaks.heapMiB.toFixed(0)} MiB (target < 1 GiB: ${small ? 'met' : 'MISSED'})`,
    );
    return opened && fast && small;
  } finally {
    await browser.close();
    await app.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = process.argv.slice(2).map(Number);
  process.exitCode = (await benchUiGrowth(sizes.length > 0 ? sizes : SIZES)) ? 0 : 1;
}
