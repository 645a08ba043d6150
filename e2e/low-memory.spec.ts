/**
 * Issue 16: a message, not a crash, where the browser cannot hold a file. Chromium runs here
 * with a script heap of 64 MiB (its page reports a limit of 160 MiB, young generation and
 * overhead included). Measured before the check: the reading worker of this workbook ran out of
 * heap and Chromium ended the whole tab, with no error event for the page to say in words. The
 * browser's launch options are the worker's, so this heap has a spec (and an app) of its own.
 */
import * as XLSX from 'xlsx';
import { expect, test } from 'sendsheet/playwright';
import { CHROMIUM } from './chromium';
import { FIXTURES } from './fixtures';

const HEAP_MIB = 64;
/** The bench's customers workbook of 100,000 rows: 5.4 MB, 20 MB unpacked. */
const ROWS = 100_000;

test.use({
  launchOptions: {
    ...CHROMIUM,
    args: [...CHROMIUM.args, `--js-flags=--max-old-space-size=${HEAP_MIB}`],
  },
});

function customers(): Buffer {
  const rows: (string | number)[][] = [['Telefon', 'Navn', 'Besked']];
  for (let i = 0; i < ROWS; i++) {
    rows.push([
      4520100000 + i,
      `Kunde ${i}`,
      `Hej Kunde ${i}, din ordre ${100000 + i} er klar – hent den i butikken i dag.`,
    ]);
  }
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Kunder');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}

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
    buffer: customers(),
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
