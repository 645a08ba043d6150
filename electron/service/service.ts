/**
 * The service behind both transports, implemented once: send messages (written into the
 * provider's files and checked as its server will, before any is uploaded), export them into a
 * folder, follow each batch to its end, and the history and profiles. The command line's `send`
 * sends a file from disk through the same way (sendFile).
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { inspectFile } from '../../core/check';
import type { Decision } from '../../core/check';
import { FINAL_STATES } from '../../core/contract/api';
import type {
  Batch,
  BatchListener,
  BatchRequest,
  BatchState,
  EmptyRequest,
  ExportOutcome,
  ExportRequest,
  Outcome,
  ProfileSummary,
  SendOutcome,
  SendRequest,
  SendsheetApi,
  SendsheetEvents,
  UpdateProfileRequest,
} from '../../core/contract/api';
import { errorText } from '../../core/contract/errors';
import { writeExport } from '../../core/writer';
import { nodeCheckOptions } from '../base/native-text';
import { describeReadError } from '../base/read-error';
import { plural } from '../base/words';
import { batchNames, namesOfBatch, newBatchId, serverNameOf } from '../client/batch-names';
import type { Profile } from '../client/profile';
import { Courier } from './courier';
import { History, historyFile } from './history';
import { LiveBatches } from './live-batches';
import { Profiles } from './profiles';
import { saveFiles } from './saved-files';
import { DEFAULT_TIMINGS } from './timings';
import type { Timings } from './timings';

export type { Timings };

export interface ServiceOptions {
  /** The app's data folder: the history. */
  dataDir: string;
  /** The profiles; the first is the default. */
  profiles: Profile[];
  timings?: Partial<Timings>;
  /** Follow again, at start, the batches of the history that were not finished. Default true. */
  resume?: boolean;
  /** Where sendFile reads relative paths from. Default the process's folder. */
  cwd?: string;
}

/** A file from disk, sent as the command line sends it. */
export interface FileSendRequest {
  path: string;
  profile: string;
  /** The name the server reads the file under (its modifiers); default the file's name. */
  as?: string;
}

/** What the server decided about a file that was not sent, under the name it was checked as. */
export type CheckedFile = Decision & { name: string };

export type FileSendOutcome =
  { ok: true; batch: Batch } | { ok: false; error: string; verdict: CheckedFile | null };

function problemCount(decision: Decision): string {
  return plural(decision.problemCount, 'problem');
}

export class SendsheetService implements SendsheetApi, SendsheetEvents {
  private readonly courier: Courier;

  private constructor(
    private readonly options: ServiceOptions,
    private readonly store: History,
    private readonly live: LiveBatches,
    private readonly profileBook: Profiles,
    timings: Timings,
    /** Set when the history could not be read at start. */
    readonly warning: string | null,
  ) {
    this.courier = new Courier(live, timings);
  }

  static async start(options: ServiceOptions): Promise<SendsheetService> {
    const profiles = new Profiles(options.profiles);
    const { history, warning } = await History.load(historyFile(options.dataDir));
    const timings = { ...DEFAULT_TIMINGS, ...options.timings };
    const service = new SendsheetService(
      options,
      history,
      new LiveBatches(history),
      profiles,
      timings,
      warning,
    );
    if (options.resume ?? true) {
      for (const batch of history.list().reverse()) {
        if (batch.state === 'ready' || batch.state === 'processing')
          await service.follow({ batch: batch.id });
      }
    }
    return service;
  }

  subscribe(listener: BatchListener): () => void {
    return this.live.subscribe(listener);
  }

  /** Stops following and waits for uploads under way to end (they stop at once). */
  async close(): Promise<void> {
    await this.courier.close();
    this.live.close();
    await this.store.flush();
  }

  async send(request: SendRequest): Promise<SendOutcome> {
    const usable = this.profileBook.usable(request.profile);
    if (!usable.ok) return { ...usable, problems: [] };
    const written = writeExport(request.messages, request.files);
    if (!written.ok) {
      return {
        ok: false,
        error: `Nothing was sent: the messages have ${plural(written.problems.length, 'problem')}.`,
        problems: written.problems,
      };
    }
    // Every file is checked as the server will check it before any is sent: all or nothing.
    const checked = written.files.map((file) => ({
      file,
      decision: inspectFile({ name: file.uploadName, bytes: file.bytes }, nodeCheckOptions)
        .decision,
    }));
    const refused = checked.find(({ decision }) => decision.status !== 'success');
    if (refused) {
      return {
        ok: false,
        error: `Nothing was sent: the provider would reject ${refused.file.uploadName} (${problemCount(refused.decision)}).`,
        problems: refused.decision.problems,
      };
    }
    const batches: Batch[] = [];
    for (const { file, decision } of checked) {
      batches.push(
        await this.dispatch(usable.profile, file.fileName, file.uploadName, file.bytes, decision, {
          spreadsheet: request.spreadsheet ?? null,
        }),
      );
    }
    return { ok: true, batches };
  }

