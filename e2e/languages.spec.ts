/**
 * Issue 14: the app in English and in Danish, light and dark, as the system asks for it
 * (Chromium's locale and colour scheme): every main screen passes axe in each, and each is
 * photographed into test-results/screens/<language>/. Then each defect the issue found, in both
 * languages, found by roles and labels from the catalogues.
 */
import { expect, test } from 'sendsheet/playwright';
import type { Page } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import { da } from '../renderer/src/i18n/da';
import { en } from '../renderer/src/i18n/en';
import { violations } from './axe';
import { BAD_FILE, FIXTURES } from './fixtures';

const LANGUAGES = [
  { language: 'en', locale: 'en-GB', words: en },
  { language: 'da', locale: 'da-DK', words: da },
] as const;

/** A sentence of the catalogues with its values put in (values here are words, not numbers). */
function fill(sentence: string, values: Record<string, string>): string {
  return sentence.replace(/{{\s*(\w+)[^}]*}}/g, (_, name: string) => values[name] ?? '');
}

/** Characters the app once showed as emoji: empty boxes without an emoji font, as on CI. */
const EMOJI = /[\u{1F300}-\u{1FAFF}\u26D4\u26A0\u2705\u274C]/u;

async function choose(page: Page, name: string, bytes: Uint8Array | Buffer): Promise<void> {
  await page.getByTestId('file-input').setInputFiles({
    name,
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(bytes),
  });
}

// An app of its own: the language chosen in Settings here is the app's, not another spec's.
test.use({ sendsheetAppName: 'languages' });

// The README's size: headers and problems are judged at 1280 px, the narrowest the issue names.
test.use({ viewport: { width: 1280, height: 800 } });

