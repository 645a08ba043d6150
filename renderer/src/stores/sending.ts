/**
 * Exporting and sending: the files written for these messages, the batches sent and their live
 * state from the service's events, and for each batch which preview rows its file holds, so a
 * rejection's rows lead back to the preview.
 */
import { create } from 'zustand';
import type { Batch, ProfileSummary, SavedFile } from '../../../core/contract/api';
import type { Problem } from '../../../core/problems';
import type { ExportOptions, OutgoingMessage, WrittenFile } from '../../../core/writer';
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
  /** The files core wrote here in a browser, for the page to download. */
  written: WrittenFile[] | null;
  saved: SavedFile[] | null;
  problems: Problem[];
  error: string | null;
  busy: boolean;
  batches: Record<string, Batch>;
  order: string[];
  sent: Record<string, SentFile>;
  /** The first batch of the last Send: the timeline gives it the focus (issue 14). */
  justSent: string | null;
  loadProfiles(): Promise<void>;
  /**
   * Into the folder chosen in the desktop window's save dialog; without one (a browser), the
   * files are written here, for the page to download.
   */
  exportFiles(messages: OutgoingMessage[], options: ExportOptions, folder?: string): Promise<void>;
  send(
    messages: OutgoingMessage[],
    rowOf: number[],
    options: ExportOptions,
    profile: string,
    /** The spreadsheet the messages came from, which History names the batches by. */
    spreadsheet?: string,
  ): Promise<void>;
  listen(): () => void;
  clearResult(): void;
}

export const useSending = create<SendingStore>()((set) => ({
  profiles: [],
  written: null,
  saved: null,
  problems: [],
  error: null,
  busy: false,
  batches: {},
  order: [],
  sent: {},
  justSent: null,
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
      if (folder !== undefined) {
        // The desktop window: the Node side writes into the folder the person chose.
        const outcome = await service().exportMessages({ files: options, messages, folder });
        if (!outcome.ok) {
          set({ problems: outcome.problems, error: outcome.error });
          return;
        }
        set({ saved: outcome.files });
        return;
      }
      // A browser: the files are written here and downloaded; nothing goes to the Node side.
      const written = writeExport(messages, options);
      if (!written.ok) {
        set({
          problems: written.problems,
          error: 'Nothing was exported: fix the problems shown first.',
        });
        return;
      }
      set({ written: written.files });
    } catch (error) {
      set({ error: errorWords(error) });
    } finally {
      set({ busy: false });
    }
  },
  async send(messages, rowOf, options, profile, spreadsheet) {
    set({ busy: true, error: null, problems: [], saved: null, written: null });
    try {
      const outcome = await service().send({
        profile,
        files: options,
        messages,
        ...(spreadsheet === undefined ? {} : { spreadsheet }),
      });
      if (!outcome.ok) {
        set({ error: outcome.error, problems: outcome.problems });
        return;
      }
      const fileRows = rowsOfFiles(outcome.batches, rowOf);
      set((state) => {
        const batches = { ...state.batches };
        const order = [...state.order];
        const sent = { ...state.sent };
        outcome.batches.forEach((batch, index) => {
          batches[batch.id] ??= batch;
          if (!order.includes(batch.id)) order.push(batch.id);
          sent[batch.id] = { batchId: batch.id, rowOf: fileRows[index]! };
        });
        return { batches, order, sent, justSent: outcome.batches[0]?.id ?? null };
      });
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
