/**
 * The UI bench's scroll on a plain page, as a control: 41 absolutely placed rows with the
 * preview's seven cells and styles get new text every frame while the page scrolls 3,000 px a
 * frame over 100,000 rows of 34 px, with no React and no app heap. What this page's frames do
 * is what the machine and Chromium do on their own; the UI bench's frames beyond that are the
 * app's. `npx tsx bench/scroll-control.ts [runs]`.
 */
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { CHROMIUM } from '../e2e/chromium';
import { scrollEndToEnd } from './scroll-frames';
import { explainedByStall, watchStalls } from './stalls';

const PAGE = `<style>
body { font: 14px system-ui, sans-serif; margin: 0 }
#scroller { height: 600px; overflow: auto; position: relative; margin: 200px 20px }
.row { position: absolute; left: 0; right: 0; top: 0; height: 34px; display: grid;
  grid-template-columns: 4rem 9rem minmax(12rem, 1fr) 5rem 5.5rem 3.5rem minmax(10rem, 0.8fr);
  gap: 0.5rem; align-items: center; padding: 0 0.5rem; box-sizing: border-box;
  border-bottom: 1px solid #eef0f3; background: #fff8e1 }
.row > span { overflow: hidden; text-overflow: ellipsis; white-space: nowrap }
mark { background: #ffd54f; border-radius: 2px }
</style><div id="scroller"><div id="content" style="height: 3400000px; position: relative"></div></div>`;

/** What the plain page's scroll gave: its frames, and the long ones not explained by a stall. */
export interface ControlScroll {
  frames: number;
  p95: number;
  max: number;
  long: number;
  /** Of `long`, those while the machine stalled (a timer outside the browser late). */
  stalled: number;
}

/** The plain page scrolled end to end on a new page of `browser`. */
export async function scrollControl(browser: Browser): Promise<ControlScroll> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.setContent(PAGE);
  // tsx keeps function names with a helper that the page does not have.
  await page.evaluate('window.__name = (f) => f');
  const watcher = await watchStalls();
  await page.evaluate(() => {
    const scroller = document.getElementById('scroller')!;
    const content = document.getElementById('content')!;
    const rows = Array.from({ length: 41 }, () => {
      const row = document.createElement('div');
      row.className = 'row';
      for (let cell = 0; cell < 7; cell++) row.append(document.createElement('span'));
      return content.appendChild(row);
    });
    const draw = () => {
      const first = Math.min(100_000 - 41, Math.max(0, Math.floor(scroller.scrollTop / 34) - 6));
      rows.forEach((row, slot) => {
        const i = first + slot;
        row.style.transform = `translateY(${i * 34}px)`;
        const cells = row.children as HTMLCollectionOf<HTMLElement>;
        cells[0]!.textContent = String(i + 2);
        cells[1]!.textContent = String(4520100000 + i);
        cells[2]!.innerHTML = `Hej Kunde ${i}, din ordre ${100000 + i} er klar <mark title="U+2013 makes this a UCS-2 message">–</mark> hent den i butikken i dag.`;
        cells[2]!.title = cells[2]!.textContent!;
        cells[3]!.textContent = 'UCS-2';
        cells[4]!.textContent = String(60 + (i % 10));
        cells[5]!.textContent = '1';
        cells[6]!.textContent = `⚠ – (en dash) forces the message into UCS-2: 1 part, 1 with GSM-7 look-alikes.`;
        cells[6]!.title = cells[6]!.textContent;
      });
    };
    scroller.addEventListener('scroll', draw);
    draw();
  });
  const scroll = await scrollEndToEnd(page, '#scroller');
  const stalls = await watcher.stop();
  const stalled = scroll.long.filter((frame) =>
    explainedByStall(frame.end, frame.duration, stalls),
  );
  await page.close();
  return {
    frames: scroll.frames,
    p95: scroll.p95,
    max: scroll.max,
    long: scroll.long.length,
    stalled: stalled.length,
  };
}

export const describeControl = (control: ControlScroll): string =>
  `${control.frames} frames, p95 frame ${control.p95.toFixed(1)} ms, max ${control.max.toFixed(1)} ms, long frames (>50 ms) ${control.long}, of them while the machine stalled ${control.stalled}`;

export async function benchScrollControl(runs = 1): Promise<void> {
  const browser = await chromium.launch(CHROMIUM);
  try {
    for (let run = 0; run < runs; run++) {
      console.log(
        `ui control (a plain page, same scroll): ${describeControl(await scrollControl(browser))}`,
      );
    }
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchScrollControl(Number(process.argv[2] ?? 1));
}
