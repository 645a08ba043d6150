/**
 * The service behind both transports, implemented once: open and check a file with core, export
 * messages, send a file (checked first: a file core rejects is never uploaded) and follow it to
 * the end, the history, the profiles. Every change of a batch goes to the listeners and, when
 * its state changes, to the history on disk.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { inspectFile } from '../../core/check';
import type { Decision } from '../../core/check';
import { writeExport } from '../../core/writer';
import { batchNames, namesOfBatch, newBatchId, serverNameOf } from '../client/batch-names';
import type { BatchNames } from '../client/batch-names';
import { deliver } from '../client/deliver';
import type { Delivered } from '../client/deliver';
import { DEFAULT_BACKOFF, Failover } from '../client/failover';
import type { Backoff } from '../client/failover';
import { Follower } from '../client/follower';
import type { FollowUpdate } from '../client/follower';
import type { Profile } from '../client/profile';
import { describeFailedAttempt } from '../client/words';
import { summarizeProfile } from '../client/profile';
import { nodeCheckOptions } from '../native-text';
import { replaceFile } from '../server/files';
import { FINAL_STATES } from './api';
import type {
  Batch,
  BatchListener,
  BatchRequest,
  BatchState,
  CheckOutcome,
  CheckRequest,
  EmptyRequest,
  ExportOutcome,
  ExportRequest,
  OpenedFile,
  OpenFileRequest,
  Outcome,
  ProfileSummary,
  SendOutcome,
  SendRequest,
  SendsheetApi,
  SendsheetEvents,
  UpdateProfileRequest,
  VerdictSummary,
} from './api';
import { History, historyFile } from './history';
import { describeReadError } from '../read-error';

export interface Timings {
  /** From opening a connection to being logged in. */
  connectTimeoutMs: number;
  /** How long a later step may go without an answer. */
  idleTimeoutMs: number;
  /** How long to keep trying to send while neither server answers. */
  giveUpAfterMs: number;
  /** Time between two listings when following. */
  pollIntervalMs: number;
  /** How long a batch is followed before it is `timed-out`. */
  followForMs: number;
  backoff: Backoff;
}

export const DEFAULT_TIMINGS: Timings = {
  connectTimeoutMs: 4000,
  idleTimeoutMs: 20_000,
  giveUpAfterMs: 5 * 60_000,
  pollIntervalMs: 2000,
  // SPEC 9: a failing batch is retried 5 times, 30 minutes apart; follow it through that.
  followForMs: 3 * 60 * 60_000,
  backoff: DEFAULT_BACKOFF,
};

export interface ServiceOptions {
  /** The app's data folder: the history, and exports by default. */
  dataDir: string;
  /** The profiles; the first is the default. */
  profiles: Profile[];
  timings?: Partial<Timings>;
  /** Follow again, at start, the batches of the history that were not finished. Default true. */
  resume?: boolean;
  /** Where relative paths are read from. Default the process's folder. */
  cwd?: string;
}

const DEFAULT_PREVIEW_ROWS = 100;

function summarize(name: string, verdict: Decision): VerdictSummary {
  const { status, encoding, encodingSource, format, rows, skipped, parts } = verdict;
  const { problems, problemCount, problemCounts } = verdict;
  return {
    name,
    status,
    encoding,
    encodingSource,
    format,
    rows,
    skipped,
    parts,
    problems,
    problemCount,
    problemCounts,
  };
}

function problemCount(verdict: Decision): string {
  const count = verdict.problemCount;
  return `${count.toLocaleString('en-US')} problem${count === 1 ? '' : 's'}`;
}

async function readLocal(
  path: string,
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; error: string }> {
  try {
    return { ok: true, bytes: await readFile(path) };
  } catch (error) {
    const why = describeReadError(error);
    return { ok: false, error: `Cannot read ${path}: ${why}.` };
  }
}

