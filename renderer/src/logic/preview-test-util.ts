/** A small sheet for the preview's tests: typed numbers in several forms, a repeat, a bad one. */
import type { Mapping } from './mapping';
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
