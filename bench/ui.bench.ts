/**
 * The UI with a 100,000-row .xlsx, in Chromium against headless mode: the time from choosing the
 * file to a usable preview (target under 3 s; issue 16: at most 1.5 times SheetJS's bare read of
 * the same bytes in the same browser), typing a sender (issue 16: each keystroke to its frame
 * under 50 ms), and scrolling the preview from top to bottom, counting long frames (over 50 ms)
 * and long tasks. The drop is timed three times, each between two bare reads of its own, and the
 * median ratio judged. The scroll is judged beside a plain page's same scroll in the same
 * browser, one before it and one after (scroll-control.ts): that page, with no app, had 8-11
 * long frames of 1,135 on this machine, so a count of the app's own means nothing alone.
 * Needs `npm run build:renderer` and /usr/bin/chromium. `npx tsx bench/ui.bench.ts`.
 */
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Page } from 'playwright-core';
import { CHROMIUM } from '../e2e/chromium';
import { choosePractice, startApp } from '../e2e/kit/app-process';
import { dropWorkbook, openApp, settle } from './app-drop';
import { DATA_DIR } from './fixtures';
import { describeFloor, floorAround } from './pipeline/harness';
import type { Floor } from './pipeline/harness';
import { timedKeystroke } from './keystroke';
import { explainedByStall, lateness, watchStalls } from './stalls';
import { internalizedStrings } from './string-table';
import { describeControl, scrollControl } from './scroll-control';
import { scrollEndToEnd } from './scroll-frames';
import { customersWorkbook } from './workbooks';

const ROWS = 100_000;
const TARGET_MS = 3_000;
const FLOOR_RATIO = 1.5;
const KEYSTROKE_MS = 50;
/** Drops, each beside its own bare read; the median ratio is judged. */
const DROPS = 3;

