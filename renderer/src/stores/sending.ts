/**
 * Exporting and sending: the files written for these messages, the send prepared for the
 * confirmation (the Node side keeps it by id, so the messages cross once), the batches sent and
 * their live state from the service's events, and for each batch which preview rows its file
 * holds, so a rejection's rows lead back to the preview.
 */
import { create } from 'zustand';
import type { Batch, PreparedSend, ProfileSummary, SavedFile } from '../../../core/contract/api';
import { said } from '../../../core/contract/said';
import type { Said } from '../../../core/contract/said';
import type { Problem } from '../../../core/problems';
import type { ExportOptions, OutgoingMessage, WrittenFile } from '../../../core/writer';
import { DEFAULT_ROWS_PER_FILE } from '../../../core/writer';
import { exportSteps } from '../../../core/writer';
import type { Told } from '../i18n/said-text';
import { rowsOfFiles } from '../logic/batches';
import { exportStepCount, nextFrame, runSteps } from '../logic/progress';
import type { WorkProgress } from '../logic/progress';
import { failureTold, service } from './service';

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
  /** The error as data, said in the UI's language (i18n/said-text.ts). */
  errorSaid: Said | null;
  busy: boolean;
  /**
   * Where the export or the send's preparation is while busy; the upload's and the provider's
   * progress come from the batches (sendProgress of lastCampaign).
   */
  progress: WorkProgress | null;
  /** The send made last from this page: its batches' progress is shown. */
  lastCampaign: string | null;
  /** The send the confirmation shows, written and checked by the Node side; null when none. */
  prepared: PreparedSend | null;
  /** The preview rows of the prepared send's messages, in order. */
  preparedRows: number[] | null;
  batches: Record<string, Batch>;
  order: string[];
  sent: Record<string, SentFile>;
  /** The first batch of the last Send: the timeline gives it the focus (issue 14). */
  justSent: string | null;
  loadProfiles(): Promise<void>;
  /**
   * Says what is starting (busy, with its progress) and waits for a frame that shows it: the
   * messages are then made in the page, which takes seconds for a whole sheet.
   */
  announce(progress: WorkProgress): Promise<void>;
  /**
   * Into the folder chosen in the desktop window's save dialog; without one (a browser), the
   * files are written here, for the page to download.
   */
  exportFiles(messages: OutgoingMessage[], options: ExportOptions, folder?: string): Promise<void>;
  /** Hands the messages over to be written, checked and compared with earlier sends. */
  prepare(
    messages: OutgoingMessage[],
    rowOf: number[],
    options: ExportOptions,
    profile: string,
    test?: boolean,
    /** The spreadsheet the messages came from, which History names the batches by. */
    spreadsheet?: string,
  ): Promise<PreparedSend | null>;
  /**
   * Says that `count` messages would not fit in the page's memory to be exported or made ready
   * to send (judged before they are made: SendPanel), and nothing was done.
   */
  refuseForMemory(action: 'export' | 'send', count: number): void;
  /** Sends the prepared send; `again` confirms that some of it was sent before. */
  sendPrepared(again: boolean): Promise<boolean>;
  dismissPrepared(): void;
  cancelBatch(id: string): Promise<Told | null>;
  retryBatch(id: string): Promise<Told | null>;
  listen(): () => void;
  clearResult(): void;
}

/** Whether a batch this page sent is still uploading: Send waits for it. */
export function selectUploading(state: SendingStore): boolean {
  for (const id in state.sent) if (state.batches[id]?.state === 'uploading') return true;
  return false;
}

/** A failed outcome's words and data, for the store. */
function toldOf(outcome: Told): Pick<SendingStore, 'error' | 'errorSaid'> {
  return { error: outcome.error, errorSaid: outcome.said ?? null };
}

