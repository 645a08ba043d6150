// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProfileSummary, Service } from '../../../core/contract/api';
import { DEFAULT_CAMPAIGN } from '../logic/campaign-settings';
import { sheetFromRows } from '../logic/sheet';
import type { ReadOutcome } from '../worker/spreadsheet';
import { useCampaign } from './campaign';
import { selectSheet, useFile } from './file';
import { useMapping } from './mapping';
import { useSending } from './sending';
import { useSettings } from './settings';

/** A workbook of two sheets: the list is the larger one, so it is shown first. */
const cover = sheetFromRows('Cover', [['Title'], ['November']]);
const list = sheetFromRows('List', [
  ['Navn', 'Telefon', 'Besked'],
  ['Ann', '20123456', 'Hej Ann'],
  ['Bo', '20123457', 'Hej Bo'],
]);
const workbook: ReadOutcome = {
  ok: true,
  kind: 'spreadsheet',
  sheets: [cover, list],
  encoding: null,
  delimiter: null,
  notes: [],
};

// The worker is the browser's; here the file is "read" at once.
vi.mock('../worker/read-file', () => ({
  readTimeLimitMs: () => 60_000,
  readFileInWorker: () => Promise.resolve(workbook),
}));

const profile: ProfileSummary = {
  id: 'emulated',
  name: 'Practice',
  user: 'demo',
  hasPassword: true,
  practice: true,
  passwordKept: 'this-run',
  servers: [],
};
const profilesAsked = vi.fn(() => Promise.resolve([profile]));
window.sendsheet = { profiles: profilesAsked } as Partial<Service> as Service;

/** An export written before the change, as the sending store keeps it. */
function exported(): void {
  useSending.setState({
    written: [
      {
        fileName: 'november.csv',
        uploadName: 'november.csv.excel.ready',
        savedName: 'november.csv.excel',
        bytes: new Uint8Array(10),
        encoding: 'windows-1252',
        format: 'excel',
        rows: 2,
        firstIndex: 0,
      },
    ],
  });
}

async function openList(): Promise<void> {
  await useFile.getState().open(new File(['(the workbook)'], 'november.xlsx'));
}

describe('a campaign starts when a file is opened (issue 17: cross-store actions in the stores)', () => {
  beforeEach(() => {
    useFile.getState().close();
    useSettings.setState({ defaultCountry: 'DK', defaultSender: '' });
    useCampaign.setState({ settings: DEFAULT_CAMPAIGN });
    useSending.getState().clearResult();
    profilesAsked.mockClear();
  });

  it("starts from the person's defaults, whatever the file before was set to", async () => {
    useCampaign.getState().update({ replaceLookalikes: true, sender: 'Before' });
    useSettings.setState({ defaultCountry: 'SE', defaultSender: 'Shop' });
    await openList();
    expect(useCampaign.getState().settings).toEqual({
      ...DEFAULT_CAMPAIGN,
      defaultCountry: 'SE',
      sender: 'Shop',
    });
  });

  it('has the columns guessed for the sheet before any view sees the sheet', async () => {
    const seen: [string | undefined, string | undefined][] = [];
    const stop = useFile.subscribe((state) =>
      seen.push([selectSheet(state)?.name, useMapping.getState().sheet?.name]),
    );
    await openList();
    stop();
    expect(seen.at(-1)).toEqual(['List', 'List']);
    for (const [shown, mapped] of seen) expect(mapped).toBe(shown);
    expect(useMapping.getState().mapping.msisdn).toBe(1);
    useFile.getState().chooseSheet(0);
    expect(useMapping.getState().sheet).toBe(cover);
  });

  it('asks for the profiles to send with', async () => {
    await openList();
    expect(profilesAsked).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(useSending.getState().profiles).toEqual([profile]));
  });

  it('a new default country or sender applies to the file open now', async () => {
    await openList();
    useSettings.getState().setDefaultCountry('NO');
    useSettings.getState().setDefaultSender('Butik');
    expect(useCampaign.getState().settings.defaultCountry).toBe('NO');
    expect(useCampaign.getState().settings.sender).toBe('Butik');
  });

  it('a change to the messages leaves a file exported before them behind', async () => {
    await openList();
    const changes: (() => void)[] = [
      () => useCampaign.getState().update({ rowsPerFile: 1 }),
      () => useMapping.getState().setColumn('sender', 0),
      () => useMapping.getState().setMessage({ kind: 'template', text: 'Hej {Navn}' }),
      () => useSettings.getState().setDefaultCountry('DE'),
      () => useFile.getState().chooseSheet(0),
    ];
    for (const change of changes) {
      exported();
      change();
      expect(useSending.getState().written).toBeNull();
    }
    exported();
    await openList();
    expect(useSending.getState().written).toBeNull();
  });
});
