/**
 * Issue 16, end to end: 100,000 recipients from dropping the bench's .xlsx on the app to every
 * file `.success` on the emulated servers, through the real UI in Chromium against headless
 * mode, and where the time goes: reading, the preview, the send request (the page making the
 * messages, the Node side writing and checking the files, the confirmation), uploading, and the provider's
 * processing (its scan, the check, and the app noticing). `npx tsx bench/end-to-end.bench.ts`;
 * needs `npm run build:renderer`.
 */
import { readdir } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Page } from 'playwright-core';
import type { Batch } from '../core/contract/api';
import { CHROMIUM } from '../e2e/chromium';
import { choosePractice, startApp } from '../e2e/kit/app-process';
import { dropWorkbook, openApp } from './app-drop';
import { DATA_DIR } from './fixtures';
import { customersWorkbook } from './workbooks';

const ROWS = 100_000;
/** The app's default messages per file. */
const ROWS_PER_FILE = 10_000;
const FILES = Math.ceil(ROWS / ROWS_PER_FILE);

/**
 * The UI's steps of a send, kept together as the send confirmation may change: the Send
 * button, then the confirmation's button that names the count. Found by role and name.
 */
async function confirmSend(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Send…$/ }).click();
  const dialog = page.getByRole('dialog', { name: /Send these messages/ });
  await dialog.getByRole('button', { name: /^Send [\d,]+ messages?$/ }).click();
}

/**
 * When the page last saw a click on the Send button and on the confirmation's, ms since the
 * epoch: the send is prepared (the messages made, the files written and checked) between them.
 */
const CLICKS = `
window.__openedAt = null;
window.__sendClickedAt = null;
document.addEventListener('click', (event) => {
  const button = event.target && event.target.closest && event.target.closest('button');
  const name = button ? button.textContent.trim() : '';
  const at = performance.timeOrigin + performance.now();
  if (name === 'Send…') window.__openedAt = at;
  if (/^Send [\\d,]+ messages?$/.test(name)) window.__sendClickedAt = at;
}, { capture: true });
`;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const at = (iso: string | undefined) => (iso === undefined ? NaN : Date.parse(iso));

export async function benchEndToEnd(): Promise<boolean> {
  customersWorkbook(ROWS);
  const dir = await mkdtemp(join(tmpdir(), 'sendsheet-end-to-end-'));
  const app = await startApp({ folder: dir });
  // The first run's choice made, as the end-to-end tests make it: else the page asks it first
  // and no file is ever read (this bench waited out its five minutes so).
  await choosePractice(app.ready);
  const url = app.ready.url!;
  const browser = await chromium.launch(CHROMIUM);
  try {
    const page = await openApp(browser, url, CLICKS);
    const drop = await dropWorkbook(page, join(DATA_DIR, `customers-${ROWS}.xlsx`), ROWS);
    if (drop.error) throw new Error(`the workbook was not opened: ${drop.error}`);
    const chosenAt = await page.evaluate(
      () => performance.timeOrigin + (window as unknown as { __chosenAt: number }).__chosenAt,
    );
    await confirmSend(page);
    // Every batch's success in the timeline, as the person sees it.
    const shownAt = (await (
      await page.waitForFunction(
        ({ files }) => {
          const states = [...document.querySelectorAll('[data-testid=batch-state]')].map((state) =>
            state.getAttribute('data-state'),
          );
          if (
            states.some(
              (state) =>
                state !== null && !['uploading', 'ready', 'processing', 'success'].includes(state),
            )
          )
            return { error: states.join(', ') };
          return states.length === files && states.every((state) => state === 'success')
            ? { at: performance.timeOrigin + performance.now() }
            : null;
        },
        { files: FILES },
        { polling: 100, timeout: 600_000 },
      )
    ).jsonValue())!;
    if ('error' in shownAt) throw new Error(`a batch did not succeed: ${shownAt.error}`);
    const page_ = await page.evaluate(() => {
      const request = (method: string) => {
        const entry = performance
          .getEntriesByType('resource')
          .find((e) => e.name.endsWith(`/api/${method}`)) as PerformanceResourceTiming | undefined;
        return entry
          ? {
              at: performance.timeOrigin + entry.startTime,
              answeredAt: performance.timeOrigin + entry.responseEnd,
            }
          : { at: NaN, answeredAt: NaN };
      };
      const clicks = window as unknown as { __openedAt: number; __sendClickedAt: number };
      return {
        openedAt: clicks.__openedAt,
        clickedAt: clicks.__sendClickedAt,
        prepare: request('prepareSend'),
        send: request('sendPrepared'),
      };
    });
    // The batches as the app's service has them, and the files as the servers left them.
    const response = await fetch(`${new URL(url).origin}/api/batches`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${app.ready.secret}`,
      },
      body: '{}',
    });
    if (!response.ok) throw new Error(`the app's batches: ${await response.text()}`);
    const batches = (await response.json()) as Batch[];
    const accounts = join(dir, 'provider', 'accounts', 'demo');
    const succeeded = (await readdir(accounts)).filter((name) => name.endsWith('.success'));

    const first = (state: keyof Batch['times']) =>
      Math.min(...batches.map((b) => at(b.times[state])));
    const last = (state: keyof Batch['times']) =>
      Math.max(...batches.map((b) => at(b.times[state])));
    const uploads = batches.map((b) => at(b.times.ready) - at(b.times.uploading));
    const processing = batches.map((b) => at(b.times.success) - at(b.times.ready));
    const totalMs = shownAt.at - chosenAt;
    const readyAt = chosenAt + drop.dropMs;
    const ok = succeeded.length === FILES && batches.every((b) => b.state === 'success');
    console.log(
      [
        `end to end: ${ROWS.toLocaleString('en-US')} recipients, dropped .xlsx to ${FILES} files .success on the emulated servers: ${seconds(totalMs)} (${succeeded.length}/${FILES} files .success: ${ok ? 'met' : 'MISSED'})`,
        `  read        : ${seconds(drop.startMs + drop.workerMs)} (the file ${seconds(drop.startMs)}, the worker ${seconds(drop.workerMs)})`,
        `  preview     : ${seconds(drop.pageMs)} from the worker's last message (columns, rows and React); its messages' data made objects took the page ${seconds(drop.dataMs)}, the texts' while it posted`,
        `  clicks      : ${seconds(page_.openedAt - readyAt + (page_.clickedAt - page_.prepare.answeredAt))} (the bench's own: Send, and the confirmation once it is offered)`,
        `  messages    : ${seconds(page_.prepare.at - page_.openedAt)} in the page, from Send to the request that prepares the send (the messages made and put in lines)`,
        `  write       : ${seconds(page_.prepare.answeredAt - page_.prepare.at)} preparing on the Node side (the request read, ${FILES} files written and each checked)`,
        `  hand-over   : ${seconds(first('uploading') - page_.send.at)} from the confirmation's request to the first upload`,
        `  upload      : ${seconds(last('ready') - first('uploading'))} from the first upload to the last file ready (each ${seconds(Math.min(...uploads))} to ${seconds(Math.max(...uploads))})`,
        `  processing  : ${seconds(last('success') - last('ready'))} from the last file ready to the last .success (each file ${seconds(Math.min(...processing))} to ${seconds(Math.max(...processing))} from ready: the servers' scan, the check, the app's next look)`,
        `  shown       : ${seconds(shownAt.at - last('success'))} from the last .success noticed to every batch shown as success`,
      ].join('\n'),
    );
    return ok;
  } finally {
    await browser.close();
    await app.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = (await benchEndToEnd()) ? 0 : 1;
}
