/**
 * File names and their life cycle on the provider's server (SPEC section 1): which modifiers an
 * upload name carries, the names a file takes while it is processed, and the names the app
 * uploads under.
 */
import type { Problem } from './problems';

export type Modifier = 'excel' | 'utf8' | 'cp1252';

export interface UploadName {
  /** The name as given. */
  name: string;
  /** The name ends in `.ready`, exactly: the suffix is case-sensitive, unlike the modifiers. */
  ready: boolean;
  /** The name without `.ready`, modifiers kept; '' for the name `.ready`. */
  base: string;
  /** The modifiers at the end of `base`, lowercased, in the order the name has them. */
  modifiers: Modifier[];
  excel: boolean;
  /** The encoding a modifier forces; null when none does, or when both do (`conflicting`). */
  forced: 'utf8' | 'cp1252' | null;
  /** Both `utf8` and `cp1252`: the file is rejected with `conflicting-modifiers`. */
  conflicting: boolean;
}

export type Stage = 'ready' | 'processing' | 'success' | 'rejected';

export interface StageName {
  stage: Stage;
  /** NAME, modifiers kept: what came before `.ready`. */
  base: string;
  /** `YYYYMMDDTHHMMSS`, the UTC time processing started; null for `ready`. */
  stamp: string | null;
}

const READY = '.ready';
const MODIFIERS: readonly Modifier[] = ['excel', 'utf8', 'cp1252'];
const STAMPED_STAGES = ['processing', 'success', 'rejected'] as const;
const STAMP_LENGTH = 15;
const STAMP_T = 8;

const DOT = 0x2e;
const SPACE = 0x20;
const SLASH = 0x2f;
const BACKSLASH = 0x5c;

/** Compares a word with a lowercase ASCII word, ignoring ASCII case only (`K` is not `k`). */
function equalsIgnoringCase(text: string, start: number, end: number, lower: string): boolean {
  if (end - start !== lower.length) return false;
  for (let i = 0; i < lower.length; i++) {
    const c = text.charCodeAt(start + i);
    const folded = c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
    if (folded !== lower.charCodeAt(i)) return false;
  }
  return true;
}

function modifierAt(text: string, start: number, end: number): Modifier | null {
  for (const modifier of MODIFIERS) {
    if (equalsIgnoringCase(text, start, end, modifier)) return modifier;
  }
  return null;
}

/** Where the dot-separated word ending at `end` starts (after its dot, or 0). */
function wordStart(text: string, end: number): number {
  return end === 0 ? 0 : text.lastIndexOf('.', end - 1) + 1;
}

/**
 * Reads an upload name. The modifiers are the words just before `.ready`, read right to left
 * while each is one of excel, utf8, cp1252; the first word of the name counts too, so
 * `utf8.ready` forces UTF-8. A name without `.ready` has its modifiers read from its end.
 */
export function parseUploadName(name: string): UploadName {
  const ready = name.endsWith(READY);
  const base = ready ? name.slice(0, -READY.length) : name;
  const modifiers: Modifier[] = [];
  let end = base.length;
  for (;;) {
    const start = wordStart(base, end);
    const modifier = modifierAt(base, start, end);
    if (modifier === null) break;
    modifiers.push(modifier);
    if (start === 0) break;
    end = start - 1;
  }
  modifiers.reverse();
  const utf8 = modifiers.includes('utf8');
  const cp1252 = modifiers.includes('cp1252');
  return {
    name,
    ready,
    base,
    modifiers,
    excel: modifiers.includes('excel'),
    forced: utf8 === cp1252 ? null : utf8 ? 'utf8' : 'cp1252',
    conflicting: utf8 && cp1252,
  };
}

export function conflictProblem(name: UploadName): Problem | null {
  if (!name.conflicting) return null;
  return {
    row: null,
    column: null,
    code: 'conflicting-modifiers',
    message:
      "The file name has both the utf8 and the cp1252 modifier: keep only the one that names the file's encoding.",
  };
}

/** `YYYY-MM-DDTHH:MM:SS.sssZ`; a date the stamp cannot write is a bug. */
function isoTime(at: Date): string {
  const iso = at.toISOString(); // throws RangeError on an invalid date
  if (iso.length !== 24) throw new RangeError(`A stamp needs a year from 0 to 9999: ${iso}`);
  return iso;
}

