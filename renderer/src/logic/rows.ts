/**
 * Every row of the sheet as the message it becomes: its number in the provider's form, its text
 * (a column or a filled template, look-alikes replaced when the person agreed), and what core
 * says the server would make of it (SPEC 6 and 7) — the same functions the server runs, so what
 * the preview passes, the server accepts.
 */
import type { ExportEncoding, OutgoingMessage } from '../../../core/writer';
import type { Format } from '../../../core/check';
import type { Problem } from '../../../core/problems';
import { lookalikeFix } from '../../../core/lookalikes';
import type { LookalikeFix } from '../../../core/lookalikes';
import { countSegments } from '../../../core/segments';
import type { SmsEncoding } from '../../../core/segments';
import { checkValues } from '../../../core/values';
import type { Mapping } from './mapping';
import { duplicateOf, numberNormaliser } from './phone';
import type { CountryCode, NumberVerdict } from './phone';
import type { Sheet } from './sheet';
import { fillTemplate, parseTemplate } from './template';
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

const NONE: readonly Problem[] = [];
const NO_WARNINGS: readonly Warning[] = [];
const scratch: Problem[] = [];

/** One warning object per kind of look-alike fix, shared by every row that has it. */
const lookalikeWarnings = new Map<string, Warning>();

function lookalikeWarning(fix: LookalikeFix): Warning {
  const names = fix.lookalikes.map((l) => `${l.char} (${l.name})`).join(', ');
  const message = `${names} ${fix.lookalikes.length === 1 ? 'forces' : 'force'} the message into UCS-2: ${fix.before.parts} part${fix.before.parts === 1 ? '' : 's'}, ${fix.after.parts} with GSM-7 look-alikes.`;
  let warning = lookalikeWarnings.get(message);
  if (warning === undefined) {
    if (lookalikeWarnings.size > 1000) lookalikeWarnings.clear();
    warning = { code: 'lookalikes', message };
    lookalikeWarnings.set(message, warning);
  }
  return warning;
}

export function buildPreview(sheet: Sheet, mapping: Mapping, settings: BatchSettings): Preview {
  const normalise = numberNormaliser(settings.defaultCountry);
  let template: Template | null = null;
  if (mapping.message?.kind === 'template')
    template = parseTemplate(mapping.message.text, sheet.header);
  const unknownPlaceholders = template?.unknown ?? [];
  const unknownWarning: Warning | null =
    unknownPlaceholders.length === 0
      ? null
      : {
          code: 'unknown-placeholder',
          message: `The message names ${unknownPlaceholders.map((name) => `{${name}}`).join(', ')}, which ${unknownPlaceholders.length === 1 ? 'is not a column' : 'are not columns'}: correct the name or the message is sent with it as written.`,
        };

  const rows: PreviewRow[] = new Array(sheet.rows.length);
  const msisdns: string[] = new Array(sheet.rows.length);
  for (let index = 0; index < sheet.rows.length; index++) {
    const cells = sheet.rows[index]!;
    const sourceRow = sheet.sourceRows[index] ?? index + 2;
    const typedNumber = column(cells, mapping.msisdn);
    const number = normalise(typedNumber);
    const written =
      template !== null
        ? fillTemplate(template, cells)
        : mapping.message?.kind === 'column'
          ? column(cells, mapping.message.column)
          : '';
    const fix = lookalikeFix(written);
    const message = fix !== null && settings.replaceLookalikes ? fix.text : written;
    const sender = column(cells, mapping.sender) || settings.sender;
    const cls = column(cells, mapping.class) || settings.messageClass;
    const userref = column(cells, mapping.userref);
    // Most rows have no problem: they share one empty list rather than hold one each, which
    // keeps 100,000 rows light for the garbage collector while the preview scrolls.
    scratch.length = 0;
    const checked = checkValues(number.msisdn, message, sender, cls, userref, sourceRow, scratch);
    const errors = scratch.length === 0 ? NONE : scratch.slice();
    const warnings: Warning[] = [];
    if (number.note !== null && number.verdict === 'not-mobile') {
      warnings.push({ code: 'not-mobile', message: number.note });
    }
    if (fix !== null && !settings.replaceLookalikes) {
      warnings.push(lookalikeWarning(fix));
    }
    if (unknownWarning) warnings.push(unknownWarning);
    msisdns[index] = checked.msisdn;
    rows[index] = {
      index,
      sourceRow,
      typedNumber,
      msisdn: checked.msisdn,
      numberVerdict: number.verdict,
      message,
      sender,
      messageClass: checked.class,
      userref,
      encoding: checked.encoding,
      units: countSegments(message).units,
      parts: checked.parts,
      errors,
      warnings: warnings.length === 0 ? NO_WARNINGS : warnings,
      duplicateOf: -1,
      fix,
      included: true,
    };
  }
  const duplicates = duplicateOf(msisdns);
  for (let index = 0; index < rows.length; index++) {
    const first = duplicates[index]!;
    if (first < 0) continue;
    const row = rows[index]!;
    row.duplicateOf = first;
    row.included = !settings.removeDuplicates;
    row.warnings = [
      ...row.warnings,
      {
        code: 'duplicate',
        message: `The number ${row.msisdn} is also in row ${rows[first]!.sourceRow}: ${settings.removeDuplicates ? 'this row is left out' : 'the person gets both messages'}.`,
      },
    ];
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
