/**
 * Issue 12: a page opened before the app's user interface was built twice over has lost the
 * file reader it starts for each file (the app keeps only the build before the newest). It says
 * so and asks for a reload, rather than failing with no reason. The two builds are played by
 * the browser's routes: index.html naming another build's script, and the reader's file gone.
 */
import { expect, test } from 'sendsheet/playwright';
import type { Page } from '@playwright/test';
import { FIXTURES } from './fixtures';

async function open(page: Page): Promise<void> {
  await page.getByTestId('file-input').setInputFiles({
    name: FIXTURES[2]!.name,
    mimeType: 'text/csv',
    buffer: Buffer.from(FIXTURES[2]!.bytes),
  });
}

test('a page from a build since replaced twice says to reload, and works once reloaded', async ({
  page,
  ready,
}) => {
  await page.goto(ready.url!);
  await expect(page.getByRole('heading', { name: '1. Open a spreadsheet' })).toBeVisible();
  await page.route('**/assets/read-worker-*.js', (route) =>
    route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found.\n' }),
  );
  await page.route('**/index.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><div id="root"></div><script type="module" src="./assets/index-N3wBu1ld.js"></script>',
    }),
  );
  await open(page);
  await expect(page.getByText('Sendsheet was updated while this page was open')).toBeVisible();
  await expect(page.getByText('reload the page, then open the file again.')).toBeVisible();

  await page.unrouteAll();
  await page.reload();
  await open(page);
  await expect(page.getByTestId('total-recipients')).toHaveText('3');
});

test('a reader that cannot start while the page is current says the file could not be read', async ({
  page,
  ready,
}) => {
  await page.goto(ready.url!);
  await page.route('**/assets/read-worker-*.js', (route) =>
    route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found.\n' }),
  );
  await open(page);
  await expect(page.getByText('november.csv could not be read: the reader stopped.')).toBeVisible();
  await expect(page.getByText('Sendsheet was updated')).toHaveCount(0);
});