export class SendsheetService implements SendsheetApi, SendsheetEvents {
  private readonly listeners = new Set<BatchListener>();
  private readonly current = new Map<string, Batch>();
  private readonly followers = new Map<string, Follower>();
  private readonly deliveries = new Set<Promise<void>>();
  private readonly profileMap: Map<string, Profile>;
  private readonly timings: Timings;
  private readonly stopping = new AbortController();

  private constructor(
    private readonly options: ServiceOptions,
    private readonly store: History,
    /** Set when the history could not be read at start. */
    readonly warning: string | null,
  ) {
    this.profileMap = new Map(options.profiles.map((profile) => [profile.id, profile]));
    this.timings = { ...DEFAULT_TIMINGS, ...options.timings };
  }

  static async start(options: ServiceOptions): Promise<SendsheetService> {
    if (options.profiles.length === 0) throw new Error('The service needs at least one profile.');
    const { history, warning } = await History.load(historyFile(options.dataDir));
    const service = new SendsheetService(options, history, warning);
    if (options.resume ?? true) {
      for (const batch of history.list().reverse()) {
        if (batch.state === 'ready' || batch.state === 'processing')
          await service.follow({ batch: batch.id });
      }
    }
    return service;
  }

  subscribe(listener: BatchListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops following and waits for uploads under way to end (they stop at once). */
  async close(): Promise<void> {
    this.stopping.abort();
    await Promise.all([...this.deliveries]);
    await Promise.all([...this.followers.values()].map((follower) => follower.close()));
    this.followers.clear();
    this.listeners.clear();
    await this.store.flush();
  }

  private path(path: string): string {
    return resolve(this.options.cwd ?? process.cwd(), path);
  }

  async openFile(request: OpenFileRequest): Promise<Outcome<{ file: OpenedFile }>> {
    const path = this.path(request.path);
    const read = await readLocal(path);
    if (!read.ok) return read;
    const fileName = basename(path);
    const name = serverNameOf(fileName);
    const inspection = inspectFile({ name, bytes: read.bytes }, nodeCheckOptions);
    const verdict = inspection.decision;
    const preview = inspection.messages(request.previewRows ?? DEFAULT_PREVIEW_ROWS);
    return {
      ok: true,
      file: {
        path,
        fileName,
        bytes: read.bytes.length,
        verdict: summarize(name, verdict),
        preview,
      },
    };
  }

  async check(request: CheckRequest): Promise<CheckOutcome> {
    const path = this.path(request.path);
    const read = await readLocal(path);
    if (!read.ok) return read;
    const name = serverNameOf(basename(path), request.as);
    const { decision } = inspectFile({ name, bytes: read.bytes }, nodeCheckOptions);
    return { ok: true, verdict: summarize(name, decision) };
  }

  async exportMessages(request: ExportRequest): Promise<ExportOutcome> {
    const result = writeExport(request.messages, {
      baseName: request.baseName,
      format: request.format,
      encoding: request.encoding,
      rowsPerFile: request.rowsPerFile,
    });
    if (!result.ok) {
      const count = result.problems.length;
      return {
        ok: false,
        error: `Nothing was exported: the messages have ${count.toLocaleString('en-US')} problem${count === 1 ? '' : 's'}.`,
        problems: result.problems,
      };
    }
    const folder = this.path(request.folder ?? join(this.options.dataDir, 'exports'));
    try {
      await mkdir(folder, { recursive: true });
      const files = [];
      for (const file of result.files) {
        const path = join(folder, file.fileName);
        await replaceFile(path, file.bytes, folder);
        files.push({
          path,
          fileName: file.fileName,
          uploadName: file.uploadName,
          rows: file.rows,
          bytes: file.bytes.length,
          encoding: file.encoding,
          format: file.format,
        });
      }
      return { ok: true, files };
    } catch (error) {
      return {
        ok: false,
        error: `Cannot write to ${folder}: ${(error as Error).message}`,
        problems: [],
      };
    }
  }

  async send(request: SendRequest): Promise<SendOutcome> {
    const profile = this.profileMap.get(request.profile);
    if (!profile)
      return { ok: false, error: `There is no profile "${request.profile}".`, verdict: null };
    if (profile.password === null) {
      return {
        ok: false,
        error: `The profile "${profile.name}" has no password yet.`,
        verdict: null,
      };
    }
    const path = this.path(request.path);
    const read = await readLocal(path);
    if (!read.ok) return { ...read, verdict: null };
    const fileName = basename(path);
    const serverName = serverNameOf(fileName, request.as);
    const verdict = inspectFile({ name: serverName, bytes: read.bytes }, nodeCheckOptions).decision;
    if (verdict.status !== 'success') {
      return {
        ok: false,
        error: `Not sent: the provider would reject ${serverName} (${problemCount(verdict)}).`,
        verdict: summarize(serverName, verdict),
      };
    }
    const names = batchNames(serverName, newBatchId(randomBytes));
    const batch: Batch = {
      id: names.id,
      fileName,
      uploadName: names.readyName,
      profile: profile.id,
      server: null,
      note: null,
      rows: verdict.rows,
      parts: verdict.parts,
      bytes: read.bytes.length,
      state: 'uploading',
      stamp: null,
      progress: { bytes: 0, total: read.bytes.length, percent: 0 },
      times: { uploading: new Date().toISOString() },
      cause: null,
      error: null,
    };
    this.current.set(batch.id, batch);
    const recorded = await this.record(batch);
    this.emit(recorded);
    const delivery = this.deliver(profile, names, read.bytes).finally(() =>
      this.deliveries.delete(delivery),
    );
    this.deliveries.add(delivery);
    return { ok: true, batch: { ...recorded } };
  }

  private async deliver(profile: Profile, names: BatchNames, bytes: Uint8Array): Promise<void> {
    const id = names.id;
    const failover = new Failover(
      profile,
      this.timings,
      this.timings.backoff,
      this.stopping.signal,
    );
    let result: Delivered;
    try {
      result = await deliver(failover, names, bytes, {
        giveUpAfterMs: this.timings.giveUpAfterMs,
        signal: this.stopping.signal,
        onEvent: (event) => {
          if (event.type === 'server') {
            void this.change(id, { server: event.server.name, note: event.note });
          } else if (event.type === 'attempt') {
            // The batch says why it waits, and when the next try is; the history keeps it.
            void this.change(id, { note: describeFailedAttempt(event.attempt) });
          } else {
            const percent = event.total === 0 ? 100 : Math.floor((event.bytes * 100) / event.total);
            void this.change(id, { progress: { bytes: event.bytes, total: event.total, percent } });
          }
        },
      });
    } catch (error) {
      // A bug, not a server's failure: the batch still ends with a state, and says why.
      result = {
        ok: false,
        unreachable: false,
        error: `Internal error: ${(error as Error).message}`,
      };
    }
    if (!result.ok) {
      await this.change(id, { state: 'failed', error: result.error, progress: null });
      return;
    }
    const stage = result.stage;
    const known = stage.stage === 'ready' || stage.stage === 'processing' ? stage.stage : null;
    await this.change(id, {
      state: 'ready',
      server: result.server.name,
      note: result.note,
      progress: { bytes: bytes.length, total: bytes.length, percent: 100 },
    });
    if (known === 'processing') await this.change(id, { state: 'processing', stamp: stage.stamp });
    this.followerFor(profile).follow({
      id,
      names,
      until: Date.now() + this.timings.followForMs,
      known: known === null ? undefined : { state: known, stamp: stage.stamp },
    });
  }

  private followerFor(profile: Profile): Follower {
    let follower = this.followers.get(profile.id);
    if (!follower) {
      const failover = new Failover(
        profile,
        this.timings,
        this.timings.backoff,
        this.stopping.signal,
      );
      follower = new Follower(
        failover,
        { intervalMs: this.timings.pollIntervalMs },
        (update) => void this.followed(update),
      );
      this.followers.set(profile.id, follower);
    }
    return follower;
  }

  private async followed(update: FollowUpdate): Promise<void> {
    if (!('server' in update)) {
      await this.change(update.id, { state: update.state, error: update.error });
      return;
    }
    await this.change(update.id, {
      state: update.state,
      stamp: update.stamp,
      server: update.server.name,
      cause: update.cause,
      error: update.error,
    });
  }

  /** Applies a change, tells the listeners, and records a new state in the history. */
  private async change(id: string, patch: Partial<Batch>): Promise<void> {
    const before = this.current.get(id) ?? this.store.get(id);
    if (!before) return;
    const batch: Batch = { ...before, ...patch };
    const stateChanged = patch.state !== undefined && patch.state !== before.state;
    if (stateChanged) batch.times = { ...before.times, [patch.state!]: new Date().toISOString() };
    this.current.set(id, batch);
    this.emit(batch);
    if (stateChanged || patch.server !== undefined || patch.note !== undefined) {
      const recorded = await this.record(batch);
      if (recorded !== batch) this.emit(recorded);
    }
  }

  /**
   * Puts the batch in the history. The send goes on whatever happens to the history: when it
   * cannot be saved, the batch says so, and that is the batch from then on.
   */
  private async record(batch: Batch): Promise<Batch> {
    try {
      await this.store.put(batch);
      return batch;
    } catch (error) {
      const why = `The history could not be saved (${(error as Error).message}): this batch may be missing from History.`;
      if (batch.note?.includes(why)) return batch;
      const noted = { ...batch, note: batch.note ? `${batch.note} ${why}` : why };
      this.current.set(batch.id, noted);
      return noted;
    }
  }

  private emit(batch: Batch): void {
    for (const listener of this.listeners) {
      try {
        listener({ ...batch });
      } catch {
        // A listener's failure is its own; the others still hear of the change.
      }
    }
  }

  async batches(_request: EmptyRequest = {}): Promise<Batch[]> {
    return [...this.current.values()].map((batch) => ({ ...batch }));
  }

  async follow(request: BatchRequest): Promise<Outcome<{ batch: Batch }>> {
    const batch = this.current.get(request.batch) ?? this.store.get(request.batch);
    if (!batch) return { ok: false, error: `There is no batch "${request.batch}" in the history.` };
    const profile = this.profileMap.get(batch.profile);
    if (!profile)
      return { ok: false, error: `The batch's profile "${batch.profile}" is not known.` };
    if (
      (FINAL_STATES as readonly BatchState[]).includes(batch.state) &&
      batch.state !== 'timed-out'
    ) {
      return { ok: true, batch: { ...batch } };
    }
    if (batch.state === 'uploading' && this.current.has(batch.id))
      return { ok: true, batch: { ...batch } };
    const names = namesOfBatch(batch.uploadName, batch.id);
    if (names === null) {
      return {
        ok: false,
        error: `The batch's upload name ${batch.uploadName} is not one this app made.`,
      };
    }
    this.current.set(batch.id, batch);
    const known = batch.state === 'ready' || batch.state === 'processing' ? batch.state : null;
    this.followerFor(profile).follow({
      id: batch.id,
      names,
      until: Date.now() + this.timings.followForMs,
      known: known === null ? undefined : { state: known, stamp: batch.stamp },
    });
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
    return [...this.profileMap.values()].map(summarizeProfile);
  }

  async updateProfile(
    request: UpdateProfileRequest,
  ): Promise<Outcome<{ profile: ProfileSummary }>> {
    const profile = this.profileMap.get(request.profile);
    if (!profile) return { ok: false, error: `There is no profile "${request.profile}".` };
    if (request.user !== undefined) profile.user = request.user;
    if (request.password !== undefined) profile.password = request.password;
    return { ok: true, profile: summarizeProfile(profile) };
  }
}
