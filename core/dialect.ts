/**
 * The CSV dialect the provider's server reads (SPEC section 4), as a streaming parser.
 *
 * The text arrives decoded (SPEC 3 has already dropped any BOM) in chunks of any size. The
 * parser splits it into records and reports what breaks the dialect; it knows nothing of the
 * header, field counts or blank rows, which are the caller's rules.
 *
 * Where SPEC 4 is silent, this reading is ours:
 * - A quote opens a quoted field only as the field's FIRST character, so ` "a"` (leading space)
 *   is an unquoted field holding a stray quote.
 * - A stray quote is kept as data and never starts quoting: `a"b,c` is two fields.
 * - After a stray quote the field keeps every character as written, except that the part that
 *   was in quotes has its opening quote dropped and its `""` read as one quote: `"ab"c` is
 *   `ab"c`. The file is rejected anyway; this keeps what the preview shows close to the file.
 * - An unclosed quote's field runs to the end of the input, line breaks and all.
 * - A lone CR ends its row (after reporting it), so later rows keep their numbers.
 * - Every problem of a row is reported before that row's record, so a sink knows a record's
 *   problems when it gets the record.
 */

import { DIALECT_MESSAGES } from './dialect-problems';
import type { DialectProblem } from './dialect-problems';
import { indexOrEnd, JOINED_PAIRS, unescape } from './dialect-text';

export type Delimiter = ',' | ';';
export { detectDelimiter } from './dialect-text';
export type { InputDelimiter } from './dialect-text';

export interface RecordSink {
  /**
   * Every record, blank ones included; the sink owns `fields` from then on. `starts[i]`, when
   * not -1, is where fields[i] is written as one piece of the input (offsets count every chunk
   * pushed): `input.slice(starts[i], starts[i] + fields[i].length)` is the field, so a sink can
   * read it in place. A field with `""` or a stray quote has -1. The parser reuses `starts`:
   * read it during the call only. `count` is the record's number of fields: more than
   * `fields.length` where the parser keeps fewer (see DialectParser.keepFields). `ends[i]` is
   * where a field with a start ends (reused too); after DialectParser.leaveInPlace, a kept
   * field with a start may be given as '' (its text is the input's from start to end).
   */
  record(
    fields: string[],
    row: number,
    starts: readonly number[],
    count: number,
    ends: readonly number[],
  ): void;
  problem(problem: DialectProblem): void;
  /**
   * Each field the parser does not keep (see keepFields), the `index`-th of its record with
   * `start` as in `starts`, before its record: memory is bounded by the input, not by its count
   * of fields, as no list of millions is gathered.
   */
  field?(value: string, index: number, start: number): void;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const COMMA = 0x2c;
const SEMICOLON = 0x3b;

// Where the parser stands between two characters. Numbers, not strings, for the hot switch.
/** Before a field's first character (row start or just after a delimiter). */
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
/** Just after a quote inside a quoted field: it closes the field, or starts `""`. */
const AFTER_QUOTE = 3;
/** Just after a CR outside quotes: CR LF ends the row, anything else makes it a lone CR. */
const AFTER_CR = 4;
type State =
  typeof FIELD_START | typeof UNQUOTED | typeof QUOTED | typeof AFTER_QUOTE | typeof AFTER_CR;

/**
 * Splits decoded text into records. `push` the text in chunks of any size (every chunking
 * gives the same records and problems), then `finish` once.
 *
 * It jumps from one delimiter, line end or quote to the next with indexOf and takes each field
 * as one slice of its chunk; a field is built by concatenation only when it spans chunks or
 * holds a stray quote. Time is linear in the input.
 */
export class DialectParser {
  readonly #delimiter: number;
  readonly #sink: RecordSink;
  #state: State = FIELD_START;
  /** The fields of the current record so far, the first `#keep` of them. */
  #fields: string[] = [];
  /** How many fields the current record has so far. */
  #count = 0;
  #keep = Infinity;
  /** The current field's text taken so far from earlier chunks or before a `""`. */
  #partial = '';
  /** Offset in the input of the current field's text, or -1 when it is not one piece. */
  #fieldStart = -1;
  /** The current record's fields' offsets (see RecordSink), reused from record to record. */
  readonly #starts: number[] = [];
  readonly #ends: number[] = [];
  /** Kept fields that stand in the input as one piece are given as '' (leaveInPlace). */
  #inPlace = false;
  /**
   * After leaveInPlace, how many `""` each kept field given as '' holds (0 for any other): its
   * text is the input's from its start to its end with each `""` read as one quote. Reused
   * from record to record, as `starts`.
   */
  readonly pairs: number[] = [];
  /** The current quoted field's `""` so far, where it stays in place. */
  #pairCount = 0;
  /** Where the quote that may close the current quoted field stands in the input. */
  #quoteEnd = -1;
  /** Characters pushed before the current chunk. */
  #consumed = 0;
  /** The current record's row. */
  #row = 1;
  /** Whether the current field has reported its stray quote (once per field). */
  #stray = false;
  #finished = false;

