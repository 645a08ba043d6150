/**
 * The rejection cause (SPEC section 8): the block the server appends to a rejected file, in the
 * file's own encoding and line ending, and the reading of it back into problems, so that a client
 * downloading a `.rejected` file shows what the server found.
 *
 *     # REJECTED 2026-11-24T14:00:00Z: 2 problem(s)
 *     # row 3, column msisdn: bad-msisdn: ...
 *     # too-large: ...
 */
import type { Encoding } from './decode';
import { encodeText } from './encode';
import { PROBLEM_CODES } from './problems';
import type { Problem, ProblemCode } from './problems';

export const MAX_CAUSE_LINES = 100;

export interface ParsedCause {
  /** The time as written, `YYYY-MM-DDTHH:MM:SSZ`. */
  at: string;
  /** How many problems the server found: the listed ones plus `more`. */
  total: number;
  /** The listed problems, in file order. `offset` is not part of the format and is absent. */
  problems: Problem[];
  /** The problems the block counts but does not list (`# ... and K more`). */
  more: number;
}

const HEADER_START = '# REJECTED ';
const HEADER_END = ' problem(s)';
const MORE_START = '# ... and ';
const MORE_END = ' more';
const ROW_START = 'row ';
const COLUMN_START = 'column ';
/** The header's time, `d` for a digit. */
const TIME_SHAPE = 'dddd-dd-ddTdd:dd:ddZ';

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

function causeTime(at: Date): string {
  const iso = at.toISOString(); // throws RangeError on an invalid date
  if (iso.length !== 24) throw new RangeError(`A cause needs a year from 0 to 9999: ${iso}`);
  return `${iso.slice(0, 19)}Z`;
}

/**
 * A sentence or column name as one line of the block: control characters (CR and LF among them)
 * and the Unicode line and paragraph separators become a space, so nothing can end a line early
 * or forge one; an unpaired surrogate becomes U+FFFD, as every encoder writes it, so that the
 * text reads back the same from every encoding.
 */
function oneLine(text: string): string {
  let out: string | null = null;
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let replacement: string | null = null;
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029) {
      replacement = ' ';
    } else if (c >= 0xd800 && c <= 0xdfff) {
      const next = text.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++;
      else replacement = '\ufffd';
    }
    if (replacement !== null) {
      out = (out ?? '') + text.slice(copied, i) + replacement;
      copied = i + 1;
    }
  }
  return out === null ? text : out + text.slice(copied);
}

const CODES: ReadonlyMap<string, ProblemCode> = new Map(PROBLEM_CODES.map((code) => [code, code]));
const LONGEST_CODE = Math.max(...PROBLEM_CODES.map((code) => code.length));

/** Codes are lowercase words joined by `-`. */
function isCodeChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || c === 0x2d;
}

/** The code whose `CODE: ` starts at `at`, if any. Looks at most one code's length ahead. */
function codeAt(line: string, at: number): ProblemCode | null {
  const limit = Math.min(line.length, at + LONGEST_CODE + 1);
  let end = at;
  while (end < limit && isCodeChar(line.charCodeAt(end))) end++;
  if (!line.startsWith(': ', end)) return null;
  return CODES.get(line.slice(at, end)) ?? null;
}

/**
 * Where the first `: CODE: ` in `line` starts, from `from` on; -1 if none. This is what ends an
 * unquoted column name.
 */
function codeMarker(line: string, from: number): number {
  for (let i = line.indexOf(': ', from); i !== -1; i = line.indexOf(': ', i + 1)) {
    if (codeAt(line, i + 2) !== null) return i;
  }
  return -1;
}

/**
 * A column name as the line writes it. Column names are the file's own header text and may hold
 * anything, so a name that would read back differently is quoted, CSV-style (`""` for `"`): one
 * that starts with a quote, or in which `: CODE: ` would be found before the real code.
 */
function columnText(column: string): string {
  const quoted = column.charCodeAt(0) === QUOTE || codeMarker(`${column}: `, 0) !== -1;
  return quoted ? `"${column.replaceAll('"', '""')}"` : column;
}

function problemLine(problem: Problem): string {
  let line = '# ';
  if (problem.row !== null) {
    if (!Number.isSafeInteger(problem.row) || problem.row < 0) {
      throw new RangeError(`A problem's row is a whole number, not ${problem.row}`);
    }
    line += `${ROW_START}${problem.row}, `;
  }
  if (problem.column !== null) line += `${COLUMN_START}${columnText(oneLine(problem.column))}: `;
  return `${line}${problem.code}: ${oneLine(problem.message)}`;
}

/**
 * The block's lines, without line endings: header, at most 100 problems, the rest counted.
 * `total` is how many problems there are, when `problems` holds only the first of them (a
 * Decision keeps the first MAX_KEPT_PROBLEMS and counts the rest).
 */