export async function benchUi(): Promise<boolean> {
  const app = await startApp();
  // The first run's choice made, as the end-to-end tests make it: else the page asks it first.
  await choosePractice(app.ready);
  const browser = await chromium.launch(CHROMIUM);
  try {
    const buffer = customersWorkbook(ROWS);
    // Each drop on a new page of the app, between two bare reads of its own (floorAround), in
    // turns: one of each varies by a quarter from run to run on this shared machine, more than
    // the target's margin, so the median of DROPS ratios is judged, and each is printed.
    const drops: { dropMs: number; floor: Floor }[] = [];
    const keystrokes: number[] = [];
    let last: Page | null = null;
    for (let round = 0; round < DROPS; round++) {
      await last?.close();
      const { value, floor } = await floorAround(browser, buffer, async () => {
        const page = await openApp(browser, app.ready.url!);
        await settle(page);
        const drop = await dropWorkbook(page, join(DATA_DIR, `customers-${ROWS}.xlsx`), ROWS);
        if (drop.error !== null) throw new Error(`the drop failed: ${drop.error}`);
        if (round === DROPS - 1) {
          // Typing a sender on the last drop's page, as soon as its preview shows, before the
          // read after the drop, which the first keystroke met closing its page (47-51 ms
          // against 24): each keystroke redoes the rows' checks for 100,000 rows.
          await page.getByRole('textbox', { name: 'Sender' }).focus();
          for (const char of 'Shop') keystrokes.push(await timedKeystroke(page, char));
        }
        await settle(page);
        return { page, drop };
      });
      last = value.page;
      drops.push({ dropMs: value.drop.dropMs, floor });
    }
    const middle = [...drops].sort((a, b) => a.dropMs / a.floor.ms - b.dropMs / b.floor.ms)[
      Math.floor(DROPS / 2)
    ]!;
    const { dropMs } = middle;
    const floorMs = middle.floor.ms;
    // The scroll on the last drop's page.
    const page = last!;

    // Scroll end to end, 3,000 px a frame (about 90 rows, each frame new rows), measuring every
    // frame; the plain page's same scroll before and after it.
    const controlBefore = await scrollControl(browser);
    const watcher = await watchStalls();
    // Long tasks, and long animation frames, which say where a slow frame's time went:
    // scripts, style and layout, or neither (paint, compositing, garbage collection).
    await page.evaluate(() => {
      const started = performance.now();
      const seen = { longTasks: 0, loafs: [] as string[] };
      const longTasks = new PerformanceObserver(
        (list) => (seen.longTasks += list.getEntries().length),
      );
      longTasks.observe({ type: 'longtask', buffered: false });
      const loafs = new PerformanceObserver((list) =>
        list.getEntries().forEach((entry) => {
          // The frame that built the preview may still be reported; only the scroll counts.
          if (entry.startTime < started || entry.duration <= 50) return;
          const frame = entry as PerformanceEntry & {
            renderStart: number;
            styleAndLayoutStart: number;
            blockingDuration: number;
            scripts: { duration: number }[];
          };
          const scripts = frame.scripts.reduce((sum, script) => sum + script.duration, 0);
          const end = frame.startTime + frame.duration;
          const render = frame.renderStart > 0 ? end - frame.renderStart : 0;
          const layout = frame.styleAndLayoutStart > 0 ? end - frame.styleAndLayoutStart : 0;
          seen.loafs.push(
            `${frame.duration.toFixed(0)} ms (scripts ${scripts.toFixed(0)}, render ${render.toFixed(0)}, style+layout ${layout.toFixed(0)}, blocking ${frame.blockingDuration.toFixed(0)})`,
          );
        }),
      );
      loafs.observe({ type: 'long-animation-frame', buffered: false });
      (window as unknown as { benchSeen: unknown }).benchSeen = {
        seen,
        stop: () => [longTasks, loafs].forEach((observer) => observer.disconnect()),
      };
    });
    const frames = await scrollEndToEnd(page, '[data-testid=preview-scroller]');
    const scroll = await page.evaluate(() => {
      const { seen, stop } = (
        window as unknown as {
          benchSeen: { seen: { longTasks: number; loafs: string[] }; stop: () => void };
        }
      ).benchSeen;
      stop();
      const lastRow = [...document.querySelectorAll('[role=row][data-row]')]
        .map((row) => Number(row.getAttribute('data-row')))
        .sort((a, b) => b - a)[0];
      return { longTasks: seen.longTasks, loafs: seen.loafs.join('; '), lastRow };
    });
    const stalls = await watcher.stop();
    const stringTable = await internalizedStrings(page);
    const controlAfter = await scrollControl(browser);
    const long = frames.long.map((frame) => ({
      ...frame,
      late: lateness(frame.end, frame.duration, stalls),
      stalled: explainedByStall(frame.end, frame.duration, stalls),
    }));
    const pageLong = long.filter((frame) => !frame.stalled).length;
    const controlLong = Math.max(
      ...[controlBefore, controlAfter].map((control) => control.long - control.stalled),
    );
    const scrollOk = pageLong <= controlLong;
    // The page's own strings (names of the DOM's and React's parts) are about 10,000.
    const stringTableOk = stringTable < ROWS / 4;
    const ratio = dropMs / floorMs;
    const ratioOk = ratio <= FLOOR_RATIO;
    const keystrokesOk = keystrokes.every((ms) => ms < KEYSTROKE_MS);
    const ok =
      dropMs < TARGET_MS &&
      ratioOk &&
      keystrokesOk &&
      scrollOk &&
      scroll.lastRow === ROWS + 1 &&
      stringTableOk;
    console.log(
      [
        `ui: ${ROWS.toLocaleString('en-US')}-row .xlsx (${(buffer.length / 1024 / 1024).toFixed(1)} MiB), drop to usable preview: ${dropMs.toFixed(0)} ms, the median drop's (target ${TARGET_MS} ms)`,
        `ui: the same bytes read bare by SheetJS in a worker of this browser: ${floorMs.toFixed(0)} ms; drop / bare read = ${ratio.toFixed(2)}, the median of ${DROPS} (${drops.map((d) => `${d.dropMs.toFixed(0)} ms / ${describeFloor(d.floor, 'ms')} = ${(d.dropMs / d.floor.ms).toFixed(2)}`).join('; ')}) (target <= ${FLOOR_RATIO}: ${ratioOk ? 'met' : 'MISSED'})`,
        `ui: typing a sender with 100,000 rows: ${keystrokes.map((ms) => ms.toFixed(0)).join(', ')} ms from each keystroke to the next frame (target < ${KEYSTROKE_MS}: ${keystrokesOk ? 'met' : 'MISSED'})`,
        `ui: scroll end to end: ${frames.frames} frames in ${frames.totalMs.toFixed(0)} ms, p95 frame ${frames.p95.toFixed(1)} ms, max ${frames.max.toFixed(1)} ms, long frames (>50 ms) ${frames.long.length}, long tasks ${scroll.longTasks}; last row shown ${scroll.lastRow}`,
        ...long.map(
          (frame) =>
            `ui: long frame of ${frame.duration.toFixed(0)} ms: a timer outside the browser was late by ${frame.late} ms at most meanwhile, ${frame.stalled ? 'so the machine stalled: not counted against the page' : "so it is the page's"}`,
        ),
        ...(scroll.loafs === '' ? [] : [`ui: long animation frames: ${scroll.loafs}`]),
        `ui: the same scroll on a plain page (no app), before: ${describeControl(controlBefore)}`,
        `ui: the same scroll on a plain page (no app), after: ${describeControl(controlAfter)}`,
        `ui: the app's own long frames ${pageLong}, the plain page's ${controlLong} at most (target: no more than the plain page's: ${scrollOk ? 'met' : 'MISSED'})`,
        `ui: V8's string table after the scroll: ${stringTable.toLocaleString('en-US')} strings${stringTableOk ? '' : ` — the rows' text is in it (at most ${(ROWS / 4).toLocaleString('en-US')} expected)`}`,
        `ui: ${ok ? 'OK' : 'TARGET MISSED'}`,
      ].join('\n'),
    );
    return ok;
  } finally {
    await browser.close();
    await app.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = (await benchUi()) ? 0 : 1;
}
