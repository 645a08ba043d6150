/**
 * The sheet's number and message columns, each read once for a preview: what the rows of every
 * preview built from them read their texts and figures from (see preview.ts).
 */
import { countWithFix, replaceLookalikes } from '../../../core/lookalikes';
import type { LookalikeFix } from '../../../core/lookalikes';
import type { Segments } from '../../../core/segments';
import { trimSpaces } from '../../../core/values';
import type { Mapping } from './mapping';
import { duplicateOf, numberNormaliser } from './phone';
import type { CountryCode, NumberVerdict, PhoneWhy } from './phone';
import { cellAt, columnAt } from './sheet';
import type { Sheet } from './sheet';
import { fillTemplate, parseTemplate } from './template';
import type { Template } from './template';
import { emptyTexts, packTexts, textAt, textCount } from './text-column';
import type { TextColumn } from './text-column';
import { TextMap } from './text-map';

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
  /** Why each row's number that is not a mobile one is not, for the UI's language. */
  whys: ReadonlyMap<number, PhoneWhy>;
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
  const whys = new Map<number, PhoneWhy>();
  for (let index = 0; index < count; index++) {
    const number = normalise(textAt(typed, index));
    msisdns[index] = number.msisdn;
    verdicts[index] = number.verdict;
    notes[index] = number.note ?? '';
    if (number.verdict === 'not-mobile' && number.why !== undefined) whys.set(index, number.why);
  }
  return {
    typed,
    msisdns: packTexts(msisdns),
    verdicts,
    notes: packTexts(notes),
    whys,
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
  // Counts by a number, not a text key: no string made and hashed for each row.
  const sharedSegments = new Map<number, Segments>();
  const sharedFixes = new TextMap<LookalikeFix>();
  const share = (counted: Segments): Segments => {
    const key = counted.units * 2 + (counted.encoding === 'UCS-2' ? 1 : 0);
    const known = sharedSegments.get(key);
    if (known === undefined) sharedSegments.set(key, counted);
    // The parts follow from the units and the encoding; compared all the same, as the key lacks them.
    return known !== undefined && known.parts === counted.parts ? known : counted;
  };
  let last: LookalikeFix | null = null;
  for (let index = 0; index < count; index++) {
    const text =
      template !== null
        ? (filled![index] = fillTemplate(template, (column) => cellAt(sheet, index, column)))
        : textAt(written, index);
    const { segments: counted, fix: found } = countWithFix(text);
    let fix: LookalikeFix | null = null;
    // Rows next to each other mostly share their fix: compared, it needs no key made.
    if (found !== null && last !== null && sameFix(found, last)) fix = last;
    else if (found !== null) {
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
      last = fix;
    }
    fixes[index] = fix;
    segments[index] = fix?.before ?? share(counted);
  }
  return {
    written: filled === null ? written : packTexts(filled),
    segments,
    fixes,
    unknownPlaceholders: template?.unknown ?? [],
  };
}

/** Whether two fixes say the same: the same look-alikes, as often, and the same parts. */
function sameFix(a: LookalikeFix, b: LookalikeFix): boolean {
  if (!sameSegments(a.before, b.before) || !sameSegments(a.after, b.after)) return false;
  if (a.lookalikes.length !== b.lookalikes.length) return false;
  for (let k = 0; k < a.lookalikes.length; k++) {
    const x = a.lookalikes[k]!;
    const y = b.lookalikes[k]!;
    if (x.char !== y.char || x.count !== y.count) return false;
  }
  return true;
}

function sameSegments(a: Segments, b: Segments): boolean {
  return a.units === b.units && a.parts === b.parts && a.encoding === b.encoding;
}

/** Each message with its look-alikes replaced, made when the person first agrees to it. */
const replacedTexts = new WeakMap<MessageColumn, (string | undefined)[]>();

export function replacedText(messages: MessageColumn, index: number): string {
  let texts = replacedTexts.get(messages);
  if (texts === undefined) {
    texts = new Array<string | undefined>(textCount(messages.written));
    replacedTexts.set(messages, texts);
  }
  return (texts[index] ??= replaceLookalikes(textAt(messages.written, index)));
}
