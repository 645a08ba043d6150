/**
 * The whole sheet after its preview (issue 16): scrolling the list to its last row, exporting
 * it into files of a chosen row count, and sending it to the emulated servers until every file
 * is `.success`, each stage timed in the page, through the UI by role and name.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DATA_DIR } from './fixtures';

/** The longest an export of the whole sheet is waited for. */
const EXPORT_LIMIT_MS = 3 * 60_000;

/** Jumps the list to its end, as dragging its scroll bar down does; ms to the last row shown. */
export async function scrollToEnd(page: Page, rows: number): Promise<number> {
  const started = Date.now();
  await page.evaluate(() => {
    const scroller = document.querySelector('[data-testid=preview-scroller]')!;
    scroller.scrollTop = scroller.scrollHeight;
  });
  // The sheet's last row: its header is row 1.
  await page.waitForFunction(
    (last) => document.querySelector(`[role=row][data-row="${last}"]`) !== null,
    rows + 1,
    { polling: 'raf', timeout: 120_000 },
  );
  return Date.now() - started;
}

export interface Exported {
  ms: number;
  files: number;
  largest: number;
  total: number;
}

/** Sets the messages per file, exports, and waits for every file to be downloaded. */
export async function exportAll(page: Page, rows: number, rowsPerFile: number): Promise<Exported> {
  await page.getByRole('spinbutton', { name: 'Messages per file' }).fill(String(rowsPerFile));
  const expected = Math.ceil(rows / rowsPerFile);
  const sizes: Promise<number>[] = [];
  const listener = (download: { path(): Promise<string | null> }) =>
    sizes.push(download.path().then(async (path) => (path ? (await stat(path)).size : NaN)));
  page.on('download', listener);
  const started = Date.now();
  try {
    await step('Export', () =>
      page.getByRole('button', { name: /^Export files?$/ }).click({ timeout: 300_000 }),
    );
    // A stage that never ends would hold the bench for ever: it fails, with the page as it was.
    const deadline = started + EXPORT_LIMIT_MS;
    while (sizes.length < expected) {
      const error = await page.getByTestId('send-error').count();
      if (error > 0) throw new Error(await page.getByTestId('send-error').innerText());
      if (Date.now() > deadline) {
        await page.screenshot({ path: join(DATA_DIR, `export-stalled-${rows}.png`) });
        throw new Error(
          `${sizes.length} of ${expected} files downloaded after ${EXPORT_LIMIT_MS / 60_000} minutes`,
        );
      }
      await page.waitForTimeout(100);
    }
    const bytes = await Promise.all(sizes);
    return {
      ms: Date.now() - started,
      files: bytes.length,
      largest: Math.max(...bytes),
      total: bytes.reduce((sum, size) => sum + size, 0),
    };
  } finally {
    page.off('download', listener);
  }
}

export interface Sent {
  /** From Send… to the confirmation's button, ms: the messages made and the files checked. */
  prepareMs: number;
  /** From the confirmation to every batch shown as success, ms. */
  sendMs: number;
  /** The `.success` files in the account's folder on the emulated servers. */
  succeeded: number;
  files: number;
}

/** Runs one step of a stage, naming it in its error. */
async function step<T>(name: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new Error(`${name}: ${String(error).split('\n')[0]}`, { cause: error });
  }
}

/** Sends with the practice servers and waits for every file's success. */
export async function sendAll(page: Page, files: number, providerDir: string): Promise<Sent> {
  const started = Date.now();
  // A page busy with a whole sheet may take a while to answer the click.
  await step('Send…', () =>
    page.getByRole('button', { name: /^Send…$/ }).click({ timeout: 300_000 }),
  );
  const dialog = page.getByRole('dialog', { name: /Send these messages/ });
  const confirm = dialog.getByRole('button', { name: /^Send [\d,]+ messages?$/ });
  // An app that sent these before asks again instead: said at once, not waited out.
  const again = dialog.getByRole('button', { name: /^Send again anyway/ });
  await step('the confirmation', () => confirm.or(again).waitFor({ timeout: 900_000 }));
  if (await again.isVisible())
    throw new Error('the app says these messages were sent before: a fresh app sends them');
  const confirmedAt = Date.now();
  await step('its Send', () => confirm.click({ timeout: 300_000 }));
  const outcome = (await (
    await page.waitForFunction(
      (files) => {
        const states = [...document.querySelectorAll('[data-testid=batch-state]')].map(
          (state) => state.getAttribute('data-state') ?? '',
        );
        const bad = states.filter(
          (state) => !['uploading', 'ready', 'processing', 'success'].includes(state),
        );
        if (bad.length > 0) return { error: bad.join(', ') };
        return states.length === files && states.every((state) => state === 'success')
          ? { error: null }
          : null;
      },
      files,
      { polling: 250, timeout: 1_800_000 },
    )
  ).jsonValue())!;
  if (outcome.error) throw new Error(`a batch did not succeed: ${outcome.error}`);
  const sendMs = Date.now() - confirmedAt;
  const account = join(providerDir, 'accounts', 'demo');
  const succeeded = (await readdir(account)).filter((name) => name.endsWith('.success')).length;
  return { prepareMs: confirmedAt - started, sendMs, succeeded, files };
}
