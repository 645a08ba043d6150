// Issue 6: the window loads the built UI from the app itself, over app://, never anything else.
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_SCHEME_PRIVILEGES, APP_URL, appFilePath, serveAppFile } from './app-protocol';
import { CONTENT_SECURITY_POLICY } from './csp';

let root: string;
let ui: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'sendsheet-app-protocol-'));
  ui = join(root, 'renderer');
  mkdirSync(join(ui, 'assets'), { recursive: true });
  writeFileSync(join(ui, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(ui, 'assets', 'index-1.js'), 'export {};');
  writeFileSync(join(ui, 'assets', 'worker-2.js'), 'self.onmessage = () => {};');
  writeFileSync(join(root, 'secret.txt'), 'not for the page');
  symlinkSync(join(root, 'secret.txt'), join(ui, 'assets', 'link.txt'));
});

describe('app:// serves the built UI and nothing else', () => {
  it('the page and its module scripts, with their types and the policy', async () => {
    const page = await serveAppFile(APP_URL, ui);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('id="root"');
    const script = await serveAppFile('app://sendsheet/assets/index-1.js', ui);
    // Module scripts and module workers load only with a JavaScript type.
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it.each([
    'app://sendsheet/../secret.txt',
    'app://sendsheet/%2e%2e/secret.txt',
    'app://sendsheet/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://sendsheet/..%5csecret.txt',
    'app://sendsheet/',
    'app://other/index.html',
    'file:///etc/passwd',
    'https://sendsheet/index.html',
    'app://sendsheet/%E0%A4%A',
    'app://sendsheet/index.html%00.js',
  ])('refuses %s', async (url) => {
    const path = appFilePath(url, ui);
    if (path !== null) expect(path.startsWith(ui)).toBe(true);
    const answer = await serveAppFile(url, ui);
    if (answer.status === 200) expect(await answer.text()).not.toContain('not for the page');
    else expect(answer.status).toBe(404);
  });

  it('a link inside the folder that points out of it is not followed', async () => {
    const answer = await serveAppFile('app://sendsheet/assets/link.txt', ui);
    expect(answer.status).toBe(404);
  });

  it('a missing file is 404', async () => {
    expect((await serveAppFile('app://sendsheet/nothing.js', ui)).status).toBe(404);
  });

  it('the scheme is standard and secure, and does not bypass the policy', () => {
    expect(APP_SCHEME_PRIVILEGES.privileges).toEqual({
      standard: true,
      secure: true,
      supportFetchAPI: true,
    });
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('bypassCSP');
  });
});
