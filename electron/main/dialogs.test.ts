// Issue 6, native: the open and save dialogs, and the files the system hands to the app.
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  openDialogOptions,
  saveDialogOptions,
  saveTarget,
  SPREADSHEET_EXTENSIONS,
} from './dialogs';
import { filesInArgv, isOpenable } from './open-files';

describe('issue 6: the open dialog', () => {
  it('opens one file, offering the spreadsheets first and any file after', () => {
    const options = openDialogOptions();
    expect(options.properties).toEqual(['openFile']);
    expect(options.filters).toEqual([
      { name: 'Spreadsheets', extensions: [...SPREADSHEET_EXTENSIONS] },
      { name: 'All files', extensions: ['*'] },
    ]);
    expect(SPREADSHEET_EXTENSIONS).toEqual(expect.arrayContaining(['csv', 'xlsx']));
    expect(options).not.toHaveProperty('defaultPath');
    expect(openDialogOptions('/home/anna').defaultPath).toBe('/home/anna');
  });
});

describe('issue 6: the save dialog', () => {
  it('suggests <name>.csv in the exports folder, asks before overwriting', () => {
    const options = saveDialogOptions('april', '/home/anna/exports/');
    expect(options.defaultPath).toBe('/home/anna/exports/april.csv');
    expect(options.filters).toEqual([{ name: 'CSV', extensions: ['csv'] }]);
    expect(options.properties).toContain('showOverwriteConfirmation');
    expect(saveDialogOptions('april.CSV', '/x').defaultPath).toBe('/x/april.CSV');
  });

  it.each([
    ['/home/anna/april.csv', '/home/anna', 'april'],
    ['/home/anna/april.CSV', '/home/anna', 'april'],
    ['/home/anna/april', '/home/anna', 'april'],
    ['/home/anna/april.final.csv', '/home/anna', 'april.final'],
    ['/home/anna/april.txt', '/home/anna', 'april.txt'],
    ['/home/anna/.csv', '/home/anna', '.csv'],
  ])('the answer %s exports to %s as %s', (path, folder, baseName) => {
    expect(saveTarget(path)).toEqual({ folder, baseName });
  });
});

describe('issue 6: files opened with Sendsheet from the system', () => {
  it('takes the spreadsheets of argv, made absolute, and leaves switches alone', () => {
    const argv = [
      '/opt/Sendsheet/sendsheet-app',
      '--enable-logging',
      '--user-data-dir=/tmp/x',
      'list.csv',
      '/data/Book1.XLSX',
      'notes.pdf',
      '-psn_0_12345',
    ];
    expect(filesInArgv(argv, '/home/anna')).toEqual([
      resolve('/home/anna', 'list.csv'),
      '/data/Book1.XLSX',
    ]);
  });

  it('never takes the executable itself, nor the app folder of a developer run', () => {
    expect(filesInArgv(['/usr/bin/electron.csv', '.'], '/repo')).toEqual([]);
    expect(filesInArgv([], '/repo')).toEqual([]);
  });

  it.each([
    ['a.csv', true],
    ['a.CSV', true],
    ['a.txt', true],
    ['a.xlsx', true],
    ['a.xls', true],
    ['a.ods', true],
    ['a.pdf', false],
    ['csv', false],
    [join('folder.csv', 'file'), false],
  ])('isOpenable(%s) is %s', (path, openable) => {
    expect(isOpenable(path)).toBe(openable);
  });
});
