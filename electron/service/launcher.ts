/**
 * Sets prepared sends on their way, and takes up batches that were left unfinished, never
 * sending a message twice by accident:
 *
 * - every new batch's hashes and file are on disk before the history names it (batch-files.ts),
 *   so whatever stops this process, the next run can tell and finish what it left;
 * - whether the messages were sent before is decided under the history's lock, on what the
 *   history holds then, and the new batches are recorded in that same moment: two processes
 *   sending the same list at once send it once;
 * - a batch of exactly the same messages left unfinished (its process gone, or its outcome not
 *   known) is taken up, not sent anew: the servers are asked what became of it first;
 * - each batch is carried by one process (carriers.ts): a batch another live process uploads is
 *   never touched.
 */
import { randomBytes } from 'node:crypto';
import type { Batch } from '../../core/contract/api';
import { errorText } from '../../core/contract/errors';
import type { Said } from '../../core/contract/said';
import { historyUnsaved } from './refusals';
import { batchNames, namesOfBatch, newBatchId } from '../client/batch-names';
import type { BatchNames } from '../client/batch-names';
import type { Profile } from '../client/profile';
import type { BatchFiles } from './batch-files';
import { isAlive, sameCarrier, thisProcess } from './carriers';
import type { Carrier } from './carriers';
import type { Courier } from './courier';
import { findEarlier, findResumable } from './earlier-sends';
import type { Carriage, Earlier } from './earlier-sends';
import type { History, HistoryTransaction } from './history';
import type { LiveBatches } from './live-batches';
import type { PreparedData, PreparedFileData } from './prepared-sends';

/** On the servers once, by what the history says: never uploaded again. */
function isHandedOver(batch: Batch): boolean {
  return batch.state === 'ready' || batch.state === 'processing' || batch.state === 'timed-out';
}

export type Launched =
  | { ok: true; campaign: string; batches: Batch[]; resumed: string[] }
  | { ok: false; refused: Earlier }
  | { ok: false; refused: null; error: string; said: Said };

export class Launcher {
  readonly me: Carrier = thisProcess();
  /** The batches this service took on to carry; let go when it closes. */
  private readonly carrying = new Set<string>();

  constructor(
    private readonly store: History,
    private readonly live: LiveBatches,
    private readonly courier: Courier,
    private readonly files: BatchFiles,
  ) {}

  /** Who carries the batch (this process counts as live), as `tx` has it. */
  carriage(tx: Pick<HistoryTransaction, 'carrier'>, batch: Batch): Carriage {
    const carrier = tx.carrier(batch.id);
    if (carrier === null) return 'none';
    return isAlive(carrier) ? 'live' : 'lost';
  }

  /** Takes the batch on, unless a live process other than this one carries it. */
  claim(tx: HistoryTransaction, id: string): boolean {
    const carrier = tx.carrier(id);
    if (carrier !== null && isAlive(carrier) && !sameCarrier(carrier, this.me)) return false;
    tx.setCarrier(id, this.me);
    this.carrying.add(id);
    return true;
  }

  /** Which earlier sends hold the messages, as the history is now (for the confirmation). */
  async earlier(data: PreparedData): Promise<{ earlier: Earlier; resumes: (string | null)[] }> {
    const none = { earlier: { overlap: 0, earlier: [] }, resumes: data.files.map(() => null) };
    if (data.test) return none;
    await this.store.refresh();
    const tx = { carrier: (id: string) => this.store.carrier(id) };
    const batches = this.store.list();
    const carriage = (batch: Batch) => this.carriage(tx, batch);
    const resumes = await findResumable(
      data.files.map((file) => file.hashes),
      data.profile.id,
      batches,
      this.files,
      carriage,
    );
    const skip = new Set(resumes.filter((id): id is string => id !== null));
    return {
      earlier: await findEarlier(data.hashes, batches, this.files, carriage, skip),
      resumes,
    };
  }