  constructor(delimiter: Delimiter, sink: RecordSink) {
    if (delimiter !== ',' && delimiter !== ';') {
      throw new Error(`DialectParser: unsupported delimiter ${JSON.stringify(delimiter)}`);
    }
    this.#delimiter = delimiter === ',' ? COMMA : SEMICOLON;
    this.#sink = sink;
  }

  /** From the next field on, keep each record's first `limit` fields; the rest go to `field`. */
  keepFields(limit: number): void {
    if (!(limit >= 0)) throw new RangeError(`DialectParser: cannot keep ${limit} fields`);
    this.#keep = limit;
  }

  /**
   * From now on, a kept field that stands in the input as one piece is given to the sink as ''
   * with its start and end, and never made a string: for a sink that reads the input's bytes
   * (a Windows-1252 file), where a string for every field was much of the collector's work. A
   * quoted field stays in place with its `""` (`pairs` says how many). The sink reads each
   * record's fields during its call only: the array is the same from record to record.
   */
  leaveInPlace(): void {
    this.#inPlace = true;
  }

  /**
   * A record ends: given to the sink, and the array for the next one's fields, a new one but in
   * place (leaveInPlace), where the sink reads them during the call only: an array a row was
   * most of the collector's work there.
   */
  #record(fields: string[], row: number, count: number): string[] {
    if (!this.#inPlace) {
      this.#sink.record(fields, row, this.#starts, count, this.#ends);
      return [];
    }
    const kept = Math.min(count, this.#keep);
    if (fields.length !== kept) fields.length = kept;
    this.#sink.record(fields, row, this.#starts, count, this.#ends);
    return fields;
  }

  /**
   * Whether the field `count` of its record, starting at `fieldStart` (-1: not one piece of the
   * input), is given in place (leaveInPlace). Read at each field: the sink may change what is
   * kept (at the header's record) mid-chunk.
   */
  #staysInPlace(fieldStart: number, count: number): boolean {
    return this.#inPlace && fieldStart >= 0 && count < this.#keep;
  }

  /** A field ends: kept, or handed to the sink. */
  #field(fields: string[], starts: number[], count: number, value: string, start: number): void {
    if (count >= this.#keep) return this.#sink.field?.(value, count, start);
    starts[count] = start;
    this.#ends[count] = start < 0 ? -1 : start + value.length;
    this.pairs[count] = 0;
    fields[count] = value;
  }

