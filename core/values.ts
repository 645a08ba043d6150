import type { Column } from './header';
import { report } from './problems';
import type { Described, Problem, ProblemSink } from './problems';
import {
  countSegments,
  GSM7_SEPTETS,
  isTooLong,
  MAX_GSM7_SEPTETS,
  MAX_PARTS,
  MAX_UCS2_UNITS,
} from './segments';
import type { Segments, SeptetTable, SmsEncoding } from './segments';

/** One row's values, by column; a column the file does not have reads as ''. */
export type RowValues = Record<Column, string>;

export const CLASSES = ['standard', 'premium', 'secret'] as const;
export type MessageClass = (typeof CLASSES)[number];
export const MAX_USERREF = 255;

/** A message the server would queue: one data row, its values as the server reads them. */
export interface Message {
  row: number;
  msisdn: string;
  message: string;
  sender: string;
  class: MessageClass | string;
  userref: string;
  encoding: SmsEncoding;
  parts: number;
}

/**
 * One data row's values as check read them from the file, before the server's reading of them
 * (messageOf): the msisdn with its spaces, an empty class still empty; its message counted.
 */
export interface RawRow {
  row: number;
  msisdn: string;
  message: string;
  sender: string;
  class: string;
  userref: string;
  segments: Segments;
}

/** Only spaces around a number are ignored (SPEC section 6), not tabs or other blanks. */
export function trimSpaces(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && value.charCodeAt(start) === 0x20) start++;
  while (end > start && value.charCodeAt(end - 1) === 0x20) end--;
  return start === 0 && end === value.length ? value : value.slice(start, end);
}

