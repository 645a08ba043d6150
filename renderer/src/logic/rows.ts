/**
 * Every row of the sheet as the message it becomes: its number in the provider's form, its text
 * (a column or a filled template, look-alikes replaced when the person agreed), and what core
 * says the server would make of it (SPEC 6 and 7) — the same functions the server runs, so what
 * the preview passes, the server accepts.
 */
import type { ExportEncoding, OutgoingMessage } from '../../../core/writer';
import type { Format } from '../../../core/check';
import type { Problem } from '../../../core/problems';
import { lookalikeFix, replaceLookalikes } from '../../../core/lookalikes';
import type { LookalikeFix } from '../../../core/lookalikes';
import { countSegments } from '../../../core/segments';
import type { Segments, SmsEncoding } from '../../../core/segments';
import { queuedClass, trimSpaces, validateValues } from '../../../core/values';
import type { Mapping } from './mapping';
import { duplicateOf, numberNormaliser } from './phone';
import type { CountryCode, NumberVerdict } from './phone';
import { cellAt, columnAt } from './sheet';
import type { Sheet } from './sheet';
import { fillTemplate, parseTemplate } from './template';
import type { Template } from './template';
import { emptyTexts, packTexts, textAt, textCount } from './text-column';
import type { TextColumn } from './text-column';
import { TextMap } from './text-map';

export type MessageClassChoice = '' | 'standard' | 'premium' | 'secret';

/** What the person chose for the whole batch. */
export interface BatchSettings {
  /** Used where the sender column is empty or not mapped; '' is the account's default. */
  sender: string;
  /** Used where the class column is empty or not mapped; '' is standard. */
  messageClass: MessageClassChoice;
  encoding: ExportEncoding;
  format: Format;
  rowsPerFile: number;
  defaultCountry: CountryCode;
  removeDuplicates: boolean;
  replaceLookalikes: boolean;
}

export const DEFAULT_BATCH: BatchSettings = {
  sender: '',
  messageClass: '',
  encoding: 'auto',
  format: 'excel',
  rowsPerFile: 10_000,
  defaultCountry: 'DK',
  removeDuplicates: false,
  replaceLookalikes: false,
};

/** Something the app warns about that the server would not reject. */
export interface Warning {
  code: 'not-mobile' | 'duplicate' | 'lookalikes' | 'unknown-placeholder';
  message: string;
}

export interface PreviewRow {
  /** Index in the sheet's rows. */
  readonly index: number;
  /** Row number in the spreadsheet (header row 1). */
  readonly sourceRow: number;
  /** The number as typed, and as it will be sent. */
  readonly typedNumber: string;
  readonly msisdn: string;
  readonly numberVerdict: NumberVerdict;
  readonly message: string;
  readonly sender: string;
  readonly messageClass: string;
  readonly userref: string;
  readonly encoding: SmsEncoding;
  /** GSM-7 septets or UCS-2 units. */
  readonly units: number;
  readonly parts: number;
  /** What the server would reject, with the spreadsheet's row numbers. */
  readonly errors: readonly Problem[];
  readonly warnings: readonly Warning[];
  /** Index of the first row with the same number, or -1. */
  readonly duplicateOf: number;
  /** The look-alike replacement on offer for the text as it was written, if any. */
  readonly fix: LookalikeFix | null;
  /** False for a repeated number when duplicates are removed: it is not sent. */
  readonly included: boolean;
}

export interface Preview {
  rows: PreviewRow[];
  /** Placeholders of the template that name no column. */
  unknownPlaceholders: string[];
}

// Most rows have no problem, or the same warning as many others: they share one list rather
// than hold one each. What a preview of 100,000 rows keeps alive is what the garbage collector
// walks in its pauses, and those pauses are what the scroll feels.
const NONE: readonly Problem[] = [];
const NO_WARNINGS: readonly Warning[] = [];
const scratch: Problem[] = [];
const scratchWarnings: Warning[] = [];
/** The one-warning list of each shared warning. */
const listOfWarning = new WeakMap<Warning, readonly Warning[]>();

