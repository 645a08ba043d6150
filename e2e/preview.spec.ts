/**
 * The preview of a long list while it scrolls (issue 5, flow 4): every line shows the row it
 * says it shows, and the lines are reused in place rather than rebuilt or moved, which is what
 * keeps the collector's pauses out of the scroll (see PreviewTable).
 */
import { expect, test } from 'sendsheet/playwright';

const ROWS = 3_000;

function longList(): Buffer {
  const lines = ['Telefon;Besked'];
  for (let i = 0; i < ROWS; i++) lines.push(`4520${String(100000 + i)};Besked nummer ${i}`);
  return Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
}

test('scrolling a long list shows the right row on every line and reuses the lines', async ({
  page,
  ready,
}) => {
  await page.goto(ready.url!);
  await page
    .getByTestId('file-input')
    .setInputFiles({ name: 'long.csv', mimeType: 'text/csv', buffer: longList() });
  await expect(page.getByTestId('total-recipients')).toHaveText(ROWS.toLocaleString('en-US'));

  const seen = await page.evaluate(async () => {
    const scroller = document.querySelector<HTMLElement>('[data-testid=preview-scroller]')!;
    let linesAdded = 0;
    const observer = new MutationObserver((records) => {
      for (const record of records)
        record.addedNodes.forEach((node) => {
          if (node instanceof Element && node.getAttribute('role') === 'row') linesAdded++;
        });
    });
    observer.observe(scroller, { subtree: true, childList: true });
    const wrong: string[] = [];
    let steps = 0;
    // Jumps of a screen and more, then single rows: both the scrollbar and the arrow keys.
    const moves = [...Array<number>(40).fill(1_500), ...Array<number>(20).fill(-34)];
    for (const move of moves) {
      scroller.scrollTop += move;
      steps++;
      await new Promise((frame) => requestAnimationFrame(() => setTimeout(frame, 0)));
      const lines = [...scroller.querySelectorAll('[role=row][data-row]')];
      const rows = lines.map((line) => Number(line.getAttribute('data-row'))).sort((a, b) => a - b);
      for (const line of lines) {
        const row = Number(line.getAttribute('data-row'));
        // The first cell ticks the row in or out of the send; then its number and message.
        const cells = line.querySelectorAll('[role=cell]');
        const expected = `Besked nummer ${row - 2}`;
        if (cells[1]?.textContent !== String(row))
          wrong.push(`line of row ${row} numbered ${cells[1]?.textContent}`);
        if (cells[3]?.textContent !== expected)
          wrong.push(`row ${row} shows "${cells[3]?.textContent}"`);
        if (line.getAttribute('aria-rowindex') !== String(row))
          wrong.push(`row ${row} has aria-rowindex ${line.getAttribute('aria-rowindex')}`);
      }
      // The rows on screen, one after the other, none missing.
      if (rows[rows.length - 1]! - rows[0]! !== rows.length - 1)
        wrong.push(`rows ${rows.join(',')} are not contiguous`);
      const top = Math.floor(scroller.scrollTop / 34) + 2;
      if (rows[0]! > top || rows[rows.length - 1]! < Math.min(top + 10, 3_001))
        wrong.push(`rows ${rows[0]}-${rows[rows.length - 1]} miss the screen's row ${top}`);
    }
    observer.disconnect();
    return { wrong, linesAdded, steps };
  });
  expect(seen.wrong).toEqual([]);
  // At most one line comes and goes per step, as one row more or less fits the screen. Keyed
  // by row, each jump added every line (about 25 here); keyed by slot in the rows' order, React
  // moved about half of them.
  expect(seen.linesAdded).toBeLessThanOrEqual(seen.steps);
});
