/**
 * How the message being typed counts, as an SMS calculator shows it: its encoding, characters
 * and parts, and which characters force it into UCS-2. A template is counted as the first row
 * gets it, its placeholders filled with that row's values.
 */
import {
  countSegments,
  GSM7_PART_SEPTETS,
  GSM7_SINGLE_PART_SEPTETS,
  isTooLong,
  MAX_GSM7_SEPTETS,
  MAX_UCS2_UNITS,
  UCS2_PART_UNITS,
  UCS2_SINGLE_PART_UNITS,
} from '../../../core/segments';
import type { SmsEncoding } from '../../../core/segments';
import { ucs2Characters } from './forcing';
import { cellAt } from './sheet';
import type { Sheet } from './sheet';
import { fillTemplate, hasPlaceholders, parseTemplate } from './template';

export interface MessageCount {
  /** The message counted: the text, or the first row's message from the template. */
  text: string;
  encoding: SmsEncoding;
  /** As the SMS counts them: GSM-7 septets (€ and { take two), or UCS-2 units. */
  characters: number;
  parts: number;
  /** Characters that fit in each part, at this many parts. */
  perPart: number;
  tooLong: boolean;
  /** The most characters a message of this encoding can have. */
  max: number;
  /** Where the characters that force UCS-2 are in `text`: [start, end, start, end, ...]. */
  forcing: number[];
  /** The sheet's row the template was filled from, or null when it has no placeholders. */
  row: number | null;
}

export function countMessage(source: string, sheet: Sheet): MessageCount {
  const template = parseTemplate(source, sheet.header);
  const filled = hasPlaceholders(template) && sheet.rowCount > 0;
  const text = filled ? fillTemplate(template, (column) => cellAt(sheet, 0, column)) : source;
  const segments = countSegments(text);
  const gsm7 = segments.encoding === 'GSM-7';
  const single = segments.parts <= 1;
  return {
    text,
    encoding: segments.encoding,
    characters: segments.units,
    parts: segments.parts,
    perPart: gsm7
      ? single
        ? GSM7_SINGLE_PART_SEPTETS
        : GSM7_PART_SEPTETS
      : single
        ? UCS2_SINGLE_PART_UNITS
        : UCS2_PART_UNITS,
    tooLong: isTooLong(segments),
    max: gsm7 ? MAX_GSM7_SEPTETS : MAX_UCS2_UNITS,
    forcing: gsm7 ? [] : ucs2Characters(text),
    row: filled ? (sheet.sourceRows[0] ?? 2) : null,
  };
}

/** A character's Unicode name for people who look it up: `U+2019`. */
export function codePointName(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}
