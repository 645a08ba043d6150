/**
 * A list of numbers and messages opened as a semicolon CSV and exported in files, every download
 * waited for, beside the files core writes for the same messages: what the end-to-end tests of
 * a browser's export compare (export-many.spec.ts, pieces.spec.ts).
 */
import { expect } from 'sendsheet/playwright';
import type { SendsheetPage } from 'sendsheet/playwright';
import type { Download, Page } from '@playwright/test';
import { writeExport } from '../core/writer';
import type { OutgoingMessage, WrittenFile } from '../core/writer';

export interface ExportedList {
  /** The browser's downloads, in the order they came. */
  downloads: Download[];
  /** What core's writeExport makes of the same messages, in files of the same size. */
  written: WrittenFile[];
}

function listCsv(messages: readonly OutgoingMessage[]): Uint8Array {
  const lines = ['Telefon;Besked', ...messages.map((m) => `${m.msisdn};${m.message}`)];
  return new TextEncoder().encode(lines.join('\r\n') + '\r\n');
}

/** Opens `messages` as `NAME.csv`, exports them in files of `perFile`, waits for each download. */
export async function exportList(
  page: Page,
  sendsheet: SendsheetPage,
  name: string,
  messages: readonly OutgoingMessage[],
  perFile: number,
): Promise<ExportedList> {
  await sendsheet.goto();
  await sendsheet.openFile({ name: `${name}.csv`, bytes: listCsv(messages), mimeType: 'text/csv' });
  await sendsheet.expectTotals({ recipients: messages.length });
  await page.getByLabel('Messages per file').fill(String(perFile));
  const written = writeExport([...messages], {
    baseName: name,
    format: 'excel',
    encoding: 'auto',
    rowsPerFile: perFile,
  });
  if (!written.ok)
    throw new Error(`core could not write the list: ${written.problems[0]?.message}`);

  const downloads: Download[] = [];
  page.on('download', (download) => downloads.push(download));
  await page.getByRole('button', { name: 'Export files' }).click();
  await expect.poll(() => downloads.length, { timeout: 60_000 }).toBe(written.files.length);
  return { downloads, written: written.files };
}
