import { decodeDeferred, MAX_FILE_BYTES } from './decode';
import type { Encoding, EncodingSource } from './decode';
import { DialectParser } from './dialect';
import type { Delimiter, DialectProblem } from './dialect';
import { COLUMNS, readHeader, REQUIRED_COLUMNS, tabDelimitedProblem } from './header';
import type { Header } from './header';
import { conflictProblem, parseUploadName } from './names';
import { inRowOrder } from './problems';
import type { Problem } from './problems';
import { countSegments, countSegmentsInBytes, PENDING_C1_SEPTETS } from './segments';
import { ClassAgreement, messageOf, PLAIN_TEXT, validateValues } from './values';
import type { Message, TextReading } from './values';
import { C1Resolver, resolveC1 } from './windows1252';
import type { Latin1Decoder } from './windows1252';

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
  problems: Problem[];
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
  /**
   * Build every message while checking, for a caller that will need them all (`check --json`,
   * the server's queue): one reading of the text instead of two.
   */
  keepMessages?: boolean;
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
  /** The decoded text (null when it could not be decoded), for appending the cause. */
  text(): string | null;
}

export function delimiterOf(format: Format): Delimiter {
  return format === 'excel' ? ';' : ',';
}

function isBlank(fields: string[]): boolean {
  for (const field of fields) if (field !== '') return false;
  return true;
}

function onlyLineEndings(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x0a && c !== 0x0d) return false;
  }
  return true;
}

/**
 * Reads the records after decoding: header, then every data row, validated as it streams by so a
 * large file is never held as a list of records. It keeps no per-row objects unless it is given
 * `messages` to build (see Inspection.messages).
 */
class RowChecker {
  readonly problems: Problem[] = [];
  rows = 0;
  skipped = 0;
  parts = 0;
  ucs2Messages = 0;
  header: Header | null = null;
  /** Each column's field index in COLUMNS order; -1 (read as '') where the file has none. */
  private columnAt: number[] = [];
  /** The header names msisdn and message, so rows can be read into messages. */
  readable = false;
  stopped = false;
  private readonly unclosedRows = new Set<number>();
  private readonly pending: DialectProblem[] = [];
  private readonly classes = new ClassAgreement();

  constructor(
    private readonly delimiter: Delimiter,
    /** The text the parser reads, all of it, where fields are counted in place. */
    private readonly source: string,
    /** The file's bytes, when each is one character of `source` (Windows-1252). */
    private readonly bytes: Uint8Array | null,
    private readonly text: TextReading,
    /** Where to build the messages, up to `limit`; with `only`, instead of validating. */
    private readonly build: {
      messages: Message[];
      limit: number;
      resolver: C1Resolver | null;
      only: boolean;
    } | null = null,
  ) {}

  problem(problem: DialectProblem): void {
    if (problem.code === 'unclosed-quote') this.unclosedRows.add(problem.row);
    // The column's name is known once the header is read; the header itself is row 1.
    if (this.header === null) this.pending.push(problem);
    else this.addDialectProblem(problem);
  }

  record(fields: string[], row: number, starts: readonly number[]): void {
    if (this.stopped) return;
    if (this.header === null) {
      this.readHeaderRow(fields.map(this.text.reveal));
      return;
    }
    // A lone opening quote leaves an empty field, but the row is not blank: it has a quote.
    if (isBlank(fields) && !this.unclosedRows.has(row)) {
      this.skipped++;
      return;
    }
    this.rows++;
    const header = this.header;
    // Without the required columns no row can be read; the header's problems say why.
    if (!this.readable) return;
    if (fields.length !== header.names.length) {
      // An unclosed quote already explains the row: it swallowed the rest of the file.
      if (!this.unclosedRows.has(row)) {
        this.problems.push({
          row,
          column: null,
          code: 'field-count',
          message: `The row has ${fields.length} field${fields.length === 1 ? '' : 's'} but the header has ${header.names.length}: check for a missing or extra "${this.delimiter}", or a message with "${this.delimiter}" that is not in quotes.`,
        });
      }
      return;
    }
    if (this.build !== null) this.resolveFields(fields, starts);
    const at = this.columnAt;
    const msisdn = fields[at[0]!]!;
    const message = fields[at[1]!]!;
    const sender = at[2]! < 0 ? '' : fields[at[2]!]!;
    const cls = at[3]! < 0 ? '' : fields[at[3]!]!;
    const userref = at[4]! < 0 ? '' : fields[at[4]!]!;
    const septets = this.text.septets;
    const start = starts[at[1]!]!;
    // In place where it can be: the message's own slice reads more slowly.
    const segments =
      start >= 0
        ? this.bytes !== null
          ? countSegmentsInBytes(this.bytes, this.source, septets, start, start + message.length)
          : countSegments(this.source, septets, start, start + message.length)
        : countSegments(message, septets);
    const build = this.build;
    if (build !== null) {
      build.messages.push(messageOf(row, msisdn, message, sender, cls, userref, segments));
      if (build.messages.length >= build.limit) this.stopped = true;
      if (build.only) return;
    }
    const problems = this.problems;
    validateValues(msisdn, message, sender, cls, userref, row, problems, segments, this.text);
    this.parts += segments.parts;
    if (segments.encoding === 'UCS-2') this.ucs2Messages++;
    const mixed = this.classes.problemFor(row, cls);
    if (mixed) problems.push(mixed);
  }