function isValidMsisdn(value: string): boolean {
  const length = value.length;
  if (length < 8 || length > 15) return false;
  const first = value.charCodeAt(0);
  if (first < 0x31 || first > 0x39) return false;
  for (let i = 1; i < length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/**
 * Where the `max`-th code point of `value` ends, counting as `[...value]` does (an unpaired
 * surrogate is one), or -1 when it has fewer. Reads at most `max` code points, so a 30 MiB
 * value costs no more than a short one.
 */
function codePointsEnd(value: string, max: number): number {
  let at = 0;
  for (let n = 0; n < max; n++) {
    if (at >= value.length) return -1;
    const c = value.charCodeAt(at);
    const next = value.charCodeAt(at + 1);
    at += c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
  }
  return at;
}

/** How many code points `value` has, as `[...value].length`, without the array. */
export function codePointLength(value: string): number {
  let length = value.length;
  for (let i = 0; i + 1 < value.length; i++) {
    const c = value.charCodeAt(i);
    const next = value.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      length--;
      i++;
    }
  }
  return length;
}

/** Shows a value inside a sentence: quoted, on one line, cut when long. */
export function quote(value: string, max = 40): string {
  const end = value.length > max ? codePointsEnd(value, max) : -1;
  return JSON.stringify(end >= 0 && end < value.length ? value.slice(0, end) + '…' : value);
}

const SCIENTIFIC = /^\d+(?:[.,]\d+)?[eE]\+?\d+$/;

/**
 * Why a number is not one the server accepts, in words that say what to do, with the values
 * the words name; null if it is fine.
 */
export function describeMsisdn(raw: string): Described | null {
  const value = trimSpaces(raw);
  if (isValidMsisdn(value)) return null;
  if (value === '') return { message: 'The phone number is missing.', values: { kind: 'missing' } };
  const shown = quote(value);
  if (SCIENTIFIC.test(value)) {
    return {
      message: `The phone number ${shown} is in scientific notation, so Excel has already lost its last digits: format the column as Text (or Number with 0 decimals) in Excel and type the numbers again.`,
      values: { kind: 'scientific', value: shown },
    };
  }
  const digits = value.replace(/[\s\-().]/g, '');
  if (/^(\+|00)[1-9]\d{7,14}$/.test(digits)) {
    const prefix = value.startsWith('+') ? '+' : '00';
    const written = digits.replace(/^(\+|00)/, '');
    return {
      message: `The phone number ${shown} must be digits only with the country code and no "${prefix}" in front: write ${written}.`,
      values: { kind: 'prefix', value: shown, prefix, digits: written },
    };
  }
  if (/[^\d]/.test(value)) {
    return {
      message: `The phone number ${shown} must be digits only (no spaces, dashes, "+" or letters): 8 to 15 digits with the country code, like 4512345678.`,
      values: { kind: 'not-digits', value: shown },
    };
  }
  if (value.startsWith('0')) {
    return {
      message: `The phone number ${shown} starts with 0: write it with the country code and without leading zeros, like 4512345678.`,
      values: { kind: 'leading-zero', value: shown },
    };
  }
  return {
    message: `The phone number ${shown} has ${value.length} digits: it must have 8 to 15, with the country code, like 4512345678.`,
    values: { kind: 'length', value: shown, length: value.length },
  };
}

export function msisdnProblem(raw: string): string | null {
  return describeMsisdn(raw)?.message ?? null;
}

const SENDER_TEXT = /^[A-Za-z0-9 .\-_&+]{1,11}$/;
const HAS_LETTER = /[A-Za-z]/;

/** `[A-Za-z0-9 .\-_&+]` as flags per ASCII code: 1 digit, 2 letter, 4 other allowed. */
export const SENDER_CHARACTERS: Uint8Array = (() => {
  const table = new Uint8Array(128);
  for (let c = 0x30; c <= 0x39; c++) table[c] = 1;
  for (let c = 0x41; c <= 0x5a; c++) table[c] = 2;
  for (let c = 0x61; c <= 0x7a; c++) table[c] = 2;
  for (const c of ' .-_&+') table[c.charCodeAt(0)] = 4;
  return table;
})();

/**
 * SPEC 6's sender rule in one pass, as check runs it on every row: empty, up to 15 digits, or
 * up to 11 of `[A-Za-z0-9 .\-_&+]` with a letter among them. senderProblem says why not.
 */
function isValidSender(sender: string): boolean {
  const length = sender.length;
  if (length === 0) return true;
  if (length > 15) return false;
  let seen = 0;
  for (let i = 0; i < length; i++) {
    const c = sender.charCodeAt(i);
    const kind = c < 128 ? (SENDER_CHARACTERS[c] as number) : 0;
    if (kind === 0) return false;
    seen |= kind;
  }
  return seen === 1 || (length <= 11 && (seen & 2) !== 0);
}

export function describeSender(sender: string): Described | null {
  if (isValidSender(sender)) return null;
  const shown = quote(sender);
  if (/^\d+$/.test(sender)) {
    return {
      message: `The sender ${shown} has ${sender.length} digits: a number sender has at most 15.`,
      values: { kind: 'digits', value: shown, length: sender.length },
    };
  }
  const length = codePointLength(sender);
  if (length > 11) {
    return {
      message: `The sender ${shown} is ${length} characters long: a text sender has at most 11 (or use up to 15 digits).`,
      values: { kind: 'too-long', value: shown, length },
    };
  }
  if (!HAS_LETTER.test(sender) && SENDER_TEXT.test(sender)) {
    return {
      message: `The sender ${shown} needs at least one letter A-Z, or must be digits only.`,
      values: { kind: 'no-letter', value: shown },
    };
  }
  return {
    message: `The sender ${shown} may only use A-Z, a-z, 0-9, space and . - _ & + (no letters like æ, ø, å).`,
    values: { kind: 'characters', value: shown },
  };
}

export function senderProblem(sender: string): string | null {
  return describeSender(sender)?.message ?? null;
}

function isKnownClass(value: string): boolean {
  return value === '' || (CLASSES as readonly string[]).includes(value);
}

export function describeClass(value: string): Described | null {
  if (isKnownClass(value)) return null;
  const shown = quote(value);
  return {
    message: `The class ${shown} is not one the provider knows: use standard, premium or secret (lowercase), or leave it empty for standard.`,
    values: { value: shown },
  };
}

export function classProblem(value: string): string | null {
  return describeClass(value)?.message ?? null;
}

export function describeUserref(value: string): Described | null {
  if (value.length <= MAX_USERREF) return null;
  const length = codePointLength(value);
  if (length <= MAX_USERREF) return null;
  return {
    message: `The reference is ${length} characters long: it can have at most ${MAX_USERREF}.`,
    values: { length },
  };
}

export function userrefProblem(value: string): string | null {
  return describeUserref(value)?.message ?? null;
}

export function messageProblem(
  message: string,
  segments: Segments,
): ({ code: 'empty-message' | 'message-too-long' } & Described) | null {
  if (message === '') return { code: 'empty-message', message: 'The message is empty.' };
  if (!isTooLong(segments)) return null;
  const gsm7 = segments.encoding === 'GSM-7';
  const limit = gsm7
    ? `${MAX_GSM7_SEPTETS} GSM-7 characters`
    : `${MAX_UCS2_UNITS} characters when it uses characters outside GSM-7 (UCS-2)`;
  return {
    code: 'message-too-long',
    message: `The message needs ${segments.parts} SMS parts (${segments.units} ${gsm7 ? 'GSM-7 characters' : 'UCS-2 units'}): it can have at most ${limit}, ${MAX_PARTS} parts.`,
    values: { kind: gsm7 ? 'gsm7' : 'ucs2', parts: segments.parts, units: segments.units },
  };
}

/** Checks one data row's values and gives the message the server would queue (SPEC 6 and 7). */
export function checkRow(values: RowValues, row: number, problems: Problem[]): Message {
  return checkValues(
    values.msisdn,
    values.message,
    values.sender,
    values.class,
    values.userref,
    row,
    problems,
  );
}

/**
 * How check reads a row's text: what each character costs in septets, and how a value reads in
 * a problem's message. A pending Windows-1252 text (Windows1252Reading) needs both.
 */
export interface TextReading {
  septets: SeptetTable;
  reveal: (value: string) => string;
}

export const PLAIN_TEXT: TextReading = { septets: GSM7_SEPTETS, reveal: (value) => value };

/**
 * Validates one data row's values (SPEC 6), its message's segments (SPEC 7) counted, adding a
 * problem for each that is wrong. check() calls it for every row of a large file, so it builds
 * nothing. Every valid msisdn, sender and class is ASCII, so a value still pending is judged
 * the same as its resolved form, which only its problem's message needs.
 */
export function validateValues(
  rawMsisdn: string,
  message: string,
  sender: string,
  cls: string,
  userref: string,
  row: number,
  problems: ProblemSink,
  segments: Segments,
  text: TextReading = PLAIN_TEXT,
): void {
  // Each sentence is written only if it is kept (see report): a file can have millions.
  if (!isValidMsisdn(trimSpaces(rawMsisdn))) {
    report(problems, row, 'msisdn', 'bad-msisdn', () => describeMsisdn(text.reveal(rawMsisdn))!);
  }
  const messageText = messageProblem(message, segments);
  if (messageText) {
    const { code, ...described } = messageText;
    problems.push({ row, column: 'message', code, ...described });
  }
  if (!isValidSender(sender)) {
    report(problems, row, 'sender', 'bad-sender', () => describeSender(text.reveal(sender))!);
  }
  if (!isKnownClass(cls)) {
    report(problems, row, 'class', 'bad-class', () => describeClass(text.reveal(cls))!);
  }
  // Each pending character is one character resolved, so the length is the same.
  const userrefText = describeUserref(userref);
  if (userrefText) problems.push({ row, column: 'userref', code: 'bad-userref', ...userrefText });
}

/** The class the server queues a message with: an empty class cell is standard. */
export function queuedClass(cls: string): string {
  return cls === '' ? 'standard' : cls;
}

/** The message the server queues for a row whose values are read (resolved) and counted. */
export function messageOf(raw: RawRow): Message {
  return {
    row: raw.row,
    msisdn: trimSpaces(raw.msisdn),
    message: raw.message,
    sender: raw.sender,
    class: queuedClass(raw.class),
    userref: raw.userref,
    encoding: raw.segments.encoding,
    parts: raw.segments.parts,
  };
}

/** checkRow without the record of values. */
export function checkValues(
  rawMsisdn: string,
  message: string,
  sender: string,
  cls: string,
  userref: string,
  row: number,
  problems: Problem[],
): Message {
  const segments = countSegments(message);
  validateValues(rawMsisdn, message, sender, cls, userref, row, problems, segments);
  return messageOf({ row, msisdn: rawMsisdn, message, sender, class: cls, userref, segments });
}

function isClass(value: string): value is MessageClass {
  return (CLASSES as readonly string[]).includes(value);
}

/**
 * mixed-class (SPEC 6), row by row: every row must come to the class of the first row that
 * has a valid one; each row that does not is named. A row with an invalid class has its
 * bad-class already. An empty class is standard.
 */
export class ClassAgreement {
  #first: { row: number; cls: MessageClass } | null = null;

  problemFor(row: number, rawClass: string): Problem | null {
    const first = this.#first;
    const cls = rawClass === '' ? 'standard' : rawClass;
    // The common case first: check asks this of every row.
    if (first !== null && cls === first.cls) return null;
    if (!isClass(cls)) return null;
    if (first === null) {
      this.#first = { row, cls };
      return null;
    }
    return {
      row,
      column: 'class',
      code: 'mixed-class',
      message: `This row's class is ${cls} but row ${first.row}'s is ${first.cls}: every message in a file must have the same class, so send them as separate files.`,
      values: { class: cls, firstRow: first.row, firstClass: first.cls },
    };
  }
}

/** mixed-class over messages already read, in row order. */
export function mixedClassProblems(messages: readonly Pick<Message, 'row' | 'class'>[]): Problem[] {
  const agreement = new ClassAgreement();
  const problems: Problem[] = [];
  for (const message of messages) {
    const problem = agreement.problemFor(message.row, message.class);
    if (problem) problems.push(problem);
  }
  return problems;
}
