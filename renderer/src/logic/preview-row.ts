/** A row of the preview: the message a row of the sheet becomes, and what is wrong with it. */
import type { LookalikeFix } from '../../../core/lookalikes';
import type { Problem } from '../../../core/problems';
import type { Segments, SmsEncoding } from '../../../core/segments';
import { queuedClass, trimSpaces } from '../../../core/values';
import type { CampaignSettings } from './campaign-settings';
import { replacedText } from './columns';
import type { MessageColumn, NumberColumn } from './columns';
import type { Mapping } from './mapping';
import type { NumberVerdict } from './phone';
import { cellAt } from './sheet';
import type { Sheet } from './sheet';
import { textAt } from './text-column';
import { NO_PROBLEMS, NO_WARNINGS } from './warnings';
import type { Warning } from './warnings';

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
}

/** What the rows of one preview read their texts from. */
export interface RowSource {
  readonly sheet: Sheet;
  readonly mapping: Mapping;
  readonly settings: CampaignSettings;
  readonly numbers: NumberColumn;
  readonly messages: MessageColumn;
}

/**
 * A row of the preview that keeps its figures and reads its texts from the columns when asked:
 * kept, the texts were a string per row and field, half a million objects at 100,000 rows for
 * every major collection to mark (see TextColumn). Read, each is a short-lived string, made
 * only for the rows that are shown, exported or sent.
 */
export class ColumnRow implements PreviewRow {
  readonly #source: RowSource;
  readonly index: number;
  readonly sourceRow: number;
  readonly numberVerdict: NumberVerdict;
  readonly duplicateOf: number;
  readonly fix: LookalikeFix | null;
  errors: readonly Problem[] = NO_PROBLEMS;
  warnings: readonly Warning[] = NO_WARNINGS;

  constructor(
    source: RowSource,
    index: number,
    sourceRow: number,
    numberVerdict: NumberVerdict,
    duplicateOf: number,
    fix: LookalikeFix | null,
  ) {
    this.#source = source;
    this.index = index;
    this.sourceRow = sourceRow;
    this.numberVerdict = numberVerdict;
    this.duplicateOf = duplicateOf;
    this.fix = fix;
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

  /** The class as the sheet or the campaign's settings give it, before '' means standard. */
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
