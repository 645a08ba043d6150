/**
 * Which spreadsheet column holds what the provider needs. The app guesses from the column names
 * (English and Danish, as the customers write them) and, where names say nothing, from the
 * values; the person can change every choice.
 */
import { cellAt } from './sheet';
import type { Sheet } from './sheet';

export type Field = 'msisdn' | 'message' | 'sender' | 'userref' | 'class';
export const FIELDS: readonly Field[] = ['msisdn', 'message', 'sender', 'userref', 'class'];

/** The message is a column, or a text written in the app (a template using the columns). */
export type MessageSource = { kind: 'column'; column: number } | { kind: 'template'; text: string };

export interface Mapping {
  msisdn: number | null;
  message: MessageSource | null;
  sender: number | null;
  userref: number | null;
  class: number | null;
}

export const EMPTY_MAPPING: Mapping = {
  msisdn: null,
  message: null,
  sender: null,
  userref: null,
  class: null,
};

/** Names as people write them, lower case, without spaces, dashes or underscores. */
const NAMES: Record<Field, readonly string[]> = {
  msisdn: [
    'msisdn',
    'phone',
    'phonenumber',
    'phoneno',
    'mobile',
    'mobilenumber',
    'mobilephone',
    'cell',
    'cellphone',
    'number',
    'tel',
    'telephone',
    'recipient',
    'to',
    'sms',
    'telefon',
    'telefonnummer',
    'telefonnr',
    'tlf',
    'tlfnr',
    'mobil',
    'mobilnummer',
    'mobilnr',
    'nummer',
    'nr',
    'modtager',
  ],
  message: [
    'message',
    'text',
    'msg',
    'body',
    'content',
    'smstext',
    'besked',
    'tekst',
    'smstekst',
    'meddelelse',
    'indhold',
    'budskab',
  ],
  sender: ['sender', 'from', 'senderid', 'sendername', 'afsender', 'fra', 'afsendernavn'],
  userref: [
    'userref',
    'reference',
    'ref',
    'id',
    'customerid',
    'orderid',
    'kundenr',
    'kundenummer',
    'ordrenr',
    'ordrenummer',
    'referencenr',
  ],
  class: ['class', 'messageclass', 'klasse', 'type'],
};

/** Names that hint at a field although they are not its name (`Mobil nr. (privat)`). */
const HINTS: Record<Field, readonly string[]> = {
  msisdn: ['phone', 'mobil', 'telef', 'tlf', 'msisdn', 'cell'],
  message: ['message', 'besked', 'tekst', 'text'],
  sender: ['sender', 'afsender'],
  userref: ['ref'],
  class: [],
};

function key(name: string): string {
  return name.toLowerCase().replace(/[\s\-_.:#()]/g, '');
}

/** 2 for a known name, 1 for a hint in the name, 0 otherwise. */
function nameScore(field: Field, name: string): number {
  const k = key(name);
  if (k === '') return 0;
  if (NAMES[field].includes(k)) return 2;
  return HINTS[field].some((hint) => k.includes(hint)) ? 1 : 0;
}

const SAMPLE_ROWS = 50;

/** Share of non-empty sample values that look like phone numbers. */
function phoneShare(values: readonly string[]): number {
  let phones = 0;
  let filled = 0;
  for (const value of values) {
    const v = value.trim();
    if (v === '') continue;
    filled++;
    const digits = v.replace(/[\s\-().+]/g, '');
    if (/^\d{8,15}$/.test(digits)) phones++;
  }
  return filled === 0 ? 0 : phones / filled;
}

/** Average length of non-empty sample values: messages are the long text. */
function textLength(values: readonly string[]): number {
  let total = 0;
  let filled = 0;
  for (const value of values) {
    if (value.trim() === '') continue;
    filled++;
    total += /[A-Za-zÆØÅæøå]/.test(value) ? value.length : 0;
  }
  return filled === 0 ? 0 : total / filled;
}

export function guessMapping(sheet: Sheet): Mapping {
  const sampled = Math.min(sheet.rowCount, SAMPLE_ROWS);
  const columnValues = sheet.header.map((_, column) =>
    Array.from({ length: sampled }, (_, row) => cellAt(sheet, row, column)),
  );
  const taken = new Set<number>();
  const pick = (field: Field, valueScore: (column: number) => number): number | null => {
    let best: number | null = null;
    let bestScore = 0;
    sheet.header.forEach((name, column) => {
      if (taken.has(column)) return;
      const score = nameScore(field, name) * 10 + valueScore(column);
      if (score > bestScore) {
        best = column;
        bestScore = score;
      }
    });
    if (best !== null) taken.add(best);
    return best;
  };
  // The number first: its values are the surest sign, and a numbered column is then not
  // mistaken for a reference.
  const msisdn = pick('msisdn', (column) => {
    const share = phoneShare(columnValues[column]!);
    return share >= 0.8 ? 5 + share : 0;
  });
  const message = pick('message', (column) => {
    const length = textLength(columnValues[column]!);
    return length >= 15 ? Math.min(length / 20, 5) : 0;
  });
  const sender = pick('sender', () => 0);
  const userref = pick('userref', () => 0);
  const cls = pick('class', (column) =>
    columnValues[column]!.every((v) => ['', 'standard', 'premium', 'secret'].includes(v)) &&
    columnValues[column]!.some((v) => v !== '')
      ? 5
      : 0,
  );
  return {
    msisdn,
    message: message === null ? null : { kind: 'column', column: message },
    sender,
    userref,
    class: cls,
  };
}