  /** A pending text's fields as the characters they stand for, in the order they stand. */
  private resolveFields(fields: string[], starts: readonly number[]): void {
    const resolver = this.build?.resolver;
    if (!resolver) return;
    for (let i = 0; i < fields.length; i++) fields[i] = resolver.resolveAt(fields[i]!, starts[i]!);
  }

  private readHeaderRow(fields: string[]): void {
    const tab = tabDelimitedProblem(fields);
    if (tab) {
      this.problems.push(tab);
      this.stopped = true;
      return;
    }
    const { header, problems } = readHeader(fields, this.delimiter);
    this.header = header;
    this.readable = REQUIRED_COLUMNS.every((column) => header.index[column] !== undefined);
    this.columnAt = COLUMNS.map((column) => header.index[column] ?? -1);
    this.problems.push(...problems);
    for (const problem of this.pending.splice(0)) this.addDialectProblem(problem);
  }

  private addDialectProblem(problem: DialectProblem): void {
    const names = this.header?.names;
    const column =
      problem.field !== null && names !== undefined && problem.field < names.length
        ? names[problem.field]!
        : null;
    this.problems.push({ row: problem.row, column, code: problem.code, message: problem.message });
  }
}

function rejected(
  format: Format,
  problems: Problem[],
  encoding: Encoding | null = null,
  encodingSource: EncodingSource | null = null,
  text: string | null = null,
): Inspection {
  return {
    decision: {
      status: 'rejected',
      encoding,
      encodingSource,
      format,
      rows: 0,
      skipped: 0,
      parts: 0,
      problems,
    },
    ucs2Messages: 0,
    messages: () => [],
    text: () => text,
  };
}

/** Past the first chunk of this many characters, building a few messages stops reading. */
const BUILD_CHUNK = 1 << 16;

/** The server's verdict on a file, and the text it decoded (null when it could not). */
export function inspectFile(file: UploadedFile, options: CheckOptions = {}): Inspection {
  const name = parseUploadName(file.name);
  const format: Format = name.excel ? 'excel' : 'standard';
  const conflict = conflictProblem(name);
  if (conflict) return rejected(format, [conflict]);
  if (file.bytes.length > MAX_FILE_BYTES) {
    const problem: Problem = {
      row: null,
      column: null,
      code: 'too-large',
      message: `The file is ${file.cut ? 'more than 30 MiB' : `${file.bytes.length.toLocaleString('en-US')} bytes`}; the provider reads files up to 30 MiB (${MAX_FILE_BYTES.toLocaleString('en-US')} bytes): split it into files of 10,000 rows.`,
    };
    return rejected(format, [problem]);
  }
  const decoded = decodeDeferred(file.bytes, name.forced, options.latin1);
  if (!decoded.ok) return rejected(format, [decoded.problem], decoded.encoding, decoded.source);
  const { text, encoding, source, pendingC1 } = decoded;
  const reading: TextReading = pendingC1
    ? { septets: PENDING_C1_SEPTETS, reveal: resolveC1 }
    : PLAIN_TEXT;
  const resolved = () => reading.reveal(text);
  if (onlyLineEndings(text)) {
    const problem: Problem = {
      row: null,
      column: null,
      code: 'empty-file',
      message: 'The file is empty: it needs a header row and at least one message.',
    };
    return rejected(format, [problem], encoding, source, resolved());
  }

  const delimiter = delimiterOf(format);
  const oneToOne = encoding === 'windows-1252' ? file.bytes : null;
  const build = (messages: Message[], limit: number, only: boolean) => ({
    messages,
    limit,
    resolver: pendingC1 ? new C1Resolver(text) : null,
    only,
  });
  const kept: Message[] | null = options.keepMessages ? [] : null;
  const checker = new RowChecker(
    delimiter,
    text,
    oneToOne,
    reading,
    kept === null ? null : build(kept, Infinity, false),
  );
  const parser = new DialectParser(delimiter, checker);
  parser.push(text);
  parser.finish();
  const problems = checker.problems;
  if (!checker.stopped && checker.rows === 0) {
    problems.push({
      row: null,
      column: null,
      code: 'no-rows',
      message: 'The file has a header but no messages below it.',
    });
  }
  const decision: Decision = {
    status: problems.length === 0 ? 'success' : 'rejected',
    encoding,
    encodingSource: source,
    format,
    rows: checker.rows,
    skipped: checker.skipped,
    parts: checker.parts,
    problems: inRowOrder(problems),
  };
  const messages = (limit = Infinity): Message[] => {
    if (kept !== null) return Number.isFinite(limit) ? kept.slice(0, limit) : kept;
    const built: Message[] = [];
    if (checker.header === null || !checker.readable || limit <= 0) return built;
    const builder = new RowChecker(delimiter, text, oneToOne, reading, build(built, limit, true));
    const again = new DialectParser(delimiter, builder);
    // A preview's few rows are in the first chunk; all of them need the whole text anyway.
    const chunk = Number.isFinite(limit) ? BUILD_CHUNK : text.length;
    for (let at = 0; at < text.length && !builder.stopped; at += chunk) {
      again.push(text.slice(at, at + chunk));
    }
    if (!builder.stopped) again.finish();
    return built;
  };
  return { decision, ucs2Messages: checker.ucs2Messages, messages, text: resolved };
}

/** The verdict with every message, as `sendsheet check --json` prints it. */
export function checkFile(file: UploadedFile, options: CheckOptions = {}): Verdict {
  const inspection = inspectFile(file, { ...options, keepMessages: true });
  return { ...inspection.decision, messages: inspection.messages() };
}
