/**
 * The one interface between the UI and the Node side: what can be asked, what comes back, and
 * the list of methods. Types and plain values only, no Node and no DOM: the renderer, the
 * preload, the main process and the HTTP server all import this file as it is. The schemas that
 * check each request where it arrives are beside it (schemas.ts), for the Node side alone.
 */
import type { Encoding } from '../decode';
import type { Format } from '../check';
import type { Problem } from '../problems';
import type { ExportOptions, OutgoingMessage } from '../writer';
import type {
  AppSettings,
  ConnectionTest,
  Cost,
  PrepareOutcome,
  ProfileRequest,
  SendOutcome,
  SendPreparedRequest,
  SendRequest,
  SettingsUpdate,
} from './sending';
import type { Said } from './said';

export type { ExportOptions, OutgoingMessage };
export type * from './sending';
export type { Said, SaidCode, SaidValue } from './said';

// ---------------------------------------------------------------------------------------------
// Requests

/** Export messages into a folder the person chose in the desktop window's save dialog. */
export interface ExportRequest {
  files: ExportOptions;
  messages: OutgoingMessage[];
  folder: string;
}

export interface BatchRequest {
  batch: string;
}

export interface UpdateProfileRequest {
  profile: string;
  user?: string;
  /** Kept in memory only: never written to disk, never logged. */
  password?: string;
}

export type EmptyRequest = Record<string, never>;

// ---------------------------------------------------------------------------------------------
// Answers

/**
 * An operation that can fail for a reason the person can act on: a value, not an exception.
 * `error` is the English sentence (the command line, HTTP clients); `said` the same as data,
 * which the UI says in its language (absent from an older server's answers).
 */
export type Outcome<T> = ({ ok: true } & T) | { ok: false; error: string; said?: Said };

/** A file written into a folder of the person's choice. */
export interface SavedFile {
  path: string;
  /** The upload name without `.ready` (WrittenFile.savedName). */
  fileName: string;
  /** The name that starts processing on the server, with its modifiers and `.ready`. */
  uploadName: string;
  rows: number;
  bytes: number;
  encoding: Encoding;
  format: Format;
}

/** Nothing is written or sent while the messages have a problem the server would reject. */
export type ExportOutcome =
  { ok: true; files: SavedFile[] } | { ok: false; error: string; said?: Said; problems: Problem[] };

export type Security = 'ftp' | 'ftps';

export interface ServerSummary {
  /** `A` or `B`. */
  name: string;
  host: string;
  port: number;
  security: Security;
  /** The SHA-256 fingerprint the server's certificate is pinned to, if any. */
  fingerprint: string | null;
}

/**
 * Where a password given in the app is kept: encrypted by the system's keychain (the desktop
 * window, where there is one), or in memory for this run only (headless mode, and a window
 * without a keychain).
 */
export type PasswordKeeping = 'keychain' | 'this-run';

/** A profile as the UI sees it: never its password. */
export interface ProfileSummary {
  id: string;
  name: string;
  servers: ServerSummary[];
  user: string;
  hasPassword: boolean;
  /** The practice servers on this computer: nothing sent with it leaves the computer. */
  practice: boolean;
  passwordKept: PasswordKeeping;
}

/**
 * A batch is one file on its way to the provider, as the app follows it: `uploading` (with
 * progress) -> `ready` -> `processing` -> `success` | `rejected`; or it ends `failed` (not
 * sent: neither server could be reached, one refused, or the upload was interrupted before the
 * file reached the provider; it can be tried again), `cancelled` (stopped by the person before
 * the file was handed over: nothing sent), `unknown` (the servers could not be asked what
 * became of it; `error` says why, and it can be checked again), `timed-out` (sent, but not
 * finished while it was followed) or `vanished` (its file left the server before it was
 * finished).
 */
export const BATCH_STATES = [
  'uploading',
  'ready',
  'processing',
  'success',
  'rejected',
  'failed',
  'cancelled',
  'unknown',
  'timed-out',
  'vanished',
] as const;
export type BatchState = (typeof BATCH_STATES)[number];

export const FINAL_STATES: readonly BatchState[] = [
  'success',
  'rejected',
  'failed',
  'cancelled',
  'unknown',
  'timed-out',
  'vanished',
];

/** States from which the batch can be tried again (its file is kept for it). */
export const RETRY_STATES: readonly BatchState[] = ['failed', 'unknown'];

export interface Progress {
  bytes: number;
  total: number;
  percent: number;
}

/** The cause the server appended to a rejected file, read back into problems (SPEC 8). */
export interface RejectionCause {
  /** When the server rejected it, `YYYY-MM-DDTHH:MM:SSZ`. */
  at: string;
  total: number;
  problems: Problem[];
  /** Problems counted but not listed. */
  more: number;
}

