/**
 * The spreadsheet the person opened, as read by the worker. Opening one starts a campaign: the
 * settings from the person's defaults, the columns guessed for the sheet shown.
 */
import { create } from 'zustand';
import type { Encoding } from '../../../core/decode';
import type { InputDelimiter } from '../logic/delimited';
import { nextFrame } from '../logic/progress';
import type { Sheet } from '../logic/sheet';
import { desktop } from '../service/desktop';
import { readFileInWorker } from '../worker/read-file';
import type { FileKind } from '../worker/spreadsheet';
import { useCampaign } from './campaign';
import { useLeaveOut } from './leave-out';
import { useMapping } from './mapping';
import { useSending } from './sending';
import { useSettings } from './settings';

export type FileState =
  | { status: 'empty' }
  | {
      status: 'reading';
      fileName: string;
      /** The file is read: the preview of this many rows is being built. */
      building?: number;
    }
  | { status: 'failed'; fileName: string; error: string }
  | {
      status: 'ready';
      fileName: string;
      bytes: number;
      kind: FileKind;
      sheets: Sheet[];
      encoding: Encoding | null;
      delimiter: InputDelimiter | null;
      notes: string[];
      /** How long reading took, in milliseconds. */
      readMs: number;
    };

export interface FileStore {
  file: FileState;
  sheetIndex: number;
  open(file: File): Promise<void>;
  /** Opens a file the desktop window's dialog chose (or the system opened with Sendsheet). */
  openPath(path: string): Promise<void>;
  chooseSheet(index: number): void;
  close(): void;
}

/** The sheet shown of `file`, or null before a file is read. */
function sheetOf(file: FileState, sheetIndex: number): Sheet | null {
  return file.status === 'ready' ? (file.sheets[sheetIndex] ?? null) : null;
}

export const useFile = create<FileStore>()((set, get) => {
  /** The mapping is for the sheet shown: guessed before it is shown, so no view sees a mismatch. */
  function show(file: FileState, sheetIndex: number): void {
    const sheet = sheetOf(file, sheetIndex);
    useMapping.getState().guessFor(sheet);
    // Rows left out are rows of one sheet: another starts with every row in.
    useLeaveOut.getState().reset(sheet);
    set({ file, sheetIndex });
  }

  return {
    file: { status: 'empty' },
    sheetIndex: 0,
    async open(file) {
      show({ status: 'reading', fileName: file.name }, 0);
      const started = performance.now();
      const read = await readFileInWorker(file);
      if (!read.ok) {
        set({ file: { status: 'failed', fileName: file.name, error: read.error } });
        return;
      }
      // The sheet with the most rows is most likely the list; the person can choose another.
      let sheetIndex = 0;
      read.sheets.forEach((sheet, index) => {
        if (sheet.rowCount > read.sheets[sheetIndex]!.rowCount) sheetIndex = index;
      });
      // A new file starts from the person's defaults.
      // The file is read; building its preview takes a while for a large sheet, and the page
      // cannot draw meanwhile: the progress says so first, in a frame of its own.
      set({
        file: {
          status: 'reading',
          fileName: file.name,
          building: read.sheets[sheetIndex]!.rowCount,
        },
      });
      await nextFrame();
      const defaults = useSettings.getState();
      useCampaign
        .getState()
        .reset({ defaultCountry: defaults.defaultCountry, sender: defaults.defaultSender });
      show(
        {
          status: 'ready',
          fileName: file.name,
          bytes: file.size,
          kind: read.kind,
          sheets: read.sheets,
          encoding: read.encoding,
          delimiter: read.delimiter,
          notes: read.notes,
          readMs: performance.now() - started,
        },
        sheetIndex,
      );
      // The profiles to send with, as they are now.
      void useSending.getState().loadProfiles();
    },
    async openPath(path) {
      const api = desktop();
      const fileName = path.split(/[\\/]/).pop() ?? path;
      if (api === null) return;
      show({ status: 'reading', fileName }, 0);
      const chosen = await api.readFile(path);
      if (!chosen.ok) {
        set({ file: { status: 'failed', fileName, error: chosen.error } });
        return;
      }
      await get().open(new File([chosen.bytes as BlobPart], chosen.name));
    },
    chooseSheet: (sheetIndex) => show(get().file, sheetIndex),
    close: () => show({ status: 'empty' }, 0),
  };
});

/** The chosen sheet, or null before a file is read. */
export function selectSheet(state: FileStore): Sheet | null {
  return sheetOf(state.file, state.sheetIndex);
}
