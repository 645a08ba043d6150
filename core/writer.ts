import { dsvFormat } from 'd3-dsv';
import { delimiterOf } from './check';
import type { Format } from './check';
import { decodeDeferred, MAX_FILE_BYTES } from './decode';
import type { Encoding } from './decode';
import { detectDelimiter } from './dialect';
import { byteOrderMark, encodeText } from './encode';
import { COLUMNS } from './header';
import type { Column } from './header';
import { parseUploadName, safeBaseName, uploadName, withoutReady } from './names';
import { inRowOrder } from './problems';
import type { Problem } from './problems';
import { checkRow, mixedClassProblems, trimSpaces } from './values';
import type { Message } from './values';
import { encodeWindows1252, fitsWindows1252 } from './windows1252';

/** A message to export, as the app has it after mapping the spreadsheet's columns. */
export interface OutgoingMessage {
  msisdn: string;
  message: string;
  sender?: string;
  class?: string;
  userref?: string;
}

/** `auto` picks Windows-1252 for the Excel format when every character fits, else UTF-8. */
export type ExportEncoding = 'auto' | 'utf8' | 'cp1252';

export interface ExportOptions {
  /** What the user calls the batch; made safe for a file name. */
  baseName: string;
  format?: Format;
  encoding?: ExportEncoding;
  /** The provider recommends 10,000 rows a file; a larger batch is split into several files. */
  rowsPerFile?: number;
}

export interface WrittenFile {
  /** The name to save the file under on disk, e.g. `campaign-2-of-3.csv`. */
  fileName: string;
  /** The name that starts processing on the server, with its modifiers and `.ready`. */
  uploadName: string;
  /**
   * The name to save or download the file under: the upload name without `.ready`, e.g.
   * `campaign.csv.utf8.excel`. Uploaded with another FTP client under this name and then renamed
   * with `.ready` added, it is read as it was written; as `campaign.csv` the provider reads it
   * with other rules (commas, a guessed encoding) and rejects it.
   */
  savedName: string;
  bytes: Uint8Array;
  encoding: Encoding;
  format: Format;
  /** How many messages the file holds, and the index in the input of its first one. */
  rows: number;
  firstIndex: number;
}

export type ExportResult = { ok: true; files: WrittenFile[] } | { ok: false; problems: Problem[] };

export const DEFAULT_ROWS_PER_FILE = 10_000;

/** Lone surrogates cannot be written in any encoding the server reads. */
function hasLoneSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return true;
    } else if (c >= 0xdc00 && c <= 0xdfff) return true;
  }
  return false;
}

function valuesOf(message: OutgoingMessage): Record<Column, string> {
  return {
    msisdn: trimSpaces(message.msisdn),
    message: message.message,
    sender: message.sender ?? '',
    class: message.class ?? '',
    userref: message.userref ?? '',
  };
}

/**
 * How many messages are checked or written between two steps of exportSteps, as many as a
 * chunk of a request (core/contract/wire.ts): a few milliseconds of work, so that a caller
 * that yields at each step keeps its other work going.
 */
export const EXPORT_STEP = 2_000;

/** A piece of work done in steps: each `yield` is a point where the caller may let others run. */
export type Steps<T> = Generator<void, T, void>;

/** Runs the steps to the end at once. */
export function allSteps<T>(steps: Steps<T>): T {
  let next = steps.next();
  while (!next.done) next = steps.next();
  return next.value;
}

/**
 * Every problem the server would find in these messages, with `row` as it would be in one file
 * holding them all (the header is row 1, so message i is row i + 2).
 */
export function exportProblems(
  messages: readonly OutgoingMessage[],
  encoding: ExportEncoding = 'auto',
): Problem[] {
  return allSteps(problemSteps(messages, encoding));
}

function* problemSteps(
  messages: readonly OutgoingMessage[],
  encoding: ExportEncoding,
): Steps<Problem[]> {
  const problems: Problem[] = [];
  if (messages.length === 0) {
    problems.push({
      row: null,
      column: null,
      code: 'no-rows',
      message: 'There are no messages.',
      values: { kind: 'no-messages' },
    });
  }
  const checked: Message[] = [];
  for (let index = 0; index < messages.length; index++) {
    if (index > 0 && index % EXPORT_STEP === 0) yield;
    const message = messages[index]!;
    const row = index + 2;
    const values = valuesOf(message);
    checked.push(checkRow(values, row, problems));
    for (const column of COLUMNS) {
      const value = values[column];
      if (hasLoneSurrogate(value)) {
        problems.push({
          row,
          column,
          code: 'bad-encoding',
          message:
            'The text has a broken character (a lone UTF-16 surrogate) that no file encoding can hold: retype it.',
          values: { kind: 'lone-surrogate' },
        });
      } else if (encoding === 'cp1252' && !fitsWindows1252(value)) {
        const bad = [...value].find((c) => !fitsWindows1252(c)) ?? '';
        problems.push({
          row,
          column,
          code: 'bad-encoding',
          message: `The character ${JSON.stringify(bad)} cannot be written in Windows-1252: choose UTF-8 or automatic encoding.`,
          values: { kind: 'not-cp1252', char: JSON.stringify(bad) },
        });
      }
    }
  }
  return inRowOrder([...problems, ...mixedClassProblems(checked)]);
}

function* encodingSteps(
  messages: readonly OutgoingMessage[],
  format: Format,
  encoding: ExportEncoding,
): Steps<Encoding> {
  if (encoding === 'utf8') return 'utf-8';
  if (encoding === 'cp1252') return 'windows-1252';
  if (format === 'standard') return 'utf-8';
  for (let index = 0; index < messages.length; index++) {
    if (index > 0 && index % EXPORT_STEP === 0) yield;
    const values = Object.values(valuesOf(messages[index]!));
    if (!values.every((value) => fitsWindows1252(value))) return 'utf-8';
  }
  return 'windows-1252';
}

