/**
 * The service behind both transports, implemented once: prepare a send (the messages written
 * into the provider's files and checked as its server will, the earlier sends of the same
 * messages found) and send it, export messages into a folder, follow each batch to its end,
 * cancel or retry one, and the history, profiles and settings. The command line's `send` sends a
 * file from disk through the same way (sendFile).
 */
import { basename, resolve } from 'node:path';
import { FINAL_STATES, RETRY_STATES } from '../../core/contract/api';
import type {
  AppSettings,
  Batch,
  BatchListener,
  BatchRequest,
  BatchState,
  ConnectionTest,
  EmptyRequest,
  ExportOutcome,
  ExportRequest,
  Outcome,
  PrepareOutcome,
  ProfileRequest,
  ProfileSummary,
  SendOutcome,
  SendPreparedRequest,
  SendRequest,
  SendsheetApi,
  SendsheetEvents,
  SettingsUpdate,
  UpdateProfileRequest,
} from '../../core/contract/api';
import { errorText } from '../../core/contract/errors';
import { exportSteps } from '../../core/writer';
import { inTurns, nextTurn } from '../base/next-turn';
import { readRegularFileBounded } from '../base/regular-file';
import { MAX_CHOSEN_FILE_BYTES } from '../../core/contract/desktop';
import { namesOfBatch, serverNameOf } from '../client/batch-names';
import { summarizeProfile } from '../client/profile';
import { SettingsStore } from './app-settings';
import { batchFilesOf } from './batch-files';
import { cancelOutcome } from './cancel-answer';
import type { BatchFiles } from './batch-files';
import { testConnection } from './connection-test';
import { Courier } from './courier';
import { fileSendOutcome } from './file-send';
import type { FileSendOutcome, FileSendRequest } from './file-send';
import { History, historyFile } from './history';
import { Launcher } from './launcher';
import type { Launched } from './launcher';
import { LiveBatches } from './live-batches';
import { PreparedSends } from './prepared-sends';
import {
  batchProfileUnknown,
  cannotRetry,
  cannotRetryNow,
  cannotWrite,
  confirmationTooOld,
  exportFolderNotAllowed,
  exportHasProblems,
  fileTooLarge,
  noBatch,
  noProfile,
  nothingSent,
  notOurUploadName,
  retriedElsewhere,
  sentBefore,
  settingsNotSaved,
  wouldReject,
} from './refusals';
import { said } from '../../core/contract/said';
import type { Prepared, PreparedData } from './prepared-sends';
import { Profiles } from './profiles';
import { saveFiles } from './saved-files';
import { DEFAULT_TIMINGS } from './timings';
import type { Timings } from './timings';
import { exportsFolder } from './service-options';
import type { ServiceOptions } from './service-options';

export type { Timings };

export { exportsFolder };
export type { ServiceOptions };

export class SendsheetService implements SendsheetApi, SendsheetEvents {
  private readonly courier: Courier;
  private readonly launcher: Launcher;
  private readonly prepared = new PreparedSends();
  private readonly pause: () => Promise<void>;

  private constructor(
    private readonly options: ServiceOptions,
    private readonly store: History,
    private readonly live: LiveBatches,
    private readonly profileBook: Profiles,
    private readonly files: BatchFiles,
    private readonly appSettings: SettingsStore,
    private readonly timings: Timings,
    /** Set when the history could not be read at start. */
    readonly warning: string | null,
  ) {
    this.courier = new Courier(live, timings, files);
    this.launcher = new Launcher(store, live, this.courier, files);
    this.pause = options.pause ?? nextTurn;
  }

  static async start(options: ServiceOptions): Promise<SendsheetService> {
    const profiles = new Profiles(options.profiles, options.passwordKept);
    const { history, warning } = await History.load(historyFile(options.dataDir));
    const timings = { ...DEFAULT_TIMINGS, ...options.timings };
    const service = new SendsheetService(
      options,
      history,
      new LiveBatches(history),
      profiles,
      batchFilesOf(options.dataDir),
      new SettingsStore(options.dataDir, options.profiles[0]!.id),
      timings,
      warning,
    );
    if (options.resume ?? true) await service.takeUpUnfinished();
    return service;
  }