function sharedList(warning: Warning): readonly Warning[] {
  let list = listOfWarning.get(warning);
  if (list === undefined) {
    list = [warning];
    listOfWarning.set(warning, list);
  }
  return list;
}

/**
 * The warning of each fix, made once: rows that agree share a fix (readMessages), so they share
 * its warning too, and a fix is kept while settings change.
 */
const warningOfFix = new WeakMap<LookalikeFix, Warning>();

function lookalikeWarning(fix: LookalikeFix): Warning {
  const known = warningOfFix.get(fix);
  if (known !== undefined) return known;
  const names = fix.lookalikes.map((l) => `${l.char} (${l.name})`).join(', ');
  const message = `${names} ${fix.lookalikes.length === 1 ? 'forces' : 'force'} the message into UCS-2: ${fix.before.parts} part${fix.before.parts === 1 ? '' : 's'}, ${fix.after.parts} with GSM-7 look-alikes.`;
  const warning: Warning = { code: 'lookalikes', message };
  warningOfFix.set(fix, warning);
  return warning;
}

/**
 * The number column read once: what was typed, the number it becomes, and which rows repeat an
 * earlier number. It depends only on the sheet, the column and the default country, so the
 * preview keeps it while the person types a sender or changes other settings: parsing 100,000
 * numbers is most of the preview's cost.
 */
export interface NumberColumn {
  /** The sheet's own column. */
  typed: TextColumn;
  /** As it will be sent (NormalisedNumber's parts, a column each: no object per row). */
  msisdns: TextColumn;
  verdicts: NumberVerdict[];
  /** '' where the number has no note. */
  notes: TextColumn;
  /** For each row, the index of the first row with the same number, or -1. */
  duplicates: Int32Array;
}

export function readNumbers(
  sheet: Sheet,
  column: number | null,
  defaultCountry: CountryCode,
): NumberColumn {
  const normalise = numberNormaliser(defaultCountry);
  const count = sheet.rowCount;
  const typed = columnAt(sheet, column) ?? emptyTexts(count);
  const msisdns: string[] = new Array(count);
  const verdicts: NumberVerdict[] = new Array(count);
  const notes: string[] = new Array(count);
  for (let index = 0; index < count; index++) {
    const number = normalise(textAt(typed, index));
    msisdns[index] = number.msisdn;
    verdicts[index] = number.verdict;
    notes[index] = number.note ?? '';
  }
  return {
    typed,
    msisdns: packTexts(msisdns),
    verdicts,
    notes: packTexts(notes),
    duplicates: duplicateOf(msisdns.map(trimSpaces)),
  };
}

/**
 * The message column (or template) read once: each row's text as written, its segments, and
 * the look-alike replacement on offer. It depends only on the sheet and the message mapping.
 */
export interface MessageColumn {
  /** The sheet's own column, or the template filled in for each row. */
  written: TextColumn;
  segments: Segments[];
  fixes: (LookalikeFix | null)[];
  /** Placeholders of the template that name no column. */
  unknownPlaceholders: string[];
}

export function readMessages(sheet: Sheet, message: Mapping['message']): MessageColumn {
  const template: Template | null =
    message?.kind === 'template' ? parseTemplate(message.text, sheet.header) : null;
  const count = sheet.rowCount;
  const filled: string[] | null = template === null ? null : new Array(count);
  const written: TextColumn =
    (message?.kind === 'column' ? columnAt(sheet, message.column) : null) ?? emptyTexts(count);
  const segments: Segments[] = new Array(count);
  const fixes: (LookalikeFix | null)[] = new Array(count);
  // A campaign's messages mostly differ in a name or a code: their counts and fixes repeat,
  // and rows that agree share one object.
  // TextMap: a Map would put each row's key in V8's string table until the next collection.
  const sharedSegments = new TextMap<Segments>();
  const sharedFixes = new TextMap<LookalikeFix>();
  const share = (counted: Segments): Segments => {
    const key = `${counted.encoding}/${counted.units}/${counted.parts}`;
    const known = sharedSegments.get(key);
    if (known !== undefined) return known;
    sharedSegments.set(key, counted);
    return counted;
  };
  for (let index = 0; index < count; index++) {
    const text =
      template !== null
        ? (filled![index] = fillTemplate(template, (column) => cellAt(sheet, index, column)))
        : textAt(written, index);
    const found = lookalikeFix(text);
    let fix: LookalikeFix | null = null;
    if (found !== null) {
      let key = `${found.before.units}/${found.before.parts}/${found.after.units}/${found.after.parts}`;
      for (const lookalike of found.lookalikes) key += `/${lookalike.char}${lookalike.count}`;
      fix = sharedFixes.get(key) ?? null;
      if (fix === null) {
        fix = {
          lookalikes: found.lookalikes,
          before: share(found.before),
          after: share(found.after),
        };
        sharedFixes.set(key, fix);
      }
    }
    fixes[index] = fix;
    segments[index] = fix?.before ?? share(countSegments(text));
  }
  return {
    written: filled === null ? written : packTexts(filled),
    segments,
    fixes,
    unknownPlaceholders: template?.unknown ?? [],
  };
}

