import { decode, MAX_FILE_BYTES } from './decode';
import type { Encoding, EncodingSource } from './decode';
import { DialectParser } from './dialect';
import type { Delimiter, DialectProblem } from './dialect';
import { COLUMNS, readHeader, REQUIRED_COLUMNS, tabDelimitedProblem } from './header';
import type { Header } from './header';
import { conflictProblem, parseUploadName } from './names';
import { inRowOrder } from './problems';
import type { Problem } from './problems';
import type { Latin1Decoder } from './windows1252';
import { checkValues, mixedClassProblems } from './values';
import type { Message } from './values';

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
}

/** How the runtime can help: the Node side passes decoders faster than TextDecoder. */
export interface CheckOptions {
  latin1?: Latin1Decoder;
}

/** A verdict plus the decoded text it was made from, for appending the cause. */
export interface Inspection {
  verdict: Verdict;
  text: string | null;
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
 * large file is never held as a list of records.
 */
class RowChecker {
  readonly problems: Problem[] = [];
  readonly messages: Message[] = [];
  rows = 0;
  skipped = 0;
  header: Header | null = null;
  /** Each column's field index in COLUMNS order; -1 (read as '') where the file has none. */
  private columnAt: number[] = [];
  /** The header names msisdn and message, so rows can be read into messages. */
  readable = false;
  stopped = false;
  private readonly unclosedRows = new Set<number>();
  private readonly pending: DialectProblem[] = [];

  constructor(private readonly delimiter: Delimiter) {}

  problem(problem: DialectProblem): void {
    if (problem.code === 'unclosed-quote') this.unclosedRows.add(problem.row);
    // The column's name is known once the header is read; the header itself is row 1.
    if (this.header === null) this.pending.push(problem);
    else this.addDialectProblem(problem);
  }

  record(fields: string[], row: number): void {
    if (this.stopped) return;
    if (this.header === null) {
      this.readHeaderRow(fields);
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
    const at = this.columnAt;
    this.messages.push(
      checkValues(
        fields[at[0]!]!,
        fields[at[1]!]!,
        at[2]! < 0 ? '' : fields[at[2]!]!,
        at[3]! < 0 ? '' : fields[at[3]!]!,
        at[4]! < 0 ? '' : fields[at[4]!]!,
        row,
        this.problems,
      ),
    );
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
): Verdict {
  return {
    status: 'rejected',
    encoding,
    encodingSource,
    format,
    rows: 0,
    skipped: 0,
    parts: 0,
    problems,
    messages: [],
  };
}

/** The server's verdict on a file, and the text it decoded (null when it could not). */
export function inspectFile(file: UploadedFile, options: CheckOptions = {}): Inspection {
  const name = parseUploadName(file.name);
  const format: Format = name.excel ? 'excel' : 'standard';
  const conflict = conflictProblem(name);
  if (conflict) return { verdict: rejected(format, [conflict]), text: null };
  if (file.bytes.length > MAX_FILE_BYTES) {
    const problem: Problem = {
      row: null,
      column: null,
      code: 'too-large',
      message: `The file is ${file.bytes.length.toLocaleString('en-US')} bytes; the provider reads files up to 30 MiB (${MAX_FILE_BYTES.toLocaleString('en-US')} bytes): split it into files of 10,000 rows.`,
    };
    return { verdict: rejected(format, [problem]), text: null };
  }
  const decoded = decode(file.bytes, name.forced, options.latin1);
  if (!decoded.ok) {
    return {
      verdict: rejected(format, [decoded.problem], decoded.encoding, decoded.source),
      text: null,
    };
  }
  const { text, encoding, source } = decoded;
  if (onlyLineEndings(text)) {
    const problem: Problem = {
      row: null,
      column: null,
      code: 'empty-file',
      message: 'The file is empty: it needs a header row and at least one message.',
    };
    return { verdict: rejected(format, [problem], encoding, source), text };
  }

  const delimiter = delimiterOf(format);
  const checker = new RowChecker(delimiter);
  const parser = new DialectParser(delimiter, checker);
  parser.push(text);
  parser.finish();
  const problems = checker.problems;
  if (!checker.stopped) {
    problems.push(...mixedClassProblems(checker.messages));
    if (checker.rows === 0) {
      problems.push({
        row: null,
        column: null,
        code: 'no-rows',
        message: 'The file has a header but no messages below it.',
      });
    }
  }
  let parts = 0;
  for (const message of checker.messages) parts += message.parts;
  const verdict: Verdict = {
    status: problems.length === 0 ? 'success' : 'rejected',
    encoding,
    encodingSource: source,
    format,
    rows: checker.rows,
    skipped: checker.skipped,
    parts,
    problems: inRowOrder(problems),
    messages: checker.messages,
  };
  return { verdict, text };
}

export function checkFile(file: UploadedFile, options: CheckOptions = {}): Verdict {
  return inspectFile(file, options).verdict;
}
