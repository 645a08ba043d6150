/**
 * The spreadsheet the person opened, as read by the worker. Opening one starts a campaign: the
 * settings from the person's defaults, the columns guessed for the sheet shown.
 */
import { create } from 'zustand';
import type { Encoding } from '../../../core/decode';
import type { DialectProblem } from '../../../core/dialect-problems';
import type { InputDelimiter } from '../logic/delimited';
import { nextFrame } from '../logic/progress';
import type { Sheet } from '../logic/sheet';
import { desktop } from '../service/desktop';
import { readFileInWorker, readTimeLimitMs } from '../worker/read-file';
import type { ChosenFile } from '../worker/load-file';
import type { FileKind, ReadFailure, ReadProgress } from '../worker/read-outcome';
import { useCampaign } from './campaign';
import { useLeaveOut } from './leave-out';
import { useMapping } from './mapping';
import { useSending } from './sending';
import { useSettings } from './settings';

export type FileState =
  /** Nothing open; `stopped` names a file whose reading the person stopped. */
  | { status: 'empty'; stopped?: string }
  | {
      status: 'reading';
      fileName: string;
      /** When reading started (performance.now()), and when the time limit ends it. */
      startedAt: number;
      limitMs: number;
      progress: ReadProgress | null;
      /** The file is read: the preview of this many rows is being built. */
      building?: number;
    }
  | { status: 'failed'; fileName: string; failure: ReadFailure }
  | {
      status: 'ready';
      fileName: string;
      bytes: number;
      kind: FileKind;
      sheets: Sheet[];
      encoding: Encoding | null;
      delimiter: InputDelimiter | null;
      /** CSV problems found while reading (a stray quote, say), with their row. */
      notes: DialectProblem[];
      /** How long reading took, in milliseconds. */
      readMs: number;
    };

export interface FileStore {
  file: FileState;
  sheetIndex: number;
  open(file: ChosenFile): Promise<void>;
  /** Opens a file the desktop window's dialog chose (or the system opened with Sendsheet). */
  openPath(path: string): Promise<void>;
  /** Stops reading the file being read; nothing is open then. */
  stopReading(): void;
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
  /** The read under way: a new one stops it, and only its own outcome is shown. */
  let reading: AbortController | null = null;

  function startReading(fileName: string, bytes: number): AbortController {
    reading?.abort();
    const started = new AbortController();
    reading = started;
    show(
      {
        status: 'reading',
        fileName,
        startedAt: performance.now(),
        limitMs: readTimeLimitMs(bytes),
        progress: null,
      },
      0,
    );
    return started;
  }

  return {
    file: { status: 'empty' },
    sheetIndex: 0,
    async open(file) {
      const read = startReading(file.name, file.size);
      const started = performance.now();
      const outcome = await readFileInWorker(file, {
        signal: read.signal,
        onProgress: (progress) => {
          const now = get().file;
          if (reading === read && now.status === 'reading') set({ file: { ...now, progress } });
        },
      });
      if (reading !== read || outcome === null) return;
      reading = null;
      if (!outcome.ok) {
        set({ file: { status: 'failed', fileName: file.name, failure: outcome.failure } });
        return;
      }
      // The sheet with the most rows is most likely the list; the person can choose another.
      let sheetIndex = 0;
      outcome.sheets.forEach((sheet, index) => {
        if (sheet.rowCount > outcome.sheets[sheetIndex]!.rowCount) sheetIndex = index;
      });
      // The file is read; building its preview takes a while for a large sheet, and the page
      // cannot draw meanwhile: the progress says so first, in a frame of its own.
      const now = get().file;
      if (now.status === 'reading') {
        set({ file: { ...now, building: outcome.sheets[sheetIndex]!.rowCount } });
        await nextFrame();
        // Another file chosen, or the reading stopped, meanwhile: this one is not shown.
        if (reading !== null || get().file.status !== 'reading') return;
      }
      // A new file starts from the person's defaults.
      const defaults = useSettings.getState();
      useCampaign
        .getState()
        .reset({ defaultCountry: defaults.defaultCountry, sender: defaults.defaultSender });
      show(
        {
          status: 'ready',
          fileName: file.name,
          bytes: file.size,
          kind: outcome.kind,
          sheets: outcome.sheets,
          encoding: outcome.encoding,
          delimiter: outcome.delimiter,
          notes: outcome.notes,
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
      // The size is known once the file is here: open() says its limit then.
      const read = startReading(fileName, 0);
      const chosen = await api.readFile(path);
      if (reading !== read) return;
      if (!chosen.ok) {
        reading = null;
        const failure: ReadFailure = { code: 'not-opened', name: fileName, detail: chosen.error };
        set({ file: { status: 'failed', fileName, failure } });
        return;
      }
      await get().open(new File([chosen.bytes as BlobPart], chosen.name));
    },
    stopReading() {
      const file = get().file;
      if (file.status !== 'reading') return;
      reading?.abort();
      reading = null;
      show({ status: 'empty', stopped: file.fileName }, 0);
    },
    chooseSheet: (sheetIndex) => show(get().file, sheetIndex),
    close: () => show({ status: 'empty' }, 0),
  };
});

/** The chosen sheet, or null before a file is read. */
export function selectSheet(state: FileStore): Sheet | null {
  return sheetOf(state.file, state.sheetIndex);
}