/** Each message with its look-alikes replaced, made when the person first agrees to it. */
const replacedTexts = new WeakMap<MessageColumn, (string | undefined)[]>();

function replacedText(messages: MessageColumn, index: number): string {
  let texts = replacedTexts.get(messages);
  if (texts === undefined) {
    texts = new Array<string | undefined>(textCount(messages.written));
    replacedTexts.set(messages, texts);
  }
  return (texts[index] ??= replaceLookalikes(textAt(messages.written, index)));
}

/** What the rows of one preview read their texts from. */
interface RowSource {
  readonly sheet: Sheet;
  readonly mapping: Mapping;
  readonly settings: BatchSettings;
  readonly numbers: NumberColumn;
  readonly messages: MessageColumn;
}

/**
 * A row of the preview that keeps its figures and reads its texts from the columns when asked:
 * kept, the texts were a string per row and field, half a million objects at 100,000 rows for
 * every major collection to mark (see TextColumn). Read, each is a short-lived string, made
 * only for the rows that are shown, exported or sent.
 */
class ColumnRow implements PreviewRow {
  readonly #source: RowSource;
  readonly index: number;
  readonly sourceRow: number;
  readonly numberVerdict: NumberVerdict;
  readonly duplicateOf: number;
  readonly fix: LookalikeFix | null;
  readonly included: boolean;
  errors: readonly Problem[] = NONE;
  warnings: readonly Warning[] = NO_WARNINGS;

  constructor(
    source: RowSource,
    index: number,
    sourceRow: number,
    numberVerdict: NumberVerdict,
    duplicateOf: number,
    fix: LookalikeFix | null,
    included: boolean,
  ) {
    this.#source = source;
    this.index = index;
    this.sourceRow = sourceRow;
    this.numberVerdict = numberVerdict;
    this.duplicateOf = duplicateOf;
    this.fix = fix;
    this.included = included;
  }

