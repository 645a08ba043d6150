/**
 * Issue 16: progress shown all the way, stage by stage, with a file large enough for each stage
 * to take a while: building the preview, writing the export, getting the send ready, uploading
 * file k of n, and the provider processing them. Each is a progress bar found by its role and
 * accessible name. The short stages may come and go between two looks of a test, so the page
 * also records every progress bar's name as it appears; the provider's is held to be seen live.
 */
import { expect, test } from 'sendsheet/playwright';

// Its own app: it sends messages of its own as a first send.
test.use({ sendsheetAppName: 'progress' });

const ROWS = 30_000;

/** A list of ROWS people, as a CSV with semicolons: three files of the default 10,000. */
function bigList(): Uint8Array {
  const lines = ['Telefon;Besked'];
  for (let i = 0; i < ROWS; i++) lines.push(`${4520000000 + i};Hej nummer ${i}, din pakke er klar`);
  return new TextEncoder().encode(lines.join('\r\n') + '\r\n');
}

/** Records the accessible name of every progress bar as it appears or changes. */
const RECORDER = `
window.__progressNames = [];
new MutationObserver(() => {
  for (const bar of document.querySelectorAll('progress, [role=progressbar]')) {
    const name = bar.getAttribute('aria-label');
    if (name && window.__progressNames.at(-1) !== name) window.__progressNames.push(name);
  }
}).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label'] });
`;

test('a large list shows its progress at every stage, from the preview to the provider', async ({
  page,
  sendsheet,
  controls,
}) => {
  test.slow();
  await page.addInitScript(RECORDER);
  const seen = () =>
    page.evaluate(() => (window as unknown as { __progressNames: string[] }).__progressNames);
  await sendsheet.goto();
  await sendsheet.openFile({ name: 'big-list.csv', bytes: bigList(), mimeType: 'text/csv' });
  await sendsheet.expectTotals({ recipients: ROWS });
  expect(await seen()).toContain('Preparing the list of 30,000 rows…');

  const downloads: string[] = [];
  page.on('download', (download) => downloads.push(download.suggestedFilename()));
  await page.getByRole('button', { name: 'Export files' }).click();
  await expect.poll(() => downloads.length).toBe(3);
  expect((await seen()).filter((name) => /^Writing the files: \d+% done$/.test(name))).not.toEqual(
    [],
  );
  // Done: the bar is gone.
  await expect(page.getByRole('progressbar', { name: /^Writing the files/ })).toHaveCount(0);

  // The provider holds every file in processing, so that stage can be seen as it is.
  await controls.hold({});
  await sendsheet.sendButton.click();
  await sendsheet.confirmDialog
    .getByRole('button', { name: `Send ${ROWS.toLocaleString('en-US')} messages` })
    .click();
  await expect(sendsheet.confirmDialog).toBeHidden();
  expect(await seen()).toContain('Getting 30,000 messages ready to send…');
  const checking = page.getByRole('progressbar', {
    name: 'The provider is checking the files: 0 of 3 done',
  });
  await expect(checking).toBeVisible({ timeout: 60_000 });
  expect((await seen()).some((name) => /^Uploading file 1 of 3\b/.test(name))).toBe(true);
  await controls.release({});
  // Every file ended: the bar is gone, and each batch says how it ended.
  await expect(page.getByRole('progressbar', { name: /^The provider is checking/ })).toHaveCount(
    0,
    { timeout: 60_000 },
  );
  await expect(sendsheet.batches()).toHaveCount(3);
  for (const batch of await sendsheet.batches().all())
    await expect(batch.getByTestId('batch-state')).toHaveAttribute('data-state', 'success', {
      timeout: 60_000,
    });
});