export function causeLines(
  problems: readonly Problem[],
  at: Date,
  total: number = problems.length,
): string[] {
  // The block lists the first 100 in full when it counts more, so they must all be here.
  const short = total > problems.length && problems.length < MAX_CAUSE_LINES;
  if (!Number.isSafeInteger(total) || total < problems.length || short) {
    throw new RangeError(`${problems.length} problems listed cannot be ${total} in all`);
  }
  const listed = problems.slice(0, MAX_CAUSE_LINES);
  const lines = [`${HEADER_START}${causeTime(at)}: ${total}${HEADER_END}`];
  for (const problem of listed) lines.push(problemLine(problem));
  if (total > listed.length) lines.push(`${MORE_START}${total - listed.length}${MORE_END}`);
  return lines;
}

/** How the file's lines end, which the block follows. */
interface Layout {
  /** CR LF if the file's first line ending is CR LF, else LF. */
  lineEnding: '\n' | '\r\n';
  /** The file ends with LF or CR LF; a lone CR at the end is not a line ending. */
  terminated: boolean;
}

function textLayout(text: string): Layout {
  const firstLf = text.indexOf('\n');
  return {
    lineEnding: firstLf > 0 && text.charCodeAt(firstLf - 1) === CR ? '\r\n' : '\n',
    terminated: text.charCodeAt(text.length - 1) === LF,
  };
}

/** Bytes of one code unit of an encoding, and where in the unit its low byte sits. */
export function unitOf(encoding: Encoding | null): { size: number; low: number } {
  switch (encoding) {
    case 'utf-16le':
      return { size: 2, low: 0 };
    case 'utf-16be':
      return { size: 2, low: 1 };
    case 'utf-32le':
      return { size: 4, low: 0 };
    case 'utf-32be':
      return { size: 4, low: 3 };
    default:
      return { size: 1, low: 0 };
  }
}

/** The layout read from the raw bytes, for a file that was not decoded. */
function byteLayout(bytes: Uint8Array, encoding: Encoding | null): Layout {
  const { size, low } = unitOf(encoding);
  /** The code unit starting at byte `at` is `c`: its low byte `c`, the others 0. */
  const unitIs = (at: number, c: number): boolean => {
    for (let k = 0; k < size; k++) if (bytes[at + k] !== (k === low ? c : 0)) return false;
    return true;
  };
  let firstLf = -1;
  if (size === 1) firstLf = bytes.indexOf(LF);
  else {
    for (let at = 0; at + size <= bytes.length; at += size) {
      if (unitIs(at, LF)) {
        firstLf = at;
        break;
      }
    }
  }
  const last = bytes.length - size;
  return {
    lineEnding: firstLf >= size && unitIs(firstLf - size, CR) ? '\r\n' : '\n',
    // A file that stops inside a code unit does not end with a line ending.
    terminated: bytes.length % size === 0 && last >= 0 && unitIs(last, LF),
  };
}

function appendix(layout: Layout, problems: readonly Problem[], at: Date, total?: number): string {
  const eol = layout.lineEnding;
  const lines = causeLines(problems, at, total);
  return (layout.terminated ? '' : eol) + eol + lines.join(eol) + eol;
}

/**
 * The cause to append to a file that is not read (SPEC 2: too large), from its first bytes and
 * whether its last byte is LF: as appendCause writes it for a file of no known encoding, in
 * UTF-8, when `head` holds the file's first LF. A file with none in its first bytes gets LF.
 */
export function unreadCause(
  head: Uint8Array,
  endsWithLf: boolean,
  problems: readonly Problem[],
  at: Date,
): Uint8Array {
  const firstLf = head.indexOf(LF);
  const layout: Layout = {
    lineEnding: firstLf >= 1 && head[firstLf - 1] === CR ? '\r\n' : '\n',
    terminated: endsWithLf,
  };
  return encodeText(appendix(layout, problems, at), 'utf-8');
}

/** The text to append to a file whose decoded text is `text`; `total` as for causeLines. */
export function causeText(
  text: string,
  problems: readonly Problem[],
  at: Date,
  total?: number,
): string {
  return appendix(textLayout(text), problems, at, total);
}

/**
 * The rejected file: its bytes untouched, then the cause in the file's own encoding, without a
 * BOM. A file that was not decoded (too large, say) gets the cause in UTF-8, which is ASCII for
 * the problems core writes, with its layout read from the bytes. `total` as for causeLines.
 *
 * A UTF-16 or UTF-32 file that stops inside a code unit has zero bytes added to finish that
 * unit before the cause, so that the cause's units line up with the file's and any decoder of
 * the file reads it (see causeInFile); the uploaded bytes stay as they were.
 */