  push(chunk: string): void {
    if (this.#finished) throw new Error('DialectParser: push() after finish()');
    const n = chunk.length;
    const delimiter = this.#delimiter;
    const delimiterChar = delimiter === COMMA ? ',' : ';';
    const sink = this.#sink;
    let state = this.#state;
    let fields = this.#fields;
    let count = this.#count;
    let partial = this.#partial;
    let row = this.#row;
    let stray = this.#stray;
    let fieldStart = this.#fieldStart;
    let pairCount = this.#pairCount;
    let quoteEnd = this.#quoteEnd;
    const pairsAt = this.pairs;
    const starts = this.#starts;
    const ends = this.#ends;
    const offset = this.#consumed;
    // Start, in this chunk, of the current field's text not yet in `partial`. A field carried
    // over from the previous chunk continues at 0.
    let start = 0;
    let i = 0;
    // Where the next delimiter, LF, CR and quote are in this chunk (n for none), found with
    // indexOf, which is far faster than a char loop, and looked for again only once passed.
    // Each is searched over each stretch of the chunk at most once, so this stays linear.
    let nextDelimiter = -1;
    let nextLf = -1;
    let nextCr = -1;
    let nextQuote = -1;
    // Past its first few, a quoted field's `""` are left as written (`escaped`) and undone once
    // when taken: millions of them are one slice, not millions of joined pieces. `quoteAt` is
    // where the quote that may close the field is, -1 when it ended the previous chunk.
    let escaped = false;
    let quoteAt = -1;
    let pairs = 0;

    while (i < n) {
      // The one place that looks for a quote, for quoted and unquoted text alike: written in
      // both branches, V8's optimizer merges the two identical searches into one that runs on
      // every pass of this loop, which stays correct but turns quadratic.
      if (nextQuote < i) nextQuote = indexOrEnd(chunk, '"', i);
      switch (state) {
        case FIELD_START: {
          stray = false;
          pairs = 0;
          pairCount = 0;
          if (chunk.charCodeAt(i) === QUOTE) {
            state = QUOTED;
            start = ++i;
          } else {
            state = UNQUOTED;
            start = i;
          }
          fieldStart = offset + start;
          break;
        }

        case UNQUOTED: {
          // The field ends at the nearest delimiter, LF or CR; a quote on the way is stray.
          if (nextDelimiter < i) nextDelimiter = indexOrEnd(chunk, delimiterChar, i);
          if (nextLf < i) nextLf = indexOrEnd(chunk, '\n', i);
          if (nextCr < i) nextCr = indexOrEnd(chunk, '\r', i);
          let end = nextDelimiter < nextLf ? nextDelimiter : nextLf;
          if (nextCr < end) end = nextCr;
          if (nextQuote < end) end = nextQuote;
          if (end === n) {
            i = n;
            break;
          }
          i = end + 1;
          if (end === nextQuote) {
            if (!stray) {
              stray = true;
              sink.problem({
                code: 'stray-quote',
                row,
                field: count,
                message: DIALECT_MESSAGES.quoteInUnquoted,
              });
            }
            break;
          }
          if (this.#staysInPlace(fieldStart, count)) {
            fields[count] = '';
            starts[count] = fieldStart;
            pairsAt[count] = 0;
            ends[count++] = offset + end;
          } else {
            this.#field(fields, starts, count++, partial + chunk.slice(start, end), fieldStart);
          }
          partial = '';
          if (end === nextDelimiter) {
            state = FIELD_START;
          } else if (end === nextLf) {
            fields = this.#record(fields, row++, count);
            count = 0;
            state = FIELD_START;
          } else {
            state = AFTER_CR;
          }
          break;
        }

        case QUOTED: {
          // Inside quotes only a quote matters; the delimiter, CR and LF are data.
          if (nextQuote === n) {
            i = n;
            break;
          }
          quoteAt = nextQuote;
          quoteEnd = offset + nextQuote;
          i = nextQuote + 1;
          state = AFTER_QUOTE;
          break;
        }

        case AFTER_QUOTE: {
          const c = chunk.charCodeAt(i);
          if (c === QUOTE && this.#staysInPlace(fieldStart, count)) {
            // `""` left as written, and counted: the field is read in place. Its text is kept
            // unescaped (`escaped`) only for a field that does not stay in place after all (a
            // quote not closing it), and across chunks.
            pairCount++;
            if (quoteAt < 0) {
              // The pair's first quote ended the last chunk, which kept the text before it.
              partial += '"';
              start = i + 1;
            }
            escaped = true;
            i++;
            while (chunk.charCodeAt(i) === QUOTE && chunk.charCodeAt(i + 1) === QUOTE) {
              i += 2;
              pairCount++;
            }
            state = QUOTED;
            break;
          }
          if (c === QUOTE) {
            // `""`: one quote of data. The first few are joined on as they come; after them the
            // rest are left in the run, and the pairs right after this one skipped here.
            if (!escaped) {
              partial += `${quoteAt >= 0 ? chunk.slice(start, quoteAt) : ''}"`;
              start = i + 1;
              escaped = ++pairs > JOINED_PAIRS;
            }
            i++;
            while (escaped && chunk.charCodeAt(i) === QUOTE && chunk.charCodeAt(i + 1) === QUOTE) {
              i += 2;
            }
            state = QUOTED;
            fieldStart = -1;
            break;
          }
          const closed = c === delimiter || c === LF || c === CR;
          const inPlace = closed && this.#staysInPlace(fieldStart, count);
          if (!inPlace && quoteAt >= 0) partial += unescape(chunk.slice(start, quoteAt), escaped);
          escaped = false;
          if (closed) {
            if (inPlace) {
              fields[count] = '';
              starts[count] = fieldStart;
              pairsAt[count] = pairCount;
              ends[count++] = quoteEnd;
            } else this.#field(fields, starts, count++, partial, fieldStart);
            partial = '';
            i++;
            if (c === delimiter) {
              state = FIELD_START;
            } else if (c === LF) {
              fields = this.#record(fields, row++, count);
              count = 0;
              state = FIELD_START;
            } else {
              state = AFTER_CR;
            }
            break;
          }
          // The quote did not close the field after all: keep it, and the rest as written.
          stray = true;
          sink.problem({
            code: 'stray-quote',
            row,
            field: count,
            message: DIALECT_MESSAGES.textAfterQuote,
          });
          partial += '"';
          state = UNQUOTED;
          start = i;
          fieldStart = -1;
          break;
        }

        case AFTER_CR: {
          if (chunk.charCodeAt(i) === LF) {
            i++;
          } else {
            sink.problem({
              code: 'bad-line-ending',
              row,
              field: null,
              message: DIALECT_MESSAGES.badLineEnding,
            });
          }
          fields = this.#record(fields, row++, count);
          count = 0;
          state = FIELD_START;
          break;
        }
      }
    }

    if (state === UNQUOTED) partial += chunk.slice(start, n);
    else if (state === QUOTED) partial += unescape(chunk.slice(start, n), escaped);
    else if (state === AFTER_QUOTE) partial += unescape(chunk.slice(start, quoteAt), escaped);
    this.#state = state;
    this.#fields = fields;
    this.#count = count;
    this.#partial = partial;
    this.#row = row;
    this.#stray = stray;
    this.#fieldStart = fieldStart;
    this.#pairCount = pairCount;
    this.#quoteEnd = quoteEnd;
    this.#consumed = offset + n;
  }

  /** The current field's start, or -1 where its text (unescaped) is not the input's as written. */
  #unpairedStart(): number {
    return this.#pairCount > 0 ? -1 : this.#fieldStart;
  }

  finish(): void {
    if (this.#finished) throw new Error('DialectParser: finish() called twice');
    this.#finished = true;
    const sink = this.#sink;
    const fields = this.#fields;
    const row = this.#row;
    const starts = this.#starts;
    let count = this.#count;
    switch (this.#state) {
      case FIELD_START:
        // Nothing since the last row end (or an empty input): no record. After a delimiter,
        // the row's last field is empty.
        if (count === 0) return;
        this.#field(fields, starts, count++, '', this.#consumed);
        break;
      case QUOTED:
        sink.problem({
          code: 'unclosed-quote',
          row,
          field: count,
          message: DIALECT_MESSAGES.unclosedQuote,
        });
        this.#field(fields, starts, count++, this.#partial, this.#unpairedStart());
        break;
      case UNQUOTED:
      case AFTER_QUOTE:
        this.#field(fields, starts, count++, this.#partial, this.#unpairedStart());
        break;
      case AFTER_CR:
        sink.problem({
          code: 'bad-line-ending',
          row,
          field: null,
          message: DIALECT_MESSAGES.badLineEnding,
        });
        break;
    }
    this.#partial = '';
    this.#count = 0;
    this.#fields = this.#record(fields, row, count);
  }
}
