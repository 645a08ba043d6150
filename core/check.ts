import { ByteWindow } from './byte-window';
import { decodeLazily, MAX_FILE_BYTES } from './decode';
import { NotWindowed } from './decode-window';
import type { ByteCheck, WindowedFile } from './decode-window';
import type { Encoding, EncodingSource } from './decode';
import type { Delimiter } from './dialect';
import { FileText, PIECE_CHARS } from './file-text';
import { MessageList } from './message-sink';
import type { MessageSink } from './message-sink';
import { conflictProblem, parseUploadName } from './names';
import type { Problem, ProblemCounts } from './problems';
import { RowChecker } from './row-checker';
import { PENDING_C1_SEPTETS } from './segments';
import { PLAIN_TEXT } from './values';
import type { Message, TextReading } from './values';
import { C1Resolver, resolveC1, WEB_LATIN1 } from './windows1252';
import type { ByteFinder, Latin1Decoder } from './windows1252';

export type Format = 'standard' | 'excel';

/** What the provider's server decides about a file, with everything it found (SPEC 1-7). */
export interface Verdict {
  status: 'success' | 'rejected';
  encoding: Encoding | null;
  encodingSource: EncodingSource | null;
  format: Format;
  /** Data rows: every row after the header that is not blank. */
  rows: number;
  /** Blank rows (every field empty), which the server skips. */
  skipped: number;
  /** SMS parts of all messages together. */
  parts: number;
  /**
   * The problems in row order, whole-file ones first: all of them, or the first
   * MAX_KEPT_PROBLEMS where there are more (`problemCount` says how many).
   */
  problems: Problem[];
  /** How many problems the server found, the kept ones and the rest. */
  problemCount: number;
  /** How many of each code, all of them counted. */
  problemCounts: ProblemCounts;
  /** Every data row as the server reads it; only a `success` verdict queues them. */
  messages: Message[];
}

export interface UploadedFile {
  /** The name the file has on the server, e.g. `list.csv.excel.ready`. */
  name: string;
  bytes: Uint8Array;
  /**
   * Only the file's first bytes, more than the provider reads: it was too large, and the rest
   * was never read (a stream). Its size is then unknown.
   */
  cut?: boolean;
}

export interface CheckOptions {
  /** The Node side passes a decoder faster than TextDecoder. */
  latin1?: Latin1Decoder;
  /** The Node side passes a search for one byte faster than a loop (see scanWindows1252). */
  findByte?: ByteFinder;
  /** The Node side passes native checks of UTF-8 and ASCII (see WindowWatch). */
  isUtf8?: ByteCheck;
  isAscii?: ByteCheck;
  /**
   * Build every message while checking, for a caller that will need them all (`check --json`,
   * the server's queue): one reading of the text instead of two. `if-accepted` drops them at the
   * first problem, for a caller that needs them only then (the server): a rejected file of
   * millions of rows then keeps none. A sink is given every message as it is read instead
   * (`check --json` writes them straight into its output); `messages()` then reads them again.
   */
  keepMessages?: boolean | 'if-accepted' | MessageSink;
}

/** The verdict without the messages: everything the server decides about a file. */
export type Decision = Omit<Verdict, 'messages'>;

/**
 * What check finds, with the messages and the decoded text built only when asked for: the
 * decision reads every row, but a 250,000-row file's messages cost more to keep than the whole
 * check, and a rejected file, or a summary, needs none of them.
 */
export interface Inspection {
  decision: Decision;
  /** Messages that need UCS-2. */
  ucs2Messages: number;
  /**
   * The first `limit` (default: all) rows as the server reads them. Each call reads the text
   * again, unless they were kept while checking (`keepMessages`).
   */
  messages(limit?: number): Message[];
  /**
   * Every row as the server reads it, a piece of the text at a time: only one piece's messages
   * are held at once, for a caller that writes them out as they come (the server's queue).
   */
  messageChunks(): Iterable<Message[]>;
  /** The same rows into a sink, read again from the text: memory bounded by the sink. */
  messagesInto(sink: MessageSink, limit?: number): void;
  /** The decoded text (null when it could not be decoded), for appending the cause. */
  text(): string | null;
}

export function delimiterOf(format: Format): Delimiter {
  return format === 'excel' ? ';' : ',';
}

/** The decision on a file rejected for one problem of the whole file, found before its rows. */
export function rejectedDecision(
  format: Format,
  problem: Problem,
  encoding: Encoding | null = null,
  encodingSource: EncodingSource | null = null,
): Decision {
  return {
    status: 'rejected',
    encoding,
    encodingSource,
    format,
    rows: 0,
    skipped: 0,
    parts: 0,
    problems: [problem],
    problemCount: 1,
    problemCounts: { [problem.code]: 1 },
  };
}

