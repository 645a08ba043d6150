/**
 * Issue 16: the next file's reading worker is started ahead when a file is likely next (the
 * file screen shows, the person goes to choose one, a file is dragged over the window), and
 * that is the worker the file is read with. Not as soon as a read is over: compiling its
 * megabyte of script then took a core from the person's first keystrokes on the preview
 * (renderer/src/worker/spare-reader.ts).
 */
import { expect, test } from 'sendsheet/playwright';
import type { Page } from '@playwright/test';
import { FIXTURES } from './fixtures';

const fixture = FIXTURES[2]!;

async function choose(page: Page): Promise<void> {
  await page.getByTestId('file-input').setInputFiles({
    name: fixture.name,
    mimeType: 'text/csv',
    buffer: Buffer.from(fixture.bytes),
  });
  await expect(page.getByTestId('total-recipients')).toHaveText('3');
}

test('the next reader starts when a file is likely next, and none while the person works', async ({
  page,
  ready,
}) => {
  const readers: string[] = [];
  page.on('worker', (worker) => {
    if (/\/assets\/read-worker-[^/]+\.js$/.test(worker.url())) readers.push(worker.url());
  });
  await page.goto(ready.url!);
  await expect(page.getByRole('heading', { name: '1. Open a spreadsheet' })).toBeVisible();
  // The file screen shows: one reader started ahead, and the file is read with it.
  await expect.poll(() => readers.length).toBe(1);
  await choose(page);
  expect(readers).toHaveLength(1);

  // The preview shows and the page idles: no reader starts (one used to, within 2 s of idling).
  await page.getByRole('textbox', { name: 'Sender' }).fill('Shop');
  await page.waitForTimeout(2_500);
  expect(readers).toHaveLength(1);

  // The pointer on "Choose a file…": the next reader starts, and the next file is read with it.
  await page.getByText('Choose a file…').hover();
  await expect.poll(() => readers.length).toBe(2);
  await choose(page);
  expect(readers).toHaveLength(2);

  // A file dragged over the window starts one too.
  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['Telefon\r\n'], 'next.csv'));
    return transfer;
  });
  await page.locator('.app').dispatchEvent('dragover', { dataTransfer });
  await expect.poll(() => readers.length).toBe(3);
  await page.locator('.app').dispatchEvent('dragleave', { dataTransfer });
});