for (const { language, locale, words } of LANGUAGES) {
  for (const scheme of ['light', 'dark'] as const) {
    test.describe(`${language}, ${scheme}`, () => {
      test.use({ locale, colorScheme: scheme });

      test(`every main screen passes axe and is photographed (${language}, ${scheme})`, async ({
        page,
        ready,
      }) => {
        // Axe on six screens of a busy machine takes its time.
        test.setTimeout(300_000);
        const folder = `test-results/screens/${language}`;
        await mkdir(folder, { recursive: true });
        const shoot = (name: string) =>
          page.screenshot({ path: `${folder}/${scheme}-${name}.png`, fullPage: true });
        const check = async (screen: string) => {
          expect(await violations(page), `${screen} (${language}, ${scheme})`).toEqual([]);
          expect(await page.locator('body').innerText()).not.toMatch(EMOJI);
        };

        await page.goto(ready.url!);
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        await expect(page.getByRole('heading', { name: words.open.heading })).toBeVisible();
        await check('the empty first screen');
        await shoot('1-start');

        await choose(page, FIXTURES[0]!.name, FIXTURES[0]!.bytes);
        await expect(page.getByTestId('total-recipients')).toHaveText('3');
        await expect(page.getByRole('heading', { name: words.totals.heading })).toBeVisible();
        await check('the preview');
        await shoot('2-preview');

        await page.getByRole('button', { name: words.send.send }).click();
        await expect(page.getByTestId('confirm-dialog')).toBeVisible();
        await expect(page.getByRole('heading', { name: words.send.confirm })).toBeVisible();
        await check('the confirmation');
        await shoot('3-confirm');
        await page
          .getByTestId('confirm-dialog')
          .getByRole('button', { name: words.send.cancel })
          .click();

        await choose(page, BAD_FILE.name, BAD_FILE.bytes);
        await expect(page.getByTestId('total-errors')).toHaveText('2');
        await check('a preview with problems');
        await shoot('4-problems');

        for (const [screen, heading] of [
          ['history', words.history.heading],
          ['inspect', words.inspect.heading],
          ['settings', words.settings.heading],
        ] as const) {
          await page.getByRole('button', { name: words.app.screens[screen] }).click();
          await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
          await check(screen);
          await shoot(`5-${screen}`);
        }
      });
    });
  }

  test.describe(`the defects of issue 14 (${language})`, () => {
    test.use({ locale });

    test(`headers whole, problems whole, drawn icons (${language})`, async ({ page, ready }) => {
      await page.goto(ready.url!);
      await choose(page, BAD_FILE.name, BAD_FILE.bytes);
      await expect(page.getByTestId('total-errors')).toHaveText('2');
      const cut = (selector: string) =>
        page
          .locator(selector)
          .evaluateAll((cells) =>
            cells
              .filter(
                (cell) =>
                  cell.scrollWidth > cell.clientWidth + 1 ||
                  cell.scrollHeight > cell.clientHeight + 1,
              )
              .map((cell) => cell.textContent),
          );
      const table = page.getByRole('table', { name: words.preview.table });
      // Send (the row's tick, issue 13), row, number, message, characters, length, parts, problems.
      await expect(table.getByRole('columnheader')).toHaveCount(8);
      expect(await cut('.grid-header [role="columnheader"]'), 'headers cut at 1280 px').toEqual([]);
      const problems = page.getByTestId('problems');
      await expect(problems.first()).not.toBeEmpty();
      expect(await cut('[data-testid="problems"]'), 'problem texts cut').toEqual([]);
      // The status icons are drawings with a text alternative, in the page's language.
      const icon = problems.first().getByRole('img');
      await expect(icon).toHaveAttribute('aria-label', words.icons.problem);
      expect(await page.locator('body').innerText()).not.toMatch(EMOJI);
    });

    test(`a file that is no spreadsheet, an empty one, a header-only one (${language})`, async ({
      page,
      ready,
    }) => {
      await page.goto(ready.url!);
      // A PNG named .txt: byte 0x90 at offset 29 was what the person was told of it.
      const png = new Uint8Array(64);
      png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      png[29] = 0x90;
      await choose(page, 'list.txt', png);
      const failure = page.getByTestId('read-failure');
      await expect(failure).toContainText(
        fill(words.read['not-spreadsheet'], { name: 'list.txt', what: words.read.types.png }),
      );
      await expect(page.getByText(/0x90|offset/)).toHaveCount(0);

      await choose(page, 'empty.csv', new Uint8Array(0));
      await expect(failure).toContainText(fill(words.read.empty, { name: 'empty.csv' }));

      await choose(page, 'header.csv', Buffer.from('Telefon;Besked\r\n'));
      const notice = page.getByTestId('sheet-notice');
      await expect(notice).toBeVisible();
      await expect(notice).toContainText('Telefon');
      // The steps after it wait for a sheet that has rows: nothing asks for columns chosen.
      await expect(page.getByRole('heading', { name: words.mapping.heading })).toHaveCount(0);
      await expect(page.getByText(words.send.nothing)).toHaveCount(0);
    });

    test(`the sample list, Replace → Undo, and Inspect's name on the server (${language})`, async ({
      page,
      ready,
    }) => {
      await page.goto(ready.url!);
      await page.getByRole('button', { name: words.open.sample.button }).click();
      await expect(page.getByTestId('total-recipients')).toHaveText('5');

      await choose(page, FIXTURES[2]!.name, FIXTURES[2]!.bytes);
      await expect(page.getByTestId('total-recipients')).toHaveText('3');
      await page.getByRole('region', { name: words.totals.fixRegion }).getByRole('button').click();
      await expect(page.getByRole('button', { name: words.totals.undo })).toBeFocused();

      await page.getByRole('button', { name: words.app.screens.inspect }).click();
      const inspect = page.getByTestId('inspect-input');
      const name = page.getByLabel(words.inspect.as);
      const csv = Buffer.from('msisdn;message\r\n4520123456;Hej\r\n');
      await inspect.setInputFiles({ name: 'first.csv', mimeType: 'text/csv', buffer: csv });
      await expect(name).toHaveValue('first.csv');
      await name.fill('first.csv.excel.ready');
      await inspect.setInputFiles({ name: 'second.csv', mimeType: 'text/csv', buffer: csv });
      await expect(name).toHaveValue('second.csv');
    });
  });

  test(`the live counter under the message box (${language})`, async ({ browser, ready }) => {
    const context = await browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    try {
      await page.goto(ready.url!);
      await choose(page, FIXTURES[2]!.name, FIXTURES[2]!.bytes);
      await page.getByLabel(words.mapping.write).check();
      await page.getByLabel(words.mapping.messageText).fill('Hej {Navn}, vi ses i dag');
      const counter = page.getByTestId('message-counter');
      await expect(counter.locator('[data-encoding]')).toHaveAttribute('data-encoding', 'GSM-7');
      await expect(counter.locator('mark')).toHaveCount(0);
      // A curly quote, typed: special characters, and the two quotes marked where they are.
      await page.getByLabel(words.mapping.messageText).fill('Hej {Navn}, vi ses “i dag”');
      await expect(counter.locator('[data-encoding]')).toHaveAttribute('data-encoding', 'UCS-2');
      await expect(counter.locator('mark')).toHaveText(['“', '”']);
      await expect(counter).toContainText(words.counter.encoding.ucs2);
    } finally {
      await context.close();
    }
  });
}

test('the language follows the system, and Settings can choose another', async ({
  browser,
  ready,
}) => {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  try {
    await page.goto(ready.url!);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByRole('button', { name: en.app.screens.settings }).click();
    await page.getByLabel(en.language.label).selectOption('da');
    await expect(page.locator('html')).toHaveAttribute('lang', 'da');
    await expect(page.getByRole('button', { name: da.app.screens.settings })).toBeVisible();
    // Kept: the page opened again speaks Danish, whatever the system's language.
    await page.reload();
    await expect(page.getByRole('heading', { name: da.open.heading })).toBeVisible();
    await page.getByRole('button', { name: da.app.screens.settings }).click();
    await page.getByLabel(da.language.label).selectOption('system');
    await expect(page.getByRole('button', { name: en.app.screens.settings })).toBeVisible();
  } finally {
    await context.close();
  }
});
