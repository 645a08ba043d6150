/**
 * The scroll both UI benches make: an element of the page from top to bottom, 3,000 px a frame
 * (about 90 rows of the preview, so every frame shows new rows), timing every frame.
 */
import type { Page } from 'playwright-core';

export interface ScrollFrames {
  frames: number;
  totalMs: number;
  p95: number;
  max: number;
  /** Each long frame's end (ms since the epoch) and length, to hold against the stalls. */
  long: { end: number; duration: number }[];
}

export function scrollEndToEnd(page: Page, selector: string): Promise<ScrollFrames> {
  return page.evaluate(async (selector) => {
    const scroller = document.querySelector<HTMLElement>(selector)!;
    const frames: number[] = [];
    const long: { end: number; duration: number }[] = [];
    const started = performance.now();
    let last = started;
    await new Promise<void>((done) => {
      const step = () => {
        const now = performance.now();
        if (now - last > 50) long.push({ end: performance.timeOrigin + now, duration: now - last });
        frames.push(now - last);
        last = now;
        if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) return done();
        scroller.scrollTop += 3000;
        requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    });
    const sorted = [...frames].sort((a, b) => a - b);
    return {
      frames: frames.length,
      totalMs: performance.now() - started,
      p95: sorted[Math.floor(sorted.length * 0.95)]!,
      max: sorted[sorted.length - 1]!,
      long,
    };
  }, selector);
}
