/** A small sheet for the preview's tests: typed numbers in several forms, a repeat, a bad one. */
import type { Mapping } from './mapping';
import type { PreviewRow } from './preview-row';
import { sheetFromRows } from './sheet';

export const sampleSheet = sheetFromRows('S', [
  ['Telefon', 'Navn', 'Besked'],
  ['+45 20 12 34 56', 'Ann', 'Hi Ann, it’s ready'],
  ['20123457', 'Bo', 'Hej Bo – velkommen'],
  ['0045 20123456', 'Ann', 'Again'],
  ['4.51E+09', 'Cy', ''],
]);
export const byColumn: Mapping = {
  msisdn: 0,
  message: { kind: 'column', column: 2 },
  sender: null,
  userref: null,
  class: null,
};

/** Every field of a row, texts read: what a person sees of it and what is sent of it. */
export function plainRow(row: PreviewRow): Record<keyof PreviewRow, unknown> {
  return {
    index: row.index,
    sourceRow: row.sourceRow,
    typedNumber: row.typedNumber,
    msisdn: row.msisdn,
    numberVerdict: row.numberVerdict,
    message: row.message,
    sender: row.sender,
    messageClass: row.messageClass,
    userref: row.userref,
    encoding: row.encoding,
    units: row.units,
    parts: row.parts,
    errors: row.errors,
    warnings: row.warnings,
    duplicateOf: row.duplicateOf,
    fix: row.fix,
  };
}
