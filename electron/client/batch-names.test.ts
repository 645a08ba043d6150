// Issue 4: the names a batch has on the server (SPEC 1) and what a listing says about it.
import { describe, expect, it } from 'vitest';
import { parseStageName, parseUploadName } from '../../core/names';
import {
  batchNames,
  findBatch,
  isBatchId,
  namesOfBatch,
  newBatchId,
  serverNameOf,
  tempName,
} from './batch-names';

const ID = 'k7m2x9q4ab';

describe('SPEC 1: the name the server reads a file under', () => {
  it.each([
    ['list.csv', undefined, 'list.csv.ready'],
    ['list.csv.excel.ready', undefined, 'list.csv.excel.ready'],
    ['list.csv.excel.20261124T140000.rejected', undefined, 'list.csv.excel.ready'],
    ['list.csv', 'other.csv.utf8', 'other.csv.utf8.ready'],
    ['list.csv', 'x.20261124T140000.rejected', 'x.20261124T140000.rejected.ready'],
  ])('%s as %s is %s', (file, as, expected) => {
    expect(serverNameOf(file, as)).toBe(expected);
  });
});

describe('SPEC 1: a batch name is unique and keeps the modifiers the server reads', () => {
  it.each([
    ['list.csv.ready', 'list-k7m2x9q4ab.csv.ready'],
    ['list.csv.excel.ready', 'list-k7m2x9q4ab.csv.excel.ready'],
    ['list.csv.UTF8.Excel.ready', 'list-k7m2x9q4ab.csv.UTF8.Excel.ready'],
    ['my.list.txt.cp1252.ready', 'my.list-k7m2x9q4ab.txt.cp1252.ready'],
    ['campaign.ready', 'campaign-k7m2x9q4ab.ready'],
    ['utf8.ready', 'batch-k7m2x9q4ab.utf8.ready'],
    ['.ready', 'batch-k7m2x9q4ab.ready'],
    ['bad:name?.csv.ready', 'bad_name_-k7m2x9q4ab.csv.ready'],
    ['list.csv.20261124T140000.ready', 'list-k7m2x9q4ab.csv.ready'],
  ])('%s -> %s', (serverName, readyName) => {
    const names = batchNames(serverName, ID);
    expect(names.readyName).toBe(readyName);
    expect(names.base).toBe(readyName.slice(0, -'.ready'.length));
    const before = parseUploadName(serverName);
    const after = parseUploadName(names.readyName);
    expect(after.modifiers).toEqual(before.modifiers);
    expect(after.forced).toBe(before.forced);
    expect(after.excel).toBe(before.excel);
  });

  it('ids are 10 characters of an unambiguous alphabet, from the random bytes given', () => {
    const id = newBatchId(() => new Uint8Array([0, 1, 2, 3, 31, 32, 33, 255, 128, 7]));
    expect(id).toBe('abcd9ab9ah');
    expect(isBatchId(id)).toBe(true);
    expect(isBatchId('abcd9abca')).toBe(false);
    expect(isBatchId('abcd9abcal')).toBe(false); // l is left out: it reads as 1
  });

  it('the names of a batch sent earlier are read back from its .ready name, only if it is ours', () => {
    const names = batchNames('list.csv.excel.ready', ID);
    expect(namesOfBatch(names.readyName, ID)).toEqual(names);
    expect(namesOfBatch('list.csv.excel.ready', ID)).toBeNull();
    expect(namesOfBatch(names.readyName, 'other0000a')).toBeNull();
    expect(namesOfBatch(names.base, ID)).toBeNull();
  });

  // Issue 19: pure-ftpd -x refuses a name with a leading dot (553 Prohibited file name).
  it('temporary names: per attempt, with the id, no leading dot, never a stage name', () => {
    expect(tempName(ID, 1)).toBe('sendsheet-k7m2x9q4ab-1.part');
    expect(tempName(ID, 2)).not.toBe(tempName(ID, 1));
    for (const attempt of [1, 2, 99]) {
      const name = tempName(ID, attempt);
      expect(name).toMatch(/^[a-z0-9][a-z0-9.-]*$/);
      expect(name.endsWith('.ready')).toBe(false);
      expect(parseStageName(name)).toBeNull();
    }
  });
});

describe('SPEC 1: what a listing says about a batch', () => {
  const names = batchNames('list.csv.ready', ID);
  const file = (name: string, size = 10) => ({ name, size });

  it('nothing of the batch: no stage, no temporary file; other batches are not mistaken for it', () => {
    const found = findBatch(
      [
        file('list.csv.ready'),
        file('list-k7m2x9q4ab0.csv.ready'),
        file('xlist-k7m2x9q4ab.csv.20261124T140000.success'),
        file('.sendsheet-other00000-1.part'),
        file('sendsheet-other00000-1.part'),
        file('.sendsheet-k7m2x9q4ab-x.part'),
        file('sendsheet-k7m2x9q4ab-0.part'),
        file('xsendsheet-k7m2x9q4ab-1.part'),
        file('sendsheet-k7m2x9q4ab-1.part.ready'),
      ],
      names,
    );
    expect(found).toEqual({ stage: null, temps: [] });
  });

  it("a temporary file named as before issue 19 (hidden) is still the batch's", () => {
    const found = findBatch([file('.sendsheet-k7m2x9q4ab-3.part', 7)], names);
    expect(found.temps).toEqual([{ name: '.sendsheet-k7m2x9q4ab-3.part', attempt: 3, size: 7 }]);
  });

  it('temporary files by attempt, with their sizes', () => {
    const found = findBatch([file(tempName(ID, 2), 5), file(tempName(ID, 1), 9)], names);
    expect(found.temps).toEqual([
      { name: tempName(ID, 1), attempt: 1, size: 9 },
      { name: tempName(ID, 2), attempt: 2, size: 5 },
    ]);
  });

  it.each([
    [['list-k7m2x9q4ab.csv.ready'], 'ready', null],
    [['list-k7m2x9q4ab.csv.20261124T140000.processing'], 'processing', '20261124T140000'],
    // The server writes the .rejected file before it removes the .processing one.
    [
      [
        'list-k7m2x9q4ab.csv.20261124T140000.processing',
        'list-k7m2x9q4ab.csv.20261124T140000.rejected',
      ],
      'rejected',
      '20261124T140000',
    ],
    [
      ['list-k7m2x9q4ab.csv.20261124T140000.success', 'list-k7m2x9q4ab.csv.ready'],
      'success',
      '20261124T140000',
    ],
    [
      [
        'list-k7m2x9q4ab.csv.20261124T140000.success',
        'list-k7m2x9q4ab.csv.20261124T150000.success',
      ],
      'success',
      '20261124T150000',
    ],
    // Issue 15: stray files an earlier server left beside the batch's own.
    [
      [
        'list-k7m2x9q4ab.csv.20261124T140000.success',
        'list-k7m2x9q4ab.csv.20261124T140001.rejected',
      ],
      'success',
      '20261124T140000',
    ],
    [
      [
        'list-k7m2x9q4ab.csv.20261124T140000.processing',
        'list-k7m2x9q4ab.csv.20261124T140001.rejected',
      ],
      'processing',
      '20261124T140000',
    ],
    [['list-k7m2x9q4ab.csv.ready', 'list-k7m2x9q4ab.csv.20261124T140001.rejected'], 'ready', null],
  ])('%j: the furthest stage, %s', (listed, stage, stamp) => {
    const found = findBatch(
      listed.map((name) => file(name)),
      names,
    );
    expect(found.stage).toMatchObject({ stage, stamp });
  });
});
