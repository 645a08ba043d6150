// Issue 17: a send in one call; the Node side writes, checks and uploads the messages.
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readOutbox } from '../server/outbox';
import { serviceHarness } from './service-test-util';

const harness = serviceHarness();

describe('issue 17: send in one call: the Node side writes, checks and uploads the messages', () => {
  it('one batch per file of rowsPerFile messages, each followed to success, every message queued once', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'sendsheet-data-'));
    const { service, until } = await harness.start(dataDir);
    try {
      const messages = [
        { msisdn: '4512345678', message: 'Hej Søren' },
        { msisdn: '4512345679', message: 'Hej Anne' },
        { msisdn: '4512345680', message: 'Hej Bo', sender: 'Shop' },
      ];
      const sent = await service.send({
        profile: 'emulated',
        files: { baseName: 'Campaign.xlsx', format: 'excel', rowsPerFile: 2 },
        messages,
        spreadsheet: 'Campaign.xlsx',
      });
      if (!sent.ok) throw new Error(sent.error);
      // Issue 14: each batch names the spreadsheet it was made from, as the person knows it.
      expect(sent.batches.map((batch) => batch.spreadsheet)).toEqual([
        'Campaign.xlsx',
        'Campaign.xlsx',
      ]);
      expect(sent.batches.map((batch) => [batch.fileName, batch.rows, batch.state])).toEqual([
        ['Campaign-1-of-2.csv', 2, 'uploading'],
        ['Campaign-2-of-2.csv', 1, 'uploading'],
      ]);
      for (const batch of sent.batches) {
        expect(batch.uploadName).toMatch(
          new RegExp(`^Campaign-\\d-of-2-${batch.id}\\.csv\\.cp1252\\.excel\\.ready$`),
        );
        expect((await until(batch.id, ['success', 'rejected', 'failed'])).state).toBe('success');
      }
      const queued = (await readOutbox(harness.provider.dir)).filter((r) =>
        r.batch.startsWith('Campaign-'),
      );
      expect(queued.map((r) => [r.msisdn, r.message, r.sender]).sort()).toEqual(
        messages.map((m) => [m.msisdn, m.message, m.sender ?? '']).sort(),
      );
    } finally {
      await service.close();
    }
  });

  it('messages with a problem the server would reject: nothing is sent, every problem named', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'sendsheet-data-'));
    const { service, seen } = await harness.start(dataDir);
    try {
      const refused = await service.send({
        profile: 'emulated',
        files: { baseName: 'x', rowsPerFile: 1 },
        messages: [
          { msisdn: '4512345678', message: 'fine' },
          { msisdn: '12', message: '' },
        ],
      });
      expect(refused).toMatchObject({
        ok: false,
        error: 'Nothing was sent: the messages have 2 problems.',
        problems: [
          { row: 3, code: 'bad-msisdn' },
          { row: 3, code: 'empty-message' },
        ],
      });
      expect(seen).toEqual([]);
      expect(await service.batches({})).toEqual([]);
    } finally {
      await service.close();
    }
  });

  it('exports messages into a folder, and refuses messages with problems', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'sendsheet-data-'));
    const folder = join(dataDir, 'chosen');
    await mkdir(folder);
    // A folder the person chose in the save dialog (export-rules.test.ts: no other).
    const { service } = await harness.start(dataDir, {
      mayExportTo: (chosen) => chosen === folder,
    });
    try {
      const exported = await service.exportMessages({
        files: { baseName: 'Campaign.xlsx' },
        messages: [{ msisdn: '4512345678', message: 'Hej Søren' }],
        folder,
      });
      expect(exported).toMatchObject({
        ok: true,
        files: [
          {
            path: join(folder, 'Campaign.csv.cp1252.excel'),
            fileName: 'Campaign.csv.cp1252.excel',
            uploadName: 'Campaign.csv.cp1252.excel.ready',
            rows: 1,
          },
        ],
      });
      const refused = await service.exportMessages({
        files: { baseName: 'x' },
        messages: [{ msisdn: '12', message: '' }],
        folder,
      });
      expect(refused).toMatchObject({
        ok: false,
        problems: [{ code: 'bad-msisdn' }, { code: 'empty-message' }],
      });
    } finally {
      await service.close();
    }
  });
});
