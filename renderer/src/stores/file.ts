/** The spreadsheet the person opened, as read by the worker. */
import { create } from 'zustand';
import type { Encoding } from '../../../core/decode';
import type { InputDelimiter } from '../logic/delimited';
import type { Sheet } from '../logic/sheet';
import { desktop } from '../service/desktop';
import { readFileInWorker } from '../worker/read-file';
import type { FileKind } from '../worker/spreadsheet';

export type FileState =
  | { status: 'empty' }
  | { status: 'reading'; fileName: string }
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

export const useFile = create<FileStore>()((set, get) => ({
  file: { status: 'empty' },
  sheetIndex: 0,
  async open(file) {
    set({ file: { status: 'reading', fileName: file.name }, sheetIndex: 0 });
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
    set({
      sheetIndex,
      file: {
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
    });
  },
  async openPath(path) {
    const api = desktop();
    const fileName = path.split(/[\\/]/).pop() ?? path;
    if (api === null) return;
    set({ file: { status: 'reading', fileName }, sheetIndex: 0 });
    const chosen = await api.readFile(path);
    if (!chosen.ok) {
      set({ file: { status: 'failed', fileName, error: chosen.error } });
      return;
    }
    await get().open(new File([chosen.bytes as BlobPart], chosen.name));
  },
  chooseSheet: (sheetIndex) => set({ sheetIndex }),
  close: () => set({ file: { status: 'empty' }, sheetIndex: 0 }),
}));

/** The chosen sheet, or null before a file is read. */
export function selectSheet(state: FileStore): Sheet | null {
  return state.file.status === 'ready' ? (state.file.sheets[state.sheetIndex] ?? null) : null;
}
