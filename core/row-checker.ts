/**
 * Reads the records after decoding (SPEC 4-7): the header, then every data row, validated as it
 * streams by. Memory is bounded by the file's size whatever it holds: problems are counted and
 * only the first are kept (ProblemTally), a record's fields are kept only up to the header's
 * count, and a header's names only up to KEPT_NAMES, each further one read as it passes.
 */
import { DialectParser } from './dialect';
import type { Delimiter } from './dialect';
import { dialectKind } from './dialect-problems';
import { unescape } from './dialect-text';
import type { DialectProblem } from './dialect-problems';
import {
  COLUMNS,
  HeaderReader,
  headerNames,
  REQUIRED_COLUMNS,
  tabDelimitedProblem,
} from './header';
import { ProblemTally, report } from './problems';
import type { Problem } from './problems';
import { countSegments, countSegmentsInBytes, isTooLong } from './segments';
import type { Segments } from './segments';
import type { ByteWindow } from './byte-window';
import type { MessageSink, SourceText } from './message-sink';
import { ClassAgreement, MAX_USERREF, trimSpaces, validateValues } from './values';
import { isValidMsisdnAt, isValidSenderAt, knownClassAt } from './values-in-bytes';
import type { TextReading } from './values';
import type { C1Resolver } from './windows1252';

/**
 * How many of the header's names are kept, to name the column of a problem: more than any real
 * file has. A problem in a column past them is named by reading the header again at the end.
 */
export const KEPT_NAMES = 1024;

/** Where to build the messages, up to `limit`; with `only`, instead of validating. */
export interface MessageBuild {
  sink: MessageSink;
  limit: number;
  resolver: C1Resolver | null;
  only: boolean;
  /** Stop building, and drop those built, at the first problem: only an accepted file's count. */
  ifAccepted: boolean;
}

/** Makes the values that stand in the window's file (a start of 0 or more) present in it. */
function holdValues(window: ByteWindow, starts: readonly number[], ends: readonly number[]) {
  let from = Infinity;
  let to = -1;
  for (let k = 0; k < starts.length; k++) {
    const start = starts[k]!;
    if (start < 0) continue;
    if (start < from) from = start;
    if (ends[k]! > to) to = ends[k]!;
  }
  if (to >= 0) window.hold(from, to);
}

/** Every field empty: a field left in place (given as '') by where it starts and ends. */
function isBlank(fields: readonly string[], starts: readonly number[], ends: readonly number[]) {
  for (let i = 0; i < fields.length; i++) {
    if (fields[i] !== '' || ends[i]! > starts[i]!) return false;
  }
  return true;
}

export class RowChecker {
  readonly tally = new ProblemTally();
  rows = 0;
  skipped = 0;
  parts = 0;
  ucs2Messages = 0;
  /** The header's names, the first KEPT_NAMES of them, as the problems name columns. */
  readonly names: string[] = [];
  /** The header's count of names, once it is read. */
  headerCount = -1;
  /** The header names msisdn and message, so rows can be read into messages. */
  readable = false;
  stopped = false;
  /** The messages were dropped at the first problem (MessageBuild.ifAccepted). */
  messagesDropped = false;
  readonly #parser: DialectParser;
  readonly #header: HeaderReader;
  /** Each column's field index in COLUMNS order; -1 (read as '') where the file has none. */
  #columnAt: number[] = [];
  /** The columns (as COLUMNS indices) the file has, in the order of their fields. */
  #inFileOrder: number[] = [];
  /** The current row's values and offsets by column, for columns past the kept fields. */
  readonly #farValues: string[] = COLUMNS.map(() => '');
  readonly #farStarts: number[] = COLUMNS.map(() => -1);
  /** The current row has a field that is not empty past the kept ones. */
  #farText = false;
  /** The row whose quote opens and never closes (one at most: it runs to the end). */
  #unclosedRow = -1;
  /** Problems of the header row found before its names are known, the first ones only. */
  readonly #pending: DialectProblem[] = [];
  /** Kept problems in a column past KEPT_NAMES, named at the end. */
  readonly #unnamed: { problem: Problem; field: number }[] = [];
  readonly #classes = new ClassAgreement();
  /** Each row's values and their offsets, by column, reused from row to row. */
  readonly #values: string[] = COLUMNS.map(() => '');
  readonly #starts: number[] = COLUMNS.map(() => -1);
  readonly #ends: number[] = COLUMNS.map(() => -1);
  readonly #lengths: number[] = COLUMNS.map(() => 0);
  /** How many `""` each value read in place holds, by column (see DialectParser.pairs). */
  readonly #pairs: number[] = COLUMNS.map(() => 0);
  /** The segments of the row read in place, counted into the same object row after row. */
  readonly #segments: Segments = { encoding: 'GSM-7', units: 0, parts: 0 };
  /** Values are read from the bytes where they stand, not made strings (recordInPlace). */
  readonly #inPlace: boolean;

