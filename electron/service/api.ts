/**
 * The one interface between the UI and the Node side: what can be asked (zod schemas, checked at
 * every transport's boundary) and what comes back (types). Types and schemas only, no Node: the
 * renderer imports this file as it is, over IPC in the window and over HTTP in headless mode.
 */
import { z } from 'zod';
import type { Encoding } from '../../core/decode';
import type { Format, Verdict } from '../../core/check';
import type { Problem } from '../../core/problems';
import type { Message } from '../../core/values';

// ---------------------------------------------------------------------------------------------
// Requests

const path = z.string().min(1, 'a file path is needed').max(4096);
/** A file name, on the server or on disk: no folder, no control character (FTP commands end at CR LF). */
export const FileName = z
  .string()
  .min(1)
  .max(255)
  .refine((name) => !hasFolderOrControl(name), 'a file name, without a folder');

function hasFolderOrControl(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c < 0x20 || c === 0x7f || c === 0x2f || c === 0x5c) return true;
  }
  return false;
}
const id = z.string().min(1).max(100);

export const OpenFileRequest = z.strictObject({
  path,
  /** How many of the file's messages to return for the preview. Default 100. */
  previewRows: z.number().int().min(0).max(10_000).optional(),
});

export const CheckRequest = z.strictObject({
  path,
  /** Check as if uploaded under this name (`.ready` may be left off); default the file's name. */
  as: FileName.optional(),
});

export const OutgoingMessageSchema = z.strictObject({
  msisdn: z.string(),
  message: z.string(),
  sender: z.string().optional(),
  class: z.string().optional(),
  userref: z.string().optional(),
});

export const ExportRequest = z.strictObject({
  messages: z.array(OutgoingMessageSchema).max(10_000_000),
  baseName: z.string().min(1).max(1000),
  format: z.enum(['standard', 'excel']).optional(),
  encoding: z.enum(['auto', 'utf8', 'cp1252']).optional(),
  rowsPerFile: z.number().int().min(1).max(10_000_000).optional(),
  /** The folder to write to; default the app's exports folder. */
  folder: path.optional(),
});

export const SendRequest = z.strictObject({
  path,
  profile: id,
  /** The name the server reads the file under (its modifiers); default the file's name. */
  as: FileName.optional(),
});

export const BatchRequest = z.strictObject({ batch: id });

export const UpdateProfileRequest = z.strictObject({
  profile: id,
  user: z.string().min(1).max(200).optional(),
  /** Kept in memory only: never written to disk, never logged. */
  password: z.string().min(1).max(1000).optional(),
});

export const EmptyRequest = z.strictObject({});

/** Every method and the schema of its request; a transport accepts nothing else. */
export const REQUESTS = {
  openFile: OpenFileRequest,
  check: CheckRequest,
  exportMessages: ExportRequest,
  send: SendRequest,
  batches: EmptyRequest,
  follow: BatchRequest,
  history: EmptyRequest,
  clearHistory: EmptyRequest,
  profiles: EmptyRequest,
  updateProfile: UpdateProfileRequest,
} as const;

export type Method = keyof typeof REQUESTS;
export const METHODS = Object.keys(REQUESTS) as Method[];

export type OpenFileRequest = z.infer<typeof OpenFileRequest>;
export type CheckRequest = z.infer<typeof CheckRequest>;
export type ExportRequest = z.infer<typeof ExportRequest>;
export type SendRequest = z.infer<typeof SendRequest>;
export type BatchRequest = z.infer<typeof BatchRequest>;
export type UpdateProfileRequest = z.infer<typeof UpdateProfileRequest>;
export type EmptyRequest = z.infer<typeof EmptyRequest>;

export type Validated<M extends Method> =
  { ok: true; request: z.infer<(typeof REQUESTS)[M]> } | { ok: false; reason: string };

/** Checks a request against its method's schema; the reason names each field that is wrong. */
export function validateRequest<M extends Method>(method: M, body: unknown): Validated<M> {
  const result = REQUESTS[method].safeParse(body ?? {});
  if (result.success) return { ok: true, request: result.data as z.infer<(typeof REQUESTS)[M]> };
  const reasons = result.error.issues.map((issue) => {
    const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return `${where}${issue.message}`;
  });
  return { ok: false, reason: `Bad request to ${method}: ${reasons.join('; ')}` };
}

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(REQUESTS, name);
}

// ---------------------------------------------------------------------------------------------
// Responses

/** An operation that can fail for a reason the person can act on: a value, not an exception. */
export type Outcome<T> = ({ ok: true } & T) | { ok: false; error: string };