  async sendFile(request: FileSendRequest): Promise<FileSendOutcome> {
    const usable = this.profileBook.usable(request.profile);
    if (!usable.ok) return { ...usable, verdict: null };
    const path = resolve(this.options.cwd ?? process.cwd(), request.path);
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path);
    } catch (error) {
      return {
        ok: false,
        error: `Cannot read ${path}: ${describeReadError(error)}.`,
        verdict: null,
      };
    }
    const fileName = basename(path);
    const serverName = serverNameOf(fileName, request.as);
    const decision = inspectFile({ name: serverName, bytes }, nodeCheckOptions).decision;
    if (decision.status !== 'success') {
      return {
        ok: false,
        error: `Not sent: the provider would reject ${serverName} (${problemCount(decision)}).`,
        verdict: { ...decision, name: serverName },
      };
    }
    return {
      ok: true,
      batch: await this.dispatch(usable.profile, fileName, serverName, bytes, decision),
    };
  }

  /** Makes the batch of one checked file and sets it on its way. */
  private async dispatch(
    profile: Profile,
    fileName: string,
    serverName: string,
    bytes: Uint8Array,
    decision: Decision,
    from: { spreadsheet: string | null } = { spreadsheet: null },
  ): Promise<Batch> {
    const names = batchNames(serverName, newBatchId(randomBytes));
    const batch = await this.live.begin({
      id: names.id,
      fileName,
      spreadsheet: from.spreadsheet,
      uploadName: names.readyName,
      profile: profile.id,
      server: null,
      note: null,
      rows: decision.rows,
      parts: decision.parts,
      bytes: bytes.length,
      state: 'uploading',
      stamp: null,
      progress: { bytes: 0, total: bytes.length, percent: 0 },
      times: { uploading: new Date().toISOString() },
      cause: null,
      error: null,
    });
    this.courier.carry(profile, names, bytes);
    return batch;
  }

  async exportMessages(request: ExportRequest): Promise<ExportOutcome> {
    const written = writeExport(request.messages, request.files);
    if (!written.ok) {
      return {
        ok: false,
        error: `Nothing was exported: the messages have ${plural(written.problems.length, 'problem')}.`,
        problems: written.problems,
      };
    }
    try {
      return { ok: true, files: await saveFiles(written.files, request.folder) };
    } catch (error) {
      return {
        ok: false,
        error: `Cannot write to ${request.folder}: ${errorText(error)}`,
        problems: [],
      };
    }
  }

  async batches(_request: EmptyRequest = {}): Promise<Batch[]> {
    return this.live.list();
  }

  async follow(request: BatchRequest): Promise<Outcome<{ batch: Batch }>> {
    const batch = this.live.get(request.batch);
    if (!batch) return { ok: false, error: `There is no batch "${request.batch}" in the history.` };
    const profile = this.profileBook.get(batch.profile);
    if (!profile)
      return { ok: false, error: `The batch's profile "${batch.profile}" is not known.` };
    const ended =
      (FINAL_STATES as readonly BatchState[]).includes(batch.state) && batch.state !== 'timed-out';
    const uploadingNow = batch.state === 'uploading' && this.live.isLive(batch.id);
    if (ended || uploadingNow) return { ok: true, batch: { ...batch } };
    const names = namesOfBatch(batch.uploadName, batch.id);
    if (names === null) {
      return {
        ok: false,
        error: `The batch's upload name ${batch.uploadName} is not one this app made.`,
      };
    }
    this.live.adopt(batch);
    this.courier.follow(profile, batch, names);
    return { ok: true, batch: { ...batch } };
  }

  async history(_request: EmptyRequest = {}): Promise<Batch[]> {
    // `sendsheet send` may have added batches since this process last wrote.
    await this.store.refresh();
    return this.store.list();
  }

  async clearHistory(_request: EmptyRequest = {}): Promise<{ cleared: number }> {
    return { cleared: await this.store.clear() };
  }

  async profiles(_request: EmptyRequest = {}): Promise<ProfileSummary[]> {
    return this.profileBook.summaries();
  }

  async updateProfile(
    request: UpdateProfileRequest,
  ): Promise<Outcome<{ profile: ProfileSummary }>> {
    return this.profileBook.update(request);
  }
}