/** The UTC time as `YYYYMMDDTHHMMSS`, milliseconds dropped. */
export function formatStamp(at: Date): string {
  const iso = isoTime(at);
  return (
    iso.slice(0, 4) +
    iso.slice(5, 7) +
    iso.slice(8, 10) +
    'T' +
    iso.slice(11, 13) +
    iso.slice(14, 16) +
    iso.slice(17, 19)
  );
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isStampShape(text: string, start: number, end: number, t: string): boolean {
  if (end - start !== STAMP_LENGTH || text[start + STAMP_T] !== t) return false;
  for (let i = start; i < end; i++) {
    if (i !== start + STAMP_T && !isDigit(text.charCodeAt(i))) return false;
  }
  return true;
}

/** Reads `YYYYMMDDTHHMMSS` as a UTC time; null unless it is exactly that and a real time. */
export function parseStamp(stamp: string): Date | null {
  if (!isStampShape(stamp, 0, stamp.length, 'T')) return null;
  const number = (from: number, to: number) => Number(stamp.slice(from, to));
  const at = new Date(0);
  // setUTCFullYear, not Date.UTC, which maps years 0-99 to 1900-1999.
  at.setUTCFullYear(number(0, 4), number(4, 6) - 1, number(6, 8));
  at.setUTCHours(number(9, 11), number(11, 13), number(13, 15));
  // Out-of-range fields (month 13, 30 February, hour 24) roll over and so fail to match.
  return formatStamp(at) === stamp ? at : null;
}

/**
 * Reads a name of the life cycle: `NAME.ready`, or `NAME.STAMP.processing|success|rejected`
 * with a real stamp. Null for any other name, such as an upload still under its own name.
 */
export function parseStageName(name: string): StageName | null {
  if (name.endsWith(READY)) {
    return { stage: 'ready', base: name.slice(0, -READY.length), stamp: null };
  }
  for (const stage of STAMPED_STAGES) {
    if (!name.endsWith(`.${stage}`)) continue;
    const stampEnd = name.length - stage.length - 1;
    const stampStart = stampEnd - STAMP_LENGTH;
    if (stampStart < 1 || name.charCodeAt(stampStart - 1) !== DOT) return null;
    const stamp = name.slice(stampStart, stampEnd);
    if (parseStamp(stamp) === null) return null;
    return { stage, base: name.slice(0, stampStart - 1), stamp };
  }
  return null;
}

/** `NAME.ready` -> `NAME.STAMP.processing`, with `at` the time processing starts. */
export function processingName(readyName: string, at: Date): string {
  const parsed = parseStageName(readyName);
  if (parsed?.stage !== 'ready') throw new RangeError(`Not a .ready name: ${readyName}`);
  return `${parsed.base}.${formatStamp(at)}.processing`;
}

/** `NAME.STAMP.processing` -> `NAME.STAMP.success` or `NAME.STAMP.rejected`. */
export function finishedName(processing: string, outcome: 'success' | 'rejected'): string {
  const parsed = parseStageName(processing);
  if (parsed?.stage !== 'processing') throw new RangeError(`Not a .processing name: ${processing}`);
  return `${parsed.base}.${parsed.stamp}.${outcome}`;
}

/**
 * Characters a base name may not hold: path separators (a rename must stay in the account's
 * folder), control characters (FTP commands end at CR LF), the characters Windows forbids in
 * file names (the app saves downloaded files under these names), and unpaired surrogates
 * (which have no UTF-8 form for the FTP command).
 */
function isForbidden(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return true;
  switch (c) {
    case SLASH:
    case BACKSLASH:
    case 0x3c: // <
    case 0x3e: // >
    case 0x3a: // :
    case 0x22: // "
    case 0x7c: // |
    case 0x3f: // ?
    case 0x2a: // *
      return true;
  }
  if (c >= 0xd800 && c <= 0xdbff) {
    const next = text.charCodeAt(i + 1);
    return !(next >= 0xdc00 && next <= 0xdfff);
  }
  if (c >= 0xdc00 && c <= 0xdfff) {
    const previous = text.charCodeAt(i - 1);
    return !(previous >= 0xd800 && previous <= 0xdbff);
  }
  return false;
}

/** Words that would change what the server reads at the end of a name. */
function isNameWord(text: string, start: number, end: number): boolean {
  return (
    modifierAt(text, start, end) !== null ||
    equalsIgnoringCase(text, start, end, 'ready') ||
    STAMPED_STAGES.some((stage) => equalsIgnoringCase(text, start, end, stage)) ||
    isStampShape(text, start, end, 'T') ||
    isStampShape(text, start, end, 't')
  );
}

/**
 * Leaves room in a 255-byte file name for the modifiers, stamp and stage the name gains
 * (`.cp1252.excel.20261124T140000.processing` is 40 bytes).
 */
const MAX_BASE_BYTES = 200;

function utf8Length(c: number): number {
  return c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
}

/** The longest prefix that fits `MAX_BASE_BYTES` in UTF-8, never splitting a surrogate pair. */
function truncate(text: string): string {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    const pair = c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
    // A lone surrogate counts 3 bytes, more than the `_` that replaces it.
    bytes += pair ? 4 : utf8Length(c);
    if (bytes > MAX_BASE_BYTES) return text.slice(0, i);
    if (pair) i++;
  }
  return text;
}