/** A verdict as the UI shows it: the messages themselves only as a preview. */
export type VerdictSummary = Omit<Verdict, 'messages'> & {
  /** The name the file was checked under. */
  name: string;
};

export interface OpenedFile {
  path: string;
  fileName: string;
  bytes: number;
  verdict: VerdictSummary;
  /** The first messages as the server reads them. */
  preview: Message[];
}

export interface ExportedFile {
  path: string;
  fileName: string;
  uploadName: string;
  rows: number;
  bytes: number;
  encoding: Encoding;
  format: Format;
}

export type ExportOutcome =
  { ok: true; files: ExportedFile[] } | { ok: false; error: string; problems: Problem[] };

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

/** A profile as the UI sees it: never its password. */
export interface ProfileSummary {
  id: string;
  name: string;
  servers: ServerSummary[];
  user: string;
  hasPassword: boolean;
}

/**
 * A batch's life, as the app follows it: `uploading` (with progress) -> `ready` ->
 * `processing` -> `success` | `rejected`; or it ends `failed` (not sent: neither server could
 * be reached, or one refused), `timed-out` (sent, but not finished while it was followed) or
 * `vanished` (its file left the server before it was finished).
 */
export const BATCH_STATES = [
  'uploading',
  'ready',
  'processing',
  'success',
  'rejected',
  'failed',
  'timed-out',
  'vanished',
] as const;
export type BatchState = (typeof BATCH_STATES)[number];

export const FINAL_STATES: readonly BatchState[] = [
  'success',
  'rejected',
  'failed',
  'timed-out',
  'vanished',
];

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
  fileName: string;
  /** The `.ready` name the file is renamed to on the server. */
  uploadName: string;
  profile: string;
  /** The server in use, `A` or `B`, or null before one answered. */
  server: string | null;
  /**
   * Why the other server was left, in words, when it was; while no server answers, the last
   * failed try and when the next one is.
   */
  note: string | null;
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
  /** For `failed`, `timed-out` and `vanished`: what happened, in words. */
  error: string | null;
}

export type CheckOutcome = Outcome<{ verdict: VerdictSummary }>;
export type SendOutcome =
  { ok: true; batch: Batch } | { ok: false; error: string; verdict: VerdictSummary | null };

/** The service, implemented once on the Node side and reached over IPC or HTTP. */
export interface SendsheetApi {
  openFile(request: OpenFileRequest): Promise<Outcome<{ file: OpenedFile }>>;
  check(request: CheckRequest): Promise<CheckOutcome>;
  exportMessages(request: ExportRequest): Promise<ExportOutcome>;
  /** Checks the file with core; only an accepted file is uploaded, and then followed. */
  send(request: SendRequest): Promise<SendOutcome>;
  /** The batches of this run, as they are now; changes come as events. */
  batches(request: EmptyRequest): Promise<Batch[]>;
  /** Follows again a batch of the history that was not finished (after a restart, say). */
  follow(request: BatchRequest): Promise<Outcome<{ batch: Batch }>>;
  history(request: EmptyRequest): Promise<Batch[]>;
  clearHistory(request: EmptyRequest): Promise<{ cleared: number }>;
  profiles(request: EmptyRequest): Promise<ProfileSummary[]>;
  updateProfile(request: UpdateProfileRequest): Promise<Outcome<{ profile: ProfileSummary }>>;
}

/** Every change of a batch, in order, for as long as one listens. */
export type BatchListener = (batch: Batch) => void;

export interface SendsheetEvents {
  subscribe(listener: BatchListener): () => void;
}

// ---------------------------------------------------------------------------------------------
// Transport names

/** IPC: each method is invoked on `sendsheet:<method>`; changes arrive on BATCH_CHANNEL. */
export const IPC_PREFIX = 'sendsheet:';
export const SUBSCRIBE_CHANNEL = 'sendsheet:subscribe';
export const UNSUBSCRIBE_CHANNEL = 'sendsheet:unsubscribe';
export const BATCH_CHANNEL = 'sendsheet:batch';

/** HTTP: `POST /api/<method>` with the request as JSON; server-sent events on EVENTS_PATH. */
export const API_PREFIX = '/api/';
export const EVENTS_PATH = '/api/events';
/** The SSE event name of a batch change. */
export const BATCH_EVENT = 'batch';

/** What a transport answers when it will not call the service. */
export interface TransportError {
  status: 400 | 403 | 404 | 405 | 413 | 415 | 500;
  error: string;
}

/** What an IPC handler answers: a thrown error would reach the window without its words. */
export type IpcAnswer<T = unknown> = { ok: true; value: T } | ({ ok: false } & TransportError);
