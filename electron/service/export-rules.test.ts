// Issue 15: exports go only into the app's exports folder or a folder the person chose in the
// save dialog; the data folder is the owner's alone (0700), and so are the history and every
// exported file (0600).
import { chmod, mkdir, mkdtemp, readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { providerProfile } from '../client/profile';
import { exportsFolder, SendsheetService } from './service';
import type { ServiceOptions } from './service';

const MESSAGES = [{ msisdn: '4512345678', message: 'Hej' }];
const posix = process.platform !== 'win32';
const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

async function withService(
  options: Partial<ServiceOptions>,
  run: (service: SendsheetService, dataDir: string) => Promise<void>,
): Promise<void> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'sendsheet-rules-')));
  const service = await SendsheetService.start({
    dataDir,
    profiles: [providerProfile()],
    resume: false,
    ...options,
  });
  try {
    await run(service, dataDir);
  } finally {
    await service.close();
  }
}

describe('issue 15: where exportMessages may write', () => {
  it('into the exports folder: made owner-only, each file 0600', async () => {
    await withService({}, async (service, dataDir) => {
      const folder = exportsFolder(dataDir);
      const exported = await service.exportMessages({
        files: { baseName: 'april' },
        messages: MESSAGES,
        folder,
      });
      expect(exported).toMatchObject({
        ok: true,
        files: [{ path: join(folder, 'april.csv.cp1252.excel') }],
      });
      if (!posix) return;
      expect(await modeOf(folder)).toBe(0o700);
      expect(await modeOf(join(folder, 'april.csv.cp1252.excel'))).toBe(0o600);
    });
  });

  it('anywhere else: refused, and nothing is written or made there', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'sendsheet-outside-'));
    await withService({}, async (service, dataDir) => {
      for (const folder of [
        outside,
        join(outside, 'new'),
        dataDir,
        join(exportsFolder(dataDir), '..'),
        join(exportsFolder(dataDir), 'sub'),
      ]) {
        const answer = await service.exportMessages({
          files: { baseName: 'april' },
          messages: MESSAGES,
          folder,
        });
        expect(answer).toEqual({
          ok: false,
          error: `Sendsheet exports only into its exports folder (${exportsFolder(dataDir)}) or a folder you chose in the save dialog.`,
          said: { code: 'export.folder-not-allowed', values: { folder } },
          problems: [],
        });
      }
      expect(await readdir(outside)).toEqual([]);
      expect(await readdir(dataDir)).not.toContain('april.csv.cp1252.excel');
    });
  });

  it('a folder the save dialog gave (mayExportTo), written as it is; a name never leaves it', async () => {
    const chosen = await mkdtemp(join(tmpdir(), 'sendsheet-chosen-'));
    await mkdir(join(chosen, 'inner'));
    await chmod(chosen, 0o755);
    await withService({ mayExportTo: (folder) => folder === chosen }, async (service) => {
      const exported = await service.exportMessages({
        files: { baseName: '../../.profile' },
        messages: MESSAGES,
        folder: join(chosen, 'inner', '..'),
      });
      expect(exported).toMatchObject({
        ok: true,
        files: [{ path: join(chosen, 'profile.csv.cp1252.excel') }],
      });
      expect((await readdir(chosen)).sort()).toEqual(['inner', 'profile.csv.cp1252.excel']);
      if (posix) expect(await modeOf(join(chosen, 'profile.csv.cp1252.excel'))).toBe(0o600);
      // A folder the person chose is theirs: its mode is left as it was.
      if (posix) expect(await modeOf(chosen)).toBe(0o755);
    });
  });
});

describe.runIf(posix)('issue 15: the data folder and the history are owner-only', () => {
  it('a data folder made open by an older version is 0700 after a start; history.json 0600', async () => {
    const dataDir = join(await mkdtemp(join(tmpdir(), 'sendsheet-rules-')), 'app');
    await mkdir(dataDir, { mode: 0o755 });
    await chmod(dataDir, 0o755);
    await withService({ dataDir }, async (service) => {
      expect(await modeOf(dataDir)).toBe(0o700);
      await service.clearHistory({});
      expect(await modeOf(join(dataDir, 'history.json'))).toBe(0o600);
    });
  });
});