function rejected(
  format: Format,
  problem: Problem,
  encoding: Encoding | null = null,
  encodingSource: EncodingSource | null = null,
  text: string | null = null,
): Inspection {
  return {
    decision: rejectedDecision(format, problem, encoding, encodingSource),
    ucs2Messages: 0,
    messages: () => [],
    messageChunks: () => [],
    messagesInto: () => {},
    text: () => text,
  };
}

/** SPEC 2: a file of `size` bytes, over 30 MiB; null when only "more than that" is known. */
export function tooLargeProblem(size: number | null): Problem {
  return {
    row: null,
    column: null,
    code: 'too-large',
    message: `The file is ${size === null ? 'more than 30 MiB' : `${size.toLocaleString('en-US')} bytes`}; the provider reads files up to 30 MiB (${MAX_FILE_BYTES.toLocaleString('en-US')} bytes): split it into files of 10,000 rows.`,
    values: size === null ? { kind: 'cut' } : { kind: 'bytes', bytes: size },
  };
}

/** Past the first chunk of this many characters, building a few messages stops reading. */
const BUILD_CHUNK = 1 << 16;
/** Messages kept while checking, handed out this many at a time. */
const MESSAGES_PER_CHUNK = 4096;

/** Characters of text checked between two yields of inspectSteps. */
export const INSPECT_STEP_CHARS = 1 << 20;

/**
 * Gives `checker` the text from `from` to `to`: a checker that reads values in place a piece of
 * PIECE_CHARS at a time (young strings, dropped as soon as read), any other a slice of the
 * whole text, made once, which the values it makes keep anyway.
 */
function pushText(checker: RowChecker, text: FileText, from: number, to: number): void {
  if (!checker.readsInPlace) {
    checker.push(text.text().slice(from, to));
    return;
  }
  for (let at = from; at < to; at += PIECE_CHARS) {
    checker.push(text.slice(at, Math.min(to, at + PIECE_CHARS)));
  }
}

/** The server's verdict on a file, and the text it decoded (null when it could not). */
export function inspectFile(file: UploadedFile, options: CheckOptions = {}): Inspection {
  return inspectAtOnce(file, options);
}

function inspectAtOnce(file: UploadedFile | WindowedFile, options: CheckOptions): Inspection {
  const steps = stepsOf(file, options, Infinity);
  let next = steps.next();
  while (!next.done) next = steps.next();
  return next.value;
}

/**
 * inspectFile of a file read a window at a time: null when it turns out to be one decode does
 * not read as its bytes, to be read whole instead (see WindowedFile).
 */
export function inspectWindowed(file: WindowedFile, options: CheckOptions = {}): Inspection | null {
  try {
    const inspection = inspectAtOnce(file, options);
    if (!file.watch.confirmed()) return null;
    const decision = { ...inspection.decision, encoding: file.watch.encoding };
    return { ...inspection, decision };
  } catch (error) {
    if (error instanceof NotWindowed) return null;
    throw error;
  }
}

/**
 * inspectFile as steps (a generator that yields between pieces of `step` characters of the
 * text): a caller that shares its thread with others (the emulated servers answering their
 * clients) runs one piece at a time, never the whole check of a 30 MiB file in one go.
 */
export function inspectSteps(
  file: UploadedFile,
  options: CheckOptions = {},
  step = INSPECT_STEP_CHARS,
): Generator<void, Inspection, void> {
  return stepsOf(file, options, step);
}

