/**
 * The desktop window's own paths, in Chromium against headless mode: the open dialog, the menu's
 * Open, Export and Send (from any screen), and the save dialog choosing the folder the export is
 * written to.
 *
 * The Electron window cannot run here (no binary can be downloaded), so the page gets a stand-in
 * for the preload's `window.sendsheetDesktop` (DesktopApi) that answers the dialogs as a person
 * would; everything behind it is real: the UI, the service over HTTP, the files on disk. Over
 * HTTP the service writes exports only into the app's exports folder (a real window's main
 * process also allows the folder its save dialog answered), so that is where the stand-in's
 * save dialog points.
 */
import { expect, test } from 'sendsheet/playwright';
import type { Page } from '@playwright/test';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeExport } from '../core/writer';
import type { DesktopCommand } from '../core/contract/desktop';
import { EXPECTED_MESSAGES, FIXTURES } from './fixtures';

const CHOSEN_PATH = '/home/ann/Kampagner/november.xlsx';

/** What the stand-in did, for the test to read back. */
interface DesktopLog {
  read: string[];
  saveSuggested: string[];
}

/**
 * Puts the stand-in on the page before the app starts: the open dialog chooses CHOSEN_PATH,
 * reading it gives the .xlsx fixture, and the save dialog chooses `folder` and `baseName`.
 */
async function withDesktop(page: Page, folder: string, baseName: string): Promise<void> {
  const fixture = FIXTURES[0]!;
  await page.addInitScript(
    ({ path, name, bytes, folder, baseName }) => {
      const log = { read: [] as string[], saveSuggested: [] as string[] };
      const listeners: ((command: DesktopCommand) => void)[] = [];
      const api = {
        pathForFile: () => '',
        chooseFile: () => Promise.resolve(path),
        readFile: (asked: string) => {
          log.read.push(asked);
          return Promise.resolve(
            asked === path
              ? { ok: true as const, name, bytes: new Uint8Array(bytes) }
              : { ok: false as const, error: `${asked} was not chosen` },
          );
        },
        chooseSaveTarget: (suggested: string) => {
          log.saveSuggested.push(suggested);
          const chosen = (window as unknown as { saveFolder?: string }).saveFolder ?? folder;
          return Promise.resolve({ folder: chosen, baseName });
        },
        onCommand: (listener: (command: DesktopCommand) => void) => {
          listeners.push(listener);
          return () => listeners.splice(listeners.indexOf(listener), 1);
        },
      };
      Object.assign(window, {
        sendsheetDesktop: api,
        desktopLog: log,
        // What the main process does when a menu item is chosen.
        menu: (command: DesktopCommand) => listeners.forEach((listener) => listener(command)),
      });
    },
    {
      path: CHOSEN_PATH,
      name: fixture.name,
      bytes: [...fixture.bytes],
      folder,
      baseName,
    },
  );
}

function menu(page: Page, command: DesktopCommand): Promise<void> {
  return page.evaluate(
    (command) => (window as unknown as { menu: (c: DesktopCommand) => void }).menu(command),
    command,
  );
}

function desktopLog(page: Page): Promise<DesktopLog> {
  return page.evaluate(() => (window as unknown as { desktopLog: DesktopLog }).desktopLog);
}

test('desktop: the open dialog and the menu open a file; Export asks where and writes there', async ({
  page,
  ready,
}) => {
  // The headless app's exports folder, in the data folder its ready line names.
  const folder = join(ready.dataDir!, 'exports');
  await withDesktop(page, folder, 'kampagne');
  await page.goto(ready.url!);

  // The open button shows the window's dialog instead of the browser's file input.
  await page.getByRole('button', { name: /Choose a file/ }).click();
  await expect(page.getByTestId('total-recipients')).toHaveText('3');
  expect((await desktopLog(page)).read).toEqual([CHOSEN_PATH]);

  // File > Open (or the system opening a file with Sendsheet) reads the path it is given.
  await menu(page, { command: 'open', path: '/tmp/not-chosen.xlsx' });
  await expect(page.getByRole('alert').filter({ hasText: 'was not chosen' })).toBeVisible();
  await menu(page, { command: 'open', path: CHOSEN_PATH });
  await expect(page.getByTestId('total-recipients')).toHaveText('3');
  await page.getByRole('button', { name: /Replace look-alikes/ }).click();
  await expect(page.getByTestId('total-parts')).toHaveText('4');

  // File > Export: the save dialog suggests the file's name, and the files go where it chose,
  // byte for byte what core writes, with the base name chosen there.
  await menu(page, { command: 'export' });
  const written = writeExport(EXPECTED_MESSAGES, {
    baseName: 'kampagne',
    format: 'excel',
    encoding: 'auto',
  });
  expect(written.ok).toBe(true);
  if (!written.ok) return;
  await expect(page.getByTestId('export-result')).toContainText(written.files[0]!.savedName);
  expect((await desktopLog(page)).saveSuggested).toEqual(['november.csv']);
  expect(await readdir(folder)).toContain(written.files[0]!.savedName);
  expect(new Uint8Array(await readFile(join(folder, written.files[0]!.savedName)))).toEqual(
    written.files[0]!.bytes,
  );

  // Issue 15: a folder no save dialog of the app's answered is refused, and nothing written.
  const elsewhere = await mkdtemp(join(tmpdir(), 'sendsheet-e2e-elsewhere-'));
  await page.evaluate((path) => Object.assign(window, { saveFolder: path }), elsewhere);
  await menu(page, { command: 'export' });
  await expect(
    page.getByTestId('send-error').getByText(/Sendsheet saves only into its own exports folder/),
  ).toBeVisible();
  expect(await readdir(elsewhere)).toEqual([]);
  await page.evaluate(() => Object.assign(window, { saveFolder: undefined }));
  await page.getByRole('button', { name: 'History' }).click();
  await page.getByRole('button', { name: 'Send a spreadsheet' }).click();

  // File > Send: the same confirmation as the Send button, nothing sent until it is agreed.
  await menu(page, { command: 'send' });
  const dialog = page.getByTestId('confirm-dialog');
  await expect(dialog).toContainText('3 recipients, 4 SMS parts');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).not.toBeVisible();

  // A command is carried out once: coming back to the send screen does not export again.
  await page.getByRole('button', { name: 'History' }).click();
  await page.getByRole('button', { name: 'Send a spreadsheet' }).click();
  await expect(page.getByTestId('total-parts')).toHaveText('4');
  expect((await desktopLog(page)).saveSuggested).toEqual(['november.csv', 'november.csv']);
  await expect(dialog).not.toBeVisible();

  // From another screen, the menu shows the send screen and carries the command out there.
  await page.getByRole('button', { name: 'History' }).click();
  await menu(page, { command: 'send' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('3 recipients, 4 SMS parts');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('batch')).toHaveCount(0);
});