function stripExtension(name: string): string {
  return name.replace(/\.(csv|txt|xlsx|xls|ods)$/i, '');
}

/**
 * Writes messages as files the provider accepts (SPEC 1-6): standard (comma, LF, UTF-8) or Excel
 * (semicolon, CR LF, Windows-1252 when every character fits, else UTF-8 with a BOM so that Excel
 * opens it right). The encoding is always named in the upload name, since detection can mistake a
 * Windows-1252 file for UTF-8. Nothing is written when any message has a problem.
 */
export function writeExport(
  messages: readonly OutgoingMessage[],
  options: ExportOptions,
): ExportResult {
  return allSteps(exportSteps(messages, options));
}

/**
 * writeExport in steps of EXPORT_STEP messages, for a caller that must not stop other work
 * meanwhile (the app's service, beside the emulated servers, with a million messages).
 */
export function* exportSteps(
  messages: readonly OutgoingMessage[],
  options: ExportOptions,
): Steps<ExportResult> {
  const format = options.format ?? 'excel';
  const requested = options.encoding ?? 'auto';
  const rowsPerFile = Math.max(1, Math.floor(options.rowsPerFile ?? DEFAULT_ROWS_PER_FILE));
  const problems = yield* problemSteps(messages, requested);
  if (problems.length > 0) return { ok: false, problems };

  const encoding = yield* encodingSteps(messages, format, requested);
  const modifier = encoding === 'windows-1252' ? 'cp1252' : 'utf8';
  const dsv = dsvFormat(delimiterOf(format));
  const lineEnding = format === 'excel' ? '\r\n' : '\n';
  const optional = (['sender', 'class', 'userref'] as const).filter((column) =>
    messages.some((m) => (m[column] ?? '') !== ''),
  );
  const columns: Column[] = ['msisdn', 'message', ...optional];
  const header = dsv.formatRow(columns);
  const base = stripExtension(safeBaseName(options.baseName));
  const count = Math.ceil(messages.length / rowsPerFile);

  const files: WrittenFile[] = [];
  for (let part = 0; part < count; part++) {
    const firstIndex = part * rowsPerFile;
    const slice = messages.slice(firstIndex, firstIndex + rowsPerFile);
    // Each step's rows are joined and encoded in that step: a file of any size is never one
    // long piece of work (a 2 MiB text takes tens of milliseconds to join and encode).
    const pieces: Uint8Array[] =
      format === 'excel' && encoding === 'utf-8' ? [byteOrderMark('utf-8')] : [];
    const encode = (lines: string[]) => {
      const text = lines.join(lineEnding) + lineEnding;
      pieces.push(
        encoding === 'windows-1252' ? encodeWindows1252(text)! : encodeText(text, 'utf-8'),
      );
    };
    let lines = [header];
    for (let index = 0; index < slice.length; index++) {
      if (index > 0 && index % EXPORT_STEP === 0) {
        encode(lines);
        lines = [];
        yield;
      }
      const values = valuesOf(slice[index]!);
      lines.push(dsv.formatRow(columns.map((column) => values[column])));
    }
    encode(lines);
    const bytes = concatAll(pieces);
    const fileName = count === 1 ? `${base}.csv` : `${base}-${part + 1}-of-${count}.csv`;
    const upload = uploadName(fileName, { excel: format === 'excel', encoding: modifier });
    yield;
    files.push({
      fileName,
      uploadName: upload,
      savedName: withoutReady(upload),
      bytes,
      encoding,
      format,
      rows: slice.length,
      firstIndex,
    });
  }
  return { ok: true, files };
}

/** The modifier that names each encoding the export writes in; the others need none (a BOM). */
const MODIFIER_OF: Partial<Record<Encoding, 'utf8' | 'cp1252'>> = {
  'utf-8': 'utf8',
  'windows-1252': 'cp1252',
};

export interface NameFromContent {
  /** The upload name, `.ready` and all: `list.csv.cp1252.excel.ready`. */
  uploadName: string;
  format: Format;
  encoding: Encoding;
}

/**
 * The name the export would have given a file it wrote with these bytes, for a file whose own
 * name has no modifiers: `.excel` when its header row is separated by semicolons, and the
 * encoding the server detects, forced (detection can mistake Windows-1252 for UTF-8, and the
 * export always names it). Null when the name has modifiers, or the bytes cannot be read at all
 * (too large, or broken UTF-16): the server's check then says why.
 */
export function nameFromContent(name: string, bytes: Uint8Array): NameFromContent | null {
  const parsed = parseUploadName(name);
  if (parsed.modifiers.length > 0 || bytes.length > MAX_FILE_BYTES) return null;
  const decoded = decodeDeferred(bytes, null);
  if (!decoded.ok) return null;
  const format: Format = detectDelimiter(decoded.text) === ';' ? 'excel' : 'standard';
  const modifier = MODIFIER_OF[decoded.encoding] ?? null;
  return {
    uploadName: uploadName(safeBaseName(parsed.base), {
      excel: format === 'excel',
      encoding: modifier,
    }),
    format,
    encoding: decoded.encoding,
  };
}

function concatAll(pieces: readonly Uint8Array[]): Uint8Array {
  if (pieces.length === 1) return pieces[0]!;
  const out = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
  let offset = 0;
  for (const piece of pieces) {
    out.set(piece, offset);
    offset += piece.length;
  }
  return out;
}
