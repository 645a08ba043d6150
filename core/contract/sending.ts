/**
 * What sending safely needs to cross the contract: a send prepared and confirmed apart (so the
 * page hands the messages over once, and the confirmation knows what the Node side knows: the
 * earlier sends of the same messages), what those earlier sends were, the cost, the app's own
 * settings (the first-run choice, prices, the person's own number) and a connection test.
 * Types only, like api.ts.
 */
import type { Cost, Prices } from '../cost';
import type { Problem } from '../problems';
import type { ExportOptions, OutgoingMessage } from '../writer';
import type { Batch, BatchState, ProfileSummary } from './api';
import type { Said } from './said';

export type { Cost, CountryPrice, Prices } from '../cost';

/**
 * The app's own settings, kept by the Node side in its data folder so that the command line,
 * the window and every browser of headless mode share them.
 */
export interface AppSettings {
  /** The first-run choice: null until the person made it. */
  setup: 'practice' | 'provider' | null;
  /** The profile a send uses unless another is chosen. */
  profile: string;
  /** Null until the person gives a price. */
  prices: Prices | null;
  /** The person's own mobile number, in the provider's form, for "Send a test to me"; '' if none. */
  ownNumber: string;
}

export type SettingsUpdate = Partial<AppSettings>;

/** A send of messages, written into files as `files` says. */
export interface SendRequest {
  profile: string;
  /** How the messages are written into files: base name, format, encoding, rows per file. */
  files: ExportOptions;
  messages: OutgoingMessage[];
  /** The spreadsheet the messages came from, as the person knows it: `november.xlsx`. */
  spreadsheet?: string;
  /** A test to the person's own number: never held against a campaign, nor one against it. */
  test?: boolean;
  /**
   * In the one-call form only: send even when some of the messages were sent before, are in
   * flight, or their outcome is unknown. Without it, such a send is refused, naming them.
   */
  again?: boolean;
}

/** How an earlier send stands, for the messages it shares with this one. */
export type Standing = 'sent' | 'sending' | 'unknown';

/** An earlier campaign that holds some of the messages of this send. */
export interface EarlierSend {
  campaign: string;
  /** The earlier batches that hold them. */
  batches: { id: string; fileName: string; uploadName: string; state: BatchState }[];
  /** When the first of them was started, ISO 8601. */
  at: string;
  /** How many of this send's messages it holds. */
  messages: number;
  standing: Standing;
  practice: boolean;
}

/** One file of a prepared send. */
export interface PreparedFile {
  fileName: string;
  rows: number;
  parts: number;
  /**
   * The unfinished batch of exactly these messages that sending finishes instead of starting
   * anew (a run that was interrupted): its id, or null.
   */
  resumes: string | null;
}

/** A send written and checked, kept by the Node side until it is sent or a while has passed. */
export interface PreparedSend {
  id: string;
  profile: ProfileSummary;
  messages: number;
  parts: number;
  files: PreparedFile[];
  /** Of this send's messages, how many were sent before, are in flight or of unknown outcome. */
  overlap: number;
  earlier: EarlierSend[];
  /** The campaign's fingerprint: its messages whatever their order or files. */
  fingerprint: string;
  cost: Cost | null;
  test: boolean;
  /** When the Node side forgets it, ISO 8601. */
  expires: string;
}

export type PrepareOutcome =
  | { ok: true; prepared: PreparedSend }
  | { ok: false; error: string; said?: Said; problems: Problem[] };

export interface SendPreparedRequest {
  prepared: string;
  /** Send even though `overlap` of its messages were sent before (the confirmation said so). */
  again?: boolean;
}

export type SendOutcome =
  | { ok: true; campaign: string; batches: Batch[] }
  | { ok: false; error: string; said?: Said; problems: Problem[]; earlier?: EarlierSend[] };

/** One server's answer to a connection test. */
export interface ServerTest {
  name: string;
  host: string;
  port: number;
  ok: boolean;
  /** From connecting to the listing's end, in milliseconds. */
  ms: number;
  /** Files in the account's folder, when it listed. */
  files: number | null;
  encrypted: boolean;
  /** The SHA-256 fingerprint of the certificate the server showed, for FTPS. */
  fingerprint: string | null;
  /** What went wrong, in words. */
  error: string | null;
  /** The same as data (said.ts), for the UI's language. */
  said?: Said | null;
}

export interface ConnectionTest {
  profile: string;
  ok: boolean;
  servers: ServerTest[];
  /** The whole outcome in one sentence a person understands. */
  summary: string;
  /** The same as data (said.ts), for the UI's language. */
  summarySaid?: Said;
}

export interface ProfileRequest {
  profile: string;
}