const FALLBACK_BASE = 'batch';

/**
 * Makes a file name a user typed or dropped safe to upload: its last path segment, forbidden
 * characters replaced with `_`, no leading dots or spaces, no trailing dots, spaces, modifier,
 * stage or stamp words (the app adds its own modifiers, and a re-uploaded `x.csv.STAMP.rejected`
 * becomes `x.csv` again), at most 200 UTF-8 bytes; `batch` if nothing is left.
 */
export function safeBaseName(input: string): string {
  let end = input.length;
  while (end > 0 && isSeparator(input.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && !isSeparator(input.charCodeAt(start - 1))) start--;
  while (start < end && isDotOrSpace(input.charCodeAt(start))) start++;

  // Cut before replacing: `_` is never longer than what it replaces, so the cut still holds.
  const kept = truncate(input.slice(start, end));
  let name = '';
  for (let i = 0; i < kept.length; i++) name += isForbidden(kept, i) ? '_' : kept[i];

  end = name.length;
  for (;;) {
    while (end > 0 && isDotOrSpace(name.charCodeAt(end - 1))) end--;
    const wordFrom = wordStart(name, end);
    if (end === 0 || !isNameWord(name, wordFrom, end)) break;
    end = wordFrom === 0 ? 0 : wordFrom - 1;
  }
  return end === 0 ? FALLBACK_BASE : name.slice(0, end);
}

function isSeparator(c: number): boolean {
  return c === SLASH || c === BACKSLASH;
}

function isDotOrSpace(c: number): boolean {
  return c === DOT || c === SPACE;
}

/**
 * The name the app renames an upload to, so that the server reads exactly these modifiers:
 * `uploadName('campaign.csv', { excel: true, encoding: 'cp1252' })` is
 * `campaign.csv.cp1252.excel.ready`. A base that would change that reading (ending in a
 * modifier, empty, starting with a dot, or holding a forbidden character) is a bug: pass it
 * through `safeBaseName` first.
 */
export function uploadName(
  base: string,
  modifiers: { excel: boolean; encoding: 'utf8' | 'cp1252' | null },
): string {
  const words: string[] = [];
  if (modifiers.encoding !== null) words.push(modifiers.encoding);
  if (modifiers.excel) words.push('excel');
  const name = [base, ...words].join('.') + READY;
  let plain = base !== '' && base.charCodeAt(0) !== DOT;
  for (let i = 0; plain && i < base.length; i++) plain = !isForbidden(base, i);
  if (!plain || parseUploadName(name).modifiers.length !== words.length) {
    throw new RangeError(`Not a safe base name (see safeBaseName): ${JSON.stringify(base)}`);
  }
  return name;
}

/** An upload name without its `.ready`: what an exported file is saved as (see WrittenFile). */
export function withoutReady(name: string): string {
  return name.endsWith(READY) ? name.slice(0, -READY.length) : name;
}