  get typedNumber(): string {
    return textAt(this.#source.numbers.typed, this.index);
  }

  get msisdn(): string {
    return trimSpaces(textAt(this.#source.numbers.msisdns, this.index));
  }

  /** Whether the message is sent with its look-alikes replaced. */
  get #replaced(): boolean {
    return this.fix !== null && this.#source.settings.replaceLookalikes;
  }

  get message(): string {
    const { messages } = this.#source;
    return this.#replaced
      ? replacedText(messages, this.index)
      : textAt(messages.written, this.index);
  }

  get segments(): Segments {
    return this.#replaced ? this.fix!.after : this.#source.messages.segments[this.index]!;
  }

  get sender(): string {
    const { sheet, mapping, settings } = this.#source;
    return cellAt(sheet, this.index, mapping.sender) || settings.sender;
  }

  /** The class as the sheet or the batch gives it, before '' means standard. */
  get writtenClass(): string {
    const { sheet, mapping, settings } = this.#source;
    return cellAt(sheet, this.index, mapping.class) || settings.messageClass;
  }

  get messageClass(): string {
    return queuedClass(this.writtenClass);
  }

  get userref(): string {
    return cellAt(this.#source.sheet, this.index, this.#source.mapping.userref);
  }

  get encoding(): SmsEncoding {
    return this.segments.encoding;
  }

  get units(): number {
    return this.segments.units;
  }

  get parts(): number {
    return this.segments.parts;
  }
}

export function buildPreview(sheet: Sheet, mapping: Mapping, settings: BatchSettings): Preview {
  return assemblePreview(
    sheet,
    mapping,
    settings,
    readNumbers(sheet, mapping.msisdn, settings.defaultCountry),
    readMessages(sheet, mapping.message),
  );
}

/** The preview from the columns already read: what a change of a batch setting redoes. */
export function assemblePreview(
  sheet: Sheet,
  mapping: Mapping,
  settings: BatchSettings,
  numberColumn: NumberColumn,
  messageColumn: MessageColumn,
): Preview {
  const { unknownPlaceholders } = messageColumn;
  const unknownWarning: Warning | null =
    unknownPlaceholders.length === 0
      ? null
      : {
          code: 'unknown-placeholder',
          message: `The message names ${unknownPlaceholders.map((name) => `{${name}}`).join(', ')}, which ${unknownPlaceholders.length === 1 ? 'is not a column' : 'are not columns'}: correct the name or the message is sent with it as written.`,
        };

  const source: RowSource = {
    sheet,
    mapping,
    settings,
    numbers: numberColumn,
    messages: messageColumn,
  };
  const rows: PreviewRow[] = new Array(sheet.rowCount);
  for (let index = 0; index < sheet.rowCount; index++) {
    const fix = messageColumn.fixes[index]!;
    const first = numberColumn.duplicates[index]!;
    const row = new ColumnRow(
      source,
      index,
      sheet.sourceRows[index] ?? index + 2,
      numberColumn.verdicts[index]!,
      first,
      fix,
      first < 0 || !settings.removeDuplicates,
    );
    scratch.length = 0;
    validateValues(
      textAt(numberColumn.msisdns, index),
      row.message,
      row.sender,
      row.writtenClass,
      row.userref,
      row.sourceRow,
      scratch,
      row.segments,
    );
    if (scratch.length > 0) row.errors = scratch.slice();
    scratchWarnings.length = 0;
    let ownWarnings = false;
    // The texts below are cut out only for the rows that have these warnings: this loop runs
    // for every row at each keystroke of a batch setting.
    const note = row.numberVerdict === 'not-mobile' ? textAt(numberColumn.notes, index) : '';
    if (note !== '') {
      scratchWarnings.push({ code: 'not-mobile', message: note });
      ownWarnings = true;
    }
    if (fix !== null && !settings.replaceLookalikes) scratchWarnings.push(lookalikeWarning(fix));
    if (unknownWarning) scratchWarnings.push(unknownWarning);
    if (first >= 0) {
      scratchWarnings.push({
        code: 'duplicate',
        message: `The number ${row.msisdn} is also in row ${sheet.sourceRows[first] ?? first + 2}: ${settings.removeDuplicates ? 'this row is left out' : 'the person gets both messages'}.`,
      });
      ownWarnings = true;
    }
    if (scratchWarnings.length > 0)
      row.warnings =
        scratchWarnings.length === 1 && !ownWarnings
          ? sharedList(scratchWarnings[0]!)
          : scratchWarnings.slice();
    rows[index] = row;
  }
  return { rows, unknownPlaceholders };
}

/** The messages to export or send, in order. */
export interface Outgoing {
  messages: OutgoingMessage[];
  /** For each message, the index of the preview row it came from. */
  rowOf: number[];
}

export function outgoingMessages(rows: readonly PreviewRow[]): Outgoing {
  const messages: OutgoingMessage[] = [];
  const rowOf: number[] = [];
  for (const row of rows) {
    if (!row.included) continue;
    const message: OutgoingMessage = { msisdn: row.msisdn, message: row.message };
    if (row.sender !== '') message.sender = row.sender;
    if (row.messageClass !== 'standard') message.class = row.messageClass;
    if (row.userref !== '') message.userref = row.userref;
    messages.push(message);
    rowOf.push(row.index);
  }
  return { messages, rowOf };
}