export interface Batch {
  id: string;
  /** The send this batch is a file of: every batch of one send shares it. */
  campaign: string;
  fileName: string;
  /** The `.ready` name the file is renamed to on the server. */
  uploadName: string;
  profile: string;
  /** The server in use, `A` or `B`, or null before one answered. */
  server: string | null;
  /** Why the other server was left, in words, when it was. */
  note: string | null;
  /** The note as data (said.ts), for the UI's language; absent from older batches. */
  noteSaid?: Said | null;
  rows: number;
  parts: number;
  bytes: number;
  state: BatchState;
  /** The processing stamp, `YYYYMMDDTHHMMSS`, once processing started. */
  stamp: string | null;
  progress: Progress | null;
  /** When the batch reached each state, ISO 8601. */
  times: Partial<Record<BatchState, string>>;
  cause: RejectionCause | null;
  /**
   * A rejected file whose end is not a cause in the layout `cause` is read from: its last lines,
   * as the provider's server wrote them. Absent from batches recorded before it was kept.
   */
  causeText?: string[] | null;
  /**
   * The spreadsheet the batch was made from (`november.xlsx`), which the person knows it by;
   * `fileName` is the CSV made from it. Absent where a file was sent as it is, and from batches
   * recorded before it was kept.
   */
  spreadsheet?: string | null;
  /** For `failed`, `cancelled`, `unknown`, `timed-out` and `vanished`: what happened, in words. */
  error: string | null;
  /** The error as data (said.ts), for the UI's language; absent from older batches. */
  errorSaid?: Said | null;
  /** Sent with the practice servers: no SMS left the computer. */
  practice: boolean;
  /** A test to the person's own number. */
  test: boolean;
  /** What its messages were estimated to cost when it was sent; null without prices. */
  cost: Cost | null;
}

// ---------------------------------------------------------------------------------------------
// The interface

/** The service, implemented once on the Node side and reached over IPC or HTTP. */
export interface SendsheetApi {
  /**
   * Writes and checks the messages, and finds the earlier sends that hold any of them; keeps
   * the send by id for sendPrepared. Nothing is sent.
   */
  prepareSend(request: SendRequest): Promise<PrepareOutcome>;
  /** Sends a prepared send; one batch per file, each then followed. */
  sendPrepared(request: SendPreparedRequest): Promise<SendOutcome>;
  /** Prepares and sends in one call; refused, naming them, when earlier sends hold any message. */
  send(request: SendRequest): Promise<SendOutcome>;
  /** Stops a batch that is uploading, before it is handed over; after that it cannot be. */
  cancel(request: BatchRequest): Promise<Outcome<{ batch: Batch }>>;
  /** Tries a batch again that was not sent, or asks the servers again what became of it. */
  retry(request: BatchRequest): Promise<Outcome<{ batch: Batch }>>;
  exportMessages(request: ExportRequest): Promise<ExportOutcome>;
  /** The batches of this run, as they are now; changes come as events. */
  batches(request: EmptyRequest): Promise<Batch[]>;
  /** Follows again a batch of the history that was not finished (after a restart, say). */
  follow(request: BatchRequest): Promise<Outcome<{ batch: Batch }>>;
  history(request: EmptyRequest): Promise<Batch[]>;
  clearHistory(request: EmptyRequest): Promise<{ cleared: number }>;
  profiles(request: EmptyRequest): Promise<ProfileSummary[]>;
  updateProfile(request: UpdateProfileRequest): Promise<Outcome<{ profile: ProfileSummary }>>;
  /** Logs in to each server of the profile and lists its folder, timing it. */
  testConnection(request: ProfileRequest): Promise<ConnectionTest>;
  settings(request: EmptyRequest): Promise<AppSettings>;
  updateSettings(request: SettingsUpdate): Promise<Outcome<{ settings: AppSettings }>>;
}

export type Method = keyof SendsheetApi;

/** Every method; a transport serves these and nothing else. */
export const METHODS = [
  'prepareSend',
  'sendPrepared',
  'send',
  'cancel',
  'retry',
  'exportMessages',
  'batches',
  'follow',
  'history',
  'clearHistory',
  'profiles',
  'updateProfile',
  'testConnection',
  'settings',
  'updateSettings',
] as const satisfies readonly Method[];

// A method of the interface missing from METHODS fails to compile here.
type Missing = Exclude<Method, (typeof METHODS)[number]>;
const everyMethodListed: [Missing] extends [never] ? true : Missing = true;
void everyMethodListed;

export function isMethod(name: string): name is Method {
  return (METHODS as readonly string[]).includes(name);
}

export type RequestOf<M extends Method> = Parameters<SendsheetApi[M]>[0];
export type AnswerOf<M extends Method> = Awaited<ReturnType<SendsheetApi[M]>>;

/** Every change of a batch, in order, for as long as one listens. */
export type BatchListener = (batch: Batch) => void;

export interface SendsheetEvents {
  subscribe(listener: BatchListener): () => void;
}

/** The service as the UI reaches it. */
export type Service = SendsheetApi & SendsheetEvents;

/** What a transport answers when it will not call the service. */
export interface TransportError {
  status: 400 | 403 | 404 | 405 | 413 | 415 | 500;
  error: string;
}

/** What an IPC handler answers: a thrown error would reach the window without its words. */
export type IpcAnswer<T = unknown> = { ok: true; value: T } | ({ ok: false } & TransportError);