  get readsInPlace(): boolean {
    return this.#inPlace;
  }

  /** The text as one string, where it is one (not Windows-1252, read from its bytes). */
  readonly #whole: string | null;
  /** The file's bytes, when each is one character of the text (Windows-1252). */
  readonly #window: ByteWindow | null;

  constructor(
    private readonly delimiter: Delimiter,
    /** The text the parser reads, all of it, where messages are counted in place. */
    private readonly source: SourceText,
    private readonly text: TextReading,
    private build: MessageBuild | null = null,
  ) {
    this.#window = source.window;
    this.#whole = source.window === null ? source.slice(0, source.length) : null;
    // Only a sink that takes values in place (or none) leaves the parser's fields unmade.
    this.#inPlace =
      source.window !== null &&
      (build === null || (build.sink.addInPlace !== undefined && build.resolver === null));
    this.#parser = new DialectParser(delimiter, this);
    // The header's names are read one by one as they pass (headerField).
    this.#parser.keepFields(0);
    this.#header = new HeaderReader(delimiter, this.tally);
    if (this.#inPlace) this.#parser.leaveInPlace();
  }

  push(chunk: string): void {
    this.#parser.push(chunk);
  }

  /** After the last chunk. */
  finish(): void {
    this.#parser.finish();
  }

  /** The kept problems, in row order, their columns named. */
  problems(): Problem[] {
    const problems = this.tally.problems();
    this.#nameFarColumns(problems);
    return problems;
  }

  problem(problem: DialectProblem): void {
    // After a tab-delimited header nothing more is read.
    if (this.stopped) return;
    if (problem.code === 'unclosed-quote') this.#unclosedRow = problem.row;
    if (this.headerCount >= 0) this.#addDialectProblem(problem);
    // Before the header is read, the names are not known. The header's own problems come
    // first in its row, so only the first of these can ever be kept; the others are counted.
    else if (this.#pending.length < this.tally.limit) this.#pending.push(problem);
    else this.tally.count(problem.code, problem.row);
  }

  field(value: string, index: number, start: number): void {
    if (this.headerCount < 0) {
      this.#headerField(value, index);
      return;
    }
    if (value !== '') this.#farText = true;
    const at = this.#columnAt;
    for (let k = 0; k < at.length; k++) {
      if (at[k] === index) {
        this.#farValues[k] = value;
        this.#farStarts[k] = start;
      }
    }
  }

  record(
    fields: string[],
    row: number,
    starts: readonly number[],
    count: number,
    ends: readonly number[],
  ): void {
    const farText = this.#farText;
    this.#farText = false;
    if (this.stopped) return;
    if (this.headerCount < 0) {
      this.#readHeader(count);
      return;
    }
    // A lone opening quote leaves an empty field, but the row is not blank: it has a quote.
    if (!farText && isBlank(fields, starts, ends) && this.#unclosedRow !== row) {
      this.skipped++;
      return;
    }
    this.rows++;
    // Without the required columns no row can be read; the header's problems say why.
    if (!this.readable) return;
    if (count !== this.headerCount) {
      // An unclosed quote already explains the row: it swallowed the rest of the file.
      if (this.#unclosedRow !== row) {
        const delimiter = this.delimiter;
        const header = this.headerCount;
        report(this.tally, row, null, 'field-count', () => ({
          message: `The row has ${count} field${count === 1 ? '' : 's'} but the header has ${header}: check for a missing or extra "${delimiter}", or a message with "${delimiter}" that is not in quotes.`,
          values: { count, header, delimiter },
        }));
      }
      return;
    }
    const values = this.#values;
    const valueStarts = this.#starts;
    const valueEnds = this.#ends;
    const at = this.#columnAt;
    const pairs = this.#parser.pairs;
    for (let k = 0; k < at.length; k++) {
      const i = at[k]!;
      const kept = i < fields.length;
      values[k] = i < 0 ? '' : kept ? fields[i]! : this.#farValues[k]!;
      const start = i < 0 ? -1 : kept ? starts[i]! : this.#farStarts[k]!;
      valueStarts[k] = start;
      valueEnds[k] = start < 0 ? -1 : kept ? ends[i]! : start + values[k]!.length;
      this.#pairs[k] = kept && i >= 0 ? pairs[i]! : 0;
    }
    let build = this.build;
    if (build !== null && build.ifAccepted && this.tally.total > 0) {
      build.sink.clear();
      this.build = build = null;
      this.messagesDropped = true;
    }
    if (this.#inPlace) {
      this.#recordInPlace(row, build);
      return;
    }
    const window = this.#window;
    if (window !== null) holdValues(window, valueStarts, valueEnds);
    const resolver = build?.resolver;
    // A pending text's values as the characters they stand for, in the order they stand.
    if (resolver) {
      for (const k of this.#inFileOrder)
        values[k] = resolver.resolveAt(values[k]!, valueStarts[k]!);
    }
    const [msisdn, message, sender, cls, userref] = values as [
      string,
      string,
      string,
      string,
      string,
    ];
    const septets = this.text.septets;
    const start = valueStarts[1]!;
    // In place where it can be: the message's own slice reads more slowly.
    let segments: Segments;
    if (start < 0) segments = countSegments(message, septets);
    else if (window === null) {
      segments = countSegments(this.#whole!, septets, start, start + message.length);
    } else {
      const base = window.base;
      segments = countSegmentsInBytes(
        window.bytes,
        septets,
        start - base,
        start + message.length - base,
      );
    }
    if (build !== null) {
      build.sink.add({ row, msisdn, message, sender, class: cls, userref, segments }, valueStarts);
      if (build.sink.count >= build.limit) this.stopped = true;
      if (build.only) return;
    }
    const problems = this.tally;
    validateValues(msisdn, message, sender, cls, userref, row, problems, segments, this.text);
    this.parts += segments.parts;
    if (segments.encoding === 'UCS-2') this.ucs2Messages++;
    const mixed = this.#classes.problemFor(row, cls);
    if (mixed) problems.push(mixed);
  }

  /**
   * A data row of a Windows-1252 file whose values were left in place (DialectParser
   * leaveInPlace): judged from the bytes, and made strings only where a rule finds something
   * wrong, to be judged again by values.ts, which says why.
   */
  #recordInPlace(row: number, build: MessageBuild | null): void {
    const values = this.#values;
    const starts = this.#starts;
    const ends = this.#ends;
    const lengths = this.#lengths;
    const window = this.#window!;
    holdValues(window, starts, ends);
    // Byte i of the file is bytes[i - base] (see ByteWindow).
    const bytes = window.bytes;
    const base = window.base;
    // The msisdn without the spaces around it: the rules and the message read it so.
    let from = starts[0]!;
    if (from >= 0) {
      let to = ends[0]!;
      while (from < to && bytes[from - base] === 0x20) from++;
      while (to > from && bytes[to - 1 - base] === 0x20) to--;
      starts[0] = from;
      ends[0] = to;
    } else values[0] = trimSpaces(values[0]!);
    const pairs = this.#pairs;
    for (let k = 0; k < COLUMNS.length; k++) {
      const start = starts[k]!;
      // A `""` is one character.
      lengths[k] = start >= 0 ? ends[k]! - start - pairs[k]! : values[k]!.length;
    }
    const message = starts[1]!;
    const septets = this.text.septets;
    const segments =
      message < 0
        ? countSegments(values[1]!, septets)
        : countSegmentsInBytes(
            bytes,
            septets,
            message - base,
            ends[1]! - base,
            this.#segments,
            pairs[1] !== 0,
          );
    let cls: string | null = null;
    const fine =
      from >= 0 &&
      isValidMsisdnAt(bytes, from - base, ends[0]! - base) &&
      lengths[1]! > 0 &&
      !isTooLong(segments) &&
      (starts[2]! >= 0
        ? isValidSenderAt(bytes, starts[2]! - base, ends[2]! - base)
        : values[2] === '') &&
      (cls =
        starts[3]! >= 0
          ? knownClassAt(bytes, starts[3]! - base, ends[3]! - base)
          : values[3] === ''
            ? ''
            : null) !== null &&
      lengths[4]! <= MAX_USERREF;
    if (build !== null) {
      build.sink.addInPlace!(row, segments, values, starts, lengths, pairs);
      if (build.sink.count >= build.limit) this.stopped = true;
      if (build.only) return;
    }
    const problems = this.tally;
    if (!fine || cls === null) {
      for (let k = 0; k < COLUMNS.length; k++) {
        const start = starts[k]!;
        if (start < 0) continue;
        const text = this.source.slice(start, ends[k]!);
        values[k] = unescape(text, pairs[k] !== 0);
      }
      const [msisdn, text, sender, raw, userref] = values as [
        string,
        string,
        string,
        string,
        string,
      ];
      validateValues(msisdn, text, sender, raw, userref, row, problems, segments, this.text);
      cls = raw;
    }
    this.parts += segments.parts;
    if (segments.encoding === 'UCS-2') this.ucs2Messages++;
    const mixed = this.#classes.problemFor(row, cls);
    if (mixed) problems.push(mixed);
  }

  /**
   * One name of the header, in order. The first waits for the second: a header of one name
   * with a tab in it is tab-delimited, and then that is its one problem.
   */
  #headerField(value: string, index: number): void {
    const name = this.text.reveal(value);
    if (this.names.length < KEPT_NAMES) this.names.push(name);
    if (index === 0) return;
    if (index === 1) this.#header.name(this.names[0]!);
    this.#header.name(name);
  }

  #readHeader(count: number): void {
    if (count === 1) {
      const tab = tabDelimitedProblem(this.names, count);
      if (tab) {
        this.tally.push(tab);
        this.stopped = true;
        return;
      }
      this.#header.name(this.names[0]!);
    }
    const reader = this.#header;
    reader.finish();
    this.headerCount = count;
    this.readable = REQUIRED_COLUMNS.every((column) => reader.index[column] !== undefined);
    this.#columnAt = COLUMNS.map((column) => reader.index[column] ?? -1);
    this.#inFileOrder = COLUMNS.map((_, k) => k)
      .filter((k) => this.#columnAt[k]! >= 0)
      .sort((a, b) => this.#columnAt[a]! - this.#columnAt[b]!);
    // A data row needs no field past the header's count: a longer one is only counted.
    this.#parser.keepFields(Math.min(count, KEPT_NAMES));
    for (const problem of this.#pending.splice(0)) this.#addDialectProblem(problem);
  }

  #addDialectProblem(problem: DialectProblem): void {
    const { code, row, field } = problem;
    if (!this.tally.count(code, row)) return;
    const names = this.names;
    const named = field !== null && field < names.length;
    const kept: Problem = {
      row,
      column: named ? names[field]! : null,
      code,
      message: problem.message,
      values: { kind: dialectKind(problem.message) },
    };
    if (field !== null && !named && field < this.headerCount)
      this.#unnamed.push({ problem: kept, field });
    this.tally.keep(kept);
  }

  /** Names the columns of kept problems past KEPT_NAMES, from the header read again. */
  #nameFarColumns(problems: readonly Problem[]): void {
    const kept = new Set(problems);
    const unnamed = this.#unnamed.filter(({ problem }) => kept.has(problem));
    if (unnamed.length === 0) return;
    const names = headerNames(this.source, this.delimiter, new Set(unnamed.map((u) => u.field)));
    for (const { problem, field } of unnamed) {
      const name = names.get(field);
      if (name !== undefined) problem.column = this.text.reveal(name);
    }
  }
}
