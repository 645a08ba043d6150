// Issue 14: a component that shows a string literal fails `npm run lint`, every component.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = import.meta.dirname;

/** The rule's findings for `code` as if it were the file at `path`. */
async function literalsIn(path: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return result!.messages
    .filter((m) => m.ruleId !== null && /no-literal-string|no-restricted-syntax/.test(m.ruleId))
    .map((m) => m.message);
}

const COMPONENT = 'renderer/src/ui/CampaignPanel.tsx';

describe('no words outside the catalogues (issue 14)', () => {
  // The first lint loads the whole TypeScript project for the type-aware rule: on a busy
  // machine that alone can take longer than a test's own time.
  beforeAll(() => literalsIn(COMPONENT, 'export {};'), 300_000);

  it.each([
    ['text', 'export const Panel = () => <p>Choose a file</p>;'],
    ['an attribute read aloud', 'export const Panel = () => <input aria-label="Message text" />;'],
    ['a placeholder', 'export const Panel = () => <input placeholder="Your sender" />;'],
    ['an expression', "export const Panel = ({ n }: { n: number }) => <p>{n + ' rows'}</p>;"],
    ['a template', 'export const Panel = ({ n }: { n: number }) => <p>{`${n} rows`}</p>;'],
    ['a sentence kept aside', "const help = { msisdn: 'Any form' };\nexport const h = help;"],
    ['a sentence in a constant', "const HELP = { msisdn: 'Any form' };\nexport const h = HELP;"],
  ])('refuses %s in a component', async (_what, code) => {
    expect(await literalsIn(COMPONENT, code)).toHaveLength(1);
  });

  it('lets through words from the catalogues, codes, names and drawings', async () => {
    const code = [
      "import { useTranslation } from '../i18n';",
      "type Status = 'ready' | 'failed';",
      'export function Panel({ status }: { status: Status }) {',
      '  const { t } = useTranslation();',
      "  const next: Status = status === 'ready' ? 'failed' : 'ready';",
      '  return (',
      '    <p className="note" id="x" data-testid="y" aria-describedby="x">',
      "      {t('open.choose')} {next} {': '}",
      '      <svg viewBox="0 0 16 16"><path d="M1 1h2" fill="none" /></svg>',
      '    </p>',
      '  );',
      '}',
    ].join('\n');
    expect(await literalsIn(COMPONENT, code)).toEqual([]);
  });

  it('is on for every component', async () => {
    const eslint = new ESLint({ cwd: root });
    const components = readdirSync(join(root, 'renderer/src'), { recursive: true })
      .map(String)
      .filter((file) => file.endsWith('.tsx'))
      .map((file) => `renderer/src/${file}`);
    const off: string[] = [];
    for (const file of components) {
      const config = await eslint.calculateConfigForFile(join(root, file));
      if (config.rules['i18next/no-literal-string']?.[0] !== 2) off.push(file);
    }
    expect(components.length).toBeGreaterThan(10);
    expect(off).toEqual([]);
  });
});
