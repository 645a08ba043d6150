/**
 * Page objects for the main flow: open a file, map, check the totals, replace look-alikes,
 * export, send and follow. They find everything by role and accessible name (names.ts, the
 * UI's test contract), so a test written with them reads as a person uses the app.
 */
import { expect } from '@playwright/test';
import type { Download, Locator, Page } from '@playwright/test';
import { NUMBER_LOCALES, namePattern, stateWords } from './names';
import type { BatchStateCode, Language, NameKey } from './names';

export interface SpreadsheetFile {
  name: string;
  bytes: Uint8Array;
  mimeType?: string;
}

export interface Totals {
  recipients?: number;
  parts?: number;
  specialCharacters?: number;
  problems?: number;
}

export class SendsheetPage {
  constructor(
    readonly page: Page,
    readonly url: string,
    readonly language: Language = 'en',
  ) {}

  name(key: NameKey, values?: Parameters<typeof namePattern>[2]): RegExp {
    return namePattern(key, this.language, values);
  }

  /** Opens the app and waits for its first step. */
  async goto(): Promise<void> {
    await this.page.goto(this.url);
    await expect(this.page.getByRole('heading', { name: this.name('openHeading') })).toBeVisible();
  }

  /** Chooses a spreadsheet as a person does with "Choose a file…". */
  async openFile(file: SpreadsheetFile): Promise<void> {
    await this.page.getByLabel(this.name('chooseFile')).setInputFiles({
      name: file.name,
      mimeType: file.mimeType ?? 'application/octet-stream',
      buffer: Buffer.from(file.bytes),
    });
    await expect(this.page.getByRole('heading', { name: this.name('mapHeading') })).toBeVisible();
  }

  get phoneColumn(): Locator {
    return this.page.getByRole('combobox', { name: this.name('phoneColumn') });
  }

  get messageColumn(): Locator {
    return this.page.getByRole('combobox', { name: this.name('messageColumn') });
  }

  /** Maps the columns by their names in the file. */
  async map(columns: { phone?: string; message?: string }): Promise<void> {
    if (columns.phone !== undefined) await this.phoneColumn.selectOption({ label: columns.phone });
    if (columns.message !== undefined)
      await this.messageColumn.selectOption({ label: columns.message });
  }

  /** A figure of the totals: 'recipients', 'parts', 'specialCharacters' or 'problems'. */
  total(key: keyof Totals): Locator {
    // Chromium gives a definition no name of its term: the figure is the one after the term.
    return this.page
      .getByRole('term')
      .filter({ hasText: this.name(key) })
      .locator('xpath=following-sibling::dd[1]');
  }

  async expectTotals(totals: Totals): Promise<void> {
    await expect(this.page.getByRole('heading', { name: this.name('checkHeading') })).toBeVisible();
    for (const [key, value] of Object.entries(totals) as [keyof Totals, number | undefined][]) {
      if (value !== undefined)
        await expect(this.total(key)).toHaveText(
          value.toLocaleString(NUMBER_LOCALES[this.language]),
        );
    }
  }

  get replaceLookalikesButton(): Locator {
    return this.page
      .getByRole('region', { name: this.name('lookalikes') })
      .getByRole('button', { name: this.name('replaceLookalikes') });
  }

  async replaceLookalikes(): Promise<void> {
    await this.replaceLookalikesButton.click();
    await expect(this.replaceLookalikesButton).toHaveCount(0);
  }

  /** Exports the file as the browser downloads it. */
  async exportFile(): Promise<Download> {
    const downloading = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: this.name('exportFile') }).click();
    return downloading;
  }

  get sendButton(): Locator {
    return this.page.getByRole('button', { name: this.name('send') });
  }

  get confirmDialog(): Locator {
    return this.page.getByRole('dialog', { name: this.name('confirmDialog') });
  }

  /** Sends with the profile chosen (the emulated provider by default), confirming `count` messages. */
  async send(count?: number): Promise<void> {
    // The timeline keeps earlier batches: the send is done when a new one is there.
    const before = await this.batches().count();
    await this.sendButton.click();
    await this.confirmDialog
      .getByRole('button', { name: this.name('confirmSend', { n: count }) })
      .click();
    await expect(this.confirmDialog).toBeHidden();
    await expect.poll(() => this.batches().count()).toBeGreaterThan(before);
  }

  /** The batches in the timeline; the one of `file` when given. */
  batches(file?: string): Locator {
    return this.page.getByRole('article', { name: this.name('batch', { file }) });
  }

  /** The last batch sent (of `file`), to follow. */
  batch(file?: string): BatchView {
    return new BatchView(this, this.batches(file).last());
  }
}

export class BatchView {
  constructor(
    private readonly app: SendsheetPage,
    readonly article: Locator,
  ) {}

  /** Waits until the batch reaches `state` (`success`, `rejected`, ...), as its heading says it. */
  async expectState(state: BatchStateCode, timeout = 60_000): Promise<void> {
    const words = stateWords(state, this.app.language);
    await expect(
      this.article.getByRole('heading', { name: this.app.name('batchHeading', { state: words }) }),
    ).toBeVisible({ timeout });
  }

  /** Which of the two servers took the file, as the timeline says. */
  async expectServer(server: 'A' | 'B'): Promise<void> {
    await expect(this.article).toContainText(new RegExp(`server ${server}\\b`));
  }

  /** The name the file was uploaded under (`NAME.ready`). */
  async uploadName(): Promise<string> {
    return (await this.article.locator('code').first().textContent())!.trim();
  }
}