  /**
   * Sends a prepared send, unless more than `allowed` of its messages are in earlier sends:
   * then nothing is sent, and the earlier sends are named.
   */
  async launch(data: PreparedData, allowed: number): Promise<Launched> {
    const profile = data.profile;
    const campaign = newBatchId(randomBytes);
    const planned = data.files.map((file) => ({
      file,
      names: batchNames(file.serverName, newBatchId(randomBytes)),
    }));
    const dropAll = async () => {
      for (const { names } of planned) await this.files.drop(names.id).catch(() => {});
    };
    let decided;
    try {
      for (const { file, names } of planned)
        await this.files.save(names.id, file.hashes, file.bytes);
      decided = await this.decide(data, planned, campaign, allowed);
    } catch (error) {
      // Without its history and files, a batch could not be told apart later from one never
      // sent, nor finished after a crash: nothing is sent unrecorded.
      await dropAll();
      return { ...historyUnsaved(errorText(error)), refused: null };
    }
    if (!decided.ok) {
      await dropAll();
      return { ok: false, refused: decided.earlier };
    }
    const resumed: string[] = [];
    for (const { batch, names, bytes } of decided.batches) {
      if (bytes !== null) {
        this.live.started(batch);
        this.courier.carry(profile, names, bytes);
      } else {
        resumed.push(batch.id);
        this.live.adopt(batch);
        this.courier.resume(profile, names, 'finish', isHandedOver(batch));
      }
    }
    // The files written for batches that were taken up instead are not needed.
    for (const { names } of planned)
      if (!decided.batches.some(({ names: used }) => used.id === names.id))
        await this.files.drop(names.id);
    return { ok: true, campaign, batches: decided.batches.map(({ batch }) => batch), resumed };
  }

  /** Under the history's lock: the batches taken up, or recorded anew, or the earlier sends. */
  private decide(
    data: PreparedData,
    planned: { file: PreparedFileData; names: BatchNames }[],
    campaign: string,
    allowed: number,
  ) {
    const profile = data.profile;
    return this.store.transaction(async (tx) => {
      const list = tx.list();
      const carriage = (batch: Batch) => this.carriage(tx, batch);
      const resumes = data.test
        ? planned.map(() => null)
        : await findResumable(
            planned.map(({ file }) => file.hashes),
            profile.id,
            list,
            this.files,
            carriage,
          );
      const skip = new Set(resumes.filter((id): id is string => id !== null));
      if (!data.test) {
        const earlier = await findEarlier(data.hashes, list, this.files, carriage, skip);
        if (earlier.overlap > allowed) return { ok: false as const, earlier };
      }
      const batches: { batch: Batch; names: BatchNames; bytes: Uint8Array | null }[] = [];
      const now = new Date().toISOString();
      planned.forEach(({ file, names }, index) => {
        const resumed = resumes[index] ?? null;
        const earlierBatch = resumed === null ? undefined : tx.get(resumed);
        const earlierNames =
          earlierBatch === undefined
            ? null
            : namesOfBatch(earlierBatch.uploadName, earlierBatch.id);
        if (earlierBatch !== undefined && earlierNames !== null && this.claim(tx, resumed!)) {
          batches.push({ batch: earlierBatch, names: earlierNames, bytes: null });
          return;
        }
        const batch: Batch = {
          id: names.id,
          campaign,
          fileName: file.fileName,
          spreadsheet: data.spreadsheet,
          uploadName: names.readyName,
          profile: profile.id,
          server: null,
          note: null,
          rows: file.decision.rows,
          parts: file.decision.parts,
          bytes: file.bytes.length,
          state: 'uploading',
          stamp: null,
          progress: { bytes: 0, total: file.bytes.length, percent: 0 },
          times: { uploading: now },
          cause: null,
          error: null,
          practice: profile.practice ?? false,
          test: data.test,
          cost: file.cost,
        };
        tx.put(batch);
        this.claim(tx, batch.id);
        batches.push({ batch, names, bytes: file.bytes });
      });
      return { ok: true as const, batches };
    });
  }

  /**
   * Takes up a batch of the history: asks the servers what became of it, then follows it, or
   * (`finish`) uploads it, or (`check`) says it was not sent. Null when another live process
   * carries it, or it is not one this app made.
   */
  async takeUp(
    id: string,
    profile: (id: string) => Profile | undefined,
    mode: 'finish' | 'check',
  ): Promise<Batch | 'carried' | 'unknown-profile' | null> {
    const claimed = await this.store.transaction((tx) => {
      const batch = tx.get(id);
      if (batch === undefined) return null;
      if (profile(batch.profile) === undefined) return 'unknown-profile' as const;
      return this.claim(tx, id) ? batch : ('carried' as const);
    });
    if (claimed === null || typeof claimed === 'string') return claimed;
    const names = namesOfBatch(claimed.uploadName, claimed.id);
    if (names === null) return null;
    this.live.adopt(claimed);
    this.courier.resume(profile(claimed.profile)!, names, mode, isHandedOver(claimed));
    return claimed;
  }

  /** Takes on following a batch on the servers, unless a live process follows it. */
  async claimToFollow(id: string): Promise<boolean> {
    return this.store.transaction((tx) => tx.get(id) !== undefined && this.claim(tx, id));
  }

  /** Lets go of the batches this service carries: the next run takes them up. */
  async close(): Promise<void> {
    if (this.carrying.size === 0) return;
    await this.store.releaseCarrier(this.me, [...this.carrying]).catch(() => {});
    this.carrying.clear();
  }
}
