/**
 * Issue 14: sentences made on the Node side (the batch's note, a refusal) reach a Danish person
 * in Danish, said from their code and values (core/contract/said.ts), with the English words
 * only under Details. On an app of its own, in Danish: the first send of the fixture's messages
 * goes as a first send does, through server B while server A is down.
 */
import { expect, test } from 'sendsheet/playwright';
import { da } from '../renderer/src/i18n/da';
import { FIXTURES } from './fixtures';

test.use({ sendsheetAppName: 'said-in-danish', locale: 'da-DK', sendsheetLanguage: 'da' });

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A catalogue sentence as a pattern, any of `choices` where its value `name` goes. */
function sentence(words: string, values: Record<string, string>): RegExp {
  const parts = words.split(/({{\s*\w+[^}]*}})/);
  const pattern = parts
    .map((part) => {
      const name = /^{{\s*(\w+)/.exec(part)?.[1];
      return name === undefined ? escape(part) : (values[name] ?? '.+');
    })
    .join('');
  return new RegExp(`^${pattern}$`);
}

test('a failover is said in Danish, the English words under Details', async ({
  sendsheet,
  controls,
  page,
}) => {
  await controls.down({ server: 'A' });
  await sendsheet.goto();
  await sendsheet.openFile(FIXTURES[2]!);
  await sendsheet.send(3);
  const batch = sendsheet.batch();
  await batch.expectState('success');
  await batch.expectServer('B');
  const note = batch.article.getByTestId('batch-note');
  // Server A was left for one of the reasons a connection fails, each in Danish.
  const reasons = Object.values(da.said.reason).filter((words) => !words.includes('{{'));
  await expect(note.locator(':scope > p')).toHaveText(
    sentence(da.said.note.failover, {
      left: 'A',
      reason: `(${reasons.map(escape).join('|')})`,
      using: 'B',
    }),
  );
  await expect(note.locator(':scope > p')).not.toContainText('using');
  // The English words, with the server's address, for support: under Details.
  await note.getByText(da.common.details).click();
  await expect(note.locator('details p')).toContainText(/Server A \(.+\) .+; using server B/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
});
