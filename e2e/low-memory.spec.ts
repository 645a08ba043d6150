/**
 * Issue 16: a message, not a crash, where the browser cannot hold a file. Chromium runs here
 * with a script heap of 64 MiB (its page reports a limit of 160 MiB, young generation and
 * overhead included). Measured before the check: the reading worker of this workbook ran out of
 * heap and Chromium ended the whole tab, with no error event for the page to say in words. The
 * browser's launch options are the worker's, so this heap has a spec (and an app) of its own.
 * Chromium gives the heap's use as the desktop app has it (main.ts), precise and fresh, and a
 * test may collect garbage.
 */
import { expect, test } from 'sendsheet/playwright';
import { CHROMIUM } from './chromium';
import { customersXlsx } from './customers-workbook';
import { FIXTURES } from './fixtures';
import { HEAP_RESERVE_BYTES } from '../renderer/src/worker/memory-fit';

const HEAP_MIB = 64;
/** What the app keeps free of every estimate (memory-fit.ts). */
const RESERVE_BYTES = HEAP_RESERVE_BYTES;
/** The bench's customers workbook of 100,000 rows: 5.4 MB, 20 MB unpacked. */
const ROWS = 100_000;

test.use({
  launchOptions: {
    ...CHROMIUM,
    args: [
      ...CHROMIUM.args,
      `--js-flags=--max-old-space-size=${HEAP_MIB} --expose-gc`,
      '--enable-precise-memory-info',
    ],
  },
});

test('a workbook too large for the heap is refused in words, and a small one opens after', async ({
  page,
  sendsheet,
}) => {
  let crashed = false;
  page.on('crash', () => (crashed = true));
  await sendsheet.goto();
  const limit = await page.evaluate(
    () =>
      (performance as unknown as { memory: { jsHeapSizeLimit: number } }).memory.jsHeapSizeLimit,
  );
  expect(limit).toBeLessThan(256 * 1024 * 1024);

  await page.getByLabel(sendsheet.name('chooseFile')).setInputFiles({
    name: 'kunder.xlsx',
    mimeType: 'application/octet-stream',
    buffer: customersXlsx(ROWS),
  });
  await expect(page.getByTestId('read-failure')).toContainText(
    'kunder.xlsx is too large for the memory this computer gives Sendsheet: split it into smaller files',
  );
  // Nothing of it is shown: no mapping, no preview.
  await expect(page.getByRole('heading', { name: sendsheet.name('mapHeading') })).toBeHidden();
  expect(crashed).toBe(false);

  // The page still works: a small list opens and is checked.
  await sendsheet.openFile(FIXTURES[0]!);
  await sendsheet.expectTotals({ recipients: 3 });
  expect(crashed).toBe(false);
});

/** A list of `rows` customers as a semicolon CSV, every row one the provider takes. */
function customersCsv(rows: number): Uint8Array {
  const lines = ['Telefon;Navn;Besked'];
  for (let i = 0; i < rows; i++) {
    lines.push(`${4520100000 + i};Kunde ${i};Hej Kunde ${i}, din ordre ${100000 + i} er klar.`);
  }
  return new TextEncoder().encode(lines.join('\r\n'));
}

test('messages the page could not hold are neither exported nor sent, in words, and the page goes on', async ({
  page,
  sendsheet,
}) => {
  let crashed = false;
  page.on('crash', () => (crashed = true));
  await sendsheet.goto();
  await sendsheet.openFile({ name: 'kunder.csv', mimeType: 'text/csv', bytes: customersCsv(5000) });
  await sendsheet.expectTotals({ recipients: 5000 });

  // The page's heap filled (as other work on it would) to within 256 KiB of what the app
  // allows itself: 5,000 messages need more than that (a hundred bytes each and their texts).
  await page.evaluate(async (reserve) => {
    // Each reading of performance.memory is a snapshot: read anew at each turn.
    const memory = () =>
      (performance as unknown as { memory: { usedJSHeapSize: number; jsHeapSizeLimit: number } })
        .memory;
    const held: number[][] = [];
    (window as unknown as { ballast: unknown }).ballast = held;
    while (memory().usedJSHeapSize < memory().jsHeapSizeLimit - reserve - 256 * 1024) {
      // 256 KiB of doubles in the script heap; the figure is renewed every 50 ms at most.
      held.push(Array.from({ length: 32 * 1024 }, () => 0.5));
      await new Promise((later) => setTimeout(later, 60));
    }
  }, RESERVE_BYTES);

  await page.getByRole('button', { name: /^Export file/ }).click();
  await expect(page.getByTestId('send-error')).toHaveText(
    'Nothing was exported: this computer does not give Sendsheet the memory to write 5,000 messages. Split the sheet into smaller files, or close other programs and browser tabs and try again.',
  );
  await page.getByRole('button', { name: 'Send…' }).click();
  await expect(page.getByTestId('send-error')).toHaveText(
    'Nothing was sent: this computer does not give Sendsheet the memory to make 5,000 messages ready to send. Split the sheet into smaller files, or close other programs and browser tabs and try again.',
  );
  // Nothing was asked: no confirmation opened.
  await expect(page.getByRole('dialog')).toBeHidden();

  // Memory given back, the same messages are exported.
  await page.evaluate(async () => {
    (window as unknown as { ballast: unknown }).ballast = null;
    (window as unknown as { gc: () => void }).gc();
    await new Promise((later) => setTimeout(later, 60));
  });
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: /^Export file/ }).click();
  expect((await downloading).suggestedFilename()).toMatch(/^kunder/);
  await expect(page.getByTestId('send-error')).toBeHidden();
  expect(crashed).toBe(false);
});