  /**
   * No batch stays `uploading` for good: each one whose process is gone is reconciled with the
   * servers (sent, not sent, or not known and why); those on the servers are followed again.
   */
  private async takeUpUnfinished(): Promise<void> {
    for (const batch of this.store.list().reverse()) {
      if (batch.state === 'ready' || batch.state === 'processing') {
        // Following is harmless twice over, but the one that follows is the one that carries.
        await this.launcher.claimToFollow(batch.id);
        await this.follow({ batch: batch.id });
      } else if (batch.state === 'uploading') {
        const taken = await this.launcher.takeUp(
          batch.id,
          (id) => this.profileBook.get(id),
          'check',
        );
        const why =
          taken === 'unknown-profile'
            ? `It was being sent with servers this app does not know ("${batch.profile}", given on the command line), so it cannot ask them what became of it.`
            : taken === null
              ? `Its name, ${batch.uploadName}, is not one this app makes, so it cannot be looked for on the servers.`
              : null;
        if (why !== null) {
          this.live.adopt(batch);
          await this.live.change(batch.id, { state: 'unknown', error: why, progress: null });
        }
      }
    }
    void this.files.sweep((id) => this.store.get(id) !== undefined).catch(() => {});
  }

  subscribe(listener: BatchListener): () => void {
    return this.live.subscribe(listener);
  }

  /** Whether a batch of this run is uploading: closing now would interrupt it. */
  uploading(): Batch[] {
    return this.live.list().filter((batch) => this.courier.isUploading(batch.id));
  }

  /** Stops following and waits for uploads under way to end (they stop at once). */
  async close(): Promise<void> {
    await this.courier.close();
    await this.launcher.close();
    this.live.close();
    await this.store.flush();
  }

  /** A send's messages written, checked and hashed for its profile, with the person's prices. */
  private async prepare(request: SendRequest): Promise<Prepared> {
    const usable = this.profileBook.usable(request.profile);
    if (!usable.ok) return { ...usable, problems: [] };
    const settings = await this.appSettings.get();
    return this.prepared.fromMessages(
      usable.profile,
      request.messages,
      request.files,
      settings.prices,
      request.test ?? false,
      request.spreadsheet ?? null,
      this.pause,
    );
  }

  async prepareSend(request: SendRequest): Promise<PrepareOutcome> {
    const made = await this.prepare(request);
    if (!made.ok) return made;
    const data = made.data;
    const { earlier, resumes } = await this.launcher.earlier(data);
    return {
      ok: true,
      prepared: {
        id: data.id,
        profile: summarizeProfile(data.profile),
        messages: data.hashes.count,
        parts: data.files.reduce((sum, file) => sum + file.decision.parts, 0),
        files: data.files.map((file, index) => ({
          fileName: file.fileName,
          rows: file.decision.rows,
          parts: file.decision.parts,
          resumes: resumes[index] ?? null,
        })),
        overlap: earlier.overlap,
        earlier: earlier.earlier,
        fingerprint: data.hashes.fingerprint(),
        cost: data.cost,
        test: data.test,
        expires: new Date(data.expires).toISOString(),
      },
    };
  }

  async sendPrepared(request: SendPreparedRequest): Promise<SendOutcome> {
    const data = this.prepared.take(request.prepared);
    if (data === null) {
      return { ...confirmationTooOld(), problems: [] };
    }
    // "Send again" confirms the overlap the confirmation showed, no more: another send of the
    // same messages since then is shown before anything goes.
    const shown = request.again ? (await this.launcher.earlier(data)).earlier.overlap : 0;
    const launched = await this.launcher.launch(data, shown);
    if (!launched.ok) this.prepared.putBack(data);
    return this.outcome(data, launched);
  }

  async send(request: SendRequest): Promise<SendOutcome> {
    const made = await this.prepare(request);
    if (!made.ok) return made;
    this.prepared.take(made.data.id);
    const launched = await this.launcher.launch(
      made.data,
      request.again ? Number.POSITIVE_INFINITY : 0,
    );
    return this.outcome(made.data, launched);
  }

  private outcome(data: PreparedData, launched: Launched): SendOutcome {
    if (launched.ok) return { ok: true, campaign: launched.campaign, batches: launched.batches };
    if (launched.refused === null) return { ...nothingSent(launched), problems: [] };
    return {
      ...nothingSent(sentBefore(data.hashes.count, launched.refused)),
      problems: [],
      earlier: launched.refused.earlier,
    };
  }

  async sendFile(request: FileSendRequest): Promise<FileSendOutcome> {
    const usable = this.profileBook.usable(request.profile);
    if (!usable.ok) return { ...usable, verdict: null };
    const path = resolve(this.options.cwd ?? process.cwd(), request.path);
    const read = await readRegularFileBounded(path, MAX_CHOSEN_FILE_BYTES);
    if (!read.ok) return { ok: false, error: read.error, verdict: null };
    if (!read.whole) return { ...fileTooLarge(path, MAX_CHOSEN_FILE_BYTES), verdict: null };
    const bytes = read.bytes;
    const fileName = basename(path);
    const serverName = serverNameOf(fileName, request.as);
    const settings = await this.appSettings.get();
    const made = this.prepared.fromFile(
      usable.profile,
      fileName,
      serverName,
      bytes,
      settings.prices,
    );
    if (!made.ok) {
      return {
        ...wouldReject('Not sent', serverName, made.decision.problemCount),
        verdict: { ...made.decision, name: serverName },
      };
    }
    this.prepared.take(made.data.id);
    const launched = await this.launcher.launch(
      made.data,
      request.again ? Number.POSITIVE_INFINITY : 0,
    );
    return fileSendOutcome(launched, made.data.hashes.count);
  }