/** inspectSteps of either kind of file (a windowed one's through inspectWindowed only). */
function* stepsOf(
  file: UploadedFile | WindowedFile,
  options: CheckOptions,
  step: number,
): Generator<void, Inspection, void> {
  const name = parseUploadName(file.name);
  const format: Format = name.excel ? 'excel' : 'standard';
  const conflict = conflictProblem(name);
  if (conflict) return rejected(format, conflict);
  const latin1 = options.latin1 ?? WEB_LATIN1;
  let text: FileText;
  let encoding: Encoding;
  let source: EncodingSource;
  if ('window' in file) {
    encoding = 'windows-1252';
    source = file.watch.source;
    text = new FileText(null, file.window, true, latin1);
  } else {
    if (file.bytes.length > MAX_FILE_BYTES) {
      return rejected(format, tooLargeProblem(file.cut ? null : file.bytes.length));
    }
    const decoded = decodeLazily(file.bytes, name.forced, options.findByte);
    if (!decoded.ok) return rejected(format, decoded.problem, decoded.encoding, decoded.source);
    ({ encoding, source } = decoded);
    const window = decoded.text === null ? ByteWindow.whole(file.bytes) : null;
    text = new FileText(decoded.text, window, decoded.pendingC1, latin1);
  }
  const pendingC1 = text.pendingC1;
  const oneToOne = text.window;
  const reading: TextReading = pendingC1
    ? { septets: PENDING_C1_SEPTETS, reveal: resolveC1 }
    : PLAIN_TEXT;
  const resolved = () => reading.reveal(text.text());
  if (text.onlyLineEndings()) {
    const problem: Problem = {
      row: null,
      column: null,
      code: 'empty-file',
      message: 'The file is empty: it needs a header row and at least one message.',
    };
    return rejected(format, problem, encoding, source, resolved());
  }

  const delimiter = delimiterOf(format);
  const build = (sink: MessageSink, limit: number, only: boolean, ifAccepted = false) => {
    const inPlace = sink.readsInPlace?.(text) === true;
    const resolver = oneToOne !== null && pendingC1 && !inPlace ? new C1Resolver(oneToOne) : null;
    return { sink, limit, resolver, only, ifAccepted };
  };
  const keep = options.keepMessages;
  const given: MessageSink | null = typeof keep === 'object' ? keep : null;
  const kept: MessageList | null =
    keep === true || keep === 'if-accepted' ? new MessageList() : null;
  const sink = given ?? kept;
  const checker = new RowChecker(
    delimiter,
    text,
    reading,
    sink === null ? null : build(sink, Infinity, false, keep === 'if-accepted'),
  );
  for (let from = 0; from < text.length; from += step) {
    if (from > 0) yield;
    pushText(checker, text, from, Math.min(text.length, from + step));
  }
  checker.finish();
  const tally = checker.tally;
  if (!checker.stopped && checker.rows === 0) {
    tally.push({
      row: null,
      column: null,
      code: 'no-rows',
      message: 'The file has a header but no messages below it.',
      values: { kind: 'header-only' },
    });
  }
  const decision: Decision = {
    status: tally.total === 0 ? 'success' : 'rejected',
    encoding,
    encodingSource: source,
    format,
    rows: checker.rows,
    skipped: checker.skipped,
    parts: checker.parts,
    problems: checker.problems(),
    problemCount: tally.total,
    problemCounts: tally.counts,
  };
  const messagesInto = (into: MessageSink, limit = Infinity): void => {
    if (checker.headerCount < 0 || !checker.readable || limit <= 0) return;
    const builder = new RowChecker(delimiter, text, reading, build(into, limit, true));
    // A preview's few rows are in the first chunk; all of them need the whole text anyway.
    const chunk = Number.isFinite(limit) ? BUILD_CHUNK : text.length;
    for (let at = 0; at < text.length && !builder.stopped; at += chunk) {
      pushText(builder, text, at, Math.min(text.length, at + chunk));
    }
    if (!builder.stopped) builder.finish();
  };
  const messages = (limit = Infinity): Message[] => {
    if (kept !== null && !checker.messagesDropped) {
      const all = kept.messages;
      return Number.isFinite(limit) ? all.slice(0, limit) : all;
    }
    const list = new MessageList();
    messagesInto(list, limit);
    return list.messages;
  };
  function* messageChunks(): Generator<Message[]> {
    if (kept !== null && !checker.messagesDropped) {
      for (let at = 0; at < kept.messages.length; at += MESSAGES_PER_CHUNK)
        yield kept.messages.slice(at, at + MESSAGES_PER_CHUNK);
      return;
    }
    if (checker.headerCount < 0 || !checker.readable) return;
    const list = new MessageList();
    const builder = new RowChecker(delimiter, text, reading, build(list, Infinity, true));
    for (let at = 0; at < text.length; at += BUILD_CHUNK) {
      pushText(builder, text, at, Math.min(text.length, at + BUILD_CHUNK));
      // splice hands over this piece's messages and empties the list the builder fills.
      if (list.count > 0) yield list.messages.splice(0);
    }
    builder.finish();
    if (list.count > 0) yield list.messages.splice(0);
  }
  return {
    decision,
    ucs2Messages: checker.ucs2Messages,
    messages,
    messageChunks,
    messagesInto,
    text: resolved,
  };
}

/** The verdict with every message, as `sendsheet check --json` prints it. */
export function checkFile(file: UploadedFile, options: CheckOptions = {}): Verdict {
  const inspection = inspectFile(file, { ...options, keepMessages: true });
  return { ...inspection.decision, messages: inspection.messages() };
}
