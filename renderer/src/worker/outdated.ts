/**
 * Whether this page is from a build of Sendsheet that has since been replaced. The app keeps
 * the files of the build before the newest (electron/cli/app-builds.ts), so a page open through
 * one build goes on working; one open through two has lost the file reader it starts for each
 * file, and must be reloaded. It is outdated when index.html, asked for afresh, no longer names
 * the page's own script.
 */

/** Whether `html` (index.html, found at `indexUrl`) loads the script at `scriptUrl`. */
export function namesScript(html: string, indexUrl: string, scriptUrl: string): boolean {
  for (const [, src] of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) {
    if (new URL(src!, indexUrl).href === scriptUrl) return true;
  }
  return false;
}

/** Asks index.html afresh; false when it cannot be told (no network, or not a build). */
export async function pageIsOutdated(): Promise<boolean> {
  const script = document.querySelector<HTMLScriptElement>('script[type="module"][src]')?.src;
  if (!script || !/\/assets\/[^/]+\.js$/.test(script)) return false;
  const indexUrl = new URL('../index.html', script).href;
  try {
    const response = await fetch(indexUrl, { cache: 'no-store' });
    return response.ok && !namesScript(await response.text(), indexUrl, script);
  } catch {
    return false;
  }
}

/** The failure a page from a replaced build reads as (read.outdated in the catalogues). */
export const OUTDATED_PAGE_CODE = 'outdated';