  async exportMessages(request: ExportRequest): Promise<ExportOutcome> {
    const folder = resolve(request.folder);
    const own = exportsFolder(this.options.dataDir);
    if (folder !== own && !(this.options.mayExportTo?.(folder) ?? false)) {
      return { ...exportFolderNotAllowed(own, request.folder), problems: [] };
    }
    const written = await inTurns(exportSteps(request.messages, request.files), this.pause);
    if (!written.ok) {
      return { ...exportHasProblems(written.problems.length), problems: written.problems };
    }
    try {
      return { ok: true, files: await saveFiles(written.files, folder, folder === own) };
    } catch (error) {
      return { ...cannotWrite(request.folder, errorText(error)), problems: [] };
    }
  }

  async batches(_request: EmptyRequest = {}): Promise<Batch[]> {
    return this.live.list();
  }

  async follow(request: BatchRequest): Promise<Outcome<{ batch: Batch }>> {
    const batch = this.live.get(request.batch);
    if (!batch) return noBatch(request.batch);
    const profile = this.profileBook.get(batch.profile);
    if (!profile) return batchProfileUnknown(batch.profile);
    const ended =
      (FINAL_STATES as readonly BatchState[]).includes(batch.state) && batch.state !== 'timed-out';
    const uploading = batch.state === 'uploading';
    if (ended || uploading) return { ok: true, batch: { ...batch } };
    const names = namesOfBatch(batch.uploadName, batch.id);
    if (names === null) return notOurUploadName(batch.uploadName);
    this.live.adopt(batch);
    this.courier.follow(profile, batch, names);
    return { ok: true, batch: { ...batch } };
  }

  async cancel(request: BatchRequest): Promise<Outcome<{ batch: Batch }>> {
    const batch = this.live.get(request.batch);
    if (!batch) return noBatch(request.batch);
    return cancelOutcome(batch, this.courier.cancel(batch.id));
  }

  async retry(request: BatchRequest): Promise<Outcome<{ batch: Batch }>> {
    await this.store.refresh();
    const batch = this.store.get(request.batch) ?? this.live.get(request.batch);
    if (!batch) return noBatch(request.batch);
    const stuck = batch.state === 'uploading' && !this.courier.isUploading(batch.id);
    if (!RETRY_STATES.includes(batch.state) && !stuck) return cannotRetryNow(batch.state);
    const taken = await this.launcher.takeUp(batch.id, (id) => this.profileBook.get(id), 'finish');
    if (taken === 'carried') return retriedElsewhere();
    if (taken === 'unknown-profile') return batchProfileUnknown(batch.profile);
    if (taken === null) return cannotRetry();
    await this.live.change(batch.id, {
      note: 'Trying again: asking the servers first.',
      noteSaid: said('note.retry-asking-first'),
    });
    return { ok: true, batch: { ...taken } };
  }

  async history(_request: EmptyRequest = {}): Promise<Batch[]> {
    // `sendsheet send` may have added batches since this process last wrote.
    await this.store.refresh();
    return this.store.list();
  }

  async clearHistory(_request: EmptyRequest = {}): Promise<{ cleared: number }> {
    const cleared = await this.store.clear();
    for (const id of cleared) await this.files.drop(id).catch(() => {});
    return { cleared: cleared.length };
  }

  async profiles(_request: EmptyRequest = {}): Promise<ProfileSummary[]> {
    return this.profileBook.summaries();
  }

  async updateProfile(
    request: UpdateProfileRequest,
  ): Promise<Outcome<{ profile: ProfileSummary }>> {
    return this.profileBook.update(request);
  }

  async testConnection(request: ProfileRequest): Promise<ConnectionTest> {
    const profile = this.profileBook.get(request.profile);
    if (!profile) {
      const { error, said } = noProfile(request.profile);
      return {
        profile: request.profile,
        ok: false,
        servers: [],
        summary: error,
        summarySaid: said,
      };
    }
    return testConnection(profile, this.timings);
  }

  async settings(_request: EmptyRequest = {}): Promise<AppSettings> {
    return this.appSettings.get();
  }

  async updateSettings(request: SettingsUpdate): Promise<Outcome<{ settings: AppSettings }>> {
    if (request.profile !== undefined && this.profileBook.get(request.profile) === undefined)
      return noProfile(request.profile);
    try {
      return { ok: true, settings: await this.appSettings.update(request) };
    } catch (error) {
      return settingsNotSaved(errorText(error));
    }
  }
}
