/**
 * Exporting and sending: the files written for this batch, the batches sent and their live
 * state from the service's events, and for each batch which preview rows its file holds, so a
 * rejection's rows lead back to the preview.
 */
import { create } from 'zustand';
import type {
  Batch,
  ExportedFile,
  ProfileSummary,
  SendOutcome,
} from '../../../electron/service/api';
import type { Problem } from '../../../core/problems';
import type { ExportFile, ExportOptions, OutgoingMessage } from '../../../core/writer';
import { writeExport } from '../../../core/writer';
import { rowsOfFiles } from '../logic/batches';
import { errorWords, service } from './service';

export interface SentFile {
  batchId: string;
  /** Preview row index for each message of the file, in order. */
  rowOf: number[];
}

export interface SendingStore {
  profiles: ProfileSummary[];
  /** What core wrote for this batch, kept to save or send. */
  written: ExportFile[] | null;
  saved: ExportedFile[] | null;
  problems: Problem[];
  error: string | null;
  busy: boolean;
  batches: Record<string, Batch>;
  order: string[];
  sent: Record<string, SentFile>;
  loadProfiles(): Promise<void>;
  /** Writes the files with core and saves them in the app's exports folder. */
  exportFiles(
    messages: OutgoingMessage[],
    options: ExportOptions,
    /** The folder chosen in the desktop window's save dialog; default the app's exports folder. */
    folder?: string,
  ): Promise<ExportedFile[] | null>;
  send(
    messages: OutgoingMessage[],
    rowOf: number[],
    options: ExportOptions,
    profile: string,
  ): Promise<void>;
  listen(): () => void;
  clearResult(): void;
}

export const useSending = create<SendingStore>()((set, get) => ({
  profiles: [],
  written: null,
  saved: null,
  problems: [],
  error: null,
  busy: false,
  batches: {},
  order: [],
  sent: {},
  async loadProfiles() {
    try {
      set({ profiles: await service().profiles({}) });
    } catch (error) {
      set({ error: errorWords(error) });
    }
  },
  async exportFiles(messages, options, folder) {
    set({ busy: true, error: null, problems: [], saved: null, written: null });
    try {
      const written = writeExport(messages, options);
      if (!written.ok) {
        set({
          problems: written.problems,
          error: 'Nothing was exported: fix the problems shown first.',
        });
        return null;
      }
      set({ written: written.files });
      const outcome = await service().exportMessages({
        messages,
        baseName: options.baseName,
        format: options.format,
        encoding: options.encoding,
        rowsPerFile: options.rowsPerFile,
        ...(folder === undefined ? {} : { folder }),
      });
      if (!outcome.ok) {
        set({ problems: outcome.problems, error: outcome.error });
        return null;
      }
      set({ saved: outcome.files });
      return outcome.files;
    } catch (error) {
      set({ error: errorWords(error) });
      return null;
    } finally {
      set({ busy: false });
    }
  },
  async send(messages, rowOf, options, profile) {
    const files = await get().exportFiles(messages, options);
    if (files === null) return;
    set({ busy: true });
    try {
      const fileRows = rowsOfFiles(files, rowOf);
      for (const [index, file] of files.entries()) {
        const outcome: SendOutcome = await service().send({
          path: file.path,
          profile,
          as: file.uploadName,
        });
        if (!outcome.ok) {
          set({ error: outcome.error, problems: outcome.verdict?.problems ?? [] });
          return;
        }
        const batch = outcome.batch;
        set((state) => ({
          batches: { ...state.batches, [batch.id]: state.batches[batch.id] ?? batch },
          order: state.order.includes(batch.id) ? state.order : [...state.order, batch.id],
          sent: { ...state.sent, [batch.id]: { batchId: batch.id, rowOf: fileRows[index]! } },
        }));
      }
    } catch (error) {
      set({ error: errorWords(error) });
    } finally {
      set({ busy: false });
    }
  },
  listen() {
    return service().subscribe((batch) => {
      set((state) => ({
        batches: { ...state.batches, [batch.id]: batch },
        order: state.order.includes(batch.id) ? state.order : [...state.order, batch.id],
      }));
    });
  },
  clearResult: () => set({ written: null, saved: null, problems: [], error: null }),
}));
