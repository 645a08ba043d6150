// Issue 12: a page open through two builds of the app is told to reload, not left with a file
// reader that cannot start.
import { describe, expect, it } from 'vitest';
import { namesScript } from './outdated';

const INDEX = 'http://127.0.0.1:5173/index.html';
const PAGE = `<!doctype html><html><head>
<script type="module" crossorigin src="./assets/index-CH3QIRtM.js"></script>
<link rel="stylesheet" crossorigin href="./assets/index-8JGb-ps5.css">
</head><body><div id="root"></div></body></html>`;

describe('issue 12: is this page from the build index.html names?', () => {
  it("the page's own script, named relative to index.html, is found", () => {
    expect(namesScript(PAGE, INDEX, 'http://127.0.0.1:5173/assets/index-CH3QIRtM.js')).toBe(true);
    expect(
      namesScript(PAGE, 'app://sendsheet/index.html', 'app://sendsheet/assets/index-CH3QIRtM.js'),
    ).toBe(true);
  });

  it('another build names another script', () => {
    expect(namesScript(PAGE, INDEX, 'http://127.0.0.1:5173/assets/index-Zx81kQ0a.js')).toBe(false);
    expect(
      namesScript('<!doctype html><title>x</title>', INDEX, 'http://127.0.0.1:5173/assets/a.js'),
    ).toBe(false);
    // A stylesheet of that name is not the script.
    expect(namesScript(PAGE, INDEX, 'http://127.0.0.1:5173/assets/index-8JGb-ps5.css')).toBe(false);
  });
});
