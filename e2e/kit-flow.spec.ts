/**
 * The main flow through the page objects of `sendsheet/playwright`, on the fixture's own app:
 * open, map, check, replace look-alikes, export, send, follow, and the outbox by its control.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from 'sendsheet/playwright';
import { writeExport } from '../core/writer';
import { EXPECTED_MESSAGES, FIXTURES } from './fixtures';

// It sends the fixtures' messages as a first send: a history no other spec sent to.
test.use({ sendsheetAppName: 'kit-flow' });

test('an .xlsx goes from opening to the outbox, through the page objects', async ({
  sendsheet,
  outbox,
}) => {
  await sendsheet.goto();
  await sendsheet.openFile(FIXTURES[0]!);
  await sendsheet.map({ phone: 'Telefon', message: 'Besked' });
  await sendsheet.expectTotals({ recipients: 3, parts: 5, specialCharacters: 2, problems: 0 });
  await sendsheet.replaceLookalikes();
  await sendsheet.expectTotals({ parts: 4, specialCharacters: 1 });

  const download = await sendsheet.exportFile();
  const written = writeExport(EXPECTED_MESSAGES, {
    baseName: 'november',
    format: 'excel',
    encoding: 'auto',
  });
  if (!written.ok) throw new Error('core did not write the expected messages');
  expect(new Uint8Array(await readFile(await download.path()))).toEqual(written.files[0]!.bytes);

  await sendsheet.send(3);
  const batch = sendsheet.batch('november.csv');
  await batch.expectState('success');
  const uploadName = (await batch.uploadName()).replace(/\.ready$/, '');
  const queued = (await outbox('demo')).filter((message) => message.batch.startsWith(uploadName));
  expect(queued.map(({ msisdn, message }) => ({ msisdn, message }))).toEqual(EXPECTED_MESSAGES);
});
