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
import { messageOf, trimSpaces, validateValues } from '../../../core/values';
import type { Mapping } from './mapping';
import { duplicateOf, numberNormaliser } from './phone';
import type { CountryCode, NumberVerdict } from './phone';
import type { Sheet } from './sheet';
import { fillTemplate, parseTemplate } from './template';
import { TextMap } from './text-map';
import type { Template } from './template';

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
  index: number;
  /** Row number in the spreadsheet (header row 1). */
  sourceRow: number;
  /** The number as typed, and as it will be sent. */
  typedNumber: string;
  msisdn: string;
  numberVerdict: NumberVerdict;
  message: string;
  sender: string;
  messageClass: string;
  userref: string;
  encoding: SmsEncoding;
  /** GSM-7 septets or UCS-2 units. */
  units: number;
  parts: number;
  /** What the server would reject, with the spreadsheet's row numbers. */
  errors: readonly Problem[];
  warnings: readonly Warning[];
  /** Index of the first row with the same number, or -1. */
  duplicateOf: number;
  /** The look-alike replacement on offer for the text as it was written, if any. */
  fix: LookalikeFix | null;
  /** False for a repeated number when duplicates are removed: it is not sent. */
  included: boolean;
}

export interface Preview {
  rows: PreviewRow[];
  /** Placeholders of the template that name no column. */
  unknownPlaceholders: string[];
}

function column(row: readonly string[], index: number | null): string {
  return index === null ? '' : (row[index] ?? '');
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
  typed: string[];
  /** As it will be sent (NormalisedNumber's parts, a column each: no object per row). */
  msisdns: string[];
  verdicts: NumberVerdict[];
  notes: (string | null)[];
  /** For each row, the index of the first row with the same number, or -1. */
  duplicates: Int32Array;
}

export function readNumbers(
  sheet: Sheet,
  column: number | null,
  defaultCountry: CountryCode,
): NumberColumn {
  const normalise = numberNormaliser(defaultCountry);
  const count = sheet.rows.length;
  const typed: string[] = new Array(count);
  const msisdns: string[] = new Array(count);
  const verdicts: NumberVerdict[] = new Array(count);
  const notes: (string | null)[] = new Array(count);
  for (let index = 0; index < count; index++) {
    const text = column === null ? '' : (sheet.rows[index]![column] ?? '');
    const number = normalise(text);
    typed[index] = text;
    // A number typed in the provider's form keeps the sheet's string rather than a copy.
    msisdns[index] = number.msisdn === text ? text : number.msisdn;
    verdicts[index] = number.verdict;
    notes[index] = number.note;
  }
  return { typed, msisdns, verdicts, notes, duplicates: duplicateOf(msisdns.map(trimSpaces)) };
}

/**
 * The message column (or template) read once: each row's text as written, its segments, and
 * the look-alike replacement on offer. It depends only on the sheet and the message mapping.
 */
export interface MessageColumn {
  written: string[];
  segments: Segments[];
  fixes: (LookalikeFix | null)[];
  /** Placeholders of the template that name no column. */
  unknownPlaceholders: string[];
}

export function readMessages(sheet: Sheet, message: Mapping['message']): MessageColumn {
  const template: Template | null =
    message?.kind === 'template' ? parseTemplate(message.text, sheet.header) : null;
  const count = sheet.rows.length;
  const written: string[] = new Array(count);
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
    const cells = sheet.rows[index]!;
    const text =
      template !== null
        ? fillTemplate(template, cells)
        : message?.kind === 'column'
          ? column(cells, message.column)
          : '';
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
    written[index] = text;
    fixes[index] = fix;
    segments[index] = fix?.before ?? share(countSegments(text));
  }
  return { written, segments, fixes, unknownPlaceholders: template?.unknown ?? [] };
}

/** Each message with its look-alikes replaced, made when the person first agrees to it. */
const replacedTexts = new WeakMap<MessageColumn, (string | undefined)[]>();

function replacedText(messages: MessageColumn, index: number): string {
  let texts = replacedTexts.get(messages);
  if (texts === undefined) {
    texts = new Array<string | undefined>(messages.written.length);
    replacedTexts.set(messages, texts);
  }
  return (texts[index] ??= replaceLookalikes(messages.written[index]!));
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

  const rows: PreviewRow[] = new Array(sheet.rows.length);
  for (let index = 0; index < sheet.rows.length; index++) {
    const cells = sheet.rows[index]!;
    const sourceRow = sheet.sourceRows[index] ?? index + 2;
    const msisdn = numberColumn.msisdns[index]!;
    const verdict = numberColumn.verdicts[index]!;
    const note = numberColumn.notes[index]!;
    const fix = messageColumn.fixes[index]!;
    const replaced = fix !== null && settings.replaceLookalikes;
    const message = replaced ? replacedText(messageColumn, index) : messageColumn.written[index]!;
    const segments = replaced ? fix.after : messageColumn.segments[index]!;
    const sender = column(cells, mapping.sender) || settings.sender;
    const cls = column(cells, mapping.class) || settings.messageClass;
    const userref = column(cells, mapping.userref);
    scratch.length = 0;
    validateValues(msisdn, message, sender, cls, userref, sourceRow, scratch, segments);
    const checked = messageOf(sourceRow, msisdn, message, sender, cls, userref, segments);
    const errors = scratch.length === 0 ? NONE : scratch.slice();
    const first = numberColumn.duplicates[index]!;
    scratchWarnings.length = 0;
    let ownWarnings = false;
    if (note !== null && verdict === 'not-mobile') {
      scratchWarnings.push({ code: 'not-mobile', message: note });
      ownWarnings = true;
    }
    if (fix !== null && !settings.replaceLookalikes) scratchWarnings.push(lookalikeWarning(fix));
    if (unknownWarning) scratchWarnings.push(unknownWarning);
    if (first >= 0) {
      scratchWarnings.push({
        code: 'duplicate',
        message: `The number ${checked.msisdn} is also in row ${sheet.sourceRows[first] ?? first + 2}: ${settings.removeDuplicates ? 'this row is left out' : 'the person gets both messages'}.`,
      });
      ownWarnings = true;
    }
    const warnings =
      scratchWarnings.length === 0
        ? NO_WARNINGS
        : scratchWarnings.length === 1 && !ownWarnings
          ? sharedList(scratchWarnings[0]!)
          : scratchWarnings.slice();
    rows[index] = {
      index,
      sourceRow,
      typedNumber: numberColumn.typed[index]!,
      msisdn: checked.msisdn,
      numberVerdict: verdict,
      message,
      sender,
      messageClass: checked.class,
      userref,
      encoding: segments.encoding,
      units: segments.units,
      parts: segments.parts,
      errors,
      warnings,
      duplicateOf: first,
      fix,
      included: first < 0 || !settings.removeDuplicates,
    };
  }
  return { rows, unknownPlaceholders };
}

/** The messages to export, in order, and for each the preview row it came from. */
export function outgoingMessages(rows: readonly PreviewRow[]): {
  messages: OutgoingMessage[];
  rowOf: number[];
} {
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
