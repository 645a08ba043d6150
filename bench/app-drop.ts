/**
 * Opening a workbook in the app, timed in the page: from the file input's change to a usable
 * preview (the totals and a row shown), split at the reading worker's message. The worker is
 * watched through a wrapper of the page's Worker, put in before the app loads, so the app's own
 * code is measured unchanged.
 */
import type { Browser, Page } from 'playwright-core';

/**
 * Wraps Worker: when each was given its file, when its message came, and how long reading its data
 * took. The app keeps a spare worker started ahead, so the one that read is the last given a file.
 */
const WORKER_PROBE = `
window.__name = (f) => f;
window.__workers = [];
const NativeWorker = window.Worker;
window.Worker = class extends NativeWorker {
  constructor(url, options) {
    super(url, options);
    const entry = { postedAt: null, messageAt: null, dataMs: 0 };
    window.__workers.push(entry);
    // Before the app's onmessage: the first to read the data pays for making it objects. Every
    // message's is summed: the texts come in pieces, each a message, ahead of the outcome.
    this.addEventListener('message', (event) => {
      entry.messageAt = performance.now();
      const started = performance.now();
      void event.data;
      entry.dataMs += performance.now() - started;
    });
    const post = this.postMessage.bind(this);
    this.postMessage = (message, transfer) => {
      entry.postedAt = performance.now();
      post(message, transfer);
    };
  }
};
document.addEventListener('change', (event) => {
  if (event.target && event.target.matches && event.target.matches('[data-testid=file-input]'))
    window.__chosenAt = performance.now();
}, { capture: true });
`;

/** A new page of the app at `url`, watched; `script` runs in it too, before the app. */
export async function openApp(browser: Browser, url: string, script = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  // tsx keeps function names with a helper that the page does not have (__name).
  await page.addInitScript(WORKER_PROBE + script);
  await page.goto(url);
  return page;
}

/** How long the app is left after it has loaded everything, before a file is dropped on it. */
export const SETTLE_MS = 1_000;

/**
 * Waits as a person does before dropping a file: the file screen shown, and the reading worker
 * the app starts ahead (spare-reader.ts) loaded, its megabyte of script fetched and run. A drop
 * at the page's load event timed the worker's own start too, which no one dropping a file
 * waits for: the floor's worker had loaded its script before its read was timed.
 * `SENDSHEET_DROP_AT_ONCE=1` drops at once, as the benches did before.
 */
export async function settle(page: Page): Promise<void> {
  if (process.env.SENDSHEET_DROP_AT_ONCE === '1') return;
  await page.getByTestId('file-input').waitFor({ state: 'attached' });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(SETTLE_MS);
}

export interface Drop {
  /** The error the app showed, or null when the preview came. */
  error: string | null;
  /** From the file chosen to a usable preview (or the error), ms. */
  dropMs: number;
  /** From the file chosen to the reading worker given its bytes (the file's bytes read), ms. */
  startMs: number;
  /** The worker's part: from given the file to its message here, ms. */
  workerMs: number;
  /**
   * Reading the messages' data: their structured clones made into the page's objects, ms. The
   * sheet's texts come as cloned strings, a piece a message, made here while the worker posts
   * the next piece (within `workerMs`), and the rest with the last message (within `pageMs`);
   * its arrays come in transferred buffers.
   */
  dataMs: number;
  /** From the message to a usable preview: columns, rows, stores, React, layout, ms. */
  pageMs: number;
}

/** The page's promise of a drop's end (dropWorkbook): when it came, and the error, if one. */
interface DropWatch {
  __dropDone: Promise<{ at: number; error: string | null }>;
}

/** Chooses `path` in the app's file input and waits for a preview of `rows` rows or an error. */
export async function dropWorkbook(
  page: Page,
  path: string,
  rows: number,
  timeoutMs = 300_000,
): Promise<Drop> {
  // Watched by a MutationObserver, not polled on every animation frame: polling made the page
  // draw a frame each 16 ms for the whole read, 10-15% of a core here (an idle page: 4-6%),
  // taken from the app's drop and not from the bare read it is judged against.
  await page.evaluate(
    ({ rows, timeoutMs }) => {
      const w = window as unknown as DropWatch;
      w.__dropDone = new Promise((resolve, reject) => {
        const look = () => {
          const error = document.querySelector('.file-status [role=alert]')?.textContent;
          const total = document.querySelector('[data-testid=total-recipients]')?.textContent;
          const shown =
            total === rows.toLocaleString('en-US') &&
            document.querySelector('[role=row][data-row]') !== null;
          if (!error && !shown) return;
          observer.disconnect();
          clearTimeout(timer);
          // Timed at the start of the frame that draws it, where the poll on each frame took it:
          // work the app still does before that frame is part of the wait.
          requestAnimationFrame(() => resolve({ at: performance.now(), error: error ?? null }));
        };
        const observer = new MutationObserver(look);
        observer.observe(document, { subtree: true, childList: true, characterData: true });
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`no preview of ${rows} rows nor an error after ${timeoutMs} ms`));
        }, timeoutMs);
      });
    },
    { rows, timeoutMs },
  );
  await page.getByTestId('file-input').setInputFiles(path);
  const { at, error } = await page.evaluate(() => (window as unknown as DropWatch).__dropDone);
  const probe = await page.evaluate(() => {
    const w = window as unknown as {
      __chosenAt: number;
      __workers: { postedAt: number | null; messageAt: number | null; dataMs: number | null }[];
    };
    const given = w.__workers.filter((worker) => worker.postedAt !== null);
    return { chosenAt: w.__chosenAt, worker: given.at(-1) ?? null };
  });
  const worker = probe.worker;
  const messageAt = worker?.messageAt ?? at;
  return {
    error,
    dropMs: at - probe.chosenAt,
    startMs: (worker?.postedAt ?? at) - probe.chosenAt,
    workerMs: messageAt - (worker?.postedAt ?? at),
    dataMs: worker?.dataMs ?? 0,
    pageMs: at - messageAt,
  };
}
