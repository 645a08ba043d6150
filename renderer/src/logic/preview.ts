/**
 * Every row of the sheet as the message it becomes: its number in the provider's form, its text
 * (a column or a filled template, look-alikes replaced when the person agreed), and what core
 * says the server would make of it (SPEC 6 and 7) — the same functions the server runs, so what
 * the preview passes, the server accepts.
 */
import type { Problem } from '../../../core/problems';
import { validateValues } from '../../../core/values';
import type { CampaignSettings } from './campaign-settings';
import { readMessages, readNumbers } from './columns';
import type { MessageColumn, NumberColumn } from './columns';
import type { Mapping } from './mapping';
import { ColumnRow } from './preview-row';
import type { PreviewRow, RowSource } from './preview-row';
import type { Sheet } from './sheet';
import { textAt } from './text-column';
import { lookalikeWarning, sharedList } from './warnings';
import type { Warning } from './warnings';

export interface Preview {
  rows: PreviewRow[];
  /** Placeholders of the template that name no column. */
  unknownPlaceholders: string[];
  /** What the rows read their texts from, the settings among it. */
  source: RowSource;
}

// What a row finds is gathered here and copied out only when there is something: most rows
// keep the shared empty lists (see warnings.ts).
const scratch: Problem[] = [];
const scratchWarnings: Warning[] = [];

export function buildPreview(sheet: Sheet, mapping: Mapping, settings: CampaignSettings): Preview {
  return assemblePreview(
    sheet,
    mapping,
    settings,
    readNumbers(sheet, mapping.msisdn, settings.defaultCountry),
    readMessages(sheet, mapping.message),
  );
}

/** The preview from the columns already read: what a change of a campaign setting redoes. */
export function assemblePreview(
  sheet: Sheet,
  mapping: Mapping,
  settings: CampaignSettings,
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
          values: {
            names: unknownPlaceholders.map((name) => `{${name}}`),
            count: unknownPlaceholders.length,
          },
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
    // for every row at each keystroke of a campaign setting.
    const note = row.numberVerdict === 'not-mobile' ? textAt(numberColumn.notes, index) : '';
    if (note !== '') {
      scratchWarnings.push({
        code: 'not-mobile',
        message: note,
        values: { number: row.typedNumber },
        why: numberColumn.whys.get(index),
      });
      ownWarnings = true;
    }
    if (fix !== null && !settings.replaceLookalikes) scratchWarnings.push(lookalikeWarning(fix));
    if (unknownWarning) scratchWarnings.push(unknownWarning);
    if (first >= 0) {
      const firstRow = sheet.sourceRows[first] ?? first + 2;
      scratchWarnings.push({
        code: 'duplicate',
        message: `The number ${row.msisdn} is also in row ${firstRow}: the person gets both messages.`,
        values: { number: row.msisdn, row: firstRow },
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
  return { rows, unknownPlaceholders, source };
}