export function appendCause(
  bytes: Uint8Array,
  file: { encoding: Encoding | null; text: string | null },
  problems: readonly Problem[],
  at: Date,
  total?: number,
): Uint8Array {
  const layout = file.text === null ? byteLayout(bytes, file.encoding) : textLayout(file.text);
  const cause = encodeText(appendix(layout, problems, at, total), file.encoding ?? 'utf-8');
  const { size } = unitOf(file.encoding);
  const padding = (size - (bytes.length % size)) % size;
  const result = new Uint8Array(bytes.length + padding + cause.length);
  result.set(bytes);
  result.set(cause, bytes.length + padding);
  return result;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** A whole number written the way the block writes it (no sign, no leading zero), or null. */
function wholeNumber(text: string, start: number, end: number): number | null {
  if (end <= start || (text.charCodeAt(start) === 0x30 && end - start > 1)) return null;
  for (let i = start; i < end; i++) if (!isDigit(text.charCodeAt(i))) return null;
  const value = Number(text.slice(start, end));
  return Number.isSafeInteger(value) ? value : null;
}

/** `YYYY-MM-DDTHH:MM:SSZ` that is a real time, as `causeTime` writes it. */
function isCauseTime(text: string): boolean {
  if (text.length !== TIME_SHAPE.length) return false;
  for (let i = 0; i < TIME_SHAPE.length; i++) {
    const c = text.charCodeAt(i);
    if (TIME_SHAPE[i] === 'd' ? !isDigit(c) : text[i] !== TIME_SHAPE[i]) return false;
  }
  // Out-of-range fields (30 February, hour 24) read as another time or none, and so fail here.
  const time = Date.parse(text);
  return !Number.isNaN(time) && causeTime(new Date(time)) === text;
}

function parseHeader(line: string): { at: string; total: number } | null {
  if (!line.startsWith(HEADER_START) || !line.endsWith(HEADER_END)) return null;
  const timeEnd = HEADER_START.length + TIME_SHAPE.length;
  const at = line.slice(HEADER_START.length, timeEnd);
  if (!isCauseTime(at) || !line.startsWith(': ', timeEnd)) return null;
  const total = wholeNumber(line, timeEnd + 2, line.length - HEADER_END.length);
  return total === null ? null : { at, total };
}

function parseMore(line: string): number | null {
  if (!line.startsWith(MORE_START) || !line.endsWith(MORE_END)) return null;
  const more = wholeNumber(line, MORE_START.length, line.length - MORE_END.length);
  return more !== null && more > 0 ? more : null;
}

/** Reads `"…"` with `""` for a quote, starting at the opening quote; null if it never closes. */
function quoted(line: string, open: number): { text: string; end: number } | null {
  let text = '';
  let from = open + 1;
  for (;;) {
    const close = line.indexOf('"', from);
    if (close === -1) return null;
    text += line.slice(from, close);
    if (line.charCodeAt(close + 1) !== QUOTE) return { text, end: close + 1 };
    text += '"';
    from = close + 2;
  }
}

function parseProblemLine(line: string): Problem | null {
  if (!line.startsWith('# ')) return null;
  let at = 2;
  let row: number | null = null;
  if (line.startsWith(ROW_START, at)) {
    const comma = line.indexOf(', ', at);
    row = comma === -1 ? null : wholeNumber(line, at + ROW_START.length, comma);
    if (row === null) return null;
    at = comma + 2;
  }
  let column: string | null = null;
  if (line.startsWith(COLUMN_START, at)) {
    at += COLUMN_START.length;
    if (line.charCodeAt(at) === QUOTE) {
      const name = quoted(line, at);
      if (name === null || !line.startsWith(': ', name.end)) return null;
      column = name.text;
      at = name.end + 2;
    } else {
      const marker = codeMarker(line, at);
      if (marker === -1) return null;
      column = line.slice(at, marker);
      at = marker + 2;
    }
  }
  const code = codeAt(line, at);
  if (code === null) return null;
  return { row, column, code, message: line.slice(at + code.length + 2) };
}

/** The lines of `text` from the last back, without their line endings. */
function* linesFromEnd(text: string): Generator<string> {
  for (let end = text.length; ;) {
    const start = end === 0 ? 0 : text.lastIndexOf('\n', end - 1) + 1;
    const cr = end > start && text.charCodeAt(end - 1) === CR;
    yield text.slice(start, cr ? end - 1 : end);
    if (start === 0) return;
    end = start - 1;
  }
}

/**
 * Reads back the last cause block of a decoded file: the header, its problem lines and `# ... and
 * K more`, then nothing but empty lines to the end. The server writes an empty line before the
 * header; a block appended without it (or as the file's first line) reads the same, since the
 * provider's own page says no more than "added to the bottom of the file" (issue 19). Null when
 * the file does not end with a whole block as `causeLines` writes it, counts that disagree
 * included, so that a block a person edited is never half read. Only the block itself is read,
 * from the end.
 */
export function parseCause(text: string): ParsedCause | null {
  const listed: Problem[] = [];
  let more = 0;
  let atBottom = true;
  for (const line of linesFromEnd(text)) {
    if (atBottom) {
      if (line === '') continue;
      atBottom = false;
      const counted = parseMore(line);
      if (counted !== null) {
        more = counted;
        continue;
      }
    }
    const problem = parseProblemLine(line);
    if (problem === null) {
      const header = parseHeader(line);
      if (header === null) return null;
      const counted = header.total === listed.length + more;
      const complete = more === 0 || listed.length === MAX_CAUSE_LINES;
      if (!counted || !complete) return null;
      return { at: header.at, total: header.total, problems: listed.reverse(), more };
    }
    if (listed.length === MAX_CAUSE_LINES) return null;
    listed.push(problem);
  }
  return null;
}
