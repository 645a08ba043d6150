// Issue 18: README.md's "Testing with Playwright" is the test contract teams rely on: its table
// of roles and names is the page objects' (e2e/kit/names.ts), every English name listed is used
// by the page objects, its ready line's fields are the ones the commands print, and its sample
// test is the one CI runs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UI_NAMES } from './e2e/kit/names';
import { readmeSample } from './e2e/readme-sample';
import { formatReadyLine } from './electron/cli/ready-line';

const ROOT = import.meta.dirname;
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const SECTION = README.split('\n## Testing with Playwright\n')[1]!.split('\n## ')[0]!;
const PAGES = readFileSync(join(ROOT, 'e2e', 'kit', 'pages.ts'), 'utf8');

/** The rows of the names table: key, role, English, Danish. */
function namesTable(): string[][] {
  const table = SECTION.split('<!-- names:start -->')[1]!.split('<!-- names:end -->')[0]!;
  return table
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim().replace(/^`|`$/g, '')),
    );
}

describe('README: Testing with Playwright', () => {
  it('lists exactly the roles and names of e2e/kit/names.ts, in English and Danish', () => {
    const rows = namesTable();
    expect(rows.map(([key, role, en, da]) => ({ key, role, en, da }))).toEqual(
      Object.entries(UI_NAMES).map(([key, name]) => ({
        key,
        role: name.role,
        en: name.en,
        da: name.da,
      })),
    );
  });

  it('every name it lists is used by the page objects', () => {
    const unused = namesTable()
      .map(([key]) => key!)
      .filter((key) => !PAGES.includes(`'${key}'`));
    expect(unused).toEqual([]);
  });

  it('describes every field of the ready line, and those alone', () => {
    const line = JSON.parse(
      formatReadyLine({
        command: 'app',
        url: null,
        secret: null,
        controls: null,
        ftp: null,
        account: null,
        dataDir: null,
        providerDir: null,
        ephemeral: false,
      }),
    ) as Record<string, unknown>;
    const table = SECTION.split('### The ready line')[1]!.split('### ')[0]!;
    const fields = [...table.matchAll(/^\| `(\w+)`/gm)].map((match) => match[1]);
    expect(fields.sort()).toEqual(Object.keys(line).sort());
  });

  it('has a sample test that uses the fixture, sends, reads the outbox and fails over', () => {
    const sample = readmeSample(README);
    expect(sample).toContain("from 'sendsheet/playwright'");
    expect(sample).toContain("controls.down({ server: 'A' })");
    expect(sample).toContain('outbox(');
    expect(sample).toContain("expectServer('B')");
  });
});
