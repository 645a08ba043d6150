/**
 * A send prepared: the messages written into the provider's files (core's writer), each file
 * checked as the server will check it (core's check), and each file's messages hashed
 * (fingerprint.ts), kept here by id until it is sent.
 *
 * Why a prepared send: the confirmation must say what only the Node side knows (which earlier
 * sends hold these messages, what they cost), yet the page hands the messages over once, and a
 * million of them crossing twice would double the wait. So the page asks to prepare (the
 * messages cross once), shows what comes back, and confirms by the prepared send's id alone.
 * Each holds its files' bytes, so only a few are kept, and none for long.
 */
import { randomBytes } from 'node:crypto';
import { inspectFile } from '../../core/check';
import type { Decision } from '../../core/check';
import type { Cost, Prices } from '../../core/contract/api';
import { CostTally, PriceBook, sumCosts } from '../../core/cost';
import { countSegments } from '../../core/segments';
import type { Message } from '../../core/values';
import type { ExportOptions, OutgoingMessage } from '../../core/writer';
import { exportSteps } from '../../core/writer';
import type { Problem } from '../../core/problems';
import { nodeCheckOptions } from '../base/native-text';
import { inTurns, nextTurn } from '../base/next-turn';
import { newBatchId } from '../client/batch-names';
import type { Profile } from '../client/profile';
import { canonical, MessageHashes } from './fingerprint';
import type { CanonicalMessage } from './fingerprint';
import { messagesHaveProblems, wouldReject } from './refusals';
import type { Refusal } from './refusals';

/** One file of a prepared send: what is uploaded, and what the server found in it. */
export interface PreparedFileData {
  fileName: string;
  /** The name the server reads it under, `.ready` included. */
  serverName: string;
  bytes: Uint8Array;
  decision: Decision;
  hashes: MessageHashes;
  /** What its messages are estimated to cost; null without prices. */
  cost: Cost | null;
}

export interface PreparedData {
  id: string;
  profile: Profile;
  test: boolean;
  /** The spreadsheet the messages came from (`november.xlsx`); null for a file sent as it is. */
  spreadsheet: string | null;
  files: PreparedFileData[];
  /** Every message of the send, sorted: the campaign. */
  hashes: MessageHashes;
  cost: Cost | null;
  expires: number;
}

export type Prepared = { ok: true; data: PreparedData } | (Refusal & { problems: Problem[] });

/** How long a prepared send is kept: a confirmation is read in minutes, not hours. */
export const KEEP_MS = 30 * 60_000;
/** How many are kept at once: each holds its files (up to a whole campaign's). */
export const MAX_KEPT = 3;

/** A file's estimated cost: parts times the one price, or each message's by its country. */
function costOf(
  book: PriceBook | null,
  decision: Decision,
  messages: () => readonly Message[],
): Cost | null {
  if (book === null) return null;
  const tally = new CostTally(book);
  if (book.flat) tally.addFlat(decision.parts);
  else for (const message of messages()) tally.add(message.msisdn, message.parts);
  return tally.cost;
}

function outgoingAsMessage(message: OutgoingMessage): Message {
  const c = canonical(message);
  const segments = countSegments(c.message);
  return { row: 0, ...c, encoding: segments.encoding, parts: segments.parts };
}

export class PreparedSends {
  private readonly kept = new Map<string, PreparedData>();

  /**
   * Writes, checks and hashes the messages of a send, in steps with `pause` between them: a
   * large send never holds the process (the emulated servers, other requests) for long.
   */
  async fromMessages(
    profile: Profile,
    messages: readonly OutgoingMessage[],
    options: ExportOptions,
    prices: Prices | null,
    test: boolean,
    spreadsheet: string | null = null,
    pause: () => Promise<void> = nextTurn,
  ): Promise<Prepared> {
    const written = await inTurns(exportSteps(messages, options), pause);
    if (!written.ok) {
      return { ...messagesHaveProblems(written.problems.length), problems: written.problems };
    }
    const book = prices === null ? null : new PriceBook(prices);
    const files: PreparedFileData[] = [];
    // Every file is checked as the server will check it before any is sent: all or nothing.
    for (const file of written.files) {
      const decision = inspectFile(
        { name: file.uploadName, bytes: file.bytes },
        nodeCheckOptions,
      ).decision;
      if (decision.status !== 'success') {
        const refused = wouldReject('Nothing was sent', file.uploadName, decision.problemCount);
        return { ...refused, problems: decision.problems };
      }
      const mine = messages.slice(file.firstIndex, file.firstIndex + file.rows);
      files.push({
        fileName: file.fileName,
        serverName: file.uploadName,
        bytes: file.bytes,
        decision,
        hashes: MessageHashes.of(mine.map(canonical)),
        cost: costOf(book, decision, () => mine.map(outgoingAsMessage)),
      });
      await pause();
    }
    return { ok: true, data: this.keep(profile, files, test, spreadsheet) };
  }

  /**
   * A file from disk, as the command line sends it: checked under the name the server reads it
   * by, its messages read as the server reads them. `rejected` gives the decision of a file the
   * server would reject.
   */
  fromFile(
    profile: Profile,
    fileName: string,
    serverName: string,
    bytes: Uint8Array,
    prices: Prices | null,
  ): { ok: true; data: PreparedData } | { ok: false; decision: Decision } {
    const inspection = inspectFile({ name: serverName, bytes }, nodeCheckOptions);
    const decision = inspection.decision;
    if (decision.status !== 'success') return { ok: false, decision };
    const messages = inspection.messages();
    const hashes = MessageHashes.of(messages.map((m): CanonicalMessage => canonical(m)));
    const book = prices === null ? null : new PriceBook(prices);
    const cost = costOf(book, decision, () => messages);
    return {
      ok: true,
      data: this.keep(
        profile,
        [{ fileName, serverName, bytes, decision, hashes, cost }],
        false,
        null,
      ),
    };
  }

  private keep(
    profile: Profile,
    files: PreparedFileData[],
    test: boolean,
    spreadsheet: string | null,
  ): PreparedData {
    this.forgetOld();
    const data: PreparedData = {
      id: newBatchId(randomBytes),
      profile,
      test,
      spreadsheet,
      files,
      hashes: MessageHashes.merge(files.map((file) => file.hashes)),
      cost: sumCosts(files.map((file) => file.cost)),
      expires: Date.now() + KEEP_MS,
    };
    this.kept.set(data.id, data);
    while (this.kept.size > MAX_KEPT) this.kept.delete(this.kept.keys().next().value!);
    return data;
  }

  /** The prepared send, which is then forgotten: it is sent once. */
  take(id: string): PreparedData | null {
    this.forgetOld();
    const data = this.kept.get(id) ?? null;
    this.kept.delete(id);
    return data;
  }

  /** Puts back a send that was not sent after all (refused for a new overlap). */
  putBack(data: PreparedData): void {
    this.kept.set(data.id, data);
  }

  private forgetOld(): void {
    const now = Date.now();
    for (const [id, data] of this.kept) if (data.expires <= now) this.kept.delete(id);
  }
}
