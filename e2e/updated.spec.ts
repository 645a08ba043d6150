/**
 * Issue 12: a page opened before the app's user interface was built twice over has lost the
 * file reader it starts for each file (the app keeps only the build before the newest). It says
 * so and asks for a reload, rather than failing with no reason. The two builds are played by
 * the browser's routes: index.html naming another build's script, and the reader's file gone.
 *
 * The page keeps one reader started ahead (renderer/src/worker/spare-reader.ts). Where the
 * reader's file is gone before the page loads, no spare can load either, and the page has no
 * reader at all. A spare that loaded while its build was still there reads the file it is
 * given (the person's file opens); the reader after it cannot load, and that read says to reload.
 */
import { expect, test } from 'sendsheet/playwright';
import type { Page } from '@playwright/test';
import { FIXTURES } from './fixtures';

const READER = '**/assets/read-worker-*.js';

async function open(page: Page): Promise<void> {
  await page.getByTestId('file-input').setInputFiles({
    name: FIXTURES[2]!.name,
    mimeType: 'text/csv',
    buffer: Buffer.from(FIXTURES[2]!.bytes),
  });
}

/** The reader's file as a build that no longer has it answers. */
async function readerGone(page: Page): Promise<void> {
  await page.route(READER, (route) =>
    route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found.\n' }),
  );
}

/** index.html as the build after next writes it: another script than the page's own. */
async function indexReplaced(page: Page): Promise<void> {
  await page.route('**/index.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><div id="root"></div><script type="module" src="./assets/index-N3wBu1ld.js"></script>',
    }),
  );
}

test('a page from a build since replaced twice says to reload, and works once reloaded', async ({
  page,
  ready,
}) => {
  await readerGone(page);
  await page.goto(ready.url!);
  await expect(page.getByRole('heading', { name: '1. Open a spreadsheet' })).toBeVisible();
  await indexReplaced(page);
  await open(page);
  await expect(page.getByText('Sendsheet was updated while this page was open')).toBeVisible();
  await expect(page.getByText('reload the page, then open the file again.')).toBeVisible();

  await page.unrouteAll();
  await page.reload();
  await open(page);
  await expect(page.getByTestId('total-recipients')).toHaveText('3');
});

test('a reader started ahead while its build was there reads the file; the next says to reload', async ({
  page,
  ready,
}) => {
  const spareLoaded = page.waitForResponse(
    (response) => /\/assets\/read-worker-[^/]+\.js$/.test(response.url()) && response.ok(),
  );
  const spare = page.waitForEvent('worker');
  await page.goto(ready.url!);
  await expect(page.getByRole('heading', { name: '1. Open a spreadsheet' })).toBeVisible();
  await spareLoaded;
  // Its script run: the worker answers once its module has been evaluated.
  await expect.poll(() => spare.then((worker) => worker.evaluate(() => 1))).toBe(1);
  await readerGone(page);
  await indexReplaced(page);

  await open(page);
  await expect(page.getByTestId('total-recipients')).toHaveText('3');
  await expect(page.getByText('Sendsheet was updated')).toHaveCount(0);

  await open(page);
  await expect(page.getByText('Sendsheet was updated while this page was open')).toBeVisible();
});

test('a reader that cannot start while the page is current says the file could not be read', async ({
  page,
  ready,
}) => {
  await readerGone(page);
  await page.goto(ready.url!);
  await open(page);
  await expect(page.getByText('november.csv could not be read: the reader stopped.')).toBeVisible();
  await expect(page.getByText('Sendsheet was updated')).toHaveCount(0);
});