export const useSending = create<SendingStore>()((set, get) => ({
  profiles: [],
  written: null,
  saved: null,
  problems: [],
  error: null,
  errorSaid: null,
  busy: false,
  progress: null,
  lastCampaign: null,
  prepared: null,
  preparedRows: null,
  batches: {},
  order: [],
  sent: {},
  justSent: null,
  async loadProfiles() {
    try {
      set({ profiles: await service().profiles({}) });
    } catch (error) {
      set(toldOf(failureTold(error)));
    }
  },
  async announce(progress) {
    set({ busy: true, progress });
    await nextFrame();
  },
  async exportFiles(messages, options, folder) {
    set({ busy: true, error: null, errorSaid: null, problems: [], saved: null, written: null });
    const total = exportStepCount(messages.length, options.rowsPerFile ?? DEFAULT_ROWS_PER_FILE);
    set({ progress: { stage: 'writing', done: 0, total } });
    try {
      if (folder !== undefined) {
        // The desktop window: the Node side writes into the folder the person chose.
        const outcome = await service().exportMessages({ files: options, messages, folder });
        if (!outcome.ok) {
          set({ problems: outcome.problems, ...toldOf(outcome) });
          return;
        }
        set({ saved: outcome.files });
        return;
      }
      // A browser: the files are written here and downloaded; nothing goes to the Node side.
      // In slices with a frame between them, so the progress moves and the page answers.
      const written = await runSteps(exportSteps(messages, options), (done) =>
        set({ progress: { stage: 'writing', done, total } }),
      );
      if (!written.ok) {
        set({
          problems: written.problems,
          error: 'Nothing was exported: fix the problems shown first.',
          errorSaid: said('export.messages-have-problems', { count: written.problems.length }),
        });
        return;
      }
      set({ written: written.files });
    } catch (error) {
      set(toldOf(failureTold(error)));
    } finally {
      set({ busy: false, progress: null });
    }
  },
  async prepare(messages, rowOf, options, profile, test = false, spreadsheet) {
    set({
      busy: true,
      error: null,
      errorSaid: null,
      problems: [],
      saved: null,
      written: null,
      prepared: null,
    });
    set({ progress: { stage: 'preparing', messages: messages.length } });
    try {
      const outcome = await service().prepareSend({
        profile,
        files: options,
        messages,
        test,
        ...(spreadsheet === undefined ? {} : { spreadsheet }),
      });
      if (!outcome.ok) {
        set({ ...toldOf(outcome), problems: outcome.problems });
        return null;
      }
      set({ prepared: outcome.prepared, preparedRows: rowOf });
      return outcome.prepared;
    } catch (error) {
      set(toldOf(failureTold(error)));
      return null;
    } finally {
      set({ busy: false, progress: null });
    }
  },
  refuseForMemory(action, count) {
    const doing = action === 'export' ? 'exported' : 'sent';
    set({
      problems: [],
      saved: null,
      written: null,
      prepared: null,
      error: `Nothing was ${doing}: this computer does not give Sendsheet the memory for ${count} messages.`,
      errorSaid: said(`${action}.too-large-for-memory`, { count }),
    });
  },
  async sendPrepared(again) {
    const { prepared, preparedRows } = get();
    if (prepared === null || preparedRows === null) return false;
    set({ busy: true, error: null, errorSaid: null, problems: [] });
    try {
      const outcome = await service().sendPrepared({ prepared: prepared.id, again });
      if (!outcome.ok) {
        set({ ...toldOf(outcome), problems: outcome.problems });
        return false;
      }
      const fileRows = rowsOfFiles(outcome.batches, preparedRows);
      set((state) => {
        const batches = { ...state.batches };
        const order = [...state.order];
        const sent = { ...state.sent };
        outcome.batches.forEach((batch, index) => {
          batches[batch.id] ??= batch;
          if (!order.includes(batch.id)) order.push(batch.id);
          sent[batch.id] = { batchId: batch.id, rowOf: fileRows[index]! };
        });
        return {
          batches,
          order,
          sent,
          prepared: null,
          preparedRows: null,
          lastCampaign: outcome.campaign,
          justSent: outcome.batches[0]?.id ?? null,
        };
      });
      return true;
    } catch (error) {
      set(toldOf(failureTold(error)));
      return false;
    } finally {
      set({ busy: false });
    }
  },
  dismissPrepared: () => set({ prepared: null, preparedRows: null }),
  async cancelBatch(id) {
    try {
      const outcome = await service().cancel({ batch: id });
      return outcome.ok ? null : outcome;
    } catch (error) {
      return failureTold(error);
    }
  },
  async retryBatch(id) {
    try {
      const outcome = await service().retry({ batch: id });
      return outcome.ok ? null : outcome;
    } catch (error) {
      return failureTold(error);
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
  clearResult: () =>
    set({ written: null, saved: null, problems: [], error: null, errorSaid: null }),
}));
