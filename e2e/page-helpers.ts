/** What several specs do to the page: drop a file on it, keep a screenshot of it. */
import type { Page } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import type { Fixture } from './fixtures';

const SCREENS = 'test-results/screens';

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENS, { recursive: true });
  await page.screenshot({ path: `${SCREENS}/${name}.png`, fullPage: true });
}

/** Drops a file on the window, as a person drags it from their desktop. */
export async function drop(page: Page, fixture: Fixture): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ name, bytes }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], name));
      return transfer;
    },
    { name: fixture.name, bytes: [...fixture.bytes] },
  );
  await page.locator('.app').dispatchEvent('dragover', { dataTransfer });
  await page.locator('.app').dispatchEvent('drop', { dataTransfer });
}
