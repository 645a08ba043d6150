/**
 * The number and message columns read ahead of the preview (issue 16): the reading worker parses
 * the numbers of the column it guesses while the page reads the messages, on the other core, and
 * the preview takes them instead of reading them again. A column read ahead is taken only for
 * exactly the sheet, column and country (or message) it was read for; anything else is read
 * here, the plain way. readNumbers and readMessages stay the one definition of both.
 */
import { readMessages, readNumbers } from './columns';
import type { MessageColumn, NumberColumn } from './columns';
import type { Mapping } from './mapping';
import type { CountryCode } from './phone';
import type { Sheet } from './sheet';

interface NumbersAhead {
  column: number;
  country: CountryCode;
  numbers: NumberColumn;
}

interface MessagesAhead {
  message: Mapping['message'];
  messages: MessageColumn;
}

const numbersAhead = new WeakMap<Sheet, NumbersAhead>();
const messagesAhead = new WeakMap<Sheet, MessagesAhead>();

export function keepNumbersAhead(sheet: Sheet, ahead: NumbersAhead): void {
  numbersAhead.set(sheet, ahead);
}

export function keepMessagesAhead(sheet: Sheet, ahead: MessagesAhead): void {
  messagesAhead.set(sheet, ahead);
}

/** readNumbers, or what was read ahead for the same sheet, column and country. */
export function numbersFor(
  sheet: Sheet,
  column: number | null,
  defaultCountry: CountryCode,
): NumberColumn {
  const ahead = numbersAhead.get(sheet);
  if (ahead !== undefined && ahead.column === column && ahead.country === defaultCountry)
    return ahead.numbers;
  return readNumbers(sheet, column, defaultCountry);
}

function sameMessage(a: Mapping['message'], b: Mapping['message']): boolean {
  if (a === null || b === null) return a === b;
  if (a.kind === 'column') return b.kind === 'column' && a.column === b.column;
  return b.kind === 'template' && a.text === b.text;
}

/** readMessages, or what was read ahead for the same sheet and message. */
export function messagesFor(sheet: Sheet, message: Mapping['message']): MessageColumn {
  const ahead = messagesAhead.get(sheet);
  if (ahead !== undefined && sameMessage(ahead.message, message)) return ahead.messages;
  return readMessages(sheet, message);
}
